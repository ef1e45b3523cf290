package lint

import (
	"fmt"
	"path"
	"strings"
)

// matchGlob reports whether the slash-separated name matches glob. "**"
// matches zero or more whole segments; other segments follow path.Match.
func matchGlob(glob, name string) bool {
	return matchSegments(strings.Split(glob, "/"), strings.Split(name, "/"))
}

func matchSegments(glob, name []string) bool {
	for len(glob) > 0 {
		if glob[0] == "**" {
			for i := 0; i <= len(name); i++ {
				if matchSegments(glob[1:], name[i:]) {
					return true
				}
			}

			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(glob[0], name[0]); !ok {
			return false
		}
		glob, name = glob[1:], name[1:]
	}

	return len(name) == 0
}

func matchAnyGlob(globs []string, name string) bool {
	for _, g := range globs {
		if matchGlob(g, name) {
			return true
		}
	}

	return false
}

func checkGlobs(globs []string, filename string) error {
	for _, g := range globs {
		for _, seg := range strings.Split(g, "/") {
			if _, err := path.Match(seg, ""); err != nil {
				return fmt.Errorf("%s: invalid glob %q: %w", filename, g, err)
			}
		}
	}

	return nil
}
