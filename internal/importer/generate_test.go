package importer_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/importer"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func loadInventory(t *testing.T) *importer.Inventory {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "inventory.json"))
	if err != nil {
		t.Fatalf("read inventory: %v", err)
	}
	var inv importer.Inventory
	if err := json.Unmarshal(data, &inv); err != nil {
		t.Fatalf("decode inventory: %v", err)
	}

	return &inv
}

func TestGenerateGolden(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		existingDir string
		inventory   func(*importer.Inventory)
	}{
		"fresh":  {},
		"adopt":  {existingDir: filepath.Join("testdata", "adopt")},
		"unread": {inventory: withoutDataZone},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var existing *importer.Existing
			if tc.existingDir != "" {
				var err error
				if existing, err = importer.ReadExisting(tc.existingDir); err != nil {
					t.Fatalf("read existing configuration: %v", err)
				}
			}
			inv := loadInventory(t)
			if tc.inventory != nil {
				tc.inventory(inv)
			}
			res, err := importer.Generate(importer.GenerateInput{Inventory: inv, Existing: existing})
			if err != nil {
				t.Fatalf("generate: %v", err)
			}
			checkGolden(t, filepath.Join("testdata", "golden", name), res.Files)
		})
	}
}

// withoutDataZone turns the inventory into one that Discover returns when
// every DataZone read fails: no write-only values, and no roles that only
// write-only values name.
func withoutDataZone(inv *importer.Inventory) {
	inv.WriteOnly = nil
	var roles []cloudcontrol.Resource
	for _, r := range inv.Roles {
		if r.Identifier != "SmusDomainService" && r.Identifier != "SmusLakeFormationRegistration" {
			roles = append(roles, r)
		}
	}
	inv.Roles = roles
}

func checkGolden(t *testing.T, dir string, files []importer.File) {
	t.Helper()
	if *update {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatalf("clear %s: %v", dir, err)
		}
		if err := importer.Write(dir, files, false); err != nil {
			t.Fatalf("update golden files: %v", err)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("read golden files (run with -update to create them): %v", err)
	}
	var wantNames, gotNames []string
	for _, e := range entries {
		wantNames = append(wantNames, e.Name())
	}
	for _, f := range files {
		gotNames = append(gotNames, f.Name)
		want, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil {
			continue
		}
		if diff := cmp.Diff(string(want), string(f.Content)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", f.Name, diff)
		}
	}
	sort.Strings(wantNames)
	if diff := cmp.Diff(wantNames, gotNames); diff != "" {
		t.Errorf("file names (-want +got):\n%s", diff)
	}
}

func TestGenerateAdoptsExisting(t *testing.T) {
	t.Parallel()
	existing, err := importer.ReadExisting(filepath.Join("testdata", "adopt"))
	if err != nil {
		t.Fatalf("read existing configuration: %v", err)
	}
	inv := loadInventory(t)

	res, err := importer.Generate(importer.GenerateInput{Inventory: inv, Existing: existing})
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	adopted := map[string]string{}
	for _, imp := range res.Imports {
		if imp.Adopted {
			adopted[imp.Address] = imp.ID
		}
	}

	var fraudID string
	for _, p := range inv.Projects {
		if p.Properties["Name"] == "Fraud detection" {
			fraudID = p.Identifier
		}
	}
	want := map[string]string{
		"smus_domain.main":   inv.Domain.Identifier,
		"smus_iam_role.exec": "SmusDomainExecution",
		"smus_project.fraud": fraudID,
	}
	if diff := cmp.Diff(want, adopted); diff != "" {
		t.Errorf("adopted imports (-want +got):\n%s", diff)
	}
	for _, f := range res.Files {
		if f.Name == importer.FileVersions || f.Name == importer.FileDomain {
			t.Errorf("generated %s, which the existing configuration already covers", f.Name)
		}
	}
}

func TestGenerateWriteOnlyValues(t *testing.T) {
	t.Parallel()
	const project = "AWS::DataZone::Project"
	const fraudID = "dzd_2o95d79q552gxj|4gsfi7qhcsleco"
	testCases := map[string]struct {
		inventory func(*importer.Inventory)
		file      string
		pattern   string
		required  []string
		warning   string
	}{
		"profile-as-reference": {
			file:    importer.FileProjects,
			pattern: `project_profile_id\s+= smus_project_profile\.all_capabilities\.profile_id`,
		},
		"profile-not-imported": {
			inventory: func(inv *importer.Inventory) { inv.Profiles = nil },
			file:      importer.FileProjects,
			pattern:   `project_profile_id\s+= "ll75yexfdnablo"`,
		},
		"service-role-as-reference": {
			file:    importer.FileDomain,
			pattern: `service_role\s+= smus_iam_role\.smus_domain_service\.arn`,
		},
		"service-role-not-imported": {
			inventory: func(inv *importer.Inventory) {
				var roles []cloudcontrol.Resource
				for _, r := range inv.Roles {
					if r.Identifier != "SmusDomainService" {
						roles = append(roles, r)
					}
				}
				inv.Roles = roles
			},
			file:    importer.FileDomain,
			pattern: `service_role\s+= "arn:aws:iam::210987654321:role/SmusDomainService"`,
		},
		"project-read-without-profile": {
			inventory: func(inv *importer.Inventory) { inv.WriteOnly[project][fraudID] = map[string]any{} },
			file:      importer.FileProjects,
			pattern:   `project_profile_id\s+= var\.project_fraud_detection_profile_id`,
			required:  []string{"project_fraud_detection_profile_id"},
			warning: `DataZone GetProject returned no project profile id for project "Fraud detection" ` +
				`(4gsfi7qhcsleco), so it is a required input variable.`,
		},
		"membership-read-without-designation": {
			inventory: func(inv *importer.Inventory) {
				for id := range inv.WriteOnly["AWS::DataZone::ProjectMembership"] {
					if strings.Contains(id, "USER_IDENTIFIER") {
						inv.WriteOnly["AWS::DataZone::ProjectMembership"][id] = map[string]any{}
					}
				}
			},
			file:     importer.FileProjects,
			pattern:  `designation\s+= var\.membership_fraud_detection_user_4tmq991du7dtmk_designation`,
			required: []string{"membership_fraud_detection_user_4tmq991du7dtmk_designation"},
			warning: `DataZone ListProjectMemberships returned no designation for member 4tmq991du7dtmk of ` +
				`project "Fraud detection", so it is a required input variable.`,
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			inv := loadInventory(t)
			if tc.inventory != nil {
				tc.inventory(inv)
			}
			res, err := importer.Generate(importer.GenerateInput{Inventory: inv})
			if err != nil {
				t.Fatalf("generate: %v", err)
			}
			content := fileContent(res, tc.file)
			if !regexp.MustCompile(tc.pattern).MatchString(content) {
				t.Errorf("%s does not match %s:\n%s", tc.file, tc.pattern, content)
			}
			var required []string
			for _, v := range res.Variables {
				if v.Required {
					required = append(required, v.Name)
				}
			}
			if diff := cmp.Diff(tc.required, required); diff != "" {
				t.Errorf("required variables (-want +got):\n%s", diff)
			}
			var wantWarnings []string
			if tc.warning != "" {
				wantWarnings = []string{tc.warning}
			}
			if diff := cmp.Diff(wantWarnings, res.Warnings); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

func fileContent(res *importer.Result, name string) string {
	for _, f := range res.Files {
		if f.Name == name {
			return string(f.Content)
		}
	}

	return ""
}
