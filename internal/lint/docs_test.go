package lint_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/smus-dev/smus/internal/lint"
)

func TestRuleDocs(t *testing.T) {
	t.Parallel()
	for _, r := range lint.Rules() {
		path := filepath.Join("..", "..", "docs", "lint", r.Name+".md")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("rule %s has no page: %v", r.Name, err)

			continue
		}
		for _, section := range []string{"## Bad", "## Good", "Default severity: " + r.Severity.String()} {
			if !strings.Contains(string(data), section) {
				t.Errorf("%s lacks %q", path, section)
			}
		}
	}
}

// docExample returns the first hcl code block after heading in a rule page.
func docExample(page, heading string) string {
	_, rest, ok := strings.Cut(page, heading+"\n\n```hcl\n")
	if !ok {
		return ""
	}
	code, _, _ := strings.Cut(rest, "```")

	return code
}

func TestRuleDocExamples(t *testing.T) {
	t.Parallel()
	// These pages show CODEOWNERS or .smus-lint.hcl, not Terraform, in one
	// of their examples.
	notTerraform := map[string]bool{"layer-without-owner/## Bad": true, "layer-without-owner/## Good": true,
		"backend-s3-unversioned/## Good": true}
	for _, r := range lint.Rules() {
		data, err := os.ReadFile(filepath.Join("..", "..", "docs", "lint", r.Name+".md"))
		if err != nil {
			t.Fatal(err)
		}
		for heading, wantFinding := range map[string]bool{"## Bad": true, "## Good": false} {
			if notTerraform[r.Name+"/"+heading] {
				continue
			}
			t.Run(r.Name+"/"+strings.TrimPrefix(heading, "## "), func(t *testing.T) {
				t.Parallel()
				root := writeTree(t, map[string]string{"envs/prod/main.tf": docExample(string(data), heading)})
				res := lintDir(t, root)
				if len(res.Errors) > 0 {
					t.Fatalf("example does not lint: %v", res.Errors)
				}
				found := false
				for _, f := range res.Findings {
					found = found || f.Rule == r.Name
				}
				if found != wantFinding {
					t.Errorf("finding of %s = %v, want %v; findings: %v", r.Name, found, wantFinding, res.Findings)
				}
			})
		}
	}
}
