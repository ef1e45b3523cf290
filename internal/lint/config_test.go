package lint_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/lint"
)

func TestConfigApplied(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		config string
		want   []string
	}{
		"defaults": {
			want: []string{"fixed-sleep-and-cli:warning", "iam-role-in-platform:error"},
		},
		"disabled": {
			config: "rule \"fixed-sleep-and-cli\" {\n  enabled = false\n}\n",
			want:   []string{"iam-role-in-platform:error"},
		},
		"severity": {
			config: "rule \"iam-role-in-platform\" {\n  severity = \"notice\"\n}\n",
			want:   []string{"fixed-sleep-and-cli:warning", "iam-role-in-platform:notice"},
		},
		"allow-iam-roles": {
			config: "allow_iam_roles = [\"**/platform/**\"]\n",
			want:   []string{"fixed-sleep-and-cli:warning"},
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			files := map[string]string{"platform/main.tf": sleepAndRole}
			if tc.config != "" {
				files[lint.DefaultConfigFile] = tc.config
			}
			res := lintDir(t, writeTree(t, files))
			var got []string
			for _, f := range res.Findings {
				if f.Rule == "layer-without-owner" {
					continue
				}
				got = append(got, f.Rule+":"+f.Severity.String())
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestConfigErrors(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		src  string
		want []string
	}{
		"unknown-rule": {
			src:  "\nrule \"no-such-rule\" {\n  enabled = false\n}\n",
			want: []string{"lint.hcl:2:1", `unknown lint rule "no-such-rule"`, "backend-s3-unlocked"},
		},
		"invalid-severity": {
			src:  "rule \"backend-local\" {\n  severity = \"fatal\"\n}\n",
			want: []string{"lint.hcl:1:1", `invalid severity "fatal"`},
		},
		"unknown-setting": {
			src:  "allowed_roles = []\n",
			want: []string{"lint.hcl:1", "allowed_roles"},
		},
		"syntax": {
			src:  "rule {\n",
			want: []string{"lint.hcl:1"},
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := lint.ParseConfig([]byte(tc.src), "lint.hcl")
			if err == nil {
				t.Fatal("ParseConfig succeeded, want an error")
			}
			for _, want := range tc.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not contain %q", err, want)
				}
			}
		})
	}
}

func TestConfigFileInvalidStopsLint(t *testing.T) {
	t.Parallel()
	root := writeTree(t, map[string]string{
		"main.tf":              sleepAndRole,
		lint.DefaultConfigFile: "rule \"nope\" {}\n",
	})
	if _, err := lint.Lint(t.Context(), lint.Options{Paths: []string{root}}); err == nil {
		t.Error("Lint succeeded with an invalid configuration file")
	}
}
