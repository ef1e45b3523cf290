package awstype

// deletedStatuses lists, per type, the status property and the values with
// which a read still returns a resource that is gone. A DataZone domain
// reads with Status DELETED for a while after its deletion finished.
var deletedStatuses = map[*Type]struct {
	property string
	values   []string
}{
	Domain: {property: "Status", values: []string{"DELETED"}},
}

// IsDeleted reports whether a read model describes a resource that is
// gone although the read succeeded, because its status is a deleted one.
func (t *Type) IsDeleted(model map[string]any) bool {
	rule, ok := deletedStatuses[t]
	if !ok {
		return false
	}
	status, _ := model[rule.property].(string)
	for _, v := range rule.values {
		if status == v {
			return true
		}
	}

	return false
}
