package localcloud

import (
	"encoding/json"
	"slices"
	"strings"

	jsonpatch "github.com/evanphx/json-patch/v5"

	"github.com/smus-dev/smus/internal/awstype"
)

// patchOperation is one RFC 6902 operation with its paths made absolute.
type patchOperation struct {
	Op    string          `json:"op"`
	Path  string          `json:"path"`
	From  string          `json:"from,omitempty"`
	Value json.RawMessage `json:"value,omitempty"`
}

var patchOps = []string{"add", "remove", "replace", "move", "copy", "test"}

// parsePatch decodes a PatchDocument. Paths are relative to the properties
// object and may omit the leading slash, as Cloud Control accepts both.
func parsePatch(text string) ([]patchOperation, error) {
	var raw []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(text), &raw); err != nil {
		return nil, apiErrorf("ValidationException", "PatchDocument is not a JSON array of RFC 6902 operations: %v", err)
	}
	ops := make([]patchOperation, 0, len(raw))
	for i, m := range raw {
		var op patchOperation
		if err := json.Unmarshal(m["op"], &op.Op); err != nil || !slices.Contains(patchOps, op.Op) {
			return nil, apiErrorf("ValidationException",
				"PatchDocument operation %d has an invalid op; use one of %s.", i, strings.Join(patchOps, ", "))
		}
		if err := json.Unmarshal(m["path"], &op.Path); err != nil {
			return nil, apiErrorf("ValidationException", "PatchDocument operation %d has no string path.", i)
		}
		op.Path = absolutePointer(op.Path)
		if op.Op == "move" || op.Op == "copy" {
			if err := json.Unmarshal(m["from"], &op.From); err != nil {
				return nil, apiErrorf("ValidationException", "PatchDocument operation %d (%s) has no string from.", i, op.Op)
			}
			op.From = absolutePointer(op.From)
		}
		value, hasValue := m["value"]
		if !hasValue && (op.Op == "add" || op.Op == "replace" || op.Op == "test") {
			return nil, apiErrorf("ValidationException", "PatchDocument operation %d (%s) has no value.", i, op.Op)
		}
		op.Value = value
		ops = append(ops, op)
	}

	return ops, nil
}

func absolutePointer(p string) string {
	if p == "" || strings.HasPrefix(p, "/") {
		return p
	}

	return "/" + p
}

// applyPatch applies ops to base in order. Any failing operation fails the
// whole patch and leaves base unchanged.
func applyPatch(base map[string]any, ops []patchOperation) (map[string]any, error) {
	doc, err := json.Marshal(ops)
	if err != nil {
		return nil, apiErrorf("ValidationException", "PatchDocument cannot be encoded: %v", err)
	}
	patch, err := jsonpatch.DecodePatch(doc)
	if err != nil {
		return nil, apiErrorf("ValidationException", "PatchDocument is not a valid RFC 6902 patch: %v", err)
	}
	opts := jsonpatch.NewApplyOptions()
	opts.EscapeHTML = false
	out, err := patch.ApplyWithOptions(marshalModel(base), opts)
	if err != nil {
		return nil, apiErrorf("ValidationException", "Invalid patch update: %v", err)
	}

	return parseModel("the patched model", string(out))
}

// checkPatch reproduces the checks Cloud Control makes before it calls the
// update handler: read-only paths must not change, create-only paths must
// keep their values, and the result must satisfy the schema.
func checkPatch(t *awstype.Type, ops []patchOperation, base, patched map[string]any) error {
	if bad := readOnlyChanges(t, ops, base, patched); len(bad) > 0 {
		return apiErrorf("ValidationException", "Invalid patch update: readOnlyProperties [%s] cannot be updated",
			strings.Join(bad, ", "))
	}
	if bad := createOnlyChanges(t, base, patched); len(bad) > 0 {
		return apiErrorf("NotUpdatableException", "Invalid patch update: createOnlyProperties [%s] cannot be updated",
			strings.Join(bad, ", "))
	}
	if err := t.Validate(patched); err != nil {
		return modelValidationError(err)
	}

	return nil
}

// readOnlyChanges lists the read-only paths the patch writes: paths an
// operation addresses directly, and read-only values that differ from every
// value the base has at that pattern (so that reordered lists pass).
func readOnlyChanges(t *awstype.Type, ops []patchOperation, base, patched map[string]any) []string {
	var bad []string
	seen := map[string]bool{}
	note := func(path string) {
		if p := "/properties" + path; !seen[p] {
			seen[p] = true
			bad = append(bad, p)
		}
	}
	for _, op := range ops {
		if op.Op == "test" {
			continue
		}
		for _, p := range []string{op.Path, op.From} {
			if p != "" && t.IsReadOnly(p) {
				note(p)
			}
		}
	}
	for _, pattern := range t.ReadOnly {
		known := map[string]bool{}
		awstype.Visit(base, pattern, func(_ string, v any) { known[string(awstype.CanonicalJSON(v))] = true })
		awstype.Visit(patched, pattern, func(path string, v any) {
			if old, ok := awstype.Get(base, path); ok && string(awstype.CanonicalJSON(old)) == string(awstype.CanonicalJSON(v)) {
				return
			}
			if strings.Contains(pattern, "*") && known[string(awstype.CanonicalJSON(v))] {
				return
			}
			note(path)
		})
	}

	return bad
}

// createOnlyChanges lists the create-only paths whose values differ
// between base and patched; writing an unchanged value passes.
func createOnlyChanges(t *awstype.Type, base, patched map[string]any) []string {
	paths := map[string]bool{}
	for _, pattern := range t.CreateOnly {
		collect := func(path string, _ any) { paths[path] = true }
		awstype.Visit(base, pattern, collect)
		awstype.Visit(patched, pattern, collect)
	}
	var bad []string
	for path := range paths {
		a, _ := awstype.Get(base, path)
		b, _ := awstype.Get(patched, path)
		if !t.EqualAt(path, a, b) {
			bad = append(bad, "/properties"+path)
		}
	}
	slices.Sort(bad)

	return bad
}

// patchBase returns the model a patch applies to: the read model, or in
// non-strict mode for types whose real updates fail, the read model with
// the last-known write-only values merged so that updates work.
func (c *Cloud) patchBase(t *awstype.Type, res *resource) map[string]any {
	if t.UpdateLimitation != "" && !c.opts.Strict {
		return awstype.CloneModel(res.Model)
	}

	return t.StripWriteOnly(res.Model)
}
