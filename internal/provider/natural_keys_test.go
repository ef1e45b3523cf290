package provider

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestNaturalKeysClaim(t *testing.T) {
	t.Parallel()
	keys := newNaturalKeys()
	project := func(domain, name string) naturalKey {
		return naturalKey{resourceType: "smus_project", parts: []keyPart{
			{attribute: "domain_id", value: domain}, {attribute: "name", value: name},
		}}
	}
	steps := []struct {
		key  naturalKey
		want bool
	}{
		{project("dzd_a", "sales"), true},
		{project("dzd_b", "sales"), true},
		{project("dzd_a", "marketing"), true},
		{project("dzd_a", "sales"), false},
		{naturalKey{resourceType: "smus_project_profile", parts: project("dzd_a", "sales").parts}, true},
	}
	for i, s := range steps {
		if got := keys.claim(s.key); got != s.want {
			t.Errorf("claim %d (%s): got %v, want %v", i, s.key, got, s.want)
		}
	}
}

func TestKeyParts(t *testing.T) {
	t.Parallel()
	typ := tftypes.Object{AttributeTypes: map[string]tftypes.Type{
		"domain_id": tftypes.String, "name": tftypes.String, "group": tftypes.String,
	}}
	testCases := map[string]struct {
		values map[string]tftypes.Value
		want   []keyPart
		ok     bool
	}{
		"known": {
			values: map[string]tftypes.Value{
				"domain_id": tftypes.NewValue(tftypes.String, "dzd_a"),
				"name":      tftypes.NewValue(tftypes.String, "sales"),
				"group":     tftypes.NewValue(tftypes.String, nil),
			},
			want: []keyPart{{attribute: "domain_id", value: "dzd_a"}, {attribute: "name", value: "sales"},
				{attribute: "group", null: true}},
			ok: true,
		},
		"unknown-domain": {
			values: map[string]tftypes.Value{
				"domain_id": tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
				"name":      tftypes.NewValue(tftypes.String, "sales"),
				"group":     tftypes.NewValue(tftypes.String, nil),
			},
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, ok := keyParts(tftypes.NewValue(typ, tc.values), []string{"domain_id", "name", "group"})
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v", ok, tc.ok)
			}
			if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(keyPart{})); diff != "" {
				t.Errorf("key parts (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFindAddresses(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"main.tf": `
resource "smus_project" "sales" {
  domain_id = smus_domain.main.id
  name      = "sales"
}
resource "smus_project" "marketing" {
  name = "marketing"
}
resource "smus_project_profile" "sales" {
  name = "sales"
}
`,
		"more.tf": `
resource "smus_project" "sales_copy" {
  name = "sales"
}
resource "smus_project" "from_variable" {
  name = var.name
}
`,
		"broken.tf": `resource "smus_project" "x" {`,
		"notes.txt": `resource "smus_project" "ignored" { name = "sales" }`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}

	testCases := map[string]struct {
		resourceType, attribute, value string
		want                           []string
	}{
		"two-files":    {"smus_project", "name", "sales", []string{"smus_project.sales", "smus_project.sales_copy"}},
		"other-value":  {"smus_project", "name", "marketing", []string{"smus_project.marketing"}},
		"other-type":   {"smus_project_profile", "name", "sales", []string{"smus_project_profile.sales"}},
		"no-match":     {"smus_project", "name", "finance", nil},
		"no-attribute": {"smus_project", "", "sales", nil},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := findAddresses(dir, tc.resourceType, tc.attribute, tc.value)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("addresses (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDuplicateKeyDiagNamesAddresses(t *testing.T) {
	t.Parallel()
	d := duplicateKeyDiag("smus_project", `domain_id = "dzd_a" and name = "sales"`,
		[]string{"smus_project.sales", "smus_project.sales_copy"})
	want := `Declared by: smus_project.sales, smus_project.sales_copy.`
	if !contains(d.Detail(), want) || !contains(d.Detail(), `name = "sales"`) {
		t.Errorf("detail %q does not name the key and %q", d.Detail(), want)
	}
}
