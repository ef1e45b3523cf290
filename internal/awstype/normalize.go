package awstype

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
)

// Normalize returns the canonical form of a model: null members dropped,
// empty values dropped where the type treats them as absent, set-like arrays
// sorted, keyed arrays sorted by key, and policy documents decoded from JSON
// text and put in a canonical order. Two models mean the same thing exactly
// when their canonical forms are equal. The input is not modified.
func (t *Type) Normalize(model map[string]any) map[string]any {
	out, _ := t.normalize(Clone(model), "").(map[string]any)
	if out == nil {
		out = map[string]any{}
	}

	return out
}

// NormalizeValue returns the canonical form of the value found at path.
func (t *Type) NormalizeValue(path string, v any) any {
	return t.normalize(Clone(v), path)
}

// Equal reports whether two models mean the same thing for this type.
func (t *Type) Equal(a, b map[string]any) bool {
	return bytes.Equal(CanonicalJSON(t.Normalize(a)), CanonicalJSON(t.Normalize(b)))
}

// EqualAt reports whether two values at path mean the same thing.
func (t *Type) EqualAt(path string, a, b any) bool {
	na, nb := t.normalize(Clone(a), path), t.normalize(Clone(b), path)
	if isEmpty(na) && isEmpty(nb) {
		return na == nil || nb == nil || t.emptyIsAbsent(path) || bytes.Equal(CanonicalJSON(na), CanonicalJSON(nb))
	}

	return bytes.Equal(CanonicalJSON(na), CanonicalJSON(nb))
}

// CanonicalJSON encodes v with sorted object keys; it returns "null" for
// values that cannot be encoded.
func CanonicalJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		return []byte("null")
	}

	return b
}

func (t *Type) normalize(v any, path string) any {
	if t.IsPolicyDocument(path) {
		return NormalizePolicy(v)
	}
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			child := path + Pointer(k)
			n := t.normalize(e, child)
			if n == nil || (isEmpty(n) && t.emptyIsAbsent(child)) {
				delete(x, k)

				continue
			}
			x[k] = n
		}

		return x
	case []any:
		for i, e := range x {
			x[i] = t.normalize(e, path+"/"+strconv.Itoa(i))
		}
		if key, ok := t.KeyOf(path); ok {
			sortByKey(x, key)
		} else if t.IsSet(path) {
			sortCanonical(x)
		}

		return x
	case json.Number:
		f, err := x.Float64()
		if err != nil {
			return x.String()
		}

		return f
	case int:
		return float64(x)
	case int64:
		return float64(x)
	default:
		return x
	}
}

func (t *Type) emptyIsAbsent(path string) bool { return matchesAny(path, t.EmptyIsAbsent) }

func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}

	return false
}

func sortCanonical(xs []any) {
	keys := make(map[int]string, len(xs))
	for i, x := range xs {
		keys[i] = string(CanonicalJSON(x))
	}
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	sorted := make([]any, len(xs))
	for i, j := range idx {
		sorted[i] = xs[j]
	}
	copy(xs, sorted)
}

func sortByKey(xs []any, key string) {
	keyOf := func(x any) string {
		if m, ok := x.(map[string]any); ok {
			return fmt.Sprint(m[key])
		}

		return string(CanonicalJSON(x))
	}
	sort.SliceStable(xs, func(a, b int) bool { return keyOf(xs[a]) < keyOf(xs[b]) })
}
