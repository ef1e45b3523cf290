package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/lint"
)

// writeTree writes files (relative path to content) under a fresh directory
// and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "repo")
	for name, content := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	return root
}

// ruleLines returns "rule@line" for each finding of the given file.
func ruleLines(res *lint.Result, file string) []string {
	var out []string
	for _, f := range res.Findings {
		if filepath.Base(f.Range.Filename) == file {
			out = append(out, f.Rule+"@"+strconv.Itoa(f.Range.Start.Line))
		}
	}

	return out
}

const sleepAndRole = `resource "time_sleep" "wait" {
  create_duration = "30s"
}

resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = "{}"
}
`

func TestSuppression(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		src  string
		want []string
	}{
		"none": {
			src:  sleepAndRole,
			want: []string{"fixed-sleep-and-cli@1", "iam-role-in-platform@5"},
		},
		"line-above-block": {
			src:  "# smus:ignore fixed-sleep-and-cli the role needs time to propagate\n" + sleepAndRole,
			want: []string{"iam-role-in-platform@6"},
		},
		"end-of-line": {
			src: strings.Replace(sleepAndRole, `resource "aws_iam_role" "r" {`,
				`resource "aws_iam_role" "r" { // smus:ignore iam-role-in-platform reviewed by security`, 1),
			want: []string{"fixed-sleep-and-cli@1"},
		},
		"several-rules": {
			src: strings.Replace(sleepAndRole, `resource "aws_iam_role" "r" {`,
				"# smus:ignore iam-role-in-platform,fixed-sleep-and-cli reviewed by security\n"+
					`resource "aws_iam_role" "r" {`, 1),
			want: []string{"fixed-sleep-and-cli@1"},
		},
		"other-rule": {
			src:  "# smus:ignore iam-role-in-platform reviewed\n" + sleepAndRole,
			want: []string{"fixed-sleep-and-cli@2", "iam-role-in-platform@6"},
		},
		"block-covers-attribute": {
			src: "# smus:ignore timeout-too-short measured at 12 minutes in this account\n" +
				"resource \"smus_domain\" \"d\" {\n  timeouts {\n    create = \"15m\"\n  }\n}\n",
			want: nil,
		},
		"no-reason": {
			src:  "# smus:ignore fixed-sleep-and-cli\n" + sleepAndRole,
			want: []string{"suppression-without-reason@1", "fixed-sleep-and-cli@2", "iam-role-in-platform@6"},
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			root := writeTree(t, map[string]string{"platform/main.tf": tc.src})
			res := lintDir(t, root)
			if len(res.Errors) > 0 {
				t.Fatalf("unexpected errors: %v", res.Errors)
			}
			got := withoutRules(ruleLines(res, "main.tf"), "layer-without-owner", "backend-missing")
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func withoutRules(items []string, rules ...string) []string {
	var out []string
	for _, it := range items {
		keep := true
		for _, r := range rules {
			if strings.HasPrefix(it, r+"@") {
				keep = false
			}
		}
		if keep {
			out = append(out, it)
		}
	}

	return out
}

func TestSuppressionUnknownRule(t *testing.T) {
	t.Parallel()
	root := writeTree(t, map[string]string{"main.tf": "# smus:ignore no-such-rule because\n" + sleepAndRole})
	res := lintDir(t, root)
	if len(res.Errors) != 1 {
		t.Fatalf("got %d errors, want 1: %v", len(res.Errors), res.Errors)
	}
	msg := res.Errors[0].Error()
	for _, want := range []string{"main.tf:1:1", `"no-such-rule"`, "fixed-sleep-and-cli"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not contain %q", msg, want)
		}
	}
	if got := ruleLines(res, "main.tf"); len(got) == 0 {
		t.Errorf("the rest of the file was not linted")
	}
}

func TestParseErrorLintsOtherFiles(t *testing.T) {
	t.Parallel()
	root := writeTree(t, map[string]string{
		"broken.tf":   "resource \"time_sleep\" \"x\" {\n  create_duration = \n",
		"good.tf":     sleepAndRole,
		"bad.tf.json": `{"resource": [}`,
	})
	res := lintDir(t, root)
	if len(res.Errors) != 2 {
		t.Fatalf("got %d errors, want 2: %v", len(res.Errors), res.Errors)
	}
	if msg := res.Errors[0].Error(); !strings.Contains(msg, "bad.tf.json:1:") {
		t.Errorf("JSON error %q does not name file and line", msg)
	}
	if msg := res.Errors[1].Error(); !strings.Contains(msg, "broken.tf:2:") || !strings.Contains(msg, "invalid HCL") {
		t.Errorf("HCL error %q does not name file, line and problem", msg)
	}
	if got := ruleLines(res, "good.tf"); len(got) == 0 {
		t.Errorf("good.tf was not linted")
	}
}

func TestNonexistentPath(t *testing.T) {
	t.Parallel()
	missing := filepath.Join(t.TempDir(), "absent")
	res, err := lint.Lint(context.Background(), lint.Options{Paths: []string{missing}})
	if err != nil {
		t.Fatalf("Lint: %v", err)
	}
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Error(), missing) {
		t.Errorf("errors = %v, want one naming %s", res.Errors, missing)
	}
}

func TestSkipsTerraformDir(t *testing.T) {
	t.Parallel()
	root := writeTree(t, map[string]string{
		".terraform/modules/x/main.tf": sleepAndRole,
		".git/x.tf":                    sleepAndRole,
	})
	res := lintDir(t, root)
	if len(res.Findings) != 0 || len(res.Errors) != 0 {
		t.Errorf("findings %v, errors %v; want none", res.Findings, res.Errors)
	}
}
