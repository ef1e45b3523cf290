package lint

import (
	"path/filepath"
	"strings"
)

var selfReferentialCount = registerRule(&Rule{
	Name: "self-referential-count",
	Summary: "count and for_each must not depend on a data source that looks up the object the " +
		"block creates, and a module with data sources must not use depends_on on another module.",
	Severity: Error,
	check:    checkSelfReferentialCount,
})

func checkSelfReferentialCount(p *Project, r *reporter) {
	for _, m := range p.Modules {
		data := map[string]*Block{}
		for _, d := range m.Data() {
			data[d.Address()] = d
		}
		for _, b := range m.Resources() {
			checkCountLookup(r, b, data)
		}
		for _, b := range m.Calls() {
			checkModuleDependsOn(p, m, r, b)
		}
	}
}

// checkCountLookup reports count or for_each fed by a data source of the
// same kind as the resource, with the same name or no name filter. Such a
// block creates the object when the lookup finds nothing, and plans to
// destroy it on the next run, once the lookup finds it.
func checkCountLookup(r *reporter, b *Block, data map[string]*Block) {
	kind := objectKind(b.Label(0))
	if kind == "" {
		return
	}
	for _, arg := range []string{"count", "for_each"} {
		a := b.Attr(arg)
		if a == nil {
			continue
		}
		for _, ref := range references(a.Expr) {
			d := data[dataAddress(ref)]
			if d == nil || objectKind(d.Label(0)) != kind || !sameName(b, d) {
				continue
			}
			r.add(a.Range, b.DefRange, "%s sets %s from %s, which looks up the %s this block creates: "+
				"the next plan finds it and destroys it; decide creation with a variable, or import the "+
				"existing %s instead", b.Address(), arg, d.Address(), kind, kind)

			return
		}
	}
}

// dataAddress trims a reference such as data.t.n.ids[0] to data.t.n.
func dataAddress(ref string) string {
	if !strings.HasPrefix(ref, "data.") {
		return ""
	}
	parts := strings.SplitN(ref, ".", 4)
	if len(parts) < 3 {
		return ""
	}
	name, _, _ := strings.Cut(parts[2], "[")

	return "data." + parts[1] + "." + name
}

// sameName reports whether the data source filters on the same name as the
// resource, or does not filter on a name at all.
func sameName(resource, data *Block) bool {
	rn, dn := resource.Attr("name"), data.Attr("name")
	if rn == nil || dn == nil {
		return true
	}

	return exprKey(resource.File, rn.Expr) == exprKey(data.File, dn.Expr)
}

// checkModuleDependsOn reports a module call with depends_on on another
// module when the called module has data sources. Terraform defers reading
// those data sources to apply time whenever the dependency has changes, so
// arguments they feed are unknown at plan time and create-only arguments
// force replacement.
func checkModuleDependsOn(p *Project, m *Module, r *reporter, b *Block) {
	a := b.Attr("depends_on")
	if a == nil || !refersToRoot(a.Expr, "module") {
		return
	}
	source, ok := moduleSource(b)
	if !ok || !isLocalSource(source) {
		// NOTE: the data sources of remote modules are unknown here, so
		// their calls are not checked.
		return
	}
	callee := p.module(filepath.Join(m.Dir, source))
	if callee == nil || len(callee.Data()) == 0 {
		return
	}
	r.add(a.Range, b.DefRange, "%s depends on another module and reads %d data source(s) such as %s; "+
		"their values become unknown at plan time whenever the dependency changes, which replaces "+
		"resources that use them in create-only arguments: pass the values the module needs as inputs "+
		"instead of depends_on", b.Address(), len(callee.Data()), callee.Data()[0].Address())
}
