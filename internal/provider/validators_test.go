package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/smus-dev/smus/internal/awstype"
)

func TestRegistryValueString(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		typ   *awstype.Type
		path  string
		value types.String
		want  string
	}{
		"valid-role-arn": {
			typ: awstype.Domain, path: "/DomainExecutionRole",
			value: types.StringValue("arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution"),
		},
		"not-an-arn": {
			typ: awstype.Domain, path: "/DomainExecutionRole", value: types.StringValue("not-an-arn"),
			want: "Use an IAM role ARN such as",
		},
		"short-account": {
			typ: awstype.Domain, path: "/ServiceRole", value: types.StringValue("arn:aws:iam::12345:role/x"),
			want: `"arn:aws:iam::12345:role/x" is not a valid ServiceRole`,
		},
		"user-not-role": {
			typ: awstype.Project, path: "/ProjectExecutionRole",
			value: types.StringValue("arn:aws:iam::111122223333:user/bob"),
			want:  "ProjectExecutionRole for AWS::DataZone::Project",
		},
		"bad-enum": {
			typ: awstype.ProjectMembership, path: "/Designation", value: types.StringValue("ADMIN"),
			want: "use one of PROJECT_OWNER",
		},
		"unknown-skipped": {
			typ: awstype.Domain, path: "/DomainExecutionRole", value: types.StringUnknown(),
		},
		"null-skipped": {
			typ: awstype.Domain, path: "/DomainExecutionRole", value: types.StringNull(),
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			req := validator.StringRequest{Path: path.Root("x"), ConfigValue: tc.value}
			var resp validator.StringResponse
			registryValue{typ: tc.typ, path: tc.path}.ValidateString(context.Background(), req, &resp)
			if tc.want == "" {
				if resp.Diagnostics.HasError() {
					t.Fatalf("unexpected error: %v", resp.Diagnostics)
				}

				return
			}
			if !resp.Diagnostics.HasError() {
				t.Fatalf("no error for %v", tc.value)
			}
			if got := resp.Diagnostics[0].Detail(); !strings.Contains(got, tc.want) {
				t.Errorf("detail %q does not contain %q", got, tc.want)
			}
		})
	}
}

func TestRegistryValueSetElements(t *testing.T) {
	t.Parallel()
	regions, diags := types.SetValue(types.StringType, []attr.Value{
		types.StringValue("us-east-1"), types.StringValue("moon"),
	})
	if diags.HasError() {
		t.Fatal(diags)
	}
	req := validator.SetRequest{Path: path.Root("enabled_regions"), ConfigValue: regions}
	var resp validator.SetResponse
	registryValue{typ: awstype.EnvironmentBlueprintConfiguration, path: "/EnabledRegions/*"}.
		ValidateSet(context.Background(), req, &resp)
	if got := resp.Diagnostics.ErrorsCount(); got != 1 {
		t.Fatalf("errors = %d, want 1 for the one bad region: %v", got, resp.Diagnostics)
	}
	if detail := resp.Diagnostics[0].Detail(); !strings.Contains(detail, `"moon"`) {
		t.Errorf("detail %q does not name the bad region", detail)
	}
}

func TestSchemaValidatesRoleARNs(t *testing.T) {
	t.Parallel()
	s := domainSpec().schema(context.Background())
	for _, name := range []string{"domain_execution_role", "service_role"} {
		a, ok := s.Attributes[name].(schema.StringAttribute)
		if !ok {
			t.Fatalf("%s is not a string attribute", name)
		}
		if len(a.Validators) == 0 {
			t.Errorf("%s has no validator from the registry", name)
		}
	}
}
