package lint

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
)

// codeownersPaths are the places GitHub and GitLab read a CODEOWNERS file
// from, relative to the repository root.
var codeownersPaths = []string{"CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS"}

// codeownersRule is one line of a CODEOWNERS file.
type codeownersRule struct {
	pattern string
	owners  []string
}

// codeowners is a parsed CODEOWNERS file; base is the directory its
// patterns are relative to.
type codeowners struct {
	path  string
	base  string
	rules []codeownersRule
}

// loadCodeowners reads the first CODEOWNERS file found in the lint root,
// then in the repository root. It returns nil when there is none.
func loadCodeowners(lintRoot, repoRoot string) *codeowners {
	for _, base := range []string{lintRoot, repoRoot} {
		if base == "" {
			continue
		}
		for _, rel := range codeownersPaths {
			path := filepath.Join(base, rel)
			src, err := os.ReadFile(path)
			if err != nil {
				continue
			}

			return &codeowners{path: path, base: base, rules: parseCodeowners(src)}
		}
	}

	return nil
}

func parseCodeowners(src []byte) []codeownersRule {
	var rules []codeownersRule
	sc := bufio.NewScanner(bytes.NewReader(src))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "[") {
			continue
		}
		fields := strings.Fields(line)
		var owners []string
		for _, f := range fields[1:] {
			if strings.HasPrefix(f, "#") {
				break
			}
			owners = append(owners, f)
		}
		rules = append(rules, codeownersRule{pattern: fields[0], owners: owners})
	}

	return rules
}

// owners returns the owners of a file, given by its path relative to the
// CODEOWNERS base. As on GitHub, the last matching line wins, and a line
// without owners leaves the file unowned.
func (c *codeowners) owners(rel string) []string {
	var owners []string
	for _, r := range c.rules {
		if codeownersMatch(r.pattern, rel) {
			owners = r.owners
		}
	}

	return owners
}

// codeownersMatch applies gitignore-style matching: a pattern with a slash
// before its end is anchored at the root, one without matches at any depth,
// and a pattern that matches a directory covers everything below it.
func codeownersMatch(pattern, rel string) bool {
	anchored := strings.Contains(strings.TrimSuffix(pattern, "/"), "/")
	pattern = strings.TrimPrefix(strings.TrimSuffix(pattern, "/"), "/")
	if !anchored {
		pattern = "**/" + pattern
	}

	return matchGlob(pattern, rel) || matchGlob(pattern+"/**", rel)
}
