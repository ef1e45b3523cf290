package awstype

import (
	"encoding/json"
	"fmt"
)

// Clone returns a deep copy of a JSON model built from maps, slices and
// scalars.
func Clone(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = Clone(e)
		}

		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = Clone(e)
		}

		return out
	default:
		return x
	}
}

// CloneModel returns a deep copy of a model.
func CloneModel(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}

	return Clone(m).(map[string]any)
}

// ParseModel decodes a model carried as JSON text, as in DesiredState,
// ResourceModel and Properties.
func ParseModel(text string) (map[string]any, error) {
	var m map[string]any
	if err := json.Unmarshal([]byte(text), &m); err != nil {
		return nil, fmt.Errorf("model is not a JSON object: %w", err)
	}
	if m == nil {
		return nil, fmt.Errorf("model is not a JSON object: got null")
	}

	return m, nil
}

// StripWriteOnly returns a copy of model without its write-only values, which
// is what a read returns.
func (t *Type) StripWriteOnly(model map[string]any) map[string]any {
	out := CloneModel(model)
	for _, p := range t.WriteOnly {
		Remove(out, p)
	}

	return out
}

// StripReadOnly returns a copy of model without its read-only values.
func (t *Type) StripReadOnly(model map[string]any) map[string]any {
	out := CloneModel(model)
	for _, p := range t.ReadOnly {
		Remove(out, p)
	}

	return out
}

// WriteOnlyValues returns a copy of model that keeps only the top-level
// properties that are write-only, or that contain write-only paths.
func (t *Type) WriteOnlyValues(model map[string]any) map[string]any {
	out := map[string]any{}
	for _, p := range t.WriteOnly {
		segs := Segments(p)
		if len(segs) == 0 {
			continue
		}
		if v, ok := model[segs[0]]; ok {
			out[segs[0]] = Clone(v)
		}
	}

	return out
}
