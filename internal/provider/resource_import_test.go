package provider

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// checkRestore restores values into prior and compares the result with
// want through the resource schema.
func checkRestore[M any](t *testing.T, spec *resourceSpec[M], values map[string]any, prior, want M) {
	t.Helper()
	if err := spec.restore(context.Background(), values, &prior); err != nil {
		t.Fatalf("restore: %v", err)
	}
	if diff := cmp.Diff(plainModel(t, spec, &want), plainModel(t, spec, &prior)); diff != "" {
		t.Errorf("model after restore (-want +got):\n%s", diff)
	}
}

func importedBase(id string) resourceBase {
	return resourceBase{ID: types.StringValue(id), Timeouts: nullTimeouts()}
}

func TestDomainRestore(t *testing.T) {
	t.Parallel()
	values := map[string]any{"ServiceRole": testRole + "service"}
	imported := domainModel{resourceBase: importedBase("dzd_abc"), Tags: types.MapNull(types.StringType)}

	cases := map[string]struct {
		prior, want domainModel
	}{
		"null-is-restored": {imported, func() domainModel {
			m := imported
			m.ServiceRole = types.StringValue(testRole + "service")

			return m
		}()},
		"configured-is-kept": {func() domainModel {
			m := imported
			m.ServiceRole = types.StringValue(testRole + "configured")

			return m
		}(), func() domainModel {
			m := imported
			m.ServiceRole = types.StringValue(testRole + "configured")

			return m
		}()},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checkRestore(t, domainSpec(), values, tc.prior, tc.want)
		})
	}
}

func TestBlueprintRestoreLeavesGlobalParameters(t *testing.T) {
	t.Parallel()
	values := map[string]any{
		"EnvironmentRolePermissionBoundary": "arn:aws:iam::111122223333:policy/boundary",
		"ProvisioningConfigurations": []any{map[string]any{"LakeFormationConfiguration": map[string]any{
			"LocationRegistrationRole": testRole + "lf", "LocationRegistrationExcludeS3Locations": []any{"s3://b/raw"},
		}}},
	}
	imported := blueprintModel{
		resourceBase:       importedBase("dzd_abc|bp1"),
		EnabledRegions:     types.SetNull(types.StringType),
		RegionalParameters: types.MapNull(regionalParametersType),
		GlobalParameters:   types.MapNull(types.StringType),
	}
	want := imported
	want.EnvironmentRolePermissionBoundary = types.StringValue("arn:aws:iam::111122223333:policy/boundary")
	want.LakeFormationConfiguration = &lakeFormationConfigModel{
		LocationRegistrationRole:               types.StringValue(testRole + "lf"),
		LocationRegistrationExcludeS3Locations: stringSet("s3://b/raw"),
	}

	checkRestore(t, blueprintSpec(), values, imported, want)
}

func TestProjectRestoreLeavesExecutionRole(t *testing.T) {
	t.Parallel()
	values := map[string]any{
		"ProjectProfileId": "prof1",
		"UserParameters": []any{
			map[string]any{"EnvironmentConfigurationName": "Tooling", "EnvironmentParameters": []any{
				map[string]any{"Name": "maxSpaces", "Value": "4"},
			}},
			map[string]any{"EnvironmentConfigurationName": "Lakehouse"},
		},
	}
	imported := projectModel{
		resourceBase:   importedBase("dzd_abc|prj1"),
		UserParameters: types.MapNull(userParametersType),
		GlossaryTerms:  types.SetNull(types.StringType),
	}
	want := imported
	want.ProjectProfileID = types.StringValue("prof1")
	want.UserParameters = types.MapValueMust(userParametersType, map[string]attr.Value{
		"Tooling":   stringMapValue(map[string]string{"maxSpaces": "4"}),
		"Lakehouse": stringMapValue(map[string]string{}),
	})

	checkRestore(t, projectSpec(), values, imported, want)
}

func TestProjectMembershipRestore(t *testing.T) {
	t.Parallel()
	imported := projectMembershipModel{resourceBase: importedBase("dzd_abc|u1|USER_IDENTIFIER|prj1")}

	cases := map[string]struct {
		values map[string]any
		prior  projectMembershipModel
		want   projectMembershipModel
	}{
		"user": {
			values: map[string]any{"Designation": "PROJECT_OWNER", "Member": map[string]any{"UserIdentifier": "u1"}},
			prior:  imported,
			want: func() projectMembershipModel {
				m := imported
				m.Designation, m.UserIdentifier = types.StringValue("PROJECT_OWNER"), types.StringValue("u1")

				return m
			}(),
		},
		"group": {
			values: map[string]any{"Designation": "PROJECT_CONTRIBUTOR", "Member": map[string]any{"GroupIdentifier": "g1"}},
			prior:  imported,
			want: func() projectMembershipModel {
				m := imported
				m.Designation, m.GroupIdentifier = types.StringValue("PROJECT_CONTRIBUTOR"), types.StringValue("g1")

				return m
			}(),
		},
		"configured-member-is-kept": {
			values: map[string]any{"Designation": "PROJECT_OWNER", "Member": map[string]any{"UserIdentifier": "u1"}},
			prior: func() projectMembershipModel {
				m := imported
				m.UserIdentifier = types.StringValue("arn:aws:iam::111122223333:role/analyst")

				return m
			}(),
			want: func() projectMembershipModel {
				m := imported
				m.UserIdentifier = types.StringValue("arn:aws:iam::111122223333:role/analyst")
				m.Designation = types.StringValue("PROJECT_OWNER")

				return m
			}(),
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checkRestore(t, projectMembershipSpec(), tc.values, tc.prior, tc.want)
		})
	}
}

func TestRestoreRejectsWrongShapes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()

	cases := map[string]func() error{
		"project-user-parameters": func() error {
			m := projectModel{UserParameters: types.MapNull(userParametersType)}

			return projectSpec().restore(ctx, map[string]any{"UserParameters": "Tooling"}, &m)
		},
		"blueprint-provisioning-configurations": func() error {
			m := blueprintModel{}

			return blueprintSpec().restore(ctx, map[string]any{"ProvisioningConfigurations": "lf"}, &m)
		},
		"membership-member": func() error {
			m := projectMembershipModel{}

			return projectMembershipSpec().restore(ctx, map[string]any{"Member": "u1"}, &m)
		},
	}
	for name, restore := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if err := restore(); err == nil {
				t.Error("restore accepted a value of the wrong type")
			}
		})
	}
}
