package importer

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// ProviderSource is the source address of the smus provider.
const ProviderSource = "smus-dev/smus"

func variablesFile(vars []Variable) *hclwrite.File {
	f := hclwrite.NewEmptyFile()
	body := f.Body()
	sorted := append([]Variable(nil), vars...)
	sortVariables(sorted)
	for i, v := range sorted {
		if i > 0 {
			body.AppendNewline()
		}
		b := body.AppendNewBlock("variable", []string{v.Name}).Body()
		b.SetAttributeRaw("type", typeTokens(v.Type))
		b.SetAttributeValue("description", cty.StringVal(v.Description))
		if !v.Required {
			b.SetAttributeValue("default", cty.NullVal(cty.DynamicPseudoType))
		}
	}

	return f
}

func importsFile(imports []Import) *hclwrite.File {
	f := hclwrite.NewEmptyFile()
	body := f.Body()
	for i, imp := range imports {
		if i > 0 {
			body.AppendNewline()
		}
		b := body.AppendNewBlock("import", nil).Body()
		typ, name := splitAddress(imp.Address)
		b.SetAttributeTraversal("to", traversal(typ, name))
		b.SetAttributeValue("id", cty.StringVal(imp.ID))
	}

	return f
}

func versionsFile() *hclwrite.File {
	f := hclwrite.NewEmptyFile()
	tf := f.Body().AppendNewBlock("terraform", nil).Body()
	providers := tf.AppendNewBlock("required_providers", nil).Body()
	providers.SetAttributeValue("smus", cty.ObjectVal(map[string]cty.Value{"source": cty.StringVal(ProviderSource)}))

	return f
}

func sortVariables(vars []Variable) {
	sort.Slice(vars, func(a, b int) bool { return vars[a].Name < vars[b].Name })
}

func traversal(names ...string) hcl.Traversal {
	t := hcl.Traversal{hcl.TraverseRoot{Name: names[0]}}
	for _, n := range names[1:] {
		t = append(t, hcl.TraverseAttr{Name: n})
	}

	return t
}
