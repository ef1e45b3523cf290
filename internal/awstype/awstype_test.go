package awstype_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/awstype"
)

func TestParseIdentifier(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		typ     *awstype.Type
		id      string
		want    map[string]string
		wantErr []string
	}{
		"single-part": {
			typ:  awstype.Domain,
			id:   "dzd_abc123",
			want: map[string]string{"Id": "dzd_abc123"},
		},
		"composite": {
			typ:  awstype.Project,
			id:   "dzd_abc123|prj42",
			want: map[string]string{"DomainId": "dzd_abc123", "Id": "prj42"},
		},
		"json-form": {
			typ:  awstype.Project,
			id:   `{"Id":"prj42","DomainId":"dzd_abc123"}`,
			want: map[string]string{"DomainId": "dzd_abc123", "Id": "prj42"},
		},
		"json-parts": {
			typ: awstype.PrincipalPermissions,
			id: `{"DataLakePrincipalIdentifier":"arn:aws:iam::111122223333:role/a"}|` +
				`{"Database":{"CatalogId":"111122223333","Name":"x|y"}}`,
			want: map[string]string{
				"PrincipalIdentifier": `{"DataLakePrincipalIdentifier":"arn:aws:iam::111122223333:role/a"}`,
				"ResourceIdentifier":  `{"Database":{"CatalogId":"111122223333","Name":"x|y"}}`,
			},
		},
		"too-few-parts": {
			typ: awstype.Project,
			id:  "prj42",
			wantErr: []string{"1 part(s), want 2", "DomainId|Id", `joined by "|"`,
				"dzd_4p9n6sw4qt9xgn|bnb0ax9dkmf5ah"},
		},
		"too-many-parts": {
			typ:     awstype.Domain,
			id:      "dzd_a|b",
			wantErr: []string{"2 part(s), want 1", "its Id"},
		},
		"empty-part": {
			typ:     awstype.ProjectProfile,
			id:      "dzd_abc|",
			wantErr: []string{"part 2 (Identifier) is empty"},
		},
		"empty": {
			typ:     awstype.Role,
			id:      " ",
			wantErr: []string{"it is empty"},
		},
		"pattern-mismatch": {
			typ:     awstype.Project,
			id:      "domain-1|prj42",
			wantErr: []string{"part 1 (DomainId)", "does not match"},
		},
		"bad-json": {
			typ:     awstype.Project,
			id:      `{"DomainId":`,
			wantErr: []string{"not a JSON object"},
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := tc.typ.ParseIdentifier(tc.id)
			if len(tc.wantErr) > 0 {
				var idErr *awstype.IdentifierError
				if !errors.As(err, &idErr) {
					t.Fatalf("error = %v, want *IdentifierError", err)
				}
				for _, s := range tc.wantErr {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("error %q does not contain %q", err, s)
					}
				}

				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("parts (-want +got):\n%s", diff)
			}
		})
	}
}

func TestIdentifierRoundTrip(t *testing.T) {
	t.Parallel()
	model := map[string]any{
		"DomainIdentifier":     "dzd_abc",
		"MemberIdentifier":     "usr1",
		"MemberIdentifierType": "USER_IDENTIFIER",
		"ProjectIdentifier":    "prj1",
	}
	id, err := awstype.ProjectMembership.Identifier(model)
	if err != nil {
		t.Fatal(err)
	}
	if want := "dzd_abc|usr1|USER_IDENTIFIER|prj1"; id != want {
		t.Errorf("identifier = %q, want %q", id, want)
	}
	parts, err := awstype.ProjectMembership.ParseIdentifier(id)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range parts {
		if model[k] != v {
			t.Errorf("part %s = %q, want %q", k, v, model[k])
		}
	}
}

func TestIdentifierMissingPart(t *testing.T) {
	t.Parallel()
	_, err := awstype.Project.Identifier(map[string]any{"DomainId": "dzd_a"})
	if err == nil || !strings.Contains(err.Error(), "no Id") {
		t.Errorf("error = %v, want one naming the missing Id", err)
	}
}

func TestEqual(t *testing.T) {
	t.Parallel()
	trustA := `{"Version":"2012-10-17","Statement":[
		{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"datazone.amazonaws.com"}},
		{"Effect":"Allow","Action":["sts:TagSession","sts:SetContext"],
		 "Principal":{"Service":"datazone.amazonaws.com"}}]}`
	trustB := map[string]any{"Version": "2012-10-17", "Statement": []any{
		map[string]any{"Effect": "Allow", "Action": []any{"sts:SetContext", "sts:TagSession"},
			"Principal": map[string]any{"Service": "datazone.amazonaws.com"}},
		map[string]any{"Effect": "Allow", "Action": []any{"sts:AssumeRole"},
			"Principal": map[string]any{"Service": []any{"datazone.amazonaws.com"}}},
	}}
	tags := func(kv ...string) []any {
		var out []any
		for i := 0; i < len(kv); i += 2 {
			out = append(out, map[string]any{"Key": kv[i], "Value": kv[i+1]})
		}

		return out
	}
	inline := func(action string) []any {
		return []any{map[string]any{"PolicyName": "p", "PolicyDocument": `{"Statement":[{"Effect":"Allow","Action":"` +
			action + `","Resource":"*"}]}`}}
	}
	testCases := map[string]struct {
		typ  *awstype.Type
		a, b map[string]any
		want bool
	}{
		"set-order": {
			typ:  awstype.EnvironmentBlueprintConfiguration,
			a:    map[string]any{"EnabledRegions": []any{"us-east-1", "eu-west-1"}},
			b:    map[string]any{"EnabledRegions": []any{"eu-west-1", "us-east-1"}},
			want: true,
		},
		"keyed-order": {
			typ:  awstype.Domain,
			a:    map[string]any{"Tags": tags("a", "1", "b", "2")},
			b:    map[string]any{"Tags": tags("b", "2", "a", "1")},
			want: true,
		},
		"keyed-value-differs": {
			typ:  awstype.Domain,
			a:    map[string]any{"Tags": tags("a", "1")},
			b:    map[string]any{"Tags": tags("a", "2")},
			want: false,
		},
		"configurations-by-name": {
			typ: awstype.ProjectProfile,
			a: map[string]any{"EnvironmentConfigurations": []any{
				map[string]any{"Name": "Tooling"}, map[string]any{"Name": "Lakehouse"}}},
			b: map[string]any{"EnvironmentConfigurations": []any{
				map[string]any{"Name": "Lakehouse"}, map[string]any{"Name": "Tooling"}}},
			want: true,
		},
		"empty-is-absent": {
			typ:  awstype.Role,
			a:    map[string]any{"RoleName": "r", "ManagedPolicyArns": []any{}},
			b:    map[string]any{"RoleName": "r"},
			want: true,
		},
		"empty-is-not-absent": {
			typ:  awstype.PrincipalPermissions,
			a:    map[string]any{"PermissionsWithGrantOption": []any{}},
			b:    map[string]any{},
			want: false,
		},
		"policy-whitespace-and-order": {
			typ:  awstype.Role,
			a:    map[string]any{"AssumeRolePolicyDocument": trustA},
			b:    map[string]any{"AssumeRolePolicyDocument": trustB},
			want: true,
		},
		"policy-widened": {
			typ:  awstype.Role,
			a:    map[string]any{"Policies": inline("s3:GetObject")},
			b:    map[string]any{"Policies": inline("s3:*")},
			want: false,
		},
		"numbers": {
			typ:  awstype.Role,
			a:    map[string]any{"MaxSessionDuration": 3600},
			b:    map[string]any{"MaxSessionDuration": float64(3600)},
			want: true,
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := tc.typ.Equal(tc.a, tc.b); got != tc.want {
				t.Errorf("Equal = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestNormalizeLeavesInputAlone(t *testing.T) {
	t.Parallel()
	in := map[string]any{"EnabledRegions": []any{"us-west-2", "eu-west-1"}}
	awstype.EnvironmentBlueprintConfiguration.Normalize(in)
	if got := in["EnabledRegions"].([]any)[0]; got != "us-west-2" {
		t.Errorf("input reordered: first region = %v", got)
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		typ   *awstype.Type
		model map[string]any
		want  []string
	}{
		"valid": {
			typ:   awstype.Project,
			model: map[string]any{"DomainIdentifier": "dzd_abc", "Name": "fraud detection"},
		},
		"missing-required": {
			typ:   awstype.Project,
			model: map[string]any{"Name": "x"},
			want:  []string{"#: required key [DomainIdentifier] not found"},
		},
		"bad-pattern": {
			typ:   awstype.Project,
			model: map[string]any{"DomainIdentifier": "dzd_abc", "Name": "bad/name"},
			want:  []string{`#/Name: string "bad/name" does not match pattern`},
		},
		"nested-pattern": {
			typ: awstype.EnvironmentBlueprintConfiguration,
			model: map[string]any{"DomainIdentifier": "dzd_abc", "EnvironmentBlueprintIdentifier": "bp1",
				"EnabledRegions": []any{"us-east-1", "moon-1"}},
			want: []string{`#/EnabledRegions/1: string "moon-1" does not match pattern`},
		},
		"bad-enum": {
			typ: awstype.ProjectMembership,
			model: map[string]any{"DomainIdentifier": "dzd_abc", "ProjectIdentifier": "p1",
				"Member": map[string]any{"UserIdentifier": "u"}, "Designation": "ADMIN"},
			want: []string{"#/Designation: ADMIN is not a valid enum value"},
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			err := tc.typ.Validate(tc.model)
			if len(tc.want) == 0 {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}

				return
			}
			var vErr *awstype.ValidationError
			if !errors.As(err, &vErr) {
				t.Fatalf("error = %v, want *ValidationError", err)
			}
			for _, s := range tc.want {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not contain %q", err, s)
				}
			}
		})
	}
}

func TestStripWriteOnly(t *testing.T) {
	t.Parallel()
	model := map[string]any{
		"DomainIdentifier":               "dzd_abc",
		"EnvironmentBlueprintIdentifier": "bp1",
		"EnabledRegions":                 []any{"us-east-1"},
		"GlobalParameters":               map[string]any{"k": "v"},
		"DomainId":                       "dzd_abc",
	}
	got := awstype.EnvironmentBlueprintConfiguration.StripWriteOnly(model)
	want := map[string]any{"EnabledRegions": []any{"us-east-1"}, "DomainId": "dzd_abc"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stripped model (-want +got):\n%s", diff)
	}
	if _, ok := model["GlobalParameters"]; !ok {
		t.Error("StripWriteOnly modified its input")
	}
}

func TestStripReadOnlyWildcard(t *testing.T) {
	t.Parallel()
	model := map[string]any{"Name": "p", "EnvironmentConfigurations": []any{
		map[string]any{"Name": "Tooling", "EnvironmentConfigurationId": "c1"},
		map[string]any{"Name": "Lake", "EnvironmentConfigurationId": "c2"},
	}}
	got := awstype.ProjectProfile.StripReadOnly(model)
	want := map[string]any{"Name": "p", "EnvironmentConfigurations": []any{
		map[string]any{"Name": "Tooling"}, map[string]any{"Name": "Lake"},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stripped model (-want +got):\n%s", diff)
	}
}

func TestPathTraits(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		got, want bool
	}{
		"read-only-nested": {
			awstype.ProjectProfile.IsReadOnly("/EnvironmentConfigurations/3/EnvironmentConfigurationId"), true},
		"read-only-below":          {awstype.Domain.IsReadOnly("/Arn/x"), true},
		"not-read-only":            {awstype.Domain.IsReadOnly("/Name"), false},
		"create-only":              {awstype.Project.IsCreateOnly("/ProjectProfileId"), true},
		"write-only-without-slash": {awstype.Domain.IsWriteOnly("ServiceRole"), true},
		"set":                      {awstype.Role.IsSet("/ManagedPolicyArns"), true},
		"policy":                   {awstype.Role.IsPolicyDocument("/Policies/0/PolicyDocument"), true},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if tc.got != tc.want {
				t.Errorf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
}

func TestPointerEscaping(t *testing.T) {
	t.Parallel()
	p := awstype.Pointer("Parameters", "a/b", "c~d")
	if want := "/Parameters/a~1b/c~0d"; p != want {
		t.Errorf("Pointer = %q, want %q", p, want)
	}
	if diff := cmp.Diff([]string{"Parameters", "a/b", "c~d"}, awstype.Segments(p)); diff != "" {
		t.Errorf("Segments (-want +got):\n%s", diff)
	}
}

func TestParsePolicyInvalid(t *testing.T) {
	t.Parallel()
	_, err := awstype.ParsePolicy(`{"Statement": [`)
	if err == nil || !strings.Contains(err.Error(), "not valid JSON") {
		t.Errorf("error = %v, want one saying the document is not valid JSON", err)
	}
}

func TestRegistryExamplesParse(t *testing.T) {
	t.Parallel()
	for _, name := range awstype.Names() {
		typ := awstype.MustLookup(name)
		if typ.IdentifierExample == "" {
			t.Errorf("%s has no identifier example", name)
		}
		if _, err := typ.ParseIdentifier(typ.IdentifierExample); err != nil {
			t.Errorf("%s rejects its own example: %v", name, err)
		}
	}
}
