package localcloud_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/aws/aws-sdk-go-v2/service/datazone"
	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/localcloud"
)

const roleARN = "arn:aws:iam::111111111111:role/service-role/AmazonSageMakerDomainExecution"

// executionRole creates the role that roleARN names, unless it exists, and
// waits until a domain can name it.
func (f *fixture) executionRole(t *testing.T) {
	t.Helper()
	_, err := f.cc.GetResource(context.Background(), &cloudcontrol.GetResourceInput{
		TypeName: aws.String("AWS::IAM::Role"), Identifier: aws.String("AmazonSageMakerDomainExecution"),
	})
	if err == nil {
		return
	}
	role := roleModel("AmazonSageMakerDomainExecution")
	role["Path"] = "/service-role/"
	f.mustCreate(t, "AWS::IAM::Role", role)
	time.Sleep(f.propagation)
}

func (f *fixture) domain(t *testing.T, name string) string {
	t.Helper()
	f.executionRole(t)

	return f.mustCreate(t, "AWS::DataZone::Domain", map[string]any{
		"Name": name, "DomainVersion": "V2", "DomainExecutionRole": roleARN,
		"ServiceRole": "arn:aws:iam::111111111111:role/service-role/AmazonSageMakerDomainService",
	})
}

// blueprintID looks a managed blueprint up through the DataZone API.
func (f *fixture) blueprintID(t *testing.T, domainID, name string) string {
	t.Helper()
	dz := datazone.NewFromConfig(f.srv.Config(account))
	out, err := dz.ListEnvironmentBlueprints(context.Background(), &datazone.ListEnvironmentBlueprintsInput{
		DomainIdentifier: aws.String(domainID), Managed: aws.Bool(true), Name: aws.String(name),
	})
	if err != nil {
		t.Fatalf("list blueprints: %v", err)
	}
	if len(out.Items) != 1 {
		t.Fatalf("got %d blueprints named %s, want 1", len(out.Items), name)
	}

	return aws.ToString(out.Items[0].Id)
}

func (f *fixture) enable(t *testing.T, domainID, blueprint string, regions ...string) string {
	t.Helper()

	return f.mustCreate(t, "AWS::DataZone::EnvironmentBlueprintConfiguration", map[string]any{
		"DomainIdentifier": domainID, "EnvironmentBlueprintIdentifier": blueprint, "EnabledRegions": regions,
		"ProvisioningRoleArn": roleARN,
	})
}

func profileModel(domainID, name, blueprintID, region string) map[string]any {
	return map[string]any{
		"DomainIdentifier": domainID, "Name": name,
		"EnvironmentConfigurations": []any{map[string]any{
			"Name": "Tooling", "EnvironmentBlueprintId": blueprintID, "DeploymentMode": "ON_CREATE",
			"AwsRegion": map[string]any{"RegionName": region},
			"ConfigurationParameters": map[string]any{"ParameterOverrides": []any{
				map[string]any{"Name": "enableSpaces", "Value": "true", "IsEditable": false},
			}},
		}},
	}
}

// project builds a domain with Tooling enabled, a profile and a project.
func (f *fixture) project(t *testing.T) (domainID, profileID, projectID string) {
	t.Helper()
	domainID = f.domain(t, "corp")
	tooling := f.blueprintID(t, domainID, "Tooling")
	f.enable(t, domainID, "Tooling", "us-east-1")
	profile := f.mustCreate(t, "AWS::DataZone::ProjectProfile", profileModel(domainID, "All capabilities", tooling, "us-east-1"))
	profileID = strings.Split(profile, "|")[1]
	project := f.mustCreate(t, "AWS::DataZone::Project", map[string]any{
		"DomainIdentifier": domainID, "Name": "analytics", "ProjectProfileId": profileID,
	})

	return domainID, profileID, strings.Split(project, "|")[1]
}

func TestDomainLifecycle(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	f.executionRole(t)
	ctx := context.Background()
	out, err := f.cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{
		TypeName:     aws.String("AWS::DataZone::Domain"),
		DesiredState: aws.String(mustJSON(t, map[string]any{"Name": "corp", "DomainExecutionRole": roleARN})),
	})
	if err != nil {
		t.Fatalf("create domain: %v", err)
	}
	id := aws.ToString(out.ProgressEvent.Identifier)
	if !regexp.MustCompile(`^dzd_[a-z0-9]{14}$`).MatchString(id) {
		t.Errorf("domain id %q does not look like dzd_ and 14 lowercase alphanumerics", id)
	}
	if got := f.get(t, "AWS::DataZone::Domain", id)["Status"]; got != "CREATING" {
		t.Errorf("status while creating = %v, want CREATING", got)
	}

	ev := wait(t, f.cc, out.ProgressEvent.RequestToken)
	if ev.OperationStatus != types.OperationStatusSuccess {
		t.Fatalf("create = %s %s", ev.OperationStatus, aws.ToString(ev.StatusMessage))
	}

	model := f.get(t, "AWS::DataZone::Domain", id)
	want := map[string]any{
		"Status":           "AVAILABLE",
		"Arn":              "arn:aws:datazone:us-east-1:" + account + ":domain/" + id,
		"PortalUrl":        "https://" + id + ".sagemaker.us-east-1.on.aws",
		"ManagedAccountId": account,
	}
	for k, v := range want {
		if model[k] != v {
			t.Errorf("%s = %v, want %v", k, model[k], v)
		}
	}
	if _, ok := model["RootDomainUnitId"].(string); !ok {
		t.Errorf("RootDomainUnitId missing from %v", model)
	}
}

func TestListEnvironmentBlueprints(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	domainID := f.domain(t, "corp")
	dz := datazone.NewFromConfig(f.srv.Config(account))
	ctx := context.Background()

	var names []string
	ids := map[string]bool{}
	var token *string
	for {
		out, err := dz.ListEnvironmentBlueprints(ctx, &datazone.ListEnvironmentBlueprintsInput{
			DomainIdentifier: aws.String(domainID), Managed: aws.Bool(true), MaxResults: aws.Int32(5), NextToken: token,
		})
		if err != nil {
			t.Fatalf("list blueprints: %v", err)
		}
		for _, item := range out.Items {
			names = append(names, aws.ToString(item.Name))
			ids[aws.ToString(item.Id)] = true
			if item.CreatedAt == nil || item.ProvisioningProperties == nil {
				t.Errorf("blueprint %s lacks createdAt or provisioningProperties", aws.ToString(item.Name))
			}
		}
		if out.NextToken == nil {
			break
		}
		token = out.NextToken
	}

	want := []string{"AmazonBedrockChatAgent", "AmazonBedrockEvaluation", "AmazonBedrockFlow", "AmazonBedrockFunction",
		"AmazonBedrockGuardrail", "AmazonBedrockKnowledgeBase", "AmazonBedrockPrompt", "DataLake", "EmrOnEc2",
		"EmrServerless", "LakehouseCatalog", "MLExperiments", "QuickSight", "RedshiftServerless", "Tooling", "Workflows"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("blueprint names (-want +got):\n%s", diff)
	}
	if len(ids) != len(want) {
		t.Errorf("got %d distinct ids, want %d", len(ids), len(want))
	}
	other := f.domain(t, "other")
	if f.blueprintID(t, other, "Tooling") == f.blueprintID(t, domainID, "Tooling") {
		t.Errorf("two domains share the Tooling blueprint id")
	}

	_, err := dz.ListEnvironmentBlueprints(ctx, &datazone.ListEnvironmentBlueprintsInput{
		DomainIdentifier: aws.String("dzd_missing00000000"),
	})
	if code, status := apiError(t, err); code != "ResourceNotFoundException" || status != 404 {
		t.Errorf("unknown domain = %s %d, want ResourceNotFoundException 404", code, status)
	}
}

func TestBlueprintConfigurationRules(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	domainID := f.domain(t, "corp")
	tooling := f.blueprintID(t, domainID, "Tooling")

	byName := f.enable(t, domainID, "Tooling", "us-east-1")
	if byName != domainID+"|"+tooling {
		t.Errorf("identifier = %q, want %q", byName, domainID+"|"+tooling)
	}
	model := f.get(t, "AWS::DataZone::EnvironmentBlueprintConfiguration", byName)
	if model["EnvironmentBlueprintId"] != tooling || model["DomainId"] != domainID {
		t.Errorf("model = %v, want EnvironmentBlueprintId %s and DomainId %s", model, tooling, domainID)
	}
	for _, writeOnly := range []string{"DomainIdentifier", "EnvironmentBlueprintIdentifier"} {
		if _, ok := model[writeOnly]; ok {
			t.Errorf("get returned write-only %s", writeOnly)
		}
	}

	cases := map[string]struct {
		domain, blueprint string
		wantCode          types.HandlerErrorCode
		wantMessage       string
	}{
		"duplicate":         {domainID, tooling, types.HandlerErrorCodeAlreadyExists, "already exists"},
		"unknown-blueprint": {domainID, "NoSuchBlueprint", types.HandlerErrorCodeInvalidRequest, "NoSuchBlueprint"},
		"unknown-domain":    {"dzd_missing00000000", "Tooling", types.HandlerErrorCodeNotFound, "dzd_missing00000000"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			ev := f.create(t, "AWS::DataZone::EnvironmentBlueprintConfiguration", map[string]any{
				"DomainIdentifier": tc.domain, "EnvironmentBlueprintIdentifier": tc.blueprint,
				"EnabledRegions": []string{"us-east-1"},
			})
			if ev.OperationStatus != types.OperationStatusFailed || ev.ErrorCode != tc.wantCode {
				t.Errorf("create = %s %s, want FAILED %s", ev.OperationStatus, ev.ErrorCode, tc.wantCode)
			}
			if !strings.Contains(aws.ToString(ev.StatusMessage), tc.wantMessage) {
				t.Errorf("message %q does not name %q", aws.ToString(ev.StatusMessage), tc.wantMessage)
			}
		})
	}
}

func TestBlueprintConfigurationNeedsAvailableDomain(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{TimeScale: 1, RolePropagation: time.Millisecond})
	f.executionRole(t)
	out, err := f.cc.CreateResource(context.Background(), &cloudcontrol.CreateResourceInput{
		TypeName:     aws.String("AWS::DataZone::Domain"),
		DesiredState: aws.String(mustJSON(t, map[string]any{"Name": "slow", "DomainExecutionRole": roleARN})),
	})
	if err != nil {
		t.Fatalf("create domain: %v", err)
	}

	ev, err := f.cc.CreateResource(context.Background(), &cloudcontrol.CreateResourceInput{
		TypeName: aws.String("AWS::DataZone::EnvironmentBlueprintConfiguration"),
		DesiredState: aws.String(mustJSON(t, map[string]any{"DomainIdentifier": aws.ToString(out.ProgressEvent.Identifier),
			"EnvironmentBlueprintIdentifier": "Tooling", "EnabledRegions": []string{"us-east-1"}})),
	})
	if err != nil {
		t.Fatalf("create configuration: %v", err)
	}

	// At time scale 1 the failure lands after one simulated second.
	final := wait(t, f.cc, ev.ProgressEvent.RequestToken)
	if final.ErrorCode != types.HandlerErrorCodeInvalidRequest || !strings.Contains(aws.ToString(final.StatusMessage), "CREATING") {
		t.Errorf("create in CREATING domain = %s %q, want InvalidRequest naming CREATING",
			final.ErrorCode, aws.ToString(final.StatusMessage))
	}
}

func TestProjectProfileRegionCheck(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	domainID := f.domain(t, "corp")
	tooling := f.blueprintID(t, domainID, "Tooling")
	datalake := f.blueprintID(t, domainID, "DataLake")
	f.enable(t, domainID, "Tooling", "us-east-1")

	cases := map[string]struct {
		blueprint, region string
		wantStatus        types.OperationStatus
		wantMessage       []string
	}{
		"enabled":               {tooling, "us-east-1", types.OperationStatusSuccess, nil},
		"region-not-enabled":    {tooling, "eu-west-1", types.OperationStatusFailed, []string{tooling, "eu-west-1"}},
		"blueprint-not-enabled": {datalake, "us-east-1", types.OperationStatusFailed, []string{datalake}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			ev := f.create(t, "AWS::DataZone::ProjectProfile", profileModel(domainID, name, tc.blueprint, tc.region))
			if ev.OperationStatus != tc.wantStatus {
				t.Fatalf("create = %s %s, want %s", ev.OperationStatus, aws.ToString(ev.StatusMessage), tc.wantStatus)
			}
			for _, s := range tc.wantMessage {
				if !strings.Contains(aws.ToString(ev.StatusMessage), s) {
					t.Errorf("message %q does not name %s", aws.ToString(ev.StatusMessage), s)
				}
			}
		})
	}
}

func TestProjectProfileGeneratedValues(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	domainID := f.domain(t, "corp")
	tooling := f.blueprintID(t, domainID, "Tooling")
	f.enable(t, domainID, "Tooling", "us-east-1")
	root := f.get(t, "AWS::DataZone::Domain", domainID)["RootDomainUnitId"]

	id := f.mustCreate(t, "AWS::DataZone::ProjectProfile", profileModel(domainID, "SQL analytics", tooling, "us-east-1"))
	model := f.get(t, "AWS::DataZone::ProjectProfile", id)

	if model["Id"] != model["Identifier"] || id != domainID+"|"+model["Id"].(string) {
		t.Errorf("identifier %s does not match Id %v and Identifier %v", id, model["Id"], model["Identifier"])
	}
	if model["DomainUnitId"] != root || model["Status"] != "ENABLED" {
		t.Errorf("DomainUnitId %v Status %v, want root unit %v and ENABLED", model["DomainUnitId"], model["Status"], root)
	}
	cfg := model["EnvironmentConfigurations"].([]any)[0].(map[string]any)
	if cfg["EnvironmentConfigurationId"] == nil {
		t.Errorf("configuration has no EnvironmentConfigurationId: %v", cfg)
	}
	resolved := cfg["ConfigurationParameters"].(map[string]any)["ResolvedParameters"]
	want := []any{map[string]any{"Name": "enableSpaces", "Value": "true", "IsEditable": false}}
	if diff := cmp.Diff(want, resolved); diff != "" {
		t.Errorf("ResolvedParameters (-want +got):\n%s", diff)
	}
	dup := f.create(t, "AWS::DataZone::ProjectProfile", profileModel(domainID, "SQL analytics", tooling, "us-east-1"))
	if dup.ErrorCode != types.HandlerErrorCodeAlreadyExists {
		t.Errorf("duplicate name = %s %s, want AlreadyExists", dup.OperationStatus, dup.ErrorCode)
	}
}

func TestProjectAndMembership(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	domainID, profileID, projectID := f.project(t)

	project := f.get(t, "AWS::DataZone::Project", domainID+"|"+projectID)
	if project["ProjectStatus"] != "ACTIVE" || project["DomainId"] != domainID {
		t.Errorf("project = %v, want ACTIVE in %s", project, domainID)
	}
	if _, ok := project["ProjectProfileId"]; ok {
		t.Errorf("get returned write-only ProjectProfileId")
	}
	dup := f.create(t, "AWS::DataZone::Project", map[string]any{
		"DomainIdentifier": domainID, "Name": "analytics", "ProjectProfileId": profileID,
	})
	if dup.ErrorCode != types.HandlerErrorCodeAlreadyExists {
		t.Errorf("duplicate project = %s, want AlreadyExists", dup.ErrorCode)
	}
	noProfile := f.create(t, "AWS::DataZone::Project", map[string]any{
		"DomainIdentifier": domainID, "Name": "orphan", "ProjectProfileId": "nosuchprofile1",
	})
	if noProfile.ErrorCode != types.HandlerErrorCodeNotFound {
		t.Errorf("project with unknown profile = %s, want NotFound", noProfile.ErrorCode)
	}

	member := map[string]any{"DomainIdentifier": domainID, "ProjectIdentifier": projectID,
		"Designation": "PROJECT_CONTRIBUTOR", "Member": map[string]any{"UserIdentifier": "arn:aws:iam::111111111111:role/ci"}}
	id := f.mustCreate(t, "AWS::DataZone::ProjectMembership", member)
	parts := strings.Split(id, "|")
	if len(parts) != 4 || parts[2] != "USER_IDENTIFIER" || parts[3] != projectID {
		t.Errorf("membership identifier %q, want domain|member|USER_IDENTIFIER|project", id)
	}
	if again := f.create(t, "AWS::DataZone::ProjectMembership", member); again.ErrorCode != types.HandlerErrorCodeAlreadyExists {
		t.Errorf("duplicate membership = %s, want AlreadyExists", again.ErrorCode)
	}
	list, err := f.cc.ListResources(context.Background(), &cloudcontrol.ListResourcesInput{
		TypeName:      aws.String("AWS::DataZone::ProjectMembership"),
		ResourceModel: aws.String(mustJSON(t, map[string]any{"DomainIdentifier": domainID, "ProjectIdentifier": projectID})),
	})
	if err != nil {
		t.Fatalf("list memberships: %v", err)
	}
	if len(list.ResourceDescriptions) != 1 {
		t.Errorf("listed %d memberships, want 1", len(list.ResourceDescriptions))
	}
}

func TestDomainDeleteBlockedByProjects(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	domainID, _, projectID := f.project(t)

	ev := f.remove(t, "AWS::DataZone::Domain", domainID)
	if ev.OperationStatus != types.OperationStatusFailed || ev.ErrorCode != types.HandlerErrorCodeResourceConflict {
		t.Fatalf("delete with projects = %s %s, want FAILED ResourceConflict", ev.OperationStatus, ev.ErrorCode)
	}
	if !strings.Contains(aws.ToString(ev.StatusMessage), projectID) {
		t.Errorf("message %q does not name project %s", aws.ToString(ev.StatusMessage), projectID)
	}

	if ev := f.remove(t, "AWS::DataZone::Project", domainID+"|"+projectID); ev.OperationStatus != types.OperationStatusSuccess {
		t.Fatalf("delete project = %s %s", ev.OperationStatus, aws.ToString(ev.StatusMessage))
	}
	if ev := f.remove(t, "AWS::DataZone::Domain", domainID); ev.OperationStatus != types.OperationStatusSuccess {
		t.Fatalf("delete empty domain = %s %s", ev.OperationStatus, aws.ToString(ev.StatusMessage))
	}
	list, err := f.cc.ListResources(context.Background(), &cloudcontrol.ListResourcesInput{
		TypeName: aws.String("AWS::DataZone::ProjectProfile"),
	})
	if err != nil {
		t.Fatalf("list profiles: %v", err)
	}
	if len(list.ResourceDescriptions) != 0 {
		t.Errorf("profiles outlived their domain: %v", list.ResourceDescriptions)
	}
}

func TestPrincipalPermissionsIdentifier(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	model := map[string]any{
		"Principal":                  map[string]any{"DataLakePrincipalIdentifier": "arn:aws:iam::111111111111:role/analyst"},
		"Resource":                   map[string]any{"Database": map[string]any{"CatalogId": account, "Name": "sales"}},
		"Permissions":                []string{"DESCRIBE"},
		"PermissionsWithGrantOption": []string{},
	}

	id := f.mustCreate(t, "AWS::LakeFormation::PrincipalPermissions", model)

	want := `{"DataLakePrincipalIdentifier":"arn:aws:iam::111111111111:role/analyst"}|` +
		`{"Database":{"CatalogId":"111111111111","Name":"sales"}}`
	if id != want {
		t.Errorf("identifier = %s, want %s", id, want)
	}
	spaced := `{ "DataLakePrincipalIdentifier" : "arn:aws:iam::111111111111:role/analyst" }|` +
		`{"Database":{"Name":"sales","CatalogId":"111111111111"}}`
	got := f.get(t, "AWS::LakeFormation::PrincipalPermissions", spaced)
	if got["PrincipalIdentifier"] != `{"DataLakePrincipalIdentifier":"arn:aws:iam::111111111111:role/analyst"}` {
		t.Errorf("PrincipalIdentifier = %v", got["PrincipalIdentifier"])
	}
}
