package lint

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Project is the parsed input of one Lint call: every module found under
// the linted paths, and the facts some rules need about the repository.
type Project struct {
	// Modules are sorted by directory.
	Modules []*Module
	// RepoRoot is the nearest directory above the first linted path that
	// contains .git, or "" when there is none.
	RepoRoot string
	// LintRoot is the first linted directory, made absolute.
	LintRoot string
	Config   *Config

	byDir map[string]*Module
}

// Module is the set of configuration files in one directory.
type Module struct {
	// Dir is the directory as linted; AbsDir is its absolute form.
	Dir    string
	AbsDir string
	Files  []*File
	// Blocks are the top-level blocks of all files, in file order.
	Blocks []*Block
	// VarFiles and BackendFiles name the .tfvars files and the partial
	// backend configuration files (*.tfbackend, *backend*.hcl) next to the
	// configuration, relative to Dir.
	VarFiles     []string
	BackendFiles []*File
}

// File is one parsed configuration file.
type File struct {
	Path  string
	Src   []byte
	Body  hcl.Body
	JSON  bool
	notes []suppression
}

// Block is a block with its body; Type is "resource", "data", "module" and
// so on, and Labels holds its labels.
type Block struct {
	Type   string
	Labels []string
	Body   hcl.Body
	// DefRange covers the block header, Range the whole block.
	DefRange hcl.Range
	Range    hcl.Range
	File     *File
}

// Label returns the i-th label, or "" when the block has fewer labels.
func (b *Block) Label(i int) string {
	if i < len(b.Labels) {
		return b.Labels[i]
	}

	return ""
}

// Address returns "type.name" for resources, "data.type.name" for data
// sources and "module.name" for module calls.
func (b *Block) Address() string {
	switch b.Type {
	case "resource":
		return b.Label(0) + "." + b.Label(1)
	case "data":
		return "data." + b.Label(0) + "." + b.Label(1)
	case "module":
		return "module." + b.Label(0)
	}

	return b.Type
}

// Attr returns the attribute named name, or nil.
func (b *Block) Attr(name string) *hcl.Attribute { return bodyAttr(b.Body, name) }

// Blocks returns the nested blocks of type typ, with the given label count.
func (b *Block) Blocks(typ string, labels ...string) []*Block {
	return bodyBlocks(b.Body, b.File, typ, labels...)
}

// Resources returns the module's blocks of type "resource".
func (m *Module) Resources() []*Block { return m.blocksOfType("resource") }

// Data returns the module's blocks of type "data".
func (m *Module) Data() []*Block { return m.blocksOfType("data") }

// Calls returns the module's blocks of type "module".
func (m *Module) Calls() []*Block { return m.blocksOfType("module") }

func (m *Module) blocksOfType(typ string) []*Block {
	var out []*Block
	for _, b := range m.Blocks {
		if b.Type == typ {
			out = append(out, b)
		}
	}

	return out
}

// topLevel lists the top-level block types of the Terraform language with
// their label names.
var topLevel = []hcl.BlockHeaderSchema{
	{Type: "terraform"},
	{Type: "provider", LabelNames: []string{"name"}},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "output", LabelNames: []string{"name"}},
	{Type: "module", LabelNames: []string{"name"}},
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "moved"},
	{Type: "import"},
	{Type: "removed"},
	{Type: "check", LabelNames: []string{"name"}},
}

// fileBlocks returns the top-level blocks of a file.
func fileBlocks(f *File) []*Block {
	if sb, ok := f.Body.(*hclsyntax.Body); ok {
		out := make([]*Block, 0, len(sb.Blocks))
		for _, b := range sb.Blocks {
			out = append(out, syntaxBlock(b, f))
		}

		return out
	}
	content, _, _ := f.Body.PartialContent(&hcl.BodySchema{Blocks: topLevel})

	return wrapBlocks(content.Blocks, f)
}

func syntaxBlock(b *hclsyntax.Block, f *File) *Block {
	return &Block{Type: b.Type, Labels: b.Labels, Body: b.Body, DefRange: b.DefRange(), Range: b.Range(), File: f}
}

func wrapBlocks(blocks hcl.Blocks, f *File) []*Block {
	out := make([]*Block, 0, len(blocks))
	for _, b := range blocks {
		rng := b.DefRange
		if b.Body != nil {
			rng = hcl.RangeOver(b.DefRange, b.Body.MissingItemRange())
		}
		out = append(out, &Block{Type: b.Type, Labels: b.Labels, Body: b.Body, DefRange: b.DefRange, Range: rng, File: f})
	}

	return out
}

func bodyAttr(body hcl.Body, name string) *hcl.Attribute {
	if body == nil {
		return nil
	}
	if sb, ok := body.(*hclsyntax.Body); ok {
		if a, ok := sb.Attributes[name]; ok {
			return a.AsHCLAttribute()
		}

		return nil
	}
	content, _, _ := body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: name}}})
	if content == nil {
		return nil
	}

	return content.Attributes[name]
}

func bodyBlocks(body hcl.Body, f *File, typ string, labels ...string) []*Block {
	if body == nil {
		return nil
	}
	if sb, ok := body.(*hclsyntax.Body); ok {
		var out []*Block
		for _, b := range sb.Blocks {
			if b.Type == typ {
				out = append(out, syntaxBlock(b, f))
			}
		}

		return out
	}
	schema := &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: typ, LabelNames: labels}}}
	content, _, _ := body.PartialContent(schema)
	if content == nil {
		return nil
	}

	return wrapBlocks(content.Blocks, f)
}

// bodyAttributes returns every attribute of a body that has no nested
// blocks, such as a module call's arguments.
func bodyAttributes(body hcl.Body) hcl.Attributes {
	if sb, ok := body.(*hclsyntax.Body); ok {
		out := make(hcl.Attributes, len(sb.Attributes))
		for name, a := range sb.Attributes {
			out[name] = a.AsHCLAttribute()
		}

		return out
	}
	attrs, _ := body.JustAttributes()

	return attrs
}
