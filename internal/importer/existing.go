package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Existing is the declared content of the output directory's configuration
// files: the smus resource blocks, and whether a required_providers block
// already names the smus provider.
type Existing struct {
	// Files lists the names of the .tf files read.
	Files []string
	// Resources are the smus_* resource blocks in file order.
	Resources []ExistingResource
	// RequiresSmus reports a required_providers entry named smus.
	RequiresSmus bool
}

// ExistingResource is one resource block of an existing configuration.
type ExistingResource struct {
	Type string
	Name string
	// Attributes are the block's attribute expressions by name.
	Attributes hclsyntax.Attributes
}

// Address returns the resource address, such as smus_project.fraud.
func (r ExistingResource) Address() string { return r.Type + "." + r.Name }

// ReadExisting parses the .tf files directly in dir. A missing directory
// declares nothing. Syntax errors are returned with their file and line,
// because a plan of that directory would fail on them too.
func ReadExisting(dir string) (*Existing, error) {
	out := &Existing{}
	names, err := filepath.Glob(filepath.Join(dir, "*.tf"))
	if err != nil {
		return nil, fmt.Errorf("list the .tf files of %s: %w", dir, err)
	}
	sort.Strings(names)
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read existing configuration: %w", err)
		}
		file, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
		if diags.HasErrors() {
			return nil, fmt.Errorf("parse existing configuration %s: %w", name, diags)
		}
		out.Files = append(out.Files, filepath.Base(name))
		body, ok := file.Body.(*hclsyntax.Body)
		if !ok {
			continue
		}
		out.add(body)
	}

	return out, nil
}

func (e *Existing) add(body *hclsyntax.Body) {
	for _, block := range body.Blocks {
		switch {
		case block.Type == "resource" && len(block.Labels) == 2 && strings.HasPrefix(block.Labels[0], "smus_"):
			e.Resources = append(e.Resources, ExistingResource{
				Type: block.Labels[0], Name: block.Labels[1], Attributes: block.Body.Attributes,
			})
		case block.Type == "terraform":
			for _, inner := range block.Body.Blocks {
				if inner.Type == "required_providers" && inner.Body.Attributes["smus"] != nil {
					e.RequiresSmus = true
				}
			}
		}
	}
}

// literal returns the value of an attribute that is a plain string literal.
func literal(attrs hclsyntax.Attributes, name string) (string, bool) {
	a, ok := attrs[name]
	if !ok {
		return "", false
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type().FriendlyName() != "string" {
		return "", false
	}

	return v.AsString(), true
}

// reference returns the resource address an attribute refers to, as in
// smus_domain.main.id, and the attribute after it.
func reference(attrs hclsyntax.Attributes, name string) (address, attribute string, ok bool) {
	a, found := attrs[name]
	if !found {
		return "", "", false
	}
	traversal, ok := a.Expr.(*hclsyntax.ScopeTraversalExpr)
	if !ok || len(traversal.Traversal) != 3 {
		return "", "", false
	}
	parts := make([]string, 0, 3)
	for _, step := range traversal.Traversal {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			parts = append(parts, s.Name)
		case hcl.TraverseAttr:
			parts = append(parts, s.Name)
		default:
			return "", "", false
		}
	}

	return parts[0] + "." + parts[1], parts[2], true
}
