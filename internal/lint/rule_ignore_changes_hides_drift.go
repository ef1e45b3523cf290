package lint

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/smus-dev/smus/internal/awstype"
)

var ignoreChangesHidesDrift = registerRule(&Rule{
	Name: "ignore-changes-hides-drift",
	Summary: "lifecycle ignore_changes must list only write-only attributes, which a read never " +
		"returns; ignoring other attributes hides real drift.",
	Severity: Warning,
	check:    checkIgnoreChanges,
})

func checkIgnoreChanges(p *Project, r *reporter) {
	for _, m := range p.Modules {
		for _, b := range m.Resources() {
			for _, lc := range b.Blocks("lifecycle") {
				if a := lc.Attr("ignore_changes"); a != nil {
					checkIgnoreList(r, b, a)
				}
			}
		}
	}
}

func checkIgnoreList(r *reporter, b *Block, a *hcl.Attribute) {
	if hcl.ExprAsKeyword(a.Expr) == "all" {
		r.add(a.Range, b.DefRange, "%s ignores changes to all attributes, so no drift in it is ever "+
			"planned: list only the write-only attributes the API does not return", b.Address())

		return
	}
	typ := b.Label(0)
	t, known := awstype.TerraformType(typ)
	if !known {
		// NOTE: write-only attributes are known only for the smus and awscc
		// types in the registry; other types are checked for "all" alone.
		return
	}
	items, diags := hcl.ExprList(a.Expr)
	if diags.HasErrors() {
		return
	}
	for _, item := range items {
		trav, diags := hcl.RelTraversalForExpr(item)
		if diags.HasErrors() || len(trav) == 0 {
			continue
		}
		attr := rootName(trav)
		prop, _ := awstype.TerraformProperty(typ, attr)
		if t.IsWriteOnly("/" + prop) {
			continue
		}
		r.add(item.Range(), b.DefRange, "%s ignores changes to %q, which %s returns on read, so real "+
			"drift in it is hidden: remove it from ignore_changes and reconcile the difference in code",
			b.Address(), attr, t.Name)
	}
}

// rootName returns the first attribute name of a relative traversal.
func rootName(t hcl.Traversal) string {
	switch s := t[0].(type) {
	case hcl.TraverseRoot:
		return s.Name
	case hcl.TraverseAttr:
		return s.Name
	}

	return ""
}
