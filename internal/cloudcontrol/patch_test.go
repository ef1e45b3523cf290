package cloudcontrol_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// listType has an ordered array of objects, a nested write-only member, a
// nested read-only member and an awkward member name, to exercise what the
// registered types lack.
var listType = &awstype.Type{
	Name:       "Test::Patch::Lists",
	ReadOnly:   []string{"/Id", "/Steps/*/StepId"},
	WriteOnly:  []string{"/Secret", "/Config/Password"},
	CreateOnly: []string{"/Region"},
	Sets:       []string{"/Labels"},
	Keyed:      []awstype.KeyedList{{Path: "/Tags", Key: "Key"}},
}

func TestPatchTable(t *testing.T) {
	t.Parallel()
	type op = cloudcontrol.PatchOperation
	testCases := map[string]struct {
		typ     *awstype.Type
		prior   map[string]any
		desired map[string]any
		want    []op
	}{
		"set-replaced-whole-not-by-index": {
			typ:     awstype.Role,
			prior:   map[string]any{"ManagedPolicyArns": []any{"arn:a", "arn:b"}},
			desired: map[string]any{"ManagedPolicyArns": []any{"arn:c", "arn:a"}},
			want:    []op{{Op: "add", Path: "/ManagedPolicyArns", Value: []any{"arn:c", "arn:a"}}},
		},
		"set-reordered-no-op": {
			typ:     awstype.Role,
			prior:   map[string]any{"ManagedPolicyArns": []any{"arn:a", "arn:b"}},
			desired: map[string]any{"ManagedPolicyArns": []any{"arn:b", "arn:a"}},
		},
		"keyed-list-replaced-whole": {
			typ: awstype.Role,
			prior: map[string]any{"Tags": []any{
				map[string]any{"Key": "a", "Value": "1"}, map[string]any{"Key": "b", "Value": "2"},
			}},
			desired: map[string]any{"Tags": []any{map[string]any{"Key": "b", "Value": "3"}}},
			want:    []op{{Op: "add", Path: "/Tags", Value: []any{map[string]any{"Key": "b", "Value": "3"}}}},
		},
		"keyed-list-reordered-no-op": {
			typ: awstype.Role,
			prior: map[string]any{"Tags": []any{
				map[string]any{"Key": "a", "Value": "1"}, map[string]any{"Key": "b", "Value": "2"},
			}},
			desired: map[string]any{"Tags": []any{
				map[string]any{"Key": "b", "Value": "2"}, map[string]any{"Key": "a", "Value": "1"},
			}},
		},
		"removes-highest-index-first": {
			typ:     listType,
			prior:   map[string]any{"Steps": []any{"a", "b", "c", "d"}},
			desired: map[string]any{"Steps": []any{"a"}},
			want: []op{
				{Op: "remove", Path: "/Steps/3"}, {Op: "remove", Path: "/Steps/2"}, {Op: "remove", Path: "/Steps/1"},
			},
		},
		"ordered-array-element-replaced-and-appended": {
			typ:     listType,
			prior:   map[string]any{"Steps": []any{"a", "b"}},
			desired: map[string]any{"Steps": []any{"a", "x", "c"}},
			want: []op{
				{Op: "replace", Path: "/Steps/1", Value: "x"}, {Op: "add", Path: "/Steps/2", Value: "c"},
			},
		},
		"write-only-always-sent-with-add": {
			typ:     awstype.Domain,
			prior:   map[string]any{"Name": "d", "ServiceRole": "arn:aws:iam::111122223333:role/s"},
			desired: map[string]any{"Name": "d", "ServiceRole": "arn:aws:iam::111122223333:role/s"},
			want:    []op{{Op: "add", Path: "/ServiceRole", Value: "arn:aws:iam::111122223333:role/s"}},
		},
		"nested-write-only-sent-inside-equal-object": {
			typ:     listType,
			prior:   map[string]any{"Config": map[string]any{"User": "u", "Password": "p"}},
			desired: map[string]any{"Config": map[string]any{"User": "u", "Password": "p"}},
			want:    []op{{Op: "add", Path: "/Config/Password", Value: "p"}},
		},
		"write-only-dropped-is-not-removed": {
			typ:     listType,
			prior:   map[string]any{"Secret": "s"},
			desired: map[string]any{},
		},
		"read-only-untouched": {
			typ:     awstype.Role,
			prior:   map[string]any{"Arn": "arn:old", "RoleId": "A"},
			desired: map[string]any{"Arn": "arn:new"},
		},
		"read-only-kept-inside-replaced-keyed-list": {
			typ: awstype.ProjectProfile,
			prior: map[string]any{"EnvironmentConfigurations": []any{
				map[string]any{"Name": "Tooling", "EnvironmentConfigurationId": "cfg1", "Description": "a"},
			}},
			desired: map[string]any{"EnvironmentConfigurations": []any{
				map[string]any{"Name": "Tooling", "Description": "b"},
				map[string]any{"Name": "Lake", "EnvironmentConfigurationId": "bogus"},
			}},
			want: []op{{Op: "add", Path: "/EnvironmentConfigurations", Value: []any{
				map[string]any{"Name": "Tooling", "EnvironmentConfigurationId": "cfg1", "Description": "b"},
				map[string]any{"Name": "Lake"},
			}}},
		},
		"policy-json-other-whitespace-and-order-no-op": {
			typ: awstype.Role,
			prior: map[string]any{"AssumeRolePolicyDocument": `{"Version":"2012-10-17","Statement":[` +
				`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"a"}},` +
				`{"Effect":"Deny","Action":["s3:*"],"Resource":"*"}]}`},
			desired: map[string]any{"AssumeRolePolicyDocument": map[string]any{
				"Statement": []any{
					map[string]any{"Resource": []any{"*"}, "Action": "s3:*", "Effect": "Deny"},
					map[string]any{"Principal": map[string]any{"Service": []any{"a"}}, "Effect": "Allow", "Action": []any{"sts:AssumeRole"}},
				},
				"Version": "2012-10-17",
			}},
		},
		"policy-change-sent-whole": {
			typ:     awstype.Role,
			prior:   map[string]any{"AssumeRolePolicyDocument": map[string]any{"Version": "2012-10-17", "Statement": []any{}}},
			desired: map[string]any{"AssumeRolePolicyDocument": map[string]any{"Version": "2008-10-17", "Statement": []any{}}},
			want: []op{{Op: "add", Path: "/AssumeRolePolicyDocument",
				Value: map[string]any{"Version": "2008-10-17", "Statement": []any{}}}},
		},
		"member-removed-and-added": {
			typ:     awstype.Role,
			prior:   map[string]any{"Description": "x"},
			desired: map[string]any{"MaxSessionDuration": 7200},
			want: []op{
				{Op: "remove", Path: "/Description"}, {Op: "add", Path: "/MaxSessionDuration", Value: 7200},
			},
		},
		"empty-means-absent-no-op": {
			typ:     awstype.Role,
			prior:   map[string]any{"Tags": []any{}},
			desired: map[string]any{},
		},
		"pointer-escaped": {
			typ:     listType,
			prior:   map[string]any{"Map": map[string]any{"a/b": 1, "c~d": 1}},
			desired: map[string]any{"Map": map[string]any{"a/b": 2, "c~d": 2}},
			want:    []op{{Op: "add", Path: "/Map/a~1b", Value: 2}, {Op: "add", Path: "/Map/c~0d", Value: 2}},
		},
		"create-only-unchanged-not-sent": {
			typ:     awstype.Role,
			prior:   map[string]any{"RoleName": "r", "Path": "/"},
			desired: map[string]any{"RoleName": "r", "Path": "/"},
		},
		"write-only-create-only-unknown-prior-is-no-change": {
			typ:     awstype.Project,
			prior:   map[string]any{"Name": "p"},
			desired: map[string]any{"Name": "p", "DomainIdentifier": "dzd_abc"},
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := cloudcontrol.Patch(tc.typ, tc.prior, tc.desired)
			if err != nil {
				t.Fatalf("Patch: %v", err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("patch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPatchCreateOnlyChangeIsError(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		typ            *awstype.Type
		prior, desired map[string]any
		want           []string
	}{
		"role-name":      {typ: awstype.Role, prior: map[string]any{"RoleName": "a"}, desired: map[string]any{"RoleName": "b"}, want: []string{"/RoleName"}},
		"path-removed":   {typ: awstype.Role, prior: map[string]any{"Path": "/x/"}, desired: map[string]any{}, want: []string{"/Path"}},
		"domain-version": {typ: awstype.Domain, prior: map[string]any{"DomainVersion": "V1"}, desired: map[string]any{"DomainVersion": "V2"}, want: []string{"/DomainVersion"}},
		"two-at-once":    {typ: awstype.Role, prior: map[string]any{"RoleName": "a", "Path": "/"}, desired: map[string]any{"RoleName": "b", "Path": "/x/"}, want: []string{"/Path", "/RoleName"}},
		"write-only-too": {typ: awstype.Project, prior: map[string]any{"DomainIdentifier": "dzd_a"}, desired: map[string]any{"DomainIdentifier": "dzd_b"}, want: []string{"/DomainIdentifier"}},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := cloudcontrol.Patch(tc.typ, tc.prior, tc.desired)

			var repl *cloudcontrol.ReplacementError
			if !errors.As(err, &repl) {
				t.Fatalf("error = %v, want *ReplacementError", err)
			}
			if diff := cmp.Diff(tc.want, repl.Paths); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPatchOperationJSON(t *testing.T) {
	t.Parallel()
	ops := []cloudcontrol.PatchOperation{
		{Op: "remove", Path: "/A"},
		{Op: "add", Path: "/B", Value: false},
		{Op: "replace", Path: "/C/0", Value: nil},
	}

	got, err := json.Marshal(ops)
	if err != nil {
		t.Fatal(err)
	}

	want := `[{"op":"remove","path":"/A"},{"op":"add","path":"/B","value":false},{"op":"replace","path":"/C/0","value":null}]`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
}
