package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func TestReadTagsEmptyVersusNull(t *testing.T) {
	t.Parallel()
	empty := types.MapValueMust(types.StringType, map[string]attr.Value{})
	testCases := map[string]struct {
		live  any
		prior types.Map
		want  types.Map
	}{
		"absent-null":  {nil, types.MapNull(types.StringType), types.MapNull(types.StringType)},
		"absent-empty": {nil, empty, empty},
		"empty-null":   {[]any{}, types.MapNull(types.StringType), types.MapNull(types.StringType)},
		"empty-empty":  {[]any{}, empty, empty},
		"value-from-null": {[]any{map[string]any{"Key": "a", "Value": "b"}}, types.MapNull(types.StringType),
			stringMapValue(map[string]string{"a": "b"})},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := readTags(tc.live, tc.prior)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tc.want) {
				t.Errorf("readTags = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestReadStringEmptyVersusNull(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		live  any
		prior types.String
		want  types.String
	}{
		"absent-null":  {nil, types.StringNull(), types.StringNull()},
		"absent-empty": {nil, types.StringValue(""), types.StringValue("")},
		"empty-null":   {"", types.StringNull(), types.StringNull()},
		"changed":      {"b", types.StringValue("a"), types.StringValue("b")},
		"removed":      {nil, types.StringValue("a"), types.StringNull()},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := readString(tc.live, tc.prior); !got.Equal(tc.want) {
				t.Errorf("readString = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestReadPolicyKeepsPriorForm(t *testing.T) {
	t.Parallel()
	prior := policyString("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", " +
		"\"Action\": \"s3:GetObject\", \"Resource\": \"*\"}]\n}")
	same := map[string]any{"Version": "2012-10-17", "Statement": []any{
		map[string]any{"Resource": "*", "Effect": "Allow", "Action": []any{"s3:GetObject"}},
	}}
	changed := map[string]any{"Version": "2012-10-17", "Statement": []any{
		map[string]any{"Resource": "*", "Effect": "Deny", "Action": "s3:GetObject"},
	}}
	testCases := map[string]struct {
		live any
		want string
	}{
		"same-object": {same, prior.ValueString()},
		"same-text":   {`{"Statement":[{"Action":["s3:GetObject"],"Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}`, prior.ValueString()},
		"changed":     {changed, `{"Statement":[{"Action":"s3:GetObject","Effect":"Deny","Resource":"*"}],"Version":"2012-10-17"}`},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := readPolicy(tc.live, prior)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got.ValueString()); diff != "" {
				t.Errorf("readPolicy (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPolicySemanticEquals(t *testing.T) {
	t.Parallel()
	a := policyString(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`)
	testCases := map[string]struct {
		other string
		want  bool
	}{
		"whitespace":   {"{ \"Statement\": [ {\"Resource\": \"*\", \"Action\": [\"s3:*\"], \"Effect\": \"Allow\"} ],\n \"Version\": \"2012-10-17\" }", true},
		"other-action": {`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}`, false},
		"not-json":     {`not json`, false},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, diags := a.StringSemanticEquals(context.Background(), policyString(tc.other))
			if diags.HasError() {
				t.Fatal(diags)
			}
			if got != tc.want {
				t.Errorf("StringSemanticEquals = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestProfileConfigurationAddedKeepsOverrides checks that overrides stay
// with their configuration when the API returns configurations in another
// order with one added.
func TestProfileConfigurationAddedKeepsOverrides(t *testing.T) {
	t.Parallel()
	prior := testProjectProfile(t)
	live := map[string]any{
		"Name": "All capabilities", "DomainId": "dzd_abc123", "Id": "prof123", "Status": "ENABLED",
		"DomainUnitId": "root123",
		"EnvironmentConfigurations": []any{
			map[string]any{"Name": "ML", "EnvironmentBlueprintId": "bpml",
				"AwsRegion": map[string]any{"RegionName": "us-east-1"}},
			map[string]any{"Name": "Tooling", "EnvironmentBlueprintId": "bptooling",
				"AwsRegion": map[string]any{"RegionName": "us-east-1"}, "DeploymentOrder": float64(0),
				"ConfigurationParameters": map[string]any{"ParameterOverrides": []any{
					map[string]any{"Name": "maxEbsVolumeSize", "Value": "100", "IsEditable": true},
				}}},
		},
	}

	got, err := projectProfileState(context.Background(), live, &prior)
	if err != nil {
		t.Fatal(err)
	}

	var configs map[string]envConfigModel
	if diags := got.EnvironmentConfigurations.ElementsAs(context.Background(), &configs, false); diags.HasError() {
		t.Fatal(diags)
	}
	if _, ok := configs["Lakehouse Database"]; ok {
		t.Errorf("configuration removed by the API is still in the state")
	}
	if !configs["ML"].ParameterOverrides.IsNull() {
		t.Errorf("new configuration ML has overrides %v, want null", configs["ML"].ParameterOverrides)
	}

	var overrides map[string]parameterOverrideModel
	configs["Tooling"].ParameterOverrides.ElementsAs(context.Background(), &overrides, false)
	if len(overrides) != 1 || overrides["maxEbsVolumeSize"].Value.ValueString() != "100" ||
		!overrides["maxEbsVolumeSize"].IsEditable.ValueBool() {
		t.Errorf("Tooling overrides = %v, want only maxEbsVolumeSize = 100, editable", overrides)
	}
}
