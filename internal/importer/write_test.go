package importer_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/importer"
)

func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("read %s: %v", dir, err)
	}
	out := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatalf("read %s: %v", e.Name(), err)
		}
		out[e.Name()] = string(data)
	}

	return out
}

func TestWrite(t *testing.T) {
	t.Parallel()
	files := []importer.File{{Name: "domain.tf", Content: []byte("new domain\n")}, {Name: "imports.tf", Content: []byte("new imports\n")}}
	testCases := map[string]struct {
		before   map[string]string
		files    []importer.File
		force    bool
		want     map[string]string
		conflict []string
		fails    bool
	}{
		"new-directory": {
			files: files,
			want:  map[string]string{"domain.tf": "new domain\n", "imports.tf": "new imports\n"},
		},
		"existing-directory-other-files": {
			before: map[string]string{"main.tf": "mine\n"},
			files:  files,
			want:   map[string]string{"main.tf": "mine\n", "domain.tf": "new domain\n", "imports.tf": "new imports\n"},
		},
		"conflict": {
			before:   map[string]string{"main.tf": "mine\n", "imports.tf": "old imports\n"},
			files:    files,
			want:     map[string]string{"main.tf": "mine\n", "imports.tf": "old imports\n"},
			conflict: []string{"imports.tf"},
		},
		"identical-file-is-no-conflict": {
			before: map[string]string{"main.tf": "mine\n", "imports.tf": "new imports\n"},
			files:  files,
			want:   map[string]string{"main.tf": "mine\n", "domain.tf": "new domain\n", "imports.tf": "new imports\n"},
		},
		"all-identical": {
			before: map[string]string{"domain.tf": "new domain\n", "imports.tf": "new imports\n"},
			files:  files,
			want:   map[string]string{"domain.tf": "new domain\n", "imports.tf": "new imports\n"},
		},
		"conflict-forced": {
			before: map[string]string{"imports.tf": "old imports\n"},
			files:  files,
			force:  true,
			want:   map[string]string{"domain.tf": "new domain\n", "imports.tf": "new imports\n"},
		},
		"invalid-name-existing-directory": {
			before: map[string]string{"main.tf": "mine\n"},
			files:  append([]importer.File{{Name: "../escape.tf"}}, files...),
			want:   map[string]string{"main.tf": "mine\n"},
			fails:  true,
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(t.TempDir(), "out")
			if tc.before != nil {
				if err := os.Mkdir(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				for n, c := range tc.before {
					if err := os.WriteFile(filepath.Join(dir, n), []byte(c), 0o600); err != nil {
						t.Fatal(err)
					}
				}
			}
			err := importer.Write(dir, tc.files, tc.force)
			var conflict *importer.ConflictError
			switch {
			case tc.conflict != nil:
				if !errors.As(err, &conflict) {
					t.Fatalf("Write returned %v, want a conflict", err)
				}
				if diff := cmp.Diff(tc.conflict, conflict.Files); diff != "" {
					t.Errorf("conflicting files (-want +got):\n%s", diff)
				}
			case tc.fails:
				if err == nil {
					t.Fatal("Write succeeded, want an error")
				}
			case err != nil:
				t.Fatalf("Write: %v", err)
			}
			if diff := cmp.Diff(tc.want, readDir(t, dir)); diff != "" {
				t.Errorf("directory content (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWriteLeavesNoPartialDirectory(t *testing.T) {
	t.Parallel()
	parent := t.TempDir()
	dir := filepath.Join(parent, "out")
	err := importer.Write(dir, []importer.File{{Name: "a.tf", Content: []byte("a")}, {Name: "sub/b.tf"}}, false)
	if err == nil {
		t.Fatal("Write succeeded with an invalid file name, want an error")
	}
	if diff := cmp.Diff(map[string]string{}, readDir(t, parent)); diff != "" {
		t.Errorf("parent directory after a failed write (-want +got):\n%s", diff)
	}
}
