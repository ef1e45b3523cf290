package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
)

// skippedDirs are directories that hold no configuration to lint: provider
// and module caches, and version control data.
var skippedDirs = map[string]bool{".terraform": true, ".git": true}

// fileKind sorts the files found under a linted path.
type fileKind int

const (
	kindConfig fileKind = iota + 1
	kindVars
	kindBackend
)

type foundFile struct {
	path string
	dir  string
	kind fileKind
}

func classify(name string) fileKind {
	switch {
	case strings.HasSuffix(name, ".tf"), strings.HasSuffix(name, ".tf.json"):
		return kindConfig
	case strings.HasSuffix(name, ".tfvars"), strings.HasSuffix(name, ".tfvars.json"):
		return kindVars
	case strings.HasSuffix(name, ".tfbackend"),
		strings.HasSuffix(name, ".hcl") && strings.Contains(name, "backend"):
		return kindBackend
	}

	return 0
}

// collect lists the files under the linted paths. A path that does not
// exist or cannot be read becomes a ToolError; the others are still linted.
func collect(paths []string) ([]foundFile, []ToolError) {
	var files []foundFile
	var errs []ToolError
	seen := map[string]bool{}
	add := func(path string, kind fileKind) {
		abs, err := filepath.Abs(path)
		if err != nil || seen[abs] {
			return
		}
		seen[abs] = true
		files = append(files, foundFile{path: path, dir: filepath.Dir(path), kind: kind})
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			errs = append(errs, ToolError{Message: pathError(root, err)})

			continue
		}
		if !info.IsDir() {
			if classify(info.Name()) != kindConfig {
				errs = append(errs, ToolError{Message: fmt.Sprintf("%s is not a Terraform file: "+
					"lint takes directories and .tf or .tf.json files", root)})

				continue
			}
			add(root, kindConfig)

			continue
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, ToolError{Message: pathError(path, err)})

				return nil
			}
			if d.IsDir() {
				if path != root && skippedDirs[d.Name()] {
					return filepath.SkipDir
				}

				return nil
			}
			if kind := classify(d.Name()); kind != 0 {
				add(path, kind)
			}

			return nil
		})
		if err != nil {
			errs = append(errs, ToolError{Message: pathError(root, err)})
		}
	}

	return files, errs
}

func pathError(path string, err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Sprintf("path %s does not exist: pass an existing directory or .tf file", path)
	}

	return fmt.Sprintf("read %s: %v", path, err)
}

type parsed struct {
	file     *File
	findings []Finding
	errs     []ToolError
}

// parseAll parses the files concurrently, with at most GOMAXPROCS files in
// flight.
func parseAll(files []foundFile) []parsed {
	out := make([]parsed, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(files))
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				if files[i].kind != kindVars {
					out[i] = parseFile(files[i].path)
				}
			}
		})
	}
	wg.Wait()

	return out
}

func parseFile(path string) parsed {
	src, err := os.ReadFile(path)
	if err != nil {
		return parsed{errs: []ToolError{{Message: pathError(path, err)}}}
	}
	f := &File{Path: path, Src: src, JSON: strings.HasSuffix(path, ".json")}
	var hf *hcl.File
	var diags hcl.Diagnostics
	if f.JSON {
		hf, diags = hcljson.Parse(src, path)
	} else {
		hf, diags = hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	}
	// Only the first error is reported, because the ones after it are
	// usually consequences of it.
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			return parsed{errs: []ToolError{diagError(path, d)}}
		}
	}
	f.Body = hf.Body
	findings, noteErrs := parseSuppressions(f)

	return parsed{file: f, findings: findings, errs: noteErrs}
}

func diagError(path string, d *hcl.Diagnostic) ToolError {
	msg := "invalid HCL, so the file was not checked: " + d.Summary
	if d.Detail != "" {
		msg += ": " + strings.TrimSuffix(d.Detail, ".")
	}
	rng := hcl.Range{Filename: path}
	if d.Subject != nil {
		rng = *d.Subject
	}

	return ToolError{Message: msg, Range: rng}
}

// sideFileModule returns the module that variable and backend files in dir
// belong to: the module in dir, or else the nearest linted module above it,
// because layouts often keep them in a subdirectory such as environments/.
// A directory with no module above it gets an empty module, which is
// dropped.
func sideFileModule(byDir map[string]*Module, dir string) *Module {
	for d := dir; ; {
		if m, ok := byDir[d]; ok && len(m.Files) > 0 {
			return m
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	if m, ok := byDir[dir]; ok {
		return m
	}
	abs, _ := filepath.Abs(dir)
	m := &Module{Dir: dir, AbsDir: abs}
	byDir[dir] = m

	return m
}

// buildModules groups parsed files into modules by directory.
func buildModules(files []foundFile, results []parsed) ([]*Module, map[string]*Module) {
	byDir := map[string]*Module{}
	module := func(dir string) *Module {
		if m, ok := byDir[dir]; ok {
			return m
		}
		abs, _ := filepath.Abs(dir)
		m := &Module{Dir: dir, AbsDir: abs}
		byDir[dir] = m

		return m
	}
	for i, ff := range files {
		if f := results[i].file; f != nil && ff.kind == kindConfig {
			m := module(ff.dir)
			m.Files = append(m.Files, f)
		}
	}
	for i, ff := range files {
		switch ff.kind {
		case kindVars:
			m := sideFileModule(byDir, ff.dir)
			m.VarFiles = append(m.VarFiles, filepath.Base(ff.path))
		case kindBackend:
			if results[i].file != nil {
				m := sideFileModule(byDir, ff.dir)
				m.BackendFiles = append(m.BackendFiles, results[i].file)
			}
		}
	}
	modules := make([]*Module, 0, len(byDir))
	for dir, m := range byDir {
		if len(m.Files) == 0 {
			delete(byDir, dir)

			continue
		}
		slices.SortFunc(m.Files, func(a, b *File) int { return strings.Compare(a.Path, b.Path) })
		for _, f := range m.Files {
			m.Blocks = append(m.Blocks, fileBlocks(f)...)
		}
		modules = append(modules, m)
	}
	slices.SortFunc(modules, func(a, b *Module) int { return strings.Compare(a.Dir, b.Dir) })

	return modules, byDir
}
