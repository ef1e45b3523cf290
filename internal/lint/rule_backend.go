package lint

import (
	"path/filepath"
	"slices"

	"github.com/hashicorp/hcl/v2"
)

var (
	backendMissing = registerRule(&Rule{
		Name: "backend-missing",
		Summary: "A root module outside development paths must declare a remote backend, " +
			"or its state stays on one machine.",
		Severity: Warning,
		check:    checkBackendMissing,
	})
	backendLocal = registerRule(&Rule{
		Name:     "backend-local",
		Summary:  "The local backend is only for development paths.",
		Severity: Warning,
		check:    checkBackendLocal,
	})
	backendS3Unencrypted = registerRule(&Rule{
		Name:     "backend-s3-unencrypted",
		Summary:  "An S3 backend must set encrypt = true.",
		Severity: Error,
		check:    checkS3Unencrypted,
	})
	backendS3Unlocked = registerRule(&Rule{
		Name: "backend-s3-unlocked",
		Summary: "An S3 backend must lock the state with use_lockfile = true; " +
			"dynamodb_table locking is deprecated and reported as a notice.",
		Severity: Error,
		check:    checkS3Unlocked,
	})
	backendS3Unversioned = registerRule(&Rule{
		Name: "backend-s3-unversioned",
		Summary: "The state bucket of an S3 backend must be listed in versioned_buckets " +
			"after versioning was confirmed on it.",
		Severity: Warning,
		check:    checkS3Unversioned,
	})
)

// rootModules returns the modules that Terraform would run directly: those
// with a provider block or a backend, that no linted module calls by a
// local path.
func (p *Project) rootModules() []*Module {
	called := map[*Module]bool{}
	for _, m := range p.Modules {
		for _, b := range m.Calls() {
			if source, ok := moduleSource(b); ok && isLocalSource(source) {
				if callee := p.module(filepath.Join(m.Dir, source)); callee != nil {
					called[callee] = true
				}
			}
		}
	}
	var roots []*Module
	for _, m := range p.Modules {
		if called[m] {
			continue
		}
		hasProvider := slices.ContainsFunc(m.Blocks, func(b *Block) bool { return b.Type == "provider" })
		if hasProvider || m.backend() != nil {
			roots = append(roots, m)
		}
	}

	return roots
}

func (p *Project) isDevPath(path string) bool {
	return matchAnyGlob(p.Config.DevPaths, p.relPath(path))
}

func checkBackendMissing(p *Project, r *reporter) {
	for _, m := range p.rootModules() {
		if m.backend() != nil || p.isDevPath(m.Files[0].Path) {
			continue
		}
		first := firstBlock(m, "provider")
		r.addBlock(first, "this root module has no backend, so its state stays on the machine that runs it: "+
			"add a terraform { backend \"s3\" { ... } } block with encryption and locking, or add the "+
			"directory to dev_paths in %s if it is a development environment", DefaultConfigFile)
	}
}

func firstBlock(m *Module, typ string) *Block {
	for _, b := range m.Blocks {
		if b.Type == typ {
			return b
		}
	}

	return m.Blocks[0]
}

func checkBackendLocal(p *Project, r *reporter) {
	for _, m := range p.Modules {
		b := m.backend()
		if b == nil || b.Type != "backend" || b.Label(0) != "local" || p.isDevPath(b.File.Path) {
			continue
		}
		r.addBlock(b, "backend \"local\" keeps the state on one machine, without locking or history: "+
			"use a remote backend such as s3, or add this path to dev_paths in %s if it is a development "+
			"environment", DefaultConfigFile)
	}
}

// s3Setting is the effective configuration of an S3 backend: the block's
// arguments merged with one partial backend configuration file.
type s3Setting struct {
	block *Block
	attrs hcl.Attributes
	// from names the partial configuration file, or "" for the block alone.
	from string
}

func (s s3Setting) where() string {
	if s.from == "" {
		return "the S3 backend"
	}

	return "the S3 backend with " + baseName(s.from)
}

// s3Settings returns one setting per partial backend configuration file
// next to the module, or the block alone when there are none.
func (p *Project) s3Settings() []s3Setting {
	var out []s3Setting
	for _, m := range p.Modules {
		b := m.backend()
		if b == nil || b.Type != "backend" || b.Label(0) != "s3" {
			continue
		}
		base := bodyAttributes(b.Body)
		if len(m.BackendFiles) == 0 {
			if base["bucket"] == nil {
				// NOTE: without a bucket the block is a partial configuration
				// completed at init time from files or options not linted here,
				// so its other settings cannot be judged either.
				continue
			}
			out = append(out, s3Setting{block: b, attrs: base})

			continue
		}
		for _, f := range m.BackendFiles {
			merged := hcl.Attributes{}
			for k, v := range base {
				merged[k] = v
			}
			for k, v := range bodyAttributes(f.Body) {
				merged[k] = v
			}
			out = append(out, s3Setting{block: b, attrs: merged, from: f.Path})
		}
	}

	return out
}

func checkS3Unencrypted(p *Project, r *reporter) {
	for _, s := range p.s3Settings() {
		a := s.attrs["encrypt"]
		if a == nil {
			r.addBlock(s.block, "%s does not set encrypt, so the state object is stored without "+
				"server-side encryption by the backend: set encrypt = true (and kms_key_id for a "+
				"customer managed key)", s.where())

			continue
		}
		if on, ok := literalBool(a.Expr); ok && !on {
			r.add(a.Range, s.block.DefRange, "%s sets encrypt = false: set encrypt = true", s.where())
		}
	}
}

func checkS3Unlocked(p *Project, r *reporter) {
	for _, s := range p.s3Settings() {
		if a := s.attrs["use_lockfile"]; a != nil {
			if on, ok := literalBool(a.Expr); !ok || on {
				continue
			}
		}
		if a := s.attrs["dynamodb_table"]; a != nil {
			r.addSeverity(Notice, a.Range, s.block.DefRange, "%s locks with dynamodb_table, which recent "+
				"Terraform and OpenTofu releases deprecate: set use_lockfile = true and remove dynamodb_table once "+
				"every run uses a version that supports it", s.where())

			continue
		}
		r.addBlock(s.block, "%s has no state locking, so two runs can write the state at once: "+
			"set use_lockfile = true", s.where())
	}
}

func checkS3Unversioned(p *Project, r *reporter) {
	for _, s := range p.s3Settings() {
		a := s.attrs["bucket"]
		if a == nil {
			continue
		}
		bucket, ok := literalString(a.Expr)
		if !ok || slices.Contains(p.Config.VersionedBuckets, bucket) {
			continue
		}
		r.add(a.Range, s.block.DefRange, "state bucket %q of %s is not known to be versioned, and "+
			"without versioning a bad write loses the state: enable versioning on the bucket, then "+
			"list it in versioned_buckets in %s", bucket, s.where(), DefaultConfigFile)
	}
}
