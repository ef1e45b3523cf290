package evidence

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func sampleEvidence() *Evidence {
	return &Evidence{FormatVersion: FormatVersion, Provenance: Provenance{Account: "111111111111"},
		Projects: []Project{{Name: "fraud", RoleArns: []string{"arn:aws:iam::111111111111:role/fraud"}}},
		Roles: []Role{{Arn: "arn:aws:iam::111111111111:role/fraud", Name: "fraud", Found: true,
			TrustPolicy: map[string]any{"Statement": []any{}}}}}
}

// listDir returns the names in dir, sorted.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}

	return names
}

func TestWriteFailureLeavesOutUntouched(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		force bool
		seed  bool
	}{
		"new-out":        {},
		"existing-force": {force: true, seed: true},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			parent := t.TempDir()
			out := filepath.Join(parent, "bundle")
			if tc.seed {
				if err := os.MkdirAll(out, 0o755); err != nil {
					t.Fatal(err)
				}
				for _, name := range []string{"MANIFEST", "old.txt"} {
					if err := os.WriteFile(filepath.Join(out, name), []byte("old"), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			failing := append(append([]bundleFile{}, bundleFiles[:2]...), bundleFile{name: "report.html",
				render: func(io.Writer, *Evidence) error { return errors.New("disk full") }})
			err := write(sampleEvidence(), WriteOptions{Out: out, Force: tc.force}, failing)
			if err == nil || !strings.Contains(err.Error(), "render report.html: disk full") {
				t.Fatalf("write error = %v, want the render failure", err)
			}
			want := []string(nil)
			if tc.seed {
				want = []string{"bundle"}
				if diff := cmp.Diff([]string{"MANIFEST", "old.txt"}, listDir(t, out)); diff != "" {
					t.Errorf("old bundle changed (-want +got):\n%s", diff)
				}
			}
			if diff := cmp.Diff(want, listDir(t, parent)); diff != "" {
				t.Errorf("parent directory (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWriteExistingOut(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		force    bool
		oldFiles []string
		wantErr  string
		want     []string
	}{
		"refused": {
			oldFiles: []string{"MANIFEST", "old.txt"}, wantErr: "is not empty; pass --force",
			want: []string{"MANIFEST", "old.txt"},
		},
		"replaced": {
			force: true, oldFiles: []string{"MANIFEST", "old.txt"},
			want: []string{"MANIFEST", "evidence.json", "report.html", "report.md"},
		},
		"not-a-bundle": {
			force: true, oldFiles: []string{"notes.txt"}, wantErr: "is not an evidence bundle",
			want: []string{"notes.txt"},
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			parent := t.TempDir()
			out := filepath.Join(parent, "bundle")
			if err := os.MkdirAll(out, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, name := range tc.oldFiles {
				if err := os.WriteFile(filepath.Join(out, name), []byte("old"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			err := Write(sampleEvidence(), WriteOptions{Out: out, Force: tc.force})
			if tc.wantErr == "" && err != nil {
				t.Fatalf("Write: %v", err)
			}
			if tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("Write error = %v, want %q", err, tc.wantErr)
			}
			if diff := cmp.Diff(tc.want, listDir(t, out)); diff != "" {
				t.Errorf("bundle (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]string{"bundle"}, listDir(t, parent)); diff != "" {
				t.Errorf("parent directory (-want +got):\n%s", diff)
			}
		})
	}
}
