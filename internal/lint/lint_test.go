package lint_test

import (
	"context"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/lint"
)

var update = flag.Bool("update", false, "rewrite the expected.json files under testdata")

// goldenFinding is the form of a finding in expected.json; File is relative
// to the case directory.
type goldenFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Message  string `json:"message"`
}

// copyTree copies a testdata case into a fresh directory named "case", so
// that no CODEOWNERS file or .git directory above testdata affects it.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "case")
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if d.Name() == "expected.json" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}

		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatalf("copy %s: %v", src, err)
	}

	return dst
}

func lintDir(t *testing.T, dir string) *lint.Result {
	t.Helper()
	res, err := lint.Lint(context.Background(), lint.Options{Paths: []string{dir}})
	if err != nil {
		t.Fatalf("Lint(%s): %v", dir, err)
	}

	return res
}

func golden(t *testing.T, root, rule string, res *lint.Result) []goldenFinding {
	t.Helper()
	out := []goldenFinding{}
	for _, f := range res.Findings {
		if f.Rule != rule {
			continue
		}
		rel, err := filepath.Rel(root, f.Range.Filename)
		if err != nil {
			t.Fatalf("finding outside the case: %s", f.Range.Filename)
		}
		out = append(out, goldenFinding{Rule: f.Rule, Severity: f.Severity.String(), File: filepath.ToSlash(rel),
			Line: f.Range.Start.Line, Column: f.Range.Start.Column, Message: f.Message})
	}

	return out
}

func TestRuleCases(t *testing.T) {
	t.Parallel()
	for _, rule := range lint.RuleNames() {
		for _, variant := range []string{"fires", "clean"} {
			t.Run(rule+"/"+variant, func(t *testing.T) {
				t.Parallel()
				src := filepath.Join("testdata", rule, variant)
				if _, err := os.Stat(src); err != nil {
					t.Fatalf("missing test case %s: %v", src, err)
				}
				dir := copyTree(t, src)
				res := lintDir(t, dir)
				if len(res.Errors) > 0 {
					t.Fatalf("unexpected errors: %v", res.Errors)
				}
				got := golden(t, dir, rule, res)
				checkGolden(t, filepath.Join(src, "expected.json"), got)
				if variant == "fires" && len(got) == 0 {
					t.Errorf("rule %s did not fire on %s", rule, src)
				}
				if variant == "clean" && len(got) > 0 {
					t.Errorf("rule %s fired on the clean case %s", rule, src)
				}
			})
		}
	}
}

func checkGolden(t *testing.T, path string, got []goldenFinding) {
	t.Helper()
	if *update {
		data, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}

		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test with -update to create it): %v", err)
	}
	var want []goldenFinding
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings mismatch for %s (-want +got):\n%s", path, diff)
	}
}
