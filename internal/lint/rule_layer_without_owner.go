package lint

import (
	"path"
	"path/filepath"
	"strings"
)

var layerWithoutOwner = registerRule(&Rule{
	Name: "layer-without-owner",
	Summary: "Each platform layer directory (domain, blueprints, profiles, projects) needs an owner " +
		"in CODEOWNERS, so changes to it get the right review.",
	Severity: Warning,
	check:    checkLayerWithoutOwner,
})

// layerKinds are the object kinds that make a directory a platform layer.
var layerKinds = map[string]bool{kindDomain: true, kindBlueprint: true, kindProfile: true, kindProject: true}

func checkLayerWithoutOwner(p *Project, r *reporter) {
	owners := loadCodeowners(p.LintRoot, p.RepoRoot)
	for _, m := range p.Modules {
		first, kinds := layerOf(m)
		if first == nil {
			continue
		}
		if owners == nil {
			r.addBlock(first, "layer directory %s (%s) has no owner because there is no CODEOWNERS file: "+
				"add one at the repository root, or in .github/ or docs/, with a line such as \"%s @org/team\"",
				filepath.ToSlash(filepath.Dir(first.File.Path)), kinds, ownerPattern(ownerPath(p.ownerBase(), m.AbsDir)))

			continue
		}
		rel := ownerPath(owners.base, filepath.Join(m.AbsDir, baseName(first.File.Path)))
		if strings.HasPrefix(rel, "..") {
			continue
		}
		if len(owners.owners(rel)) == 0 {
			dir := path.Dir(rel)
			r.addBlock(first, "layer directory %s (%s) has no owner in %s: add a line such as \"/%s/ @org/team\"",
				dir, kinds, ownerPath(owners.base, owners.path), dir)
		}
	}
}

// ownerBase is the directory CODEOWNERS patterns would be relative to.
func (p *Project) ownerBase() string {
	if p.RepoRoot != "" {
		return p.RepoRoot
	}

	return p.LintRoot
}

// ownerPath returns target relative to base, with slashes.
func ownerPath(base, target string) string {
	rel, err := filepath.Rel(base, target)
	if err != nil {
		return filepath.ToSlash(target)
	}

	return filepath.ToSlash(rel)
}

// layerOf returns the first block that makes m a layer directory, and the
// layer kinds it declares, joined for messages.
func layerOf(m *Module) (*Block, string) {
	var first *Block
	var kinds []string
	seen := map[string]bool{}
	for _, b := range m.Blocks {
		kind := ""
		switch b.Type {
		case "resource":
			kind = objectKind(b.Label(0))
		case "module":
			if source, ok := moduleSource(b); ok && isSMUSModule(source) {
				kind = smusModuleKind(source)
			}
		}
		if !layerKinds[kind] {
			continue
		}
		if first == nil {
			first = b
		}
		if !seen[kind] {
			seen[kind] = true
			kinds = append(kinds, kind)
		}
	}

	return first, strings.Join(kinds, ", ")
}

// ownerPattern returns the CODEOWNERS pattern of a directory relative to
// the CODEOWNERS base: "/dir/" for a subdirectory, "*" for the base itself.
func ownerPattern(rel string) string {
	if rel == "." {
		return "*"
	}

	return "/" + rel + "/"
}
