package cloudcontrol

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"

	"github.com/smus-dev/smus/internal/awstype"
)

// Values of PatchOperation.Op that Patch emits.
const (
	OpAdd     = "add"
	OpRemove  = "remove"
	OpReplace = "replace"
)

// PatchOperation is one operation of an RFC 6902 JSON patch. Path is a JSON
// pointer (RFC 6901) relative to the resource's properties.
type PatchOperation struct {
	Op    string `json:"op"`
	Path  string `json:"path"`
	Value any    `json:"value,omitempty"`
}

// MarshalJSON writes the value member for every operation but remove, also
// when the value is null.
func (o PatchOperation) MarshalJSON() ([]byte, error) {
	if o.Op == OpRemove {
		return json.Marshal(struct {
			Op   string `json:"op"`
			Path string `json:"path"`
		}{o.Op, o.Path})
	}

	return json.Marshal(struct {
		Op    string `json:"op"`
		Path  string `json:"path"`
		Value any    `json:"value"`
	}{o.Op, o.Path, o.Value})
}

// Patch computes the RFC 6902 patch that turns prior into desired for type t,
// as Cloud Control applies it to the live read model:
//
//   - read-only paths are never in the patch;
//   - create-only paths are never in the patch either, and a create-only
//     value that desired changes returns a *ReplacementError;
//   - write-only values present in desired are always sent, with "add",
//     because the read model that Cloud Control patches never has them;
//   - arrays that the registry marks as sets or keyed lists, and policy
//     documents, are sent as whole values, never patched by index;
//   - other arrays are patched element by element, removing from the
//     highest index down;
//   - values equal under t.EqualAt produce no operation.
//
// Object members are set with "add", which also replaces an existing member,
// so the patch applies whether or not the live model still has the member.
// Operations come in a stable order (members sorted by name).
//
// NOTE: create-only paths below a set, a keyed list or a policy document
// are not checked; no registered type has one.
func Patch(t *awstype.Type, prior, desired map[string]any) ([]PatchOperation, error) {
	if t == nil {
		return nil, fmt.Errorf("compute patch: the resource type is missing")
	}
	p := patcher{t: t}
	p.object("", prior, desired)
	if len(p.replaced) > 0 {
		return nil, &ReplacementError{TypeName: t.Name, Paths: p.replaced}
	}

	return p.ops, nil
}

type patcher struct {
	t        *awstype.Type
	ops      []PatchOperation
	replaced []string
}

func (p *patcher) object(path string, prior, desired map[string]any) {
	keys := make([]string, 0, len(prior)+len(desired))
	for k, v := range prior {
		if v != nil {
			keys = append(keys, k)
		}
	}
	for k, v := range desired {
		if _, dup := prior[k]; v != nil && (!dup || prior[k] == nil) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		pv, dv := prior[k], desired[k]
		p.member(path+awstype.Pointer(k), pv, pv != nil, dv, dv != nil)
	}
}

// member compares one object member. pok and dok report whether the
// member is present in prior and desired.
func (p *patcher) member(path string, pv any, pok bool, dv any, dok bool) {
	t := p.t
	switch {
	case t.IsReadOnly(path):
		return
	case t.IsCreateOnly(path):
		p.checkCreateOnly(path, pv, pok, dv, dok)
	case t.IsWriteOnly(path):
		if dok {
			p.emit(OpAdd, path, p.whole(path, nil, dv))
		}
	case !dok:
		if !p.absentEqual(path, pv) {
			p.ops = append(p.ops, PatchOperation{Op: OpRemove, Path: path})
		}
	case !pok:
		if !p.absentEqual(path, dv) {
			p.emit(OpAdd, path, p.whole(path, nil, dv))
		}
	default:
		p.value(path, pv, dv, OpAdd)
	}
}

// value compares two present values at path; setOp is the operation that
// sets the whole value: "add" for object members, "replace" for elements.
func (p *patcher) value(path string, pv, dv any, setOp string) {
	t := p.t
	if !p.writeOnlyBelow(path) && t.EqualAt(path, pv, dv) {
		return
	}
	if t.IsPolicyDocument(path) || t.IsSet(path) {
		p.emit(setOp, path, p.whole(path, pv, dv))

		return
	}
	if _, keyed := t.KeyOf(path); keyed {
		p.emit(setOp, path, p.whole(path, pv, dv))

		return
	}
	switch d := dv.(type) {
	case map[string]any:
		if pm, ok := pv.(map[string]any); ok {
			p.object(path, pm, d)

			return
		}
	case []any:
		if pa, ok := pv.([]any); ok {
			p.array(path, pa, d)

			return
		}
	}
	p.emit(setOp, path, p.whole(path, pv, dv))
}

// array patches an ordered array element by element. Trailing elements are
// removed from the highest index down, so each index is still valid when
// its operation runs.
func (p *patcher) array(path string, prior, desired []any) {
	common := min(len(prior), len(desired))
	for i := range common {
		elem := path + "/" + strconv.Itoa(i)
		if p.t.IsReadOnly(elem) || p.t.IsCreateOnly(elem) {
			continue
		}
		p.value(elem, prior[i], desired[i], OpReplace)
	}
	for i := len(prior) - 1; i >= len(desired); i-- {
		p.ops = append(p.ops, PatchOperation{Op: OpRemove, Path: path + "/" + strconv.Itoa(i)})
	}
	for i := len(prior); i < len(desired); i++ {
		elem := path + "/" + strconv.Itoa(i)
		p.emit(OpAdd, elem, p.whole(elem, nil, desired[i]))
	}
}

func (p *patcher) checkCreateOnly(path string, pv any, pok bool, dv any, dok bool) {
	if !pok && !dok {
		return
	}
	// A write-only create-only value is unknown when the prior model lacks
	// it (after an import), so its absence is no evidence of a change.
	if !pok && p.t.IsWriteOnly(path) {
		return
	}
	if !p.t.EqualAt(path, pv, dv) {
		p.replaced = append(p.replaced, path)
	}
}

func (p *patcher) emit(op, path string, value any) {
	p.ops = append(p.ops, PatchOperation{Op: op, Path: path, Value: value})
}

// absentEqual reports whether a present value v means the same as no value
// at path: it normalizes to null, or it is empty where the type treats empty
// as absent.
func (p *patcher) absentEqual(path string, v any) bool {
	n := p.t.NormalizeValue(path, v)
	if n == nil {
		return true
	}
	if !isEmptyValue(n) {
		return false
	}
	for _, pattern := range p.t.EmptyIsAbsent {
		if awstype.Match(pattern, path) {
			return true
		}
	}

	return false
}

func isEmptyValue(v any) bool {
	switch x := v.(type) {
	case string:
		return x == ""
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}

	return false
}

// writeOnlyBelow reports whether a write-only path lies strictly below path,
// so equal prior and desired values may still need write-only members sent.
func (p *patcher) writeOnlyBelow(path string) bool { return below(p.t.WriteOnly, path) }

// below reports whether one of the patterns addresses a path strictly below
// path.
func below(patterns []string, path string) bool {
	depth := len(awstype.Segments(path))
	for _, pattern := range patterns {
		segs := awstype.Segments(pattern)
		if len(segs) > depth && awstype.Match(awstype.Pointer(segs[:depth]...), path) {
			return true
		}
	}

	return false
}
