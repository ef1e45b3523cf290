package clitest_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/datazone"
	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

const (
	executionRole = "arn:aws:iam::" + account + ":role/service-role/AmazonSageMakerDomainExecution"
	serviceRole   = "arn:aws:iam::" + account + ":role/service-role/AmazonSageMakerDomainService"
	// exitUsageError is the AWS CLI v2 exit code for a command it does not
	// know or arguments it rejects before sending a request.
	exitUsageError = 252
)

type blueprintList struct {
	Items []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"items"`
}

// blueprintID looks up the id of the managed blueprint name in a domain
// with `aws datazone list-environment-blueprints`. CLI releases older than
// the DataZone service (such as 2.9) lack that command, and then the Go
// SDK makes the same call.
func blueprintID(t *testing.T, srv *localtest.Server, domainID, name string) string {
	t.Helper()
	stdout, stderr, code := runAWS(t, srv, account, "datazone", "list-environment-blueprints",
		"--domain-identifier", domainID, "--managed", "--name", name)
	var ids []string
	switch {
	case code == 0:
		for _, item := range decode[blueprintList](t, stdout).Items {
			ids = append(ids, item.ID)
		}
	case code == exitUsageError && strings.Contains(stderr, "Invalid choice"):
		t.Logf("this AWS CLI has no datazone command; listing blueprints with the Go SDK")
		out, err := datazone.NewFromConfig(srv.Config(account)).ListEnvironmentBlueprints(context.Background(),
			&datazone.ListEnvironmentBlueprintsInput{
				DomainIdentifier: aws.String(domainID), Managed: aws.Bool(true), Name: aws.String(name),
			})
		if err != nil {
			t.Fatalf("list blueprints of %s: %v", domainID, err)
		}
		for _, item := range out.Items {
			ids = append(ids, aws.ToString(item.Id))
		}
	default:
		t.Fatalf("aws datazone list-environment-blueprints exited %d: %s", code, stderr)
	}
	if len(ids) != 1 || ids[0] == "" {
		t.Fatalf("managed blueprints named %s in %s = %v, want one id", name, domainID, ids)
	}

	return ids[0]
}

// secondPart returns the part after the first "|" of a two-part identifier.
func secondPart(t *testing.T, id string) string {
	t.Helper()
	_, part, ok := strings.Cut(id, "|")
	if !ok {
		t.Fatalf("identifier %q has no \"|\"", id)
	}

	return part
}

// createExecutionRole creates the role that executionRole names. Tests that
// call it set a short Options.RolePropagation, so a domain can name the
// role at once.
func createExecutionRole(t *testing.T, srv *localtest.Server) {
	t.Helper()
	mustCreate(t, srv, "AWS::IAM::Role", map[string]any{
		"RoleName": "AmazonSageMakerDomainExecution", "Path": "/service-role/",
		"AssumeRolePolicyDocument": trustPolicy("datazone.amazonaws.com"),
	})
}

// TestDataZoneHierarchy builds a domain, a blueprint configuration, a
// project profile, a project and a membership with the CLI, as an
// administrator sets up SageMaker Unified Studio.
func TestDataZoneHierarchy(t *testing.T) {
	t.Parallel()
	srv := startCloud(t, localcloud.Options{RolePropagation: time.Millisecond})
	createExecutionRole(t, srv)

	created := createResource(t, srv, "AWS::DataZone::Domain", map[string]any{
		"Name": "corp", "DomainVersion": "V2", "DomainExecutionRole": executionRole, "ServiceRole": serviceRole,
	})
	domainID := created.Identifier
	if !regexp.MustCompile(`^dzd_[a-z0-9]{14}$`).MatchString(domainID) {
		t.Fatalf("domain identifier %q is not dzd_ and 14 lowercase alphanumerics", domainID)
	}
	mustSucceed(t, srv, created.RequestToken)
	domain := getModel(t, srv, "AWS::DataZone::Domain", domainID)
	wantDomain := map[string]any{
		"Id":               domainID,
		"Status":           "AVAILABLE",
		"Arn":              "arn:aws:datazone:us-east-1:" + account + ":domain/" + domainID,
		"PortalUrl":        "https://" + domainID + ".sagemaker.us-east-1.on.aws",
		"ManagedAccountId": account,
	}
	for prop, want := range wantDomain {
		if diff := cmp.Diff(want, domain[prop]); diff != "" {
			t.Errorf("domain %s (-want +got):\n%s", prop, diff)
		}
	}
	if v, ok := domain["ServiceRole"]; ok {
		t.Errorf("get-resource returned write-only ServiceRole = %v", v)
	}

	tooling := blueprintID(t, srv, domainID, "Tooling")
	configID := mustCreate(t, srv, "AWS::DataZone::EnvironmentBlueprintConfiguration", map[string]any{
		"DomainIdentifier": domainID, "EnvironmentBlueprintIdentifier": tooling,
		"EnabledRegions": []string{region}, "ProvisioningRoleArn": executionRole,
	})
	if diff := cmp.Diff(domainID+"|"+tooling, configID); diff != "" {
		t.Errorf("blueprint configuration identifier (-want +got):\n%s", diff)
	}
	config := getModel(t, srv, "AWS::DataZone::EnvironmentBlueprintConfiguration", configID)
	if config["EnvironmentBlueprintId"] != tooling || config["DomainId"] != domainID {
		t.Errorf("blueprint configuration = %v, want EnvironmentBlueprintId %s and DomainId %s", config, tooling, domainID)
	}
	if _, ok := config["DomainIdentifier"]; ok {
		t.Errorf("get-resource returned write-only DomainIdentifier: %v", config)
	}

	profileID := mustCreate(t, srv, "AWS::DataZone::ProjectProfile", map[string]any{
		"DomainIdentifier": domainID, "Name": "All capabilities",
		"EnvironmentConfigurations": []any{map[string]any{
			"Name": "Tooling", "EnvironmentBlueprintId": tooling, "DeploymentMode": "ON_CREATE",
			"AwsRegion": map[string]any{"RegionName": region},
		}},
	})
	projectID := mustCreate(t, srv, "AWS::DataZone::Project", map[string]any{
		"DomainIdentifier": domainID, "Name": "analytics", "ProjectProfileId": secondPart(t, profileID),
	})
	project := getModel(t, srv, "AWS::DataZone::Project", projectID)
	if project["ProjectStatus"] != "ACTIVE" || project["DomainId"] != domainID {
		t.Errorf("project = %v, want ProjectStatus ACTIVE in domain %s", project, domainID)
	}
	if _, ok := project["ProjectProfileId"]; ok {
		t.Errorf("get-resource returned write-only ProjectProfileId: %v", project)
	}

	member := "arn:aws:iam::" + account + ":role/data-engineer"
	membershipID := mustCreate(t, srv, "AWS::DataZone::ProjectMembership", map[string]any{
		"DomainIdentifier": domainID, "ProjectIdentifier": secondPart(t, projectID),
		"Designation": "PROJECT_CONTRIBUTOR", "Member": map[string]any{"UserIdentifier": member},
	})
	parts := strings.Split(membershipID, "|")
	if len(parts) != 4 || parts[0] != domainID || parts[2] != "USER_IDENTIFIER" || parts[3] != secondPart(t, projectID) {
		t.Errorf("membership identifier %q, want domain|member|USER_IDENTIFIER|project", membershipID)
	}

	scoped := map[string]struct {
		typeName string
		scope    map[string]any
		want     []string
	}{
		"blueprint-configuration": {"AWS::DataZone::EnvironmentBlueprintConfiguration",
			map[string]any{"DomainIdentifier": domainID}, []string{configID}},
		"project": {"AWS::DataZone::Project", map[string]any{"DomainIdentifier": domainID}, []string{projectID}},
		"project-membership": {"AWS::DataZone::ProjectMembership",
			map[string]any{"DomainIdentifier": domainID, "ProjectIdentifier": secondPart(t, projectID)},
			[]string{membershipID}},
	}
	for name, tc := range scoped {
		got := listIdentifiers(t, srv, tc.typeName, "--resource-model", mustJSON(t, tc.scope))
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s: list-resources --resource-model %v (-want +got):\n%s", name, tc.scope, diff)
		}
	}

	update := decode[progressOutput](t, mustAWS(t, srv, "cloudcontrol", "update-resource",
		"--type-name", "AWS::DataZone::Project", "--identifier", projectID,
		"--patch-document", patchArg(t, map[string]any{"op": "add", "path": "/Description", "value": "sales data"}),
	)).ProgressEvent
	mustSucceed(t, srv, update.RequestToken)
	if got := getModel(t, srv, "AWS::DataZone::Project", projectID)["Description"]; got != "sales data" {
		t.Errorf("project Description after update = %v, want sales data", got)
	}
}

// TestLakeFormationPermissions grants a role DESCRIBE on a database and
// revokes it, with the JSON-valued identifier parts that the type uses.
func TestLakeFormationPermissions(t *testing.T) {
	t.Parallel()
	srv := startCloud(t, localcloud.Options{})
	principal := map[string]any{"DataLakePrincipalIdentifier": "arn:aws:iam::" + account + ":role/project-role"}
	database := map[string]any{"Database": map[string]any{"CatalogId": account, "Name": "sales"}}

	id := mustCreate(t, srv, "AWS::LakeFormation::PrincipalPermissions", map[string]any{
		"Principal": principal, "Resource": database,
		"Permissions": []string{"DESCRIBE"}, "PermissionsWithGrantOption": []string{},
	})

	if diff := cmp.Diff(mustJSON(t, principal)+"|"+mustJSON(t, database), id); diff != "" {
		t.Errorf("identifier (-want +got):\n%s", diff)
	}
	model := getModel(t, srv, "AWS::LakeFormation::PrincipalPermissions", id)
	if diff := cmp.Diff(mustJSON(t, principal), model["PrincipalIdentifier"]); diff != "" {
		t.Errorf("PrincipalIdentifier (-want +got):\n%s", diff)
	}
	_, stderr, code := runAWS(t, srv, account, "cloudcontrol", "list-resources",
		"--type-name", "AWS::LakeFormation::PrincipalPermissions")
	wantServiceError(t, stderr, code, "UnsupportedActionException", "LIST")
	del := decode[progressOutput](t, mustAWS(t, srv, "cloudcontrol", "delete-resource",
		"--type-name", "AWS::LakeFormation::PrincipalPermissions", "--identifier", id)).ProgressEvent
	mustSucceed(t, srv, del.RequestToken)
}
