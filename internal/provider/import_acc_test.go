package provider

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// importBlockStep imports a resource of the prior step's configuration with
// an import block and expects a plan without changes.
func importBlockStep(address string) resource.TestStep {
	return resource.TestStep{
		ResourceName:    address,
		ImportState:     true,
		ImportStateKind: resource.ImportBlockWithID,
		ImportPlanChecks: resource.ImportPlanChecks{
			PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
		},
	}
}

// importBlockStepWithChanges imports a resource with an import block and
// expects an in-place update of exactly the given attributes: write-only
// values that no AWS API returns.
func importBlockStepWithChanges(address string, attributes ...string) resource.TestStep {
	return resource.TestStep{
		ResourceName:       address,
		ImportState:        true,
		ImportStateKind:    resource.ImportBlockWithID,
		ExpectNonEmptyPlan: true,
		ImportPlanChecks: resource.ImportPlanChecks{
			PreApply: []plancheck.PlanCheck{expectUpdateOf(address, attributes...)},
		},
	}
}

// expectUpdateOf checks that the plan updates address in place and that
// the named top-level attributes are the only ones that change.
func expectUpdateOf(address string, attributes ...string) plancheck.PlanCheck {
	want := append([]string(nil), attributes...)
	sort.Strings(want)

	return updateCheck{address: address, want: want}
}

type updateCheck struct {
	address string
	want    []string
}

func (c updateCheck) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != c.address {
			continue
		}
		if !rc.Change.Actions.Update() {
			resp.Error = fmt.Errorf("%s: planned actions %v, want an in-place update", c.address, rc.Change.Actions)

			return
		}
		before, _ := rc.Change.Before.(map[string]any)
		after, _ := rc.Change.After.(map[string]any)
		var changed []string
		for name := range mergedKeys(before, after) {
			if !reflect.DeepEqual(before[name], after[name]) {
				changed = append(changed, name)
			}
		}
		sort.Strings(changed)
		if !reflect.DeepEqual(changed, c.want) {
			resp.Error = fmt.Errorf("%s: the plan changes %v, want only %v", c.address, changed, c.want)
		}

		return
	}
	resp.Error = fmt.Errorf("%s is not in the plan", c.address)
}

// Roles of a security account: the local cloud does not check roles of
// accounts other than the caller's.
const (
	handExecRole    = "arn:aws:iam::444455556666:role/platform-exec"
	handServiceRole = "arn:aws:iam::444455556666:role/platform-service"
	handBoundary    = "arn:aws:iam::444455556666:policy/project-boundary"
	handAnalyst     = "arn:aws:iam::444455556666:role/analyst"
)

// handBuilt is an environment created by hand in the console, outside
// Terraform: the resources and the Cloud Control identifiers they have.
type handBuilt struct {
	ids                 map[string]string
	domainID, profileID string
	projectID           string
	projectUpdatedAt    string
}

func buildByHand(t *testing.T, cloud *accCloud) *handBuilt {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client := cloud.client()
	create := func(typ *awstype.Type, desired map[string]any) *cloudcontrol.Resource {
		res, err := client.Create(ctx, cloudcontrol.CreateInput{TypeName: typ.Name, DesiredState: desired})
		if err != nil {
			t.Fatalf("create %s by hand: %v", typ.Name, err)
		}

		return res
	}
	h := &handBuilt{ids: map[string]string{}}
	domain := create(awstype.Domain, map[string]any{
		"Name": "legacy", "DomainVersion": "V2", "DomainExecutionRole": handExecRole, "ServiceRole": handServiceRole,
	})
	h.domainID = domain.Identifier
	h.ids["smus_domain.legacy"] = domain.Identifier
	h.ids["smus_blueprint.lake"] = create(awstype.EnvironmentBlueprintConfiguration, map[string]any{
		"DomainIdentifier": h.domainID, "EnvironmentBlueprintIdentifier": "DataLake",
		"EnabledRegions": []any{"us-east-1"}, "ProvisioningRoleArn": handExecRole,
		"EnvironmentRolePermissionBoundary": handBoundary,
		"GlobalParameters":                  map[string]any{"mode": "standard"},
		"RegionalParameters": []any{map[string]any{
			"Region": "us-east-1", "Parameters": map[string]any{"S3Location": "s3://legacy-lake"},
		}},
		"ProvisioningConfigurations": []any{map[string]any{"LakeFormationConfiguration": map[string]any{
			"LocationRegistrationRole": handExecRole, "LocationRegistrationExcludeS3Locations": []any{"s3://raw"},
		}}},
	}).Identifier
	tooling := create(awstype.EnvironmentBlueprintConfiguration, map[string]any{
		"DomainIdentifier": h.domainID, "EnvironmentBlueprintIdentifier": "Tooling",
		"EnabledRegions": []any{"us-east-1"},
	})
	profile := create(awstype.ProjectProfile, map[string]any{
		"DomainIdentifier": h.domainID, "Name": "legacy-profile",
		"EnvironmentConfigurations": []any{map[string]any{
			"Name": "Tooling", "EnvironmentBlueprintId": tooling.Properties["EnvironmentBlueprintId"],
			"AwsRegion": map[string]any{"RegionName": "us-east-1"}, "DeploymentMode": "ON_CREATE",
		}},
	})
	h.profileID, _ = profile.Properties["Id"].(string)
	project := create(awstype.Project, map[string]any{
		"DomainIdentifier": h.domainID, "Name": "legacy-sales", "ProjectProfileId": h.profileID,
		"ProjectExecutionRole": handExecRole,
		"UserParameters": []any{map[string]any{"EnvironmentConfigurationName": "Tooling",
			"EnvironmentParameters": []any{map[string]any{"Name": "maxSpaces", "Value": "4"}}}},
	})
	h.ids["smus_project.sales"] = project.Identifier
	h.projectID, _ = project.Properties["Id"].(string)
	h.projectUpdatedAt, _ = project.Properties["LastUpdatedAt"].(string)
	h.ids["smus_project_membership.analyst"] = create(awstype.ProjectMembership, map[string]any{
		"DomainIdentifier": h.domainID, "ProjectIdentifier": h.projectID, "Designation": "PROJECT_OWNER",
		"Member": map[string]any{"UserIdentifier": handAnalyst},
	}).Identifier
	h.ids["smus_project_membership.engineers"] = create(awstype.ProjectMembership, map[string]any{
		"DomainIdentifier": h.domainID, "ProjectIdentifier": h.projectID, "Designation": "PROJECT_CONTRIBUTOR",
		"Member": map[string]any{"GroupIdentifier": "data-engineers"},
	}).Identifier

	return h
}

// config returns the configuration that matches the hand-built resources.
// withUnreadable adds the values that no AWS API returns.
func (h *handBuilt) config(cloud *accCloud, withUnreadable bool) string {
	globalParameters, executionRole := "", ""
	if withUnreadable {
		globalParameters = `global_parameters = { mode = "standard" }`
		executionRole = fmt.Sprintf("project_execution_role = %q", handExecRole)
	}

	return cloud.provider + fmt.Sprintf(`
resource "smus_domain" "legacy" {
  name                  = "legacy"
  domain_execution_role = %[2]q
  service_role          = %[3]q
}

resource "smus_blueprint" "lake" {
  domain_id                            = smus_domain.legacy.id
  blueprint_name                       = "DataLake"
  enabled_regions                      = ["us-east-1"]
  provisioning_role_arn                = %[2]q
  environment_role_permission_boundary = %[4]q
  regional_parameters = {
    "us-east-1" = { S3Location = "s3://legacy-lake" }
  }
  lake_formation_configuration = {
    location_registration_role                 = %[2]q
    location_registration_exclude_s3_locations = ["s3://raw"]
  }
  %[7]s
}

resource "smus_project" "sales" {
  domain_id          = smus_domain.legacy.id
  name               = "legacy-sales"
  project_profile_id = %[5]q
  user_parameters = {
    Tooling = { maxSpaces = "4" }
  }
  %[8]s
}

resource "smus_project_membership" "analyst" {
  domain_id       = smus_domain.legacy.id
  project_id      = smus_project.sales.project_id
  user_identifier = %[6]q
  designation     = "PROJECT_OWNER"
}

resource "smus_project_membership" "engineers" {
  domain_id        = smus_domain.legacy.id
  project_id       = smus_project.sales.project_id
  group_identifier = "data-engineers"
  designation      = "PROJECT_CONTRIBUTOR"
}
`, h.domainID, handExecRole, handServiceRole, handBoundary, h.profileID, handAnalyst,
		globalParameters, executionRole)
}

// persistedImport imports address with `import` into the test's state and
// checks the attributes of the imported resource.
func (h *handBuilt) persistedImport(config, address string, want map[string]string) resource.TestStep {
	return resource.TestStep{
		Config:             config,
		ResourceName:       address,
		ImportState:        true,
		ImportStatePersist: true,
		ImportStateId:      h.ids[address],
		ImportStateCheck:   importedAttributes(h.ids[address], want),
	}
}

// TestAccImportHandBuilt imports resources built outside Terraform with
// their write-only values, and plans the configuration that matches them.
func TestAccImportHandBuilt(t *testing.T) {
	cloud := startAccCloud(t, 0.001)
	h := buildByHand(t, cloud)
	matching := h.config(cloud, false)
	complete := h.config(cloud, true)
	const lf = "lake_formation_configuration."

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			h.persistedImport(matching, "smus_domain.legacy", map[string]string{
				"service_role": handServiceRole,
			}),
			h.persistedImport(matching, "smus_blueprint.lake", map[string]string{
				"blueprint_name":                                    "DataLake",
				"environment_role_permission_boundary":              handBoundary,
				lf + "location_registration_role":                   handExecRole,
				lf + "location_registration_exclude_s3_locations.0": "s3://raw",
				"global_parameters.%":                               "",
			}),
			h.persistedImport(matching, "smus_project.sales", map[string]string{
				"project_profile_id":                h.profileID,
				"user_parameters.Tooling.maxSpaces": "4",
				"project_execution_role":            "",
			}),
			h.persistedImport(matching, "smus_project_membership.analyst", map[string]string{
				"designation": "PROJECT_OWNER",
			}),
			h.persistedImport(matching, "smus_project_membership.engineers", map[string]string{
				"designation": "PROJECT_CONTRIBUTOR",
			}),
			{
				// The analyst is configured by IAM ARN; the state holds the
				// profile id DataZone returned, and both name one member.
				Config: matching,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				// NOTE: no API returns these two values, so Terraform plans
				// them as added; the apply records them without a call that
				// changes AWS.
				Config: complete,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						expectUpdateOf("smus_blueprint.lake", "global_parameters"),
						expectUpdateOf("smus_project.sales", "project_execution_role"),
					},
				},
				Check: checkProjectUnchanged(cloud, h),
			},
		},
	})
}

// importedAttributes checks attributes of the resource imported with id;
// an empty value means the attribute is absent or null.
func importedAttributes(id string, want map[string]string) resource.ImportStateCheckFunc {
	return func(states []*terraform.InstanceState) error {
		var imported *terraform.InstanceState
		for _, s := range states {
			if s.ID == id {
				imported = s
			}
		}
		if imported == nil {
			return fmt.Errorf("no resource with id %q in the state after the import", id)
		}
		var problems []string
		for name, value := range want {
			if got := imported.Attributes[name]; got != value {
				problems = append(problems, fmt.Sprintf("%s = %q, want %q", name, got, value))
			}
		}
		sort.Strings(problems)
		if len(problems) > 0 {
			return fmt.Errorf("imported state: %s", strings.Join(problems, "; "))
		}

		return nil
	}
}

// checkProjectUnchanged checks that the hand-built project was not updated
// in AWS.
func checkProjectUnchanged(cloud *accCloud, h *handBuilt) resource.TestCheckFunc {
	return func(*terraform.State) error {
		res, err := cloud.client().Get(context.Background(), awstype.Project.Name, h.ids["smus_project.sales"])
		if err != nil {
			return err
		}
		if got := res.Properties["LastUpdatedAt"]; got != h.projectUpdatedAt {
			return fmt.Errorf("project LastUpdatedAt = %v, want %s: the apply updated the project", got,
				h.projectUpdatedAt)
		}

		return nil
	}
}
