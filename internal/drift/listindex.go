package drift

import "github.com/smus-dev/smus/internal/awstype"

// scope is the set of resources one listing covers: those of one type in
// one domain, in one project for memberships, or in the whole account for
// a type listed without a domain.
type scope struct {
	typeName string
	domain   string
	project  string
}

// scopeOf returns the scope of the listing that would contain the managed
// resource with identifier, read from the identifier's parts. It returns
// false when the identifier does not parse.
func scopeOf(t *awstype.Type, identifier string) (scope, bool) {
	parts, err := t.ParseIdentifier(identifier)
	if err != nil {
		return scope{}, false
	}
	s := scope{typeName: t.Name, domain: parts["DomainId"], project: parts["ProjectIdentifier"]}
	if s.domain == "" {
		s.domain = parts["DomainIdentifier"]
	}

	return s, true
}

// resourceKey identifies a resource by type and identifier in string form,
// so that the JSON form of an identifier matches too.
func resourceKey(t *awstype.Type, identifier string) string {
	id := identifier
	if parts, err := t.ParseIdentifier(identifier); err == nil {
		model := make(map[string]any, len(parts))
		for name, v := range parts {
			model[name] = v
		}
		if s, err := t.Identifier(model); err == nil {
			id = s
		}
	}

	return t.Name + " " + id
}

// source is the origin of the live model of a managed resource.
type source int

const (
	// fromGet means a GetResource call reads the resource.
	fromGet source = iota
	// fromList means a listed model has every property the comparison
	// reads, so it is compared instead.
	fromList
	// missingFromList means the resource is deleted: every page of the
	// listing of its scope was read, and none has it.
	missingFromList
)

// listIndex holds the models of the listings that read every page without
// an error.
type listIndex struct {
	complete map[scope]bool
	models   map[string]map[string]any
	// carried names, per type name, the properties that at least one
	// listed model of the type has.
	carried map[string]map[string]bool
}

func newListIndex(listings []*listing) *listIndex {
	x := &listIndex{complete: map[scope]bool{}, models: map[string]map[string]any{},
		carried: map[string]map[string]bool{}}
	for _, l := range listings {
		if l.err != nil {
			continue
		}
		x.complete[l.key()] = true
		carried := x.carried[l.typ.Name]
		if carried == nil {
			carried = map[string]bool{}
			x.carried[l.typ.Name] = carried
		}
		for _, res := range l.resources {
			x.models[resourceKey(l.typ, res.Identifier)] = res.Properties
			for name := range res.Properties {
				carried[name] = true
			}
		}
	}

	return x
}

// lookup decides where the live model of d comes from, and returns the
// listed model when it is used.
func (x *listIndex) lookup(d declaredResource) (source, map[string]any) {
	s, ok := scopeOf(d.typ, d.identifier)
	if !ok || !x.complete[s] {
		return fromGet, nil
	}
	model, ok := x.models[resourceKey(d.typ, d.identifier)]
	if !ok {
		return missingFromList, nil
	}
	if !x.completeFor(d, model) {
		return fromGet, nil
	}

	return fromList, model
}

// completeFor reports whether model has every top-level property that
// comparing d reads, and the status properties that decide whether it is
// deleted. A missing property whose empty value the API drops still counts
// as present when another listed model of the type has it: the list
// handler returns that property, so this resource has it empty.
//
// NOTE: that inference assumes a list handler builds every model of a
// type the same way, as the read handler does.
func (x *listIndex) completeFor(d declaredResource, model map[string]any) bool {
	required := append(comparedProperties(d.typ, d.model), d.typ.StatusProperties()...)
	for _, name := range required {
		if _, ok := model[name]; ok {
			continue
		}
		if d.typ.EmptyMeansAbsent(awstype.Pointer(name)) && x.carried[d.typ.Name][name] {
			continue
		}

		return false
	}

	return true
}
