package provider

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

const (
	testAccount = "111122223333"
	testRole    = "arn:aws:iam::111122223333:role/"
)

// checkRoundTrip converts m to a desired state, simulates a read of it
// (write-only values dropped, read-only values added, then transform), and
// checks that the state built from that read equals m.
func checkRoundTrip[M any, P interface {
	*M
	model
}](t *testing.T, spec *resourceSpec[M], m M, readOnly map[string]any, transform func(any) any) {
	t.Helper()
	ctx := context.Background()
	desired, err := spec.desired(ctx, &m)
	if err != nil {
		t.Fatalf("desired: %v", err)
	}
	live, _ := transform(liveModel(spec, desired, readOnly)).(map[string]any)

	got, err := spec.state(ctx, live, &m)
	if err != nil {
		t.Fatalf("state: %v", err)
	}
	*P(&got).base() = *P(&m).base()
	if diff := cmp.Diff(plainModel(t, spec, &m), plainModel(t, spec, &got)); diff != "" {
		t.Errorf("state after read (-want +got):\n%s", diff)
	}

	again, err := spec.desired(ctx, &got)
	if err != nil {
		t.Fatalf("desired from state: %v", err)
	}
	if !spec.cfn.Equal(desired, again) {
		t.Errorf("desired state changed after a round trip (-want +got):\n%s", cmp.Diff(desired, again))
	}
}

func identity(v any) any { return v }

var transforms = map[string]func(any) any{
	"same-order":     identity,
	"reversed-order": reverseArrays,
}

func TestDomainRoundTrip(t *testing.T) {
	t.Parallel()
	m := domainModel{
		resourceBase:        resourceBase{ID: types.StringValue("dzd_abc123"), Timeouts: nullTimeouts()},
		Name:                types.StringValue("analytics"),
		Description:         types.StringValue("Analytics platform"),
		DomainExecutionRole: types.StringValue(testRole + "exec"),
		ServiceRole:         types.StringValue(testRole + "service"),
		DomainVersion:       types.StringValue("V2"),
		KMSKeyIdentifier:    types.StringNull(),
		SingleSignOn: &ssoModel{
			Type: types.StringValue("IAM_IDC"), UserAssignment: types.StringValue("MANUAL"),
			IdcInstanceARN: types.StringNull(),
		},
		Tags:             stringMapValue(map[string]string{"team": "data", "env": "dev"}),
		ARN:              types.StringValue("arn:aws:datazone:us-east-1:111122223333:domain/dzd_abc123"),
		PortalURL:        types.StringValue("https://dzd_abc123.sagemaker.us-east-1.on.aws"),
		Status:           types.StringValue("AVAILABLE"),
		RootDomainUnitID: types.StringValue("root123"),
		ManagedAccountID: types.StringValue(testAccount),
	}
	readOnly := map[string]any{
		"Id": "dzd_abc123", "Arn": m.ARN.ValueString(), "PortalUrl": m.PortalURL.ValueString(),
		"Status": "AVAILABLE", "RootDomainUnitId": "root123", "ManagedAccountId": testAccount,
	}
	for name, transform := range transforms {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checkRoundTrip(t, domainSpec(), m, readOnly, transform)
		})
	}
}

func TestBlueprintRoundTrip(t *testing.T) {
	t.Parallel()
	regional := types.MapValueMust(regionalParametersType, map[string]attr.Value{
		"us-east-1": stringMapValue(map[string]string{"S3Location": "s3://bucket", "VpcId": "vpc-1"}),
		"eu-west-1": stringMapValue(map[string]string{"S3Location": "s3://bucket-eu"}),
	})
	m := blueprintModel{
		resourceBase:                      resourceBase{ID: types.StringValue("dzd_abc123|bp123"), Timeouts: nullTimeouts()},
		DomainID:                          types.StringValue("dzd_abc123"),
		BlueprintName:                     types.StringValue("DataLake"),
		EnabledRegions:                    stringSet("us-east-1", "eu-west-1"),
		ProvisioningRoleARN:               types.StringValue(testRole + "provisioning"),
		ManageAccessRoleARN:               types.StringValue(testRole + "manage-access"),
		EnvironmentRolePermissionBoundary: types.StringValue("arn:aws:iam::111122223333:policy/boundary"),
		RegionalParameters:                regional,
		GlobalParameters:                  stringMapValue(map[string]string{"mode": "hybrid"}),
		LakeFormationConfiguration: &lakeFormationConfigModel{
			LocationRegistrationRole:               types.StringValue(testRole + "lf"),
			LocationRegistrationExcludeS3Locations: stringSet("s3://b/raw", "s3://b/tmp"),
		},
		BlueprintID: types.StringValue("bp123"),
	}
	readOnly := map[string]any{"DomainId": "dzd_abc123", "EnvironmentBlueprintId": "bp123"}
	for name, transform := range transforms {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checkRoundTrip(t, blueprintSpec(), m, readOnly, transform)
		})
	}
}

func testEnvConfigs(t *testing.T, configs map[string]envConfigModel) types.Map {
	t.Helper()
	v, diags := types.MapValueFrom(context.Background(), envConfigType, configs)
	if diags.HasError() {
		t.Fatalf("environment configurations: %v", diags)
	}

	return v
}

func testOverrides(t *testing.T, overrides map[string]parameterOverrideModel) types.Map {
	t.Helper()
	v, diags := types.MapValueFrom(context.Background(), parameterOverrideType, overrides)
	if diags.HasError() {
		t.Fatalf("parameter overrides: %v", diags)
	}

	return v
}

func testProjectProfile(t *testing.T) projectProfileModel {
	t.Helper()
	tooling := envConfigModel{
		BlueprintID: types.StringValue("bptooling"), Description: types.StringValue("Tooling"),
		DeploymentMode: types.StringValue("ON_CREATE"), DeploymentOrder: types.Int64Value(0),
		AWSAccountID: types.StringValue(testAccount), AWSRegion: types.StringValue("us-east-1"),
		ParameterOverrides: testOverrides(t, map[string]parameterOverrideModel{
			"enableSpaces":     {Value: types.StringValue("true"), IsEditable: types.BoolValue(false)},
			"maxEbsVolumeSize": {Value: types.StringValue("100"), IsEditable: types.BoolValue(true)},
		}),
	}
	lake := envConfigModel{
		BlueprintID: types.StringValue("bplake"), Description: types.StringNull(),
		DeploymentMode: types.StringValue("ON_DEMAND"), DeploymentOrder: types.Int64Null(),
		AWSAccountID: types.StringNull(), AWSRegion: types.StringValue("us-east-1"),
		ParameterOverrides: types.MapNull(parameterOverrideType),
	}

	return projectProfileModel{
		resourceBase: resourceBase{ID: types.StringValue("dzd_abc123|prof123"), Timeouts: nullTimeouts()},
		DomainID:     types.StringValue("dzd_abc123"),
		Name:         types.StringValue("All capabilities"),
		Description:  types.StringNull(),
		Status:       types.StringValue("ENABLED"),
		DomainUnitID: types.StringValue("root123"),
		EnvironmentConfigurations: testEnvConfigs(t, map[string]envConfigModel{
			"Tooling": tooling, "Lakehouse Database": lake,
		}),
		ProfileID: types.StringValue("prof123"),
	}
}

func TestProjectProfileRoundTrip(t *testing.T) {
	t.Parallel()
	m := testProjectProfile(t)
	readOnly := map[string]any{
		"Id": "prof123", "Identifier": "prof123", "DomainId": "dzd_abc123", "DomainUnitId": "root123",
	}
	for name, transform := range transforms {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checkRoundTrip(t, projectProfileSpec(), m, readOnly, transform)
		})
	}
}

func TestProjectRoundTrip(t *testing.T) {
	t.Parallel()
	params := types.MapValueMust(userParametersType, map[string]attr.Value{
		"Tooling":            stringMapValue(map[string]string{"maxEbsVolumeSize": "200"}),
		"Lakehouse Database": stringMapValue(map[string]string{"glueDbName": "sales", "workgroupName": "wg"}),
	})
	m := projectModel{
		resourceBase:         resourceBase{ID: types.StringValue("dzd_abc123|proj123"), Timeouts: nullTimeouts()},
		DomainID:             types.StringValue("dzd_abc123"),
		Name:                 types.StringValue("sales-analytics"),
		Description:          types.StringValue("Sales"),
		ProjectProfileID:     types.StringValue("prof123"),
		ProjectExecutionRole: types.StringValue(testRole + "project"),
		UserParameters:       params,
		GlossaryTerms:        stringSet("term1", "term2"),
		DomainUnitID:         types.StringValue("root123"),
		ProjectID:            types.StringValue("proj123"),
		ProjectStatus:        types.StringValue("ACTIVE"),
	}
	readOnly := map[string]any{"Id": "proj123", "DomainId": "dzd_abc123", "ProjectStatus": "ACTIVE"}
	for name, transform := range transforms {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checkRoundTrip(t, projectSpec(), m, readOnly, transform)
		})
	}
}

func TestProjectMembershipRoundTrip(t *testing.T) {
	t.Parallel()
	m := projectMembershipModel{
		resourceBase:         resourceBase{ID: types.StringValue("dzd_abc123|user1|USER_IDENTIFIER|proj123"), Timeouts: nullTimeouts()},
		DomainID:             types.StringValue("dzd_abc123"),
		ProjectID:            types.StringValue("proj123"),
		UserIdentifier:       types.StringValue("user1"),
		GroupIdentifier:      types.StringNull(),
		Designation:          types.StringValue("PROJECT_CONTRIBUTOR"),
		MemberIdentifier:     types.StringValue("user1"),
		MemberIdentifierType: types.StringValue("USER_IDENTIFIER"),
	}
	readOnly := map[string]any{"MemberIdentifier": "user1", "MemberIdentifierType": "USER_IDENTIFIER"}
	checkRoundTrip(t, projectMembershipSpec(), m, readOnly, identity)
}

func TestIAMRoleRoundTrip(t *testing.T) {
	t.Parallel()
	m := iamRoleModel{
		resourceBase: resourceBase{ID: types.StringValue("exec"), Timeouts: nullTimeouts()},
		Name:         types.StringValue("exec"),
		Path:         types.StringValue("/service/"),
		Description:  types.StringNull(),
		AssumeRolePolicy: policyString(`{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                 "Principal": {"Service": "datazone.amazonaws.com"}}]
}`),
		InlinePolicies: types.MapValueMust(policyType{}, map[string]attr.Value{
			"s3":   policyString(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":"*"}]}`),
			"glue": policyString(`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "glue:*", "Resource": "*"}]}`),
		}),
		ManagedPolicyARNs:   stringSet("arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"),
		PermissionsBoundary: types.StringNull(),
		MaxSessionDuration:  types.Int64Value(7200),
		Tags:                stringMapValue(map[string]string{"owner": "security"}),
		ARN:                 types.StringValue("arn:aws:iam::111122223333:role/service/exec"),
		RoleID:              types.StringValue("AROA123"),
	}
	readOnly := map[string]any{"Arn": m.ARN.ValueString(), "RoleId": "AROA123", "MaxSessionDuration": float64(7200)}
	for name, transform := range transforms {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checkRoundTrip(t, iamRoleSpec(), m, readOnly, transform)
		})
	}
}

func TestLakeFormationPermissionsRoundTrip(t *testing.T) {
	t.Parallel()
	m := lakeFormationPermissionsModel{
		resourceBase: resourceBase{ID: types.StringValue("x|y"), Timeouts: nullTimeouts()},
		Principal:    types.StringValue(testRole + "project"),
		CatalogID:    types.StringNull(),
		Table: &lfTableModel{
			CatalogID: types.StringValue(testAccount), DatabaseName: types.StringValue("sales"),
			Name: types.StringNull(), TableWildcard: types.BoolValue(true),
		},
		Permissions:                stringSet("SELECT", "DESCRIBE"),
		PermissionsWithGrantOption: stringSet(),
	}
	for name, transform := range transforms {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checkRoundTrip(t, lakeFormationPermissionsSpec(), m, nil, transform)
		})
	}
}
