package evidence_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/evidence"
)

func TestVerify(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		tamper func(t *testing.T, dir string)
		want   evidence.VerifyResult
	}{
		"intact": {
			tamper: func(*testing.T, string) {},
			want:   evidence.VerifyResult{Changed: []string{}, Added: []string{}, Removed: []string{}, Files: 3},
		},
		"changed": {
			tamper: func(t *testing.T, dir string) { writeFile(t, filepath.Join(dir, "b.txt"), "B") },
			want:   evidence.VerifyResult{Changed: []string{"b.txt"}, Added: []string{}, Removed: []string{}, Files: 3},
		},
		"added": {
			tamper: func(t *testing.T, dir string) { writeFile(t, filepath.Join(dir, "sub", "new.txt"), "n") },
			want:   evidence.VerifyResult{Changed: []string{}, Added: []string{"sub/new.txt"}, Removed: []string{}, Files: 3},
		},
		"removed": {
			tamper: func(t *testing.T, dir string) {
				if err := os.Remove(filepath.Join(dir, "sub", "c.txt")); err != nil {
					t.Fatal(err)
				}
			},
			want: evidence.VerifyResult{Changed: []string{}, Added: []string{}, Removed: []string{"sub/c.txt"}, Files: 3},
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "a.txt"), "a")
			writeFile(t, filepath.Join(dir, "b.txt"), "b")
			writeFile(t, filepath.Join(dir, "sub", "c.txt"), "c")
			if err := evidence.WriteManifest(dir); err != nil {
				t.Fatal(err)
			}
			tc.tamper(t, dir)
			got, err := evidence.Verify(dir)
			if err != nil {
				t.Fatalf("Verify: %v", err)
			}
			if diff := cmp.Diff(tc.want, *got); diff != "" {
				t.Errorf("Verify (-want +got):\n%s", diff)
			}
			if got.Intact() != (name == "intact") {
				t.Errorf("Intact = %v", got.Intact())
			}
		})
	}
}

func TestManifestIsSha256sumFormat(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "abc")
	if err := evidence.WriteManifest(dir); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, evidence.ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	// SHA-256 of "abc", as `sha256sum a.txt` prints it.
	want := "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  a.txt\n"
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("MANIFEST (-want +got):\n%s", diff)
	}
}

func TestVerifyErrors(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		manifest string
		want     string
	}{
		"no-manifest": {want: "has no MANIFEST"},
		"malformed":   {manifest: "not a sum line\n", want: "line 1 is not"},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if tc.manifest != "" {
				writeFile(t, filepath.Join(dir, evidence.ManifestFile), tc.manifest)
			}
			_, err := evidence.Verify(dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want %q", err, tc.want)
			}
		})
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
