package importer

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
)

// Names of the generated files, one per layer.
const (
	FileVersions   = "versions.tf"
	FileDomain     = "domain.tf"
	FileBlueprints = "blueprints.tf"
	FileProfiles   = "profiles.tf"
	FileProjects   = "projects.tf"
	FileRoles      = "roles.tf"
	FileVariables  = "variables.tf"
	FileImports    = "imports.tf"
)

// Result is the generated configuration and what the user must know about
// it.
type Result struct {
	// Files are the files to write, sorted by name. A layer with no new
	// resource has no file.
	Files []File
	// Imports lists every import block in the order written.
	Imports []Import
	// Variables lists the input variables for write-only values, sorted by
	// name.
	Variables []Variable
	// Warnings report reads that failed or returned too little, so that
	// values they would have returned are input variables. Each is one
	// sentence.
	Warnings []string
	// Notes are facts the user must act on, each one sentence.
	Notes []string
}

// File is one generated file.
type File struct {
	Name    string
	Content []byte
}

// Import is one import block: the address it imports into and the Cloud
// Control identifier. Adopted reports an address that a file of the output
// directory already declares.
type Import struct {
	Address string
	ID      string
	Adopted bool
}

// Variable is an input variable for a write-only value that no read
// returned, because no AWS API returns it or because its DataZone read
// failed. Required variables have no default; the others default to null, which
// means the value was never set.
type Variable struct {
	Name        string
	Type        string
	Description string
	Required    bool
}

// GenerateInput is the inventory to render and the configuration that
// already exists in the output directory (nil for none).
type GenerateInput struct {
	Inventory *Inventory
	Existing  *Existing
}

// Generate renders the inventory as smus configuration. It is
// deterministic: the same input always yields the same bytes.
func Generate(in GenerateInput) (*Result, error) {
	if in.Inventory == nil {
		return nil, fmt.Errorf("generate configuration: the inventory is nil")
	}
	existing := in.Existing
	if existing == nil {
		existing = &Existing{}
	}
	g := newGenerator(in.Inventory, existing)
	steps := []func() error{g.roles, g.domain, g.blueprints, g.profiles, g.projects, g.memberships}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}

	return g.finish()
}

// generator holds one Generate run: the files being built and the address
// of every live object, by its id, for references.
type generator struct {
	inv      *Inventory
	existing *Existing
	adopt    *adopter
	names    *namer
	files    map[string]*hclwrite.File
	result   *Result

	roleAddress      map[string]string // role ARN
	domainAddress    string
	blueprintAddress map[string]string // blueprint id
	profileAddress   map[string]string // profile id
	projectAddress   map[string]string // project id
	projectNames     map[string]string // project id to name
}

func newGenerator(inv *Inventory, existing *Existing) *generator {
	g := &generator{
		inv:      inv,
		existing: existing,
		names:    newNamer(),
		files:    map[string]*hclwrite.File{},
		result: &Result{
			Warnings: append([]string(nil), inv.Warnings...),
			Notes:    append([]string(nil), inv.Notes...),
		},
		roleAddress:      map[string]string{},
		blueprintAddress: map[string]string{},
		profileAddress:   map[string]string{},
		projectAddress:   map[string]string{},
		projectNames:     map[string]string{},
	}
	g.adopt = newAdopter(existing)
	for _, r := range existing.Resources {
		g.names.reserve(r.Type, r.Name)
	}

	return g
}

// place returns the address of a live object: the existing block that
// declares it, or a new name derived from base. It records the import.
func (g *generator) place(resourceType, base, id string, match func(ExistingResource) bool) (string, bool) {
	if r, ok := g.adopt.find(resourceType, match); ok {
		g.result.Imports = append(g.result.Imports, Import{Address: r.Address(), ID: id, Adopted: true})

		return r.Address(), true
	}
	address := resourceType + "." + g.names.next(resourceType, base)
	g.result.Imports = append(g.result.Imports, Import{Address: address, ID: id})

	return address, false
}

// block appends a resource block with a to file.
func (g *generator) block(file, address string, a attrs) {
	f := g.files[file]
	if f == nil {
		f = hclwrite.NewEmptyFile()
		g.files[file] = f
	}
	body := f.Body()
	if len(body.Blocks()) > 0 {
		body.AppendNewline()
	}
	typ, name := splitAddress(address)
	a.writeTo(body.AppendNewBlock("resource", []string{typ, name}).Body())
}

// addVariable declares a variable and returns a reference to it.
func (g *generator) addVariable(v Variable) hclwrite.Tokens {
	g.result.Variables = append(g.result.Variables, v)

	return variable(v.Name)
}

func (g *generator) note(format string, args ...any) {
	g.result.Notes = append(g.result.Notes, fmt.Sprintf(format, args...))
}

func (g *generator) warn(format string, args ...any) {
	g.result.Warnings = append(g.result.Warnings, fmt.Sprintf(format, args...))
}

// finish formats every file and adds variables.tf, imports.tf and, when no
// existing file requires the provider, versions.tf.
func (g *generator) finish() (*Result, error) {
	if len(g.result.Variables) > 0 {
		g.files[FileVariables] = variablesFile(g.result.Variables)
	}
	g.files[FileImports] = importsFile(g.result.Imports)
	if !g.existing.RequiresSmus {
		g.files[FileVersions] = versionsFile()
	}
	sortVariables(g.result.Variables)
	header := fmt.Sprintf("# Generated by smus import from domain %s in account %s, region %s.\n",
		g.domainID(), g.inv.Account, g.inv.Region)
	for _, name := range sortedKeys(g.files) {
		var buf bytes.Buffer
		buf.WriteString(header)
		if name == FileRoles || name == FileImports {
			buf.WriteString(commentLines(lakeFormationNote))
		}
		buf.WriteString("\n")
		buf.Write(g.files[name].Bytes())
		g.result.Files = append(g.result.Files, File{Name: name, Content: hclwrite.Format(buf.Bytes())})
	}

	return g.result, nil
}

func (g *generator) domainID() string {
	id, _ := g.inv.Domain.Properties["Id"].(string)
	if id == "" {
		id = g.inv.Domain.Identifier
	}

	return id
}

// commentLines wraps text into "# " comment lines of at most 100 columns.
func commentLines(text string) string {
	var b, line strings.Builder
	for _, word := range strings.Fields(text) {
		if line.Len() > 0 && line.Len()+1+len(word) > 98 {
			b.WriteString("# " + line.String() + "\n")
			line.Reset()
		}
		if line.Len() > 0 {
			line.WriteByte(' ')
		}
		line.WriteString(word)
	}
	if line.Len() > 0 {
		b.WriteString("# " + line.String() + "\n")
	}

	return b.String()
}

func splitAddress(address string) (typ, name string) {
	typ, name, _ = strings.Cut(address, ".")

	return typ, name
}
