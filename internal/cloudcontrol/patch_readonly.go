package cloudcontrol

import (
	"strconv"

	"github.com/smus-dev/smus/internal/awstype"
)

// whole returns a copy of dv to send as the whole value at path. Read-only
// members below path keep the prior value, or are left out when prior has
// none, so that sending a whole value never changes a read-only path.
// Elements of keyed lists are matched with prior elements by key, elements
// of other ordered arrays by index.
func (p *patcher) whole(path string, pv, dv any) any {
	v := awstype.Clone(dv)
	if !below(p.t.ReadOnly, path) {
		return v
	}

	return p.keepReadOnly(path, pv, v)
}

func (p *patcher) keepReadOnly(path string, prior, v any) any {
	switch x := v.(type) {
	case map[string]any:
		pm, _ := prior.(map[string]any)
		for k := range x {
			if p.t.IsReadOnly(path + awstype.Pointer(k)) {
				delete(x, k)
			}
		}
		for k, e := range pm {
			if e != nil && p.t.IsReadOnly(path+awstype.Pointer(k)) {
				x[k] = awstype.Clone(e)
			}
		}
		for k, e := range x {
			child := path + awstype.Pointer(k)
			if !p.t.IsReadOnly(child) && below(p.t.ReadOnly, child) {
				x[k] = p.keepReadOnly(child, pm[k], e)
			}
		}
	case []any:
		pa, _ := prior.([]any)
		key, keyed := p.t.KeyOf(path)
		for i, e := range x {
			var pe any
			switch {
			case keyed:
				pe = elementWithKey(pa, key, e)
			case !p.t.IsSet(path) && i < len(pa):
				pe = pa[i]
			}
			x[i] = p.keepReadOnly(path+"/"+strconv.Itoa(i), pe, e)
		}
	}

	return v
}

// elementWithKey returns the element of list whose key member equals that
// of elem, or nil.
func elementWithKey(list []any, key string, elem any) any {
	m, ok := elem.(map[string]any)
	if !ok || m[key] == nil {
		return nil
	}
	want := string(awstype.CanonicalJSON(m[key]))
	for _, e := range list {
		if pm, ok := e.(map[string]any); ok && string(awstype.CanonicalJSON(pm[key])) == want {
			return pm
		}
	}

	return nil
}
