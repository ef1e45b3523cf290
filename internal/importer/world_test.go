package importer_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"sync/atomic"
	"testing"
	"time"

	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

const (
	testAccount  = "210987654321"
	testActor    = "admin@example.com"
	testBoundary = "arn:aws:iam::" + testAccount + ":policy/SmusEnvironmentBoundary"
)

// world is a domain built by hand on an in-process local cloud, through
// Cloud Control and, for one project, the console admin API. The values
// field maps the names of the variables that Generate declares when no
// DataZone read succeeds to the write-only values used.
type world struct {
	server   *localtest.Server
	client   *cloudcontrol.Client
	calls    *atomic.Int64
	domainID string
	// props maps short keys such as "project:Fraud detection" to read models.
	props  map[string]map[string]any
	values map[string]any
}

// countingTransport counts the HTTP requests a client sends.
type countingTransport struct {
	next  http.RoundTripper
	calls *atomic.Int64
}

func (c countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.calls.Add(1)

	return c.next.RoundTrip(r)
}

// newClient returns a client of testAccount on srv that counts its HTTP
// requests in calls.
func newClient(srv *localtest.Server, opts cloudcontrol.Options, calls *atomic.Int64) *cloudcontrol.Client {
	cfg := srv.Config(testAccount)
	cfg.HTTPClient = &http.Client{Transport: countingTransport{next: http.DefaultTransport, calls: calls}}
	endpoints := cloudcontrol.Endpoints{CloudControl: srv.URL, STS: srv.URL, DataZone: srv.URL}

	return cloudcontrol.NewFromConfig(cfg, endpoints, opts)
}

// fastOptions poll and retry quickly and allow a high request rate, for
// building fixtures.
func fastOptions() cloudcontrol.Options {
	return cloudcontrol.Options{
		RequestRate: 500,
		Burst:       50,
		Waiter:      cloudcontrol.WaiterOptions{MinDelay: 2 * time.Millisecond, MaxDelay: 20 * time.Millisecond},
		Retry:       cloudcontrol.RetryOptions{BaseDelay: 2 * time.Millisecond},
	}
}

func startWorld(t testing.TB, opts localcloud.Options) *world {
	t.Helper()
	if opts.TimeScale == 0 {
		opts.TimeScale = 0.0002
	}
	srv := localtest.Start(t, opts)
	calls := &atomic.Int64{}

	return &world{server: srv, client: newClient(srv, fastOptions(), calls), calls: calls,
		props: map[string]map[string]any{}, values: map[string]any{}}
}

func (w *world) create(t testing.TB, key, typeName string, desired map[string]any) map[string]any {
	t.Helper()
	res, err := w.client.Create(context.Background(), cloudcontrol.CreateInput{TypeName: typeName, DesiredState: desired})
	if err != nil {
		t.Fatalf("create %s: %v", key, err)
	}
	w.props[key] = res.Properties

	return res.Properties
}

func mustJSON(t testing.TB, text string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(text), &m); err != nil {
		t.Fatalf("decode %s: %v", text, err)
	}

	return m
}

const trustPolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",` +
	`"Principal":{"Service":["datazone.amazonaws.com","sagemaker.amazonaws.com"]},` +
	`"Action":["sts:AssumeRole","sts:TagSession"],"Condition":{"StringEquals":{"aws:SourceAccount":"` +
	testAccount + `"}}}]}`

const s3Policy = `{"Version":"2012-10-17","Statement":[{"Sid":"Data","Effect":"Allow",` +
	`"Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::fraud-data","arn:aws:s3:::fraud-data/*"]}]}`

// buildDomain creates six roles, a domain, two blueprint configurations,
// a project profile, two projects with memberships through Cloud Control,
// and a third project through the console.
func buildDomain(t testing.TB, w *world) {
	t.Helper()
	ctx := context.Background()
	roleARN := func(key string) string { return w.props[key]["Arn"].(string) }
	w.create(t, "role:exec", "AWS::IAM::Role", map[string]any{
		"RoleName": "SmusDomainExecution", "Description": "Domain execution role",
		"AssumeRolePolicyDocument": mustJSON(t, trustPolicy),
		"ManagedPolicyArns":        []any{"arn:aws:iam::aws:policy/service-role/SageMakerStudioDomainExecutionRolePolicy"},
		"MaxSessionDuration":       7200,
		"Tags":                     []any{map[string]any{"Key": "owner", "Value": "platform"}},
	})
	w.create(t, "role:provisioning", "AWS::IAM::Role", map[string]any{
		"RoleName": "SmusProvisioning", "Path": "/service-role/",
		"AssumeRolePolicyDocument": mustJSON(t, trustPolicy),
		"Policies":                 []any{map[string]any{"PolicyName": "fraud-data", "PolicyDocument": mustJSON(t, s3Policy)}},
	})
	w.create(t, "role:access", "AWS::IAM::Role", map[string]any{
		"RoleName": "SmusManageAccess", "AssumeRolePolicyDocument": trustPolicy,
	})
	w.create(t, "role:service", "AWS::IAM::Role", map[string]any{
		"RoleName": "SmusDomainService", "AssumeRolePolicyDocument": mustJSON(t, trustPolicy),
	})
	w.create(t, "role:project", "AWS::IAM::Role", map[string]any{
		"RoleName": "SmusFraudProject", "AssumeRolePolicyDocument": mustJSON(t, trustPolicy),
	})
	w.create(t, "role:lakeformation", "AWS::IAM::Role", map[string]any{
		"RoleName": "SmusLakeFormationRegistration", "AssumeRolePolicyDocument": mustJSON(t, trustPolicy),
	})

	dom := w.create(t, "domain", "AWS::DataZone::Domain", map[string]any{
		"Name": "Analytics Platform", "Description": "Hand-built production domain",
		"DomainExecutionRole": roleARN("role:exec"), "ServiceRole": roleARN("role:service"), "DomainVersion": "V2",
		"SingleSignOn": map[string]any{"Type": "IAM_IDC", "UserAssignment": "MANUAL"},
		"Tags":         []any{map[string]any{"Key": "env", "Value": "prod"}},
	})
	w.domainID = dom["Id"].(string)
	w.values["domain_analytics_platform_service_role"] = roleARN("role:service")

	managed, err := w.client.ManagedBlueprints(ctx, w.domainID)
	if err != nil {
		t.Fatalf("list managed blueprints: %v", err)
	}
	ids := map[string]string{}
	for _, b := range managed {
		ids[b.Name] = b.ID
	}
	w.create(t, "blueprint:Tooling", "AWS::DataZone::EnvironmentBlueprintConfiguration", map[string]any{
		"DomainIdentifier": w.domainID, "EnvironmentBlueprintIdentifier": ids["Tooling"],
		"EnabledRegions":      []any{"us-west-2", "us-east-1"},
		"ProvisioningRoleArn": roleARN("role:provisioning"), "ManageAccessRoleArn": roleARN("role:access"),
		"RegionalParameters": []any{
			map[string]any{"Region": "us-west-2", "Parameters": map[string]any{"S3Location": "s3://tooling-west"}},
			map[string]any{"Region": "us-east-1", "Parameters": map[string]any{"S3Location": "s3://tooling-east"}},
		},
		"GlobalParameters": map[string]any{"CostCenter": "1234"},
	})
	w.values["blueprint_tooling_global_parameters"] = map[string]any{"CostCenter": "1234"}
	w.create(t, "blueprint:DataLake", "AWS::DataZone::EnvironmentBlueprintConfiguration", map[string]any{
		"DomainIdentifier": w.domainID, "EnvironmentBlueprintIdentifier": ids["DataLake"],
		"EnabledRegions":                    []any{"us-east-1"},
		"ProvisioningRoleArn":               roleARN("role:provisioning"),
		"EnvironmentRolePermissionBoundary": testBoundary,
		"ProvisioningConfigurations": []any{map[string]any{"LakeFormationConfiguration": map[string]any{
			"LocationRegistrationRole":               roleARN("role:lakeformation"),
			"LocationRegistrationExcludeS3Locations": []any{"s3://raw-landing/", "s3://archive/"},
		}}},
	})
	w.values["blueprint_data_lake_permission_boundary"] = testBoundary
	w.values["blueprint_data_lake_lake_formation_configuration"] = map[string]any{
		"location_registration_role":                 roleARN("role:lakeformation"),
		"location_registration_exclude_s3_locations": []any{"s3://raw-landing/", "s3://archive/"},
	}

	profile := w.create(t, "profile", "AWS::DataZone::ProjectProfile", map[string]any{
		"DomainIdentifier": w.domainID, "Name": "All capabilities", "Description": "Tooling and data lake",
		"EnvironmentConfigurations": []any{
			map[string]any{
				"Name": "Tooling", "EnvironmentBlueprintId": ids["Tooling"], "DeploymentMode": "ON_CREATE",
				"DeploymentOrder": 0, "AwsRegion": map[string]any{"RegionName": "us-east-1"},
				"AwsAccount": map[string]any{"AwsAccountId": testAccount},
				"ConfigurationParameters": map[string]any{"ParameterOverrides": []any{
					map[string]any{"Name": "enableSpaces", "Value": "true", "IsEditable": true},
					map[string]any{"Name": "maxEbsVolumeSize", "Value": "100"},
				}},
			},
			map[string]any{
				"Name": "Lakehouse Database", "EnvironmentBlueprintId": ids["DataLake"], "DeploymentMode": "ON_DEMAND",
				"DeploymentOrder": 1, "AwsRegion": map[string]any{"RegionName": "us-east-1"},
				"Description": "Glue database",
			},
		},
	})
	profileID := profile["Id"].(string)

	fraud := w.create(t, "project:Fraud detection", "AWS::DataZone::Project", map[string]any{
		"DomainIdentifier": w.domainID, "Name": "Fraud detection", "Description": "Card fraud models",
		"ProjectProfileId": profileID, "ProjectExecutionRole": roleARN("role:project"),
		"GlossaryTerms": []any{"term2", "term1"},
	})
	w.values["project_fraud_detection_profile_id"] = profileID
	w.values["project_fraud_detection_execution_role"] = roleARN("role:project")
	marketing := w.create(t, "project:Marketing analytics", "AWS::DataZone::Project", map[string]any{
		"DomainIdentifier": w.domainID, "Name": "Marketing analytics", "ProjectProfileId": profileID,
		"UserParameters": []any{map[string]any{"EnvironmentConfigurationName": "Tooling",
			"EnvironmentParameters": []any{map[string]any{"Name": "maxEbsVolumeSize", "Value": "50"}}}},
	})
	w.values["project_marketing_analytics_profile_id"] = profileID
	w.values["project_marketing_analytics_user_parameters"] = map[string]any{
		"Tooling": map[string]any{"maxEbsVolumeSize": "50"}}

	owner := w.create(t, "membership:owner", "AWS::DataZone::ProjectMembership", map[string]any{
		"DomainIdentifier": w.domainID, "ProjectIdentifier": fraud["Id"], "Designation": "PROJECT_OWNER",
		"Member": map[string]any{"UserIdentifier": "arn:aws:iam::" + testAccount + ":role/DataScientist"},
	})
	w.values[fmt.Sprintf("membership_fraud_detection_user_%s_designation", owner["MemberIdentifier"])] = "PROJECT_OWNER"
	group := w.create(t, "membership:group", "AWS::DataZone::ProjectMembership", map[string]any{
		"DomainIdentifier": w.domainID, "ProjectIdentifier": marketing["Id"], "Designation": "PROJECT_CONTRIBUTOR",
		"Member": map[string]any{"GroupIdentifier": "marketing-analysts"},
	})
	w.values[fmt.Sprintf("membership_marketing_analytics_group_%s_designation", group["MemberIdentifier"])] =
		"PROJECT_CONTRIBUTOR"

	console := localcloud.NewConsoleClient(w.server.URL)
	out, err := console.Do(ctx, localcloud.ConsoleRequest{
		Action: localcloud.ActionCreateProject, Account: testAccount, Region: localtest.Region, Actor: testActor,
		DomainID: w.domainID, ProjectName: "Console sandbox", ProfileID: profileID,
	})
	if err != nil {
		t.Fatalf("create a project through the console: %v", err)
	}
	var sandbox map[string]any
	if err := json.Unmarshal(out.Properties, &sandbox); err != nil {
		t.Fatalf("decode the console project: %v", err)
	}
	w.props["project:Console sandbox"] = sandbox
	w.values["project_console_sandbox_profile_id"] = profileID
}

func props(list []cloudcontrol.Resource) []map[string]any {
	out := make([]map[string]any, len(list))
	for i, r := range list {
		out[i] = r.Properties
	}

	return out
}

func sortedCopy(xs []string) []string {
	out := append([]string(nil), xs...)
	sort.Strings(out)

	return out
}
