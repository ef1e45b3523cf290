package lint

import (
	"context"
	"os"
	"path/filepath"
	"sync"
)

// Options configures a Lint call.
type Options struct {
	// Paths lists the directories and .tf or .tf.json files to lint;
	// directories are walked recursively, skipping .terraform and .git.
	// Empty means the current directory.
	Paths []string
	// Config is the configuration to apply. When nil, Lint reads the
	// nearest DefaultConfigFile at or above the first linted directory, up
	// to the repository root (the directory that contains .git).
	Config *Config
}

// Lint checks the configuration under opts.Paths. It returns an error only
// when the default configuration file is invalid or ctx is done. Problems
// with the input itself, such as files that do not parse, go to
// Result.Errors, and every other file is still checked.
func Lint(ctx context.Context, opts Options) (*Result, error) {
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	lintRoot := lintRootOf(paths[0])
	cfg := opts.Config
	if cfg == nil {
		var err error
		if cfg, err = LoadConfig(findConfig(lintRoot), true); err != nil {
			return nil, err
		}
	}

	files, errs := collect(paths)
	parsedFiles := parseAll(files)
	res := &Result{Errors: errs}
	for _, p := range parsedFiles {
		res.Findings = append(res.Findings, p.findings...)
		res.Errors = append(res.Errors, p.errs...)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	modules, byDir := buildModules(files, parsedFiles)
	absRoot, _ := filepath.Abs(lintRoot)
	p := &Project{Modules: modules, byDir: byDir, Config: cfg, LintRoot: absRoot, RepoRoot: findRepoRoot(absRoot)}
	res.Findings = append(res.Findings, p.runRules()...)
	res.Findings = p.filterSuppressed(res.Findings)
	p.applySeverity(res.Findings)
	res.sort()

	return res, nil
}

// lintRootOf returns the directory of a linted path.
func lintRootOf(path string) string {
	if info, err := os.Stat(path); err == nil && !info.IsDir() {
		return filepath.Dir(path)
	}

	return path
}

// findConfig returns the nearest DefaultConfigFile at or above dir, stopping
// at the repository root, or the path in dir when there is none.
func findConfig(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return filepath.Join(dir, DefaultConfigFile)
	}
	stop := findRepoRoot(abs)
	for d := abs; ; d = filepath.Dir(d) {
		candidate := filepath.Join(d, DefaultConfigFile)
		if _, err := os.Stat(candidate); err == nil {
			return candidate
		}
		if d == stop || stop == "" || d == filepath.Dir(d) {
			return filepath.Join(dir, DefaultConfigFile)
		}
	}
}

// findRepoRoot returns the nearest directory at or above dir that contains
// .git, or "".
func findRepoRoot(dir string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// runRules runs the enabled rules concurrently. Rules only read the
// project, so they share it without locks.
func (p *Project) runRules() []Finding {
	rules := Rules()
	reports := make([]reporter, len(rules))
	var wg sync.WaitGroup
	for i := range rules {
		if rules[i].check == nil || !p.Config.enabled(rules[i].Name) {
			continue
		}
		reports[i].rule = &rules[i]
		wg.Go(func() { rules[i].check(p, &reports[i]) })
	}
	wg.Wait()
	var out []Finding
	for _, r := range reports {
		out = append(out, r.findings...)
	}

	return out
}

func (p *Project) filterSuppressed(findings []Finding) []Finding {
	files := map[string]*File{}
	for _, m := range p.Modules {
		for _, f := range m.Files {
			files[f.Path] = f
		}
		for _, f := range m.BackendFiles {
			files[f.Path] = f
		}
	}
	out := findings[:0]
	for _, fd := range findings {
		if !p.Config.enabled(fd.Rule) {
			continue
		}
		if f := files[fd.Range.Filename]; f != nil && f.suppressed(fd) {
			continue
		}
		out = append(out, fd)
	}

	return out
}

func (p *Project) applySeverity(findings []Finding) {
	for i := range findings {
		if sev, ok := p.Config.severity(findings[i].Rule); ok {
			findings[i].Severity = sev
		}
	}
}

// relPath returns the slash-separated path that configuration globs match:
// relative to the repository root, or to the parent of the lint root when
// there is no repository, so that the lint root's own name can match.
func (p *Project) relPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	base := p.RepoRoot
	if base == "" {
		base = filepath.Dir(p.LintRoot)
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}

	return filepath.ToSlash(rel)
}

// module returns the module in the given directory, if it was linted.
func (p *Project) module(dir string) *Module {
	return p.byDir[filepath.Clean(dir)]
}
