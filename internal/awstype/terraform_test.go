package awstype_test

import (
	"testing"

	"github.com/smus-dev/smus/internal/awstype"
)

func TestTerraformProperty(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		resourceType, attr string
		wantType           string
		wantProperty       string
		wantWriteOnly      bool
	}{
		"smus-domain-service-role": {"smus_domain", "service_role", "AWS::DataZone::Domain", "ServiceRole", true},
		"smus-domain-description":  {"smus_domain", "description", "AWS::DataZone::Domain", "Description", false},
		"smus-blueprint-lake-formation": {"smus_blueprint", "lake_formation_configuration",
			"AWS::DataZone::EnvironmentBlueprintConfiguration", "ProvisioningConfigurations", true},
		"smus-blueprint-regions": {"smus_blueprint", "enabled_regions",
			"AWS::DataZone::EnvironmentBlueprintConfiguration", "EnabledRegions", false},
		"smus-project-role": {"smus_project", "project_execution_role", "AWS::DataZone::Project",
			"ProjectExecutionRole", true},
		"awscc-project-domain": {"awscc_datazone_project", "domain_identifier", "AWS::DataZone::Project",
			"DomainIdentifier", true},
		"awscc-lake-formation": {"awscc_lakeformation_principal_permissions", "principal",
			"AWS::LakeFormation::PrincipalPermissions", "Principal", false},
		"awscc-iam-role": {"awscc_iam_role", "role_name", "AWS::IAM::Role", "RoleName", false},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			typ, ok := awstype.TerraformType(tc.resourceType)
			if !ok || typ.Name != tc.wantType {
				t.Fatalf("TerraformType(%q) = %v, %v; want %s", tc.resourceType, typ, ok, tc.wantType)
			}
			prop, ok := awstype.TerraformProperty(tc.resourceType, tc.attr)
			if !ok || prop != tc.wantProperty {
				t.Errorf("TerraformProperty = %q, %v; want %q", prop, ok, tc.wantProperty)
			}
			if got := typ.IsWriteOnly("/" + prop); got != tc.wantWriteOnly {
				t.Errorf("IsWriteOnly(/%s) = %v, want %v", prop, got, tc.wantWriteOnly)
			}
		})
	}
}

func TestTerraformTypeUnknown(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"aws_datazone_domain", "awscc_s3_bucket", "smus_unknown"} {
		if typ, ok := awstype.TerraformType(name); ok {
			t.Errorf("TerraformType(%q) = %v, want not found", name, typ)
		}
	}
}
