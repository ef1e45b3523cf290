package lint

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// literalString returns the value of an expression that is a constant
// string, such as "20m" or a template without interpolation.
func literalString(expr hcl.Expression) (string, bool) {
	if expr == nil {
		return "", false
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return "", false
	}

	return v.AsString(), true
}

// literalBool returns the value of an expression that is a constant bool.
func literalBool(expr hcl.Expression) (value, ok bool) {
	if expr == nil {
		return false, false
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() || !v.IsKnown() || v.IsNull() || v.Type() != cty.Bool {
		return false, false
	}

	return v.True(), true
}

// literalStrings returns the constant strings anywhere in an expression, for
// example the list in a validation condition.
func literalStrings(expr hcl.Expression) []string {
	se, ok := expr.(hclsyntax.Expression)
	if !ok {
		if s, ok := literalString(expr); ok {
			return []string{s}
		}

		return nil
	}
	var out []string
	_ = hclsyntax.VisitAll(se, func(n hclsyntax.Node) hcl.Diagnostics {
		if lit, ok := n.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String {
			out = append(out, lit.Val.AsString())
		}

		return nil
	})

	return out
}

// exprKey returns a canonical text for an expression, so that two
// references to the same value compare equal. A reference becomes its
// traversal ("var.role_arn"), and a template that only wraps one expression
// becomes that expression. Anything else is its source without spaces.
func exprKey(f *File, expr hcl.Expression) string {
	if w, ok := expr.(*hclsyntax.TemplateWrapExpr); ok {
		expr = w.Wrapped
	}
	if t, diags := hcl.AbsTraversalForExpr(expr); !diags.HasErrors() {
		return traversalString(t)
	}
	return strings.Join(strings.Fields(sourceText(f, expr.Range())), "")
}

// traversalString writes a traversal as HCL source: var.x, a.b[0], a.b["k"].
func traversalString(t hcl.Traversal) string {
	var b strings.Builder
	for _, step := range t {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			b.WriteString(s.Name)
		case hcl.TraverseAttr:
			b.WriteString("." + s.Name)
		case hcl.TraverseIndex:
			b.WriteString("[" + indexKeyString(s.Key) + "]")
		case hcl.TraverseSplat:
			b.WriteString("[*]")
		}
	}

	return b.String()
}

func indexKeyString(v cty.Value) string {
	switch {
	case !v.IsKnown() || v.IsNull():
		return "?"
	case v.Type() == cty.String:
		return `"` + v.AsString() + `"`
	case v.Type() == cty.Number:
		return v.AsBigFloat().String()
	}

	return "?"
}

// references returns the traversals an expression refers to, written as
// strings ("data.smus_project.p.id").
func references(expr hcl.Expression) []string {
	if expr == nil {
		return nil
	}
	vars := expr.Variables()
	out := make([]string, 0, len(vars))
	for _, v := range vars {
		out = append(out, traversalString(v))
	}

	return out
}

// refersToRoot reports whether an expression refers to a variable whose
// first step is root ("var", "data", "module").
func refersToRoot(expr hcl.Expression, root string) bool {
	if expr == nil {
		return false
	}
	for _, v := range expr.Variables() {
		if v.RootName() == root {
			return true
		}
	}

	return false
}

// refersTo reports whether an expression refers to root.attr, such as
// terraform.workspace.
func refersTo(expr hcl.Expression, root, attr string) bool {
	if expr == nil {
		return false
	}
	for _, v := range expr.Variables() {
		if v.RootName() != root || len(v) < 2 {
			continue
		}
		if a, ok := v[1].(hcl.TraverseAttr); ok && a.Name == attr {
			return true
		}
	}

	return false
}

// sourceText returns the source of a range in f.
func sourceText(f *File, rng hcl.Range) string {
	if f == nil || rng.End.Byte > len(f.Src) || rng.Start.Byte > rng.End.Byte {
		return ""
	}

	return string(f.Src[rng.Start.Byte:rng.End.Byte])
}
