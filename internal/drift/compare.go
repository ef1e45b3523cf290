package drift

import (
	"fmt"
	"sort"

	"github.com/smus-dev/smus/internal/awstype"
)

// Compare returns the properties whose live value differs from the
// declared one, sorted by path. Only the members that declared sets are
// compared, at every level of nesting, except the permission properties in
// grantProperties, which an omitted declaration sets to empty. Write-only
// and read-only paths are skipped. Lists matched by a key are compared
// element by element, other lists and scalars as whole values. Values in
// the result are in their canonical form (sets sorted, policy documents
// decoded).
func Compare(t *awstype.Type, declared, live map[string]any) []PropertyDiff {
	d := comparedModel(t, declared)
	l := t.StripReadOnly(t.StripWriteOnly(live))
	var out []PropertyDiff
	for _, name := range sortedKeys(d) {
		out = append(out, compareValue(t, awstype.Pointer(name), d[name], l[name])...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })

	return out
}

// comparedModel returns the declared values that Compare reads: declared
// without its write-only and read-only values, with the grant properties
// it omits set to empty.
func comparedModel(t *awstype.Type, declared map[string]any) map[string]any {
	return withGrantsDeclared(t, t.StripReadOnly(t.StripWriteOnly(declared)))
}

// comparedProperties returns the top-level properties whose live values
// Compare reads for declared, sorted. A property declared as null is not
// compared, so it is not listed.
func comparedProperties(t *awstype.Type, declared map[string]any) []string {
	d := comparedModel(t, declared)
	names := make([]string, 0, len(d))
	for _, name := range sortedKeys(d) {
		if d[name] != nil {
			names = append(names, name)
		}
	}

	return names
}

func compareValue(t *awstype.Type, path string, declared, live any) []PropertyDiff {
	if declared == nil || t.EqualAt(path, declared, live) {
		return nil
	}
	if t.IsPolicyDocument(path) {
		return []PropertyDiff{policyDiff(t, path, declared, live)}
	}
	switch d := declared.(type) {
	case map[string]any:
		l, ok := live.(map[string]any)
		if !ok {
			break
		}
		var out []PropertyDiff
		for _, name := range sortedKeys(d) {
			out = append(out, compareValue(t, path+awstype.Pointer(name), d[name], l[name])...)
		}

		return out
	case []any:
		l, ok := live.([]any)
		key, keyed := t.KeyOf(path)
		if !ok || !keyed {
			break
		}

		return compareKeyed(t, path, key, d, l)
	}

	return []PropertyDiff{{Path: path, Declared: t.NormalizeValue(path, declared), Live: t.NormalizeValue(path, live)}}
}

// compareKeyed compares two lists whose elements are matched by key: an
// element on one side only is reported whole, a matched pair member by
// member.
func compareKeyed(t *awstype.Type, path, key string, declared, live []any) []PropertyDiff {
	d, l := byKey(declared, key), byKey(live, key)
	var out []PropertyDiff
	for _, k := range sortedKeys(d) {
		child := path + awstype.Pointer(k)
		out = append(out, compareValue(t, child, d[k], l[k])...)
	}
	for _, k := range sortedKeys(l) {
		if _, ok := d[k]; !ok {
			out = append(out, addedElement(t, path+awstype.Pointer(k), l[k]))
		}
	}

	return out
}

// addedElement reports an element that only the live list has. An element
// that carries a policy document, such as an inline policy added in the
// console, is reported as that document with every statement added.
func addedElement(t *awstype.Type, path string, element any) PropertyDiff {
	docPath := path + awstype.Pointer("PolicyDocument")
	if doc, ok := element.(map[string]any)["PolicyDocument"]; ok && t.IsPolicyDocument(docPath) {
		return policyDiff(t, docPath, nil, doc)
	}

	return PropertyDiff{Path: path, Live: t.NormalizeValue(path, element)}
}

func byKey(list []any, key string) map[string]any {
	out := make(map[string]any, len(list))
	for _, e := range list {
		if m, ok := e.(map[string]any); ok {
			out[fmt.Sprint(m[key])] = e
		}
	}

	return out
}

// policyDiff reports a changed policy document with the statements that
// only the live document has (added) and only the declared one has
// (removed).
func policyDiff(t *awstype.Type, path string, declared, live any) PropertyDiff {
	d, l := awstype.NormalizePolicy(declared), awstype.NormalizePolicy(live)
	diff := PropertyDiff{Path: path, Declared: d, Live: l}
	ds, ls := statements(d), statements(l)
	for k, s := range ls {
		if _, ok := ds[k]; !ok {
			diff.StatementsAdded = append(diff.StatementsAdded, s)
		}
	}
	for k, s := range ds {
		if _, ok := ls[k]; !ok {
			diff.StatementsRemoved = append(diff.StatementsRemoved, s)
		}
	}
	sortCanonical(diff.StatementsAdded)
	sortCanonical(diff.StatementsRemoved)

	return diff
}

// statements returns the statements of a normalized policy document keyed
// by their canonical JSON.
func statements(doc any) map[string]any {
	m, ok := doc.(map[string]any)
	if !ok {
		return nil
	}
	list, ok := m["Statement"].([]any)
	if !ok {
		return nil
	}
	out := make(map[string]any, len(list))
	for _, s := range list {
		out[string(awstype.CanonicalJSON(s))] = s
	}

	return out
}

func sortCanonical(xs []any) {
	sort.SliceStable(xs, func(i, j int) bool {
		return string(awstype.CanonicalJSON(xs[i])) < string(awstype.CanonicalJSON(xs[j]))
	})
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)

	return keys
}
