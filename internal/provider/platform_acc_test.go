package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// platform holds the parts of the platform configuration that test steps
// change.
type platform struct {
	rolePolicies   string
	managedArns    string
	regions        string
	permissions    string
	overrideValue  string
	extraConfig    string
	designation    string
	projectDesc    string
	extraResources string
}

func basePlatform() platform {
	return platform{
		rolePolicies: `{
    s3 = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:ListBucket"], Resource = "*" }]
    })
  }`,
		managedArns:   `["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/AWSGlueConsoleFullAccess"]`,
		regions:       `["us-east-1", "eu-west-1"]`,
		permissions:   `["DESCRIBE", "ALTER"]`,
		overrideValue: "true",
		designation:   "PROJECT_CONTRIBUTOR",
		projectDesc:   "Sales analytics",
	}
}

func (p platform) config(cloud *accCloud) string {
	return cloud.provider + fmt.Sprintf(`
resource "smus_iam_role" "exec" {
  name = "smus-domain-exec"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Principal = { Service = "datazone.amazonaws.com" }
    }]
  })
  inline_policies     = %s
  managed_policy_arns = %s
  tags = { owner = "security" }
}

resource "smus_domain" "main" {
  name                  = "platform"
  domain_execution_role = smus_iam_role.exec.arn
  service_role          = smus_iam_role.exec.arn
}

resource "smus_blueprint" "tooling" {
  domain_id              = smus_domain.main.id
  blueprint_name         = "Tooling"
  enabled_regions        = %s
  provisioning_role_arn  = smus_iam_role.exec.arn
  manage_access_role_arn = smus_iam_role.exec.arn
  regional_parameters = {
    "us-east-1" = { S3Location = "s3://platform-bucket", VpcId = "vpc-0123" }
  }
  global_parameters                    = { mode = "standard" }
  environment_role_permission_boundary = "arn:aws:iam::aws:policy/AmazonDataZoneBoundary"
}

resource "smus_blueprint" "ml" {
  domain_id       = smus_domain.main.id
  blueprint_name  = "MLExperiments"
  enabled_regions = ["us-east-1"]
}

data "smus_managed_blueprint" "tooling" {
  domain_id = smus_domain.main.id
  name      = "Tooling"
}

resource "smus_project_profile" "all" {
  domain_id = smus_domain.main.id
  name      = "All capabilities"
  environment_configurations = {
    Tooling = {
      blueprint_id     = smus_blueprint.tooling.blueprint_id
      aws_region       = "us-east-1"
      aws_account_id   = "123456789012"
      deployment_mode  = "ON_CREATE"
      deployment_order = 0
      parameter_overrides = {
        enableSpaces = { value = %q }
      }
    }
    %s
  }
}

resource "smus_project" "sales" {
  domain_id          = smus_domain.main.id
  name               = "sales"
  description        = %q
  project_profile_id = smus_project_profile.all.profile_id
  user_parameters = {
    Tooling = { maxSpaces = "4" }
  }
}

resource "smus_project_membership" "member" {
  domain_id       = smus_domain.main.id
  project_id      = smus_project.sales.project_id
  user_identifier = "alice"
  designation     = %q
}

resource "smus_lake_formation_permissions" "sales" {
  principal   = smus_iam_role.exec.arn
  database    = { name = "sales" }
  permissions = %s
}

data "smus_caller_identity" "me" {}

data "smus_ssm_parameter" "role" {
  name = "/platform/roles/exec"
}
%s
`, p.rolePolicies, p.managedArns, p.regions, p.overrideValue, p.extraConfig, p.projectDesc, p.designation,
		p.permissions, p.extraResources)
}

const mlConfiguration = `ML = {
      blueprint_id    = smus_blueprint.ml.blueprint_id
      aws_region      = "us-east-1"
      deployment_mode = "ON_DEMAND"
    }`

func importStep(address string, ignore ...string) resource.TestStep {
	return resource.TestStep{
		ResourceName:            address,
		ImportState:             true,
		ImportStateVerify:       true,
		ImportStateVerifyIgnore: ignore,
	}
}

func expectAction(address string, action plancheck.ResourceActionType) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(address, action)}}
}

func TestAccPlatform(t *testing.T) {
	cloud := startAccCloud(t, 0.001)
	base := basePlatform()

	reordered := base
	reordered.managedArns = `["arn:aws:iam::aws:policy/AWSGlueConsoleFullAccess", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]`
	reordered.regions = `["eu-west-1", "us-east-1"]`
	reordered.permissions = `["ALTER", "DESCRIBE"]`

	// The framework cannot suppress a plan diff between configuration and
	// state, so a reformatted policy plans an update that sends no patch.
	reformatted := reordered
	reformatted.rolePolicies = `{
    s3 = <<-EOT
      {
        "Statement": [ { "Resource": "*", "Action": [ "s3:ListBucket", "s3:GetObject" ], "Effect": "Allow" } ],
        "Version": "2012-10-17"
      }
    EOT
  }`

	newProfile := base
	newProfile.overrideValue = "false"
	newProfile.extraConfig = mlConfiguration

	newPolicy := newProfile
	newPolicy.rolePolicies = `{
    s3 = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "arn:aws:s3:::platform-bucket/*" }]
    })
  }`

	newDesignation := newPolicy
	newDesignation.designation = "PROJECT_OWNER"

	newDescription := newDesignation
	newDescription.projectDesc = "Renamed in place"

	badBlueprint := newDesignation
	badBlueprint.extraResources = `
data "smus_managed_blueprint" "missing" {
  domain_id = smus_domain.main.id
  name      = "NoSuchBlueprint"
}`

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				PreConfig: func() { putParameter(t, cloud, "/platform/roles/exec", testRoleARN) },
				Config:    base.config(cloud),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("data.smus_caller_identity.me", "account_id", cloud.account),
					resource.TestCheckResourceAttr("data.smus_ssm_parameter.role", "value", testRoleARN),
					resource.TestCheckResourceAttrPair("smus_blueprint.tooling", "blueprint_id",
						"data.smus_managed_blueprint.tooling", "id"),
					resource.TestMatchResourceAttr("smus_project.sales", "project_id", regexp.MustCompile(`.+`)),
					resource.TestCheckResourceAttr("smus_project_membership.member", "member_identifier_type",
						"USER_IDENTIFIER"),
				),
			},
			importStep("smus_iam_role.exec"),
			importStep("smus_domain.main"),
			// No AWS API returns a blueprint configuration's global parameters.
			importStep("smus_blueprint.tooling", "global_parameters"),
			importStep("smus_blueprint.ml"),
			importStep("smus_project_profile.all"),
			importStep("smus_project.sales"),
			// DataZone returns the member's profile id, not the configured name.
			importStep("smus_project_membership.member", "user_identifier"),
			importStep("smus_lake_formation_permissions.sales"),
			importBlockStep("smus_iam_role.exec"),
			importBlockStep("smus_domain.main"),
			importBlockStepWithChanges("smus_blueprint.tooling", "global_parameters"),
			importBlockStep("smus_blueprint.ml"),
			importBlockStep("smus_project_profile.all"),
			importBlockStep("smus_project.sales"),
			importBlockStep("smus_project_membership.member"),
			importBlockStep("smus_lake_formation_permissions.sales"),
			{
				// Reordered sets mean the same.
				Config:   reordered.config(cloud),
				PlanOnly: true,
			},
			{
				Config:           reformatted.config(cloud),
				ConfigPlanChecks: expectAction("smus_iam_role.exec", plancheck.ResourceActionUpdate),
			},
			{
				Config:           newProfile.config(cloud),
				ConfigPlanChecks: expectAction("smus_project_profile.all", plancheck.ResourceActionUpdate),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("smus_project_profile.all",
						"environment_configurations.Tooling.parameter_overrides.enableSpaces.value", "false"),
					resource.TestCheckResourceAttrSet("smus_project_profile.all",
						"environment_configurations.ML.blueprint_id"),
				),
			},
			{
				Config:           newPolicy.config(cloud),
				ConfigPlanChecks: expectAction("smus_iam_role.exec", plancheck.ResourceActionUpdate),
			},
			{
				Config: newDesignation.config(cloud),
				ConfigPlanChecks: expectAction("smus_project_membership.member",
					plancheck.ResourceActionDestroyBeforeCreate),
				Check: checkMembershipCount(cloud, "smus_project_membership.member", 1),
			},
			{
				Config:      newDescription.config(cloud),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)In-Place Update Not Supported.*taint ADDRESS`),
			},
			{
				Config:      badBlueprint.config(cloud),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Managed Blueprint Not Found.*MLExperiments.*Tooling`),
			},
		},
	})
}

const testRoleARN = "arn:aws:iam::123456789012:role/smus-domain-exec"

// putParameter creates an SSM parameter in the local cloud, as a security
// team's stack would.
func putParameter(t *testing.T, cloud *accCloud, name, value string) {
	t.Helper()
	_, err := cloud.client().Create(context.Background(), cloudcontrol.CreateInput{
		TypeName:     awstype.Parameter.Name,
		DesiredState: map[string]any{"Name": name, "Type": "String", "Value": value},
	})
	if err != nil {
		t.Fatalf("create parameter %s: %v", name, err)
	}
}

func TestAccDuplicateNaturalKey(t *testing.T) {
	cloud := startAccCloud(t, 0.001)
	config := cloud.provider + `
resource "smus_iam_role" "first" {
  name               = "shared-name"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}

resource "smus_iam_role" "second" {
  name               = "shared-name"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      config,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Duplicate Resource Key.*name =\s+"shared-name"`),
			},
		},
	})
}

// checkMembershipCount checks how many memberships the project of the
// given membership resource has in the local cloud.
func checkMembershipCount(cloud *accCloud, address string, want int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s is not in the state", address)
		}
		scope := map[string]any{
			"DomainIdentifier":  rs.Primary.Attributes["domain_id"],
			"ProjectIdentifier": rs.Primary.Attributes["project_id"],
		}

		return checkResourceCount(cloud, awstype.ProjectMembership.Name, scope, want)(s)
	}
}
