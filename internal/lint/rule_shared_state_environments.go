package lint

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

var sharedStateEnvironments = registerRule(&Rule{
	Name: "shared-state-environments",
	Summary: "Production and non-production environments must not share one state: " +
		"use one root module directory, or one backend configuration, per environment.",
	Severity: Error,
	check:    checkSharedStateEnvironments,
})

// Environment names, matched against whole words of variable values and
// file names.
var (
	prodWords    = map[string]bool{"prod": true, "production": true, "prd": true, "live": true}
	nonProdWords = map[string]bool{
		"dev": true, "development": true, "staging": true, "stage": true, "stg": true, "test": true,
		"qa": true, "uat": true, "sandbox": true, "nonprod": true, "preprod": true,
	}
	envVariableNames = map[string]bool{"env": true, "environment": true, "stage": true}
)

func checkSharedStateEnvironments(p *Project, r *reporter) {
	for _, m := range p.Modules {
		checkWorkspaceSelection(m, r)
		backend := m.backend()
		if backend == nil || !fixesStateLocation(backend) {
			continue
		}
		checkEnvironmentVariables(m, backend, r)
		checkSharedVarFiles(m, backend, r)
	}
}

// checkWorkspaceSelection reports terraform.workspace used to pick values:
// as a map key, an argument of lookup or element, or in a comparison. All
// workspaces of a configuration share its backend, so selecting the
// environment by workspace keeps every environment's state in one place.
func checkWorkspaceSelection(m *Module, r *reporter) {
	for _, b := range m.Blocks {
		body, ok := b.Body.(*hclsyntax.Body)
		if !ok {
			continue
		}
		var found *hcl.Range
		_ = hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
			if found == nil && selectsByWorkspace(n) {
				rng := n.Range()
				found = &rng
			}

			return nil
		})
		if found != nil {
			r.add(*found, b.DefRange, "%s selects environment values by terraform.workspace, so every "+
				"environment's state lives in the same backend: give each environment its own root module "+
				"directory or backend configuration and pass its values as variables", blockName(b))
		}
	}
}

func selectsByWorkspace(n hclsyntax.Node) bool {
	switch e := n.(type) {
	case *hclsyntax.IndexExpr:
		return refersTo(e.Key, "terraform", "workspace")
	case *hclsyntax.FunctionCallExpr:
		if e.Name != "lookup" && e.Name != "element" && e.Name != "contains" {
			return false
		}

		return slices.ContainsFunc(e.Args, func(a hclsyntax.Expression) bool {
			return refersTo(a, "terraform", "workspace")
		})
	case *hclsyntax.BinaryOpExpr:
		if e.Op != hclsyntax.OpEqual && e.Op != hclsyntax.OpNotEqual {
			return false
		}

		return refersTo(e.LHS, "terraform", "workspace") || refersTo(e.RHS, "terraform", "workspace")
	}

	return false
}

// stateLocationArguments maps backend types to the argument that selects
// the state object within the backend's storage.
var stateLocationArguments = map[string]string{
	"s3": "key", "local": "path", "azurerm": "key", "gcs": "prefix", "http": "address", "consul": "path",
	"cos": "key", "oss": "key", "pg": "schema_name", "kubernetes": "secret_suffix",
}

// fixesStateLocation reports whether a backend block names its state
// object itself. A block that leaves it out is completed at init time
// (-backend-config), which can give each environment its own state. A
// cloud block always fixes it, through its workspaces.
func fixesStateLocation(backend *Block) bool {
	if backend.Type == "cloud" {
		return true
	}
	arg, ok := stateLocationArguments[backend.Label(0)]

	return !ok || backend.Attr(arg) != nil
}

// checkEnvironmentVariables reports an environment variable whose
// validation or default names both production and non-production
// environments in a root module with a backend.
func checkEnvironmentVariables(m *Module, backend *Block, r *reporter) {
	if len(m.BackendFiles) > 0 {
		return
	}
	for _, b := range m.Blocks {
		if b.Type != "variable" || !envVariableNames[strings.ToLower(b.Label(0))] {
			continue
		}
		var values []string
		for _, v := range b.Blocks("validation") {
			if c := v.Attr("condition"); c != nil {
				values = append(values, literalStrings(c.Expr)...)
			}
		}
		if d := b.Attr("default"); d != nil {
			values = append(values, literalStrings(d.Expr)...)
		}
		prod, nonProd := environmentsIn(values)
		if len(prod) > 0 && len(nonProd) > 0 {
			r.addBlock(b, "variable %q accepts %s and %s in a configuration with a single backend (%s), "+
				"so those environments share one state: give each environment its own root module "+
				"directory or -backend-config file", b.Label(0), prod[0], nonProd[0], rangeString(backend.DefRange))
		}
	}
}

// checkSharedVarFiles reports variable files for production and
// non-production next to one backend, unless each of those environments
// has its own partial backend configuration file.
func checkSharedVarFiles(m *Module, backend *Block, r *reporter) {
	prod, nonProd := environmentsIn(m.VarFiles)
	if len(prod) == 0 || len(nonProd) == 0 {
		return
	}
	var backendNames []string
	for _, f := range m.BackendFiles {
		backendNames = append(backendNames, baseName(f.Path))
	}
	var missing []string
	for _, env := range append(prod, nonProd...) {
		if !slices.ContainsFunc(backendNames, func(name string) bool { return slices.Contains(words(name), env) }) {
			missing = append(missing, env)
		}
	}
	if len(missing) == 0 {
		return
	}
	r.addBlock(backend, "variable files for %s and %s share this backend, and no backend configuration "+
		"file exists for %s: add one per environment (for example %s.s3.tfbackend, used with "+
		"-backend-config) or move each environment to its own directory",
		prod[0], nonProd[0], strings.Join(missing, ", "), missing[0])
}

// environmentsIn returns the production and non-production environment
// words found in values, each once, in order of appearance.
func environmentsIn(values []string) (prod, nonProd []string) {
	for _, v := range values {
		for _, w := range words(v) {
			switch {
			case prodWords[w] && !slices.Contains(prod, w):
				prod = append(prod, w)
			case nonProdWords[w] && !slices.Contains(nonProd, w):
				nonProd = append(nonProd, w)
			}
		}
	}

	return prod, nonProd
}

// words splits a value or file name into lowercase words.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < '0' || r > '9')
	})
}
