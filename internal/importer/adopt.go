package importer

// adopter finds the existing resource block that declares a live object,
// matched by the type's natural key, and hands each block out once.
type adopter struct {
	existing *Existing
	used     map[string]bool
}

func newAdopter(existing *Existing) *adopter {
	return &adopter{existing: existing, used: map[string]bool{}}
}

// find returns the first unused existing block of resourceType that match
// accepts, and marks it used.
func (a *adopter) find(resourceType string, match func(ExistingResource) bool) (ExistingResource, bool) {
	for _, r := range a.existing.Resources {
		if r.Type != resourceType || a.used[r.Address()] || !match(r) {
			continue
		}
		a.used[r.Address()] = true

		return r, true
	}

	return ExistingResource{}, false
}

// literalIs reports whether attribute name of r is the string literal want.
func literalIs(r ExistingResource, name, want string) bool {
	got, ok := literal(r.Attributes, name)

	return ok && got == want
}

// pointsTo reports whether attribute name of r is the literal id, or a
// reference to attribute refAttr of the resource at address.
func pointsTo(r ExistingResource, name, id, address, refAttr string) bool {
	if literalIs(r, name, id) {
		return true
	}
	target, attribute, ok := reference(r.Attributes, name)

	return ok && target == address && attribute == refAttr
}
