package drift_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/drift"
)

func decode(t *testing.T, text string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(text), &m); err != nil {
		t.Fatalf("decode %s: %v", text, err)
	}

	return m
}

func TestCompare(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		typ      *awstype.Type
		declared string
		live     string
		want     []drift.PropertyDiff
	}{
		"equal": {
			typ:      awstype.Project,
			declared: `{"Name":"fraud","Description":"d"}`,
			live:     `{"Name":"fraud","Description":"d","Id":"p1","ProjectStatus":"ACTIVE"}`,
		},
		"scalar-changed": {
			typ:      awstype.Project,
			declared: `{"Name":"fraud","Description":"declared"}`,
			live:     `{"Name":"fraud","Description":"edited"}`,
			want:     []drift.PropertyDiff{{Path: "/Description", Declared: "declared", Live: "edited"}},
		},
		"write-only-ignored": {
			typ:      awstype.Project,
			declared: `{"Name":"fraud","ProjectExecutionRole":"arn:aws:iam::111122223333:role/x","UserParameters":[{"EnvironmentConfigurationName":"Tooling"}]}`,
			live:     `{"Name":"fraud"}`,
		},
		"write-only-in-live-ignored": {
			typ:      awstype.Domain,
			declared: `{"Name":"d"}`,
			live:     `{"Name":"d","ServiceRole":"arn:aws:iam::111122223333:role/other"}`,
		},
		"read-only-ignored": {
			typ:      awstype.Domain,
			declared: `{"Name":"d","Status":"AVAILABLE","Arn":"a"}`,
			live:     `{"Name":"d","Status":"CREATING","Arn":"b"}`,
		},
		"undeclared-property-ignored": {
			typ:      awstype.Project,
			declared: `{"Name":"fraud"}`,
			live:     `{"Name":"fraud","Description":"added by hand"}`,
		},
		"set-in-any-order": {
			typ:      awstype.EnvironmentBlueprintConfiguration,
			declared: `{"EnabledRegions":["us-west-2","us-east-1"]}`,
			live:     `{"EnabledRegions":["us-east-1","us-west-2"]}`,
		},
		"set-changed-sorted": {
			typ:      awstype.EnvironmentBlueprintConfiguration,
			declared: `{"EnabledRegions":["us-west-2","us-east-1"]}`,
			live:     `{"EnabledRegions":["us-east-1"]}`,
			want: []drift.PropertyDiff{{Path: "/EnabledRegions",
				Declared: []any{"us-east-1", "us-west-2"}, Live: []any{"us-east-1"}}},
		},
		"empty-equals-absent": {
			typ:      awstype.Role,
			declared: `{"RoleName":"r","Description":"","ManagedPolicyArns":[],"Tags":[]}`,
			live:     `{"RoleName":"r"}`,
		},
		"declared-missing-live": {
			typ:      awstype.Role,
			declared: `{"RoleName":"r","PermissionsBoundary":"arn:aws:iam::111122223333:policy/b"}`,
			live:     `{"RoleName":"r"}`,
			want: []drift.PropertyDiff{{Path: "/PermissionsBoundary",
				Declared: "arn:aws:iam::111122223333:policy/b"}},
		},
		"policy-whitespace-and-order": {
			typ: awstype.Role,
			declared: `{"AssumeRolePolicyDocument":"{ \"Version\": \"2012-10-17\", \"Statement\": [ {\"Effect\":\"Allow\", ` +
				`\"Action\": [\"sts:TagSession\", \"sts:AssumeRole\"], \"Principal\": {\"Service\": \"datazone.amazonaws.com\"}} ] }"}`,
			live: `{"AssumeRolePolicyDocument":{"Statement":[{"Principal":{"Service":["datazone.amazonaws.com"]},` +
				`"Action":["sts:AssumeRole","sts:TagSession"],"Effect":"Allow"}],"Version":"2012-10-17"}}`,
		},
		"policy-statement-added-and-removed": {
			typ: awstype.Role,
			declared: `{"Policies":[{"PolicyName":"access","PolicyDocument":{"Version":"2012-10-17","Statement":[` +
				`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}}]}`,
			live: `{"Policies":[{"PolicyName":"access","PolicyDocument":{"Version":"2012-10-17","Statement":[` +
				`{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}}]}`,
			want: []drift.PropertyDiff{{
				Path: "/Policies/access/PolicyDocument",
				// Statements come in canonical order.
				Declared: map[string]any{"Version": "2012-10-17", "Statement": []any{
					map[string]any{"Effect": "Deny", "Action": []any{"s3:DeleteObject"}, "Resource": []any{"*"}},
					map[string]any{"Effect": "Allow", "Action": []any{"s3:GetObject"}, "Resource": []any{"*"}},
				}},
				Live: map[string]any{"Version": "2012-10-17", "Statement": []any{
					map[string]any{"Effect": "Allow", "Action": []any{"s3:*"}, "Resource": []any{"*"}},
					map[string]any{"Effect": "Allow", "Action": []any{"s3:GetObject"}, "Resource": []any{"*"}},
				}},
				StatementsAdded: []any{map[string]any{"Effect": "Allow", "Action": []any{"s3:*"}, "Resource": []any{"*"}}},
				StatementsRemoved: []any{
					map[string]any{"Effect": "Deny", "Action": []any{"s3:DeleteObject"}, "Resource": []any{"*"}},
				},
			}},
		},
		"keyed-element-added-and-removed": {
			typ:      awstype.Role,
			declared: `{"Tags":[{"Key":"team","Value":"data"},{"Key":"env","Value":"prod"}]}`,
			live:     `{"Tags":[{"Key":"team","Value":"ml"},{"Key":"owner","Value":"bob"}]}`,
			want: []drift.PropertyDiff{
				{Path: "/Tags/env", Declared: map[string]any{"Key": "env", "Value": "prod"}},
				{Path: "/Tags/owner", Live: map[string]any{"Key": "owner", "Value": "bob"}},
				{Path: "/Tags/team/Value", Declared: "data", Live: "ml"},
			},
		},
		"nested-read-only-ignored": {
			typ:      awstype.ProjectProfile,
			declared: `{"EnvironmentConfigurations":[{"Name":"Tooling","AwsRegion":{"RegionName":"us-east-1"}}]}`,
			live: `{"EnvironmentConfigurations":[{"Name":"Tooling","AwsRegion":{"RegionName":"us-east-1"},` +
				`"EnvironmentConfigurationId":"c1","AwsAccount":{"AwsAccountId":"111122223333"}}]}`,
		},
		"nested-member-changed": {
			typ:      awstype.ProjectProfile,
			declared: `{"EnvironmentConfigurations":[{"Name":"Tooling","DeploymentMode":"ON_CREATE"}]}`,
			live:     `{"EnvironmentConfigurations":[{"Name":"Tooling","DeploymentMode":"ON_DEMAND"}]}`,
			want: []drift.PropertyDiff{{Path: "/EnvironmentConfigurations/Tooling/DeploymentMode",
				Declared: "ON_CREATE", Live: "ON_DEMAND"}},
		},
		"inline-policy-added-to-role-declared-without": {
			typ:      awstype.Role,
			declared: `{"RoleName":"r"}`,
			live: `{"RoleName":"r","Policies":[{"PolicyName":"widen","PolicyDocument":` +
				`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}}]}`,
			want: []drift.PropertyDiff{{
				Path: "/Policies/widen/PolicyDocument",
				Live: map[string]any{"Version": "2012-10-17", "Statement": []any{
					map[string]any{"Effect": "Allow", "Action": []any{"s3:*"}, "Resource": []any{"*"}},
				}},
				StatementsAdded: []any{map[string]any{"Effect": "Allow", "Action": []any{"s3:*"}, "Resource": []any{"*"}}},
			}},
		},
		"managed-policy-attached-to-role-declared-without": {
			typ:      awstype.Role,
			declared: `{"RoleName":"r"}`,
			live:     `{"RoleName":"r","ManagedPolicyArns":["arn:aws:iam::aws:policy/AdministratorAccess"]}`,
			want: []drift.PropertyDiff{{Path: "/ManagedPolicyArns", Declared: []any{},
				Live: []any{"arn:aws:iam::aws:policy/AdministratorAccess"}}},
		},
		"empty-grants-equal-absent": {
			typ:      awstype.Role,
			declared: `{"RoleName":"r"}`,
			live:     `{"RoleName":"r","Policies":[],"ManagedPolicyArns":[]}`,
		},
		"number-forms-equal": {
			typ:      awstype.Role,
			declared: `{"MaxSessionDuration":3600}`,
			live:     `{"MaxSessionDuration":3600.0}`,
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := drift.Compare(tc.typ, decode(t, tc.declared), decode(t, tc.live))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Compare (-want +got):\n%s", diff)
			}
		})
	}
}
