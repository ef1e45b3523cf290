package awstype

// StatusProperties returns the top-level properties whose values IsDeleted
// reads, or nil for a type without a deleted status. A caller that judges
// whether a read model is complete enough for IsDeleted needs them present.
func (t *Type) StatusProperties() []string {
	rule, ok := deletedStatuses[t]
	if !ok {
		return nil
	}

	return []string{rule.property}
}

// EmptyMeansAbsent reports whether the API drops an empty value at path,
// so that a read model without the property has it empty.
func (t *Type) EmptyMeansAbsent(path string) bool { return t.emptyIsAbsent(path) }
