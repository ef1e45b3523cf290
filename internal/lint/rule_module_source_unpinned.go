package lint

import (
	"net/url"
	"regexp"
	"strings"
)

var moduleSourceUnpinned = registerRule(&Rule{
	Name: "module-source-unpinned",
	Summary: "A module from git must pin a tag or commit with ?ref=, and a registry module " +
		"an exact version.",
	Severity: Error,
	check:    checkModuleSourceUnpinned,
})

var (
	// registrySource matches NAMESPACE/NAME/PROVIDER with an optional
	// registry host and //subdirectory.
	registrySource = regexp.MustCompile(`^([a-zA-Z0-9.-]+\.[a-zA-Z]+/)?[a-zA-Z0-9_-]+/[a-zA-Z0-9_-]+/[a-zA-Z0-9_-]+(//.*)?$`)
	// exactVersion matches a version constraint that admits one version.
	exactVersion = regexp.MustCompile(`^\s*=?\s*v?\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\s*$`)
)

// branchRefs are refs that name a moving branch rather than a tag or commit.
var branchRefs = map[string]bool{
	"main": true, "master": true, "develop": true, "development": true, "dev": true,
	"trunk": true, "head": true, "latest": true,
}

func checkModuleSourceUnpinned(p *Project, r *reporter) {
	for _, m := range p.Modules {
		for _, b := range m.Calls() {
			source, ok := moduleSource(b)
			if !ok {
				continue
			}
			checkModuleSource(r, b, source)
		}
	}
}

func checkModuleSource(r *reporter, b *Block, source string) {
	src := b.Attr("source")
	switch {
	case isLocalSource(source):
	case isGitSource(source):
		ref := gitRef(source)
		switch {
		case ref == "":
			r.add(src.Range, b.DefRange, "module %q comes from git without a ref: add ?ref=<tag or commit> "+
				"to the source, for example %q, so that upstream changes do not reach this configuration unreviewed",
				b.Label(0), withRef(source, "v1.2.0"))
		case branchRefs[strings.ToLower(ref)] || strings.HasPrefix(ref, "refs/heads/"):
			r.add(src.Range, b.DefRange, "module %q pins git ref %q, which names a branch: "+
				"pin a release tag or a commit instead", b.Label(0), ref)
		}
	case registrySource.MatchString(source):
		checkRegistryVersion(r, b)
	}
}

func checkRegistryVersion(r *reporter, b *Block) {
	v := b.Attr("version")
	if v == nil {
		r.addBlock(b, "registry module %q has no version: set version to one exact release, "+
			"for example version = \"1.2.0\"", b.Label(0))

		return
	}
	constraint, ok := literalString(v.Expr)
	if ok && !exactVersion.MatchString(constraint) {
		r.add(v.Range, b.DefRange, "registry module %q allows several versions with %q: set one exact "+
			"release, for example version = \"1.2.0\", and upgrade it in a reviewed change", b.Label(0), constraint)
	}
}

// isGitSource reports whether a module source is fetched with git: the
// git:: prefix, GitHub or Bitbucket shorthands, or an SSH address.
func isGitSource(source string) bool {
	s := strings.ToLower(source)
	for _, prefix := range []string{"git::", "github.com/", "bitbucket.org/", "git@"} {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}

	return strings.HasPrefix(s, "https://") && strings.Contains(s, ".git")
}

func gitRef(source string) string {
	_, query, ok := strings.Cut(source, "?")
	if !ok {
		return ""
	}
	values, err := url.ParseQuery(query)
	if err != nil {
		return ""
	}

	return values.Get("ref")
}

func withRef(source, ref string) string {
	if strings.Contains(source, "?") {
		return source + "&ref=" + ref
	}

	return source + "?ref=" + ref
}
