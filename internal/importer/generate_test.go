package importer_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

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
	}{
		"fresh": {},
		"adopt": {existingDir: filepath.Join("testdata", "adopt")},
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
			res, err := importer.Generate(importer.GenerateInput{Inventory: loadInventory(t), Existing: existing})
			if err != nil {
				t.Fatalf("generate: %v", err)
			}
			checkGolden(t, filepath.Join("testdata", "golden", name), res.Files)
		})
	}
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
