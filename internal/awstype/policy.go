package awstype

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// policyListMembers are statement members whose value may be one string or
// an array of strings with the same meaning.
var policyListMembers = []string{"Action", "NotAction", "Resource", "NotResource"}

// ParsePolicy decodes a policy document given as JSON text or as an object.
// It returns an error naming the problem when text is not a JSON object.
func ParsePolicy(v any) (map[string]any, error) {
	switch x := v.(type) {
	case map[string]any:
		return x, nil
	case string:
		var m map[string]any
		dec := json.NewDecoder(strings.NewReader(x))
		if err := dec.Decode(&m); err != nil {
			return nil, fmt.Errorf("policy document is not valid JSON: %w", err)
		}
		if m == nil {
			return nil, fmt.Errorf("policy document is not a JSON object")
		}

		return m, nil
	default:
		return nil, fmt.Errorf("policy document must be a JSON object or string, got %T", v)
	}
}

// NormalizePolicy returns the canonical form of an IAM policy document:
// decoded from JSON text, one statement list in a stable order, and single
// strings turned into sorted string arrays where IAM treats both alike. A
// value that is not a policy document is returned unchanged.
func NormalizePolicy(v any) any {
	doc, err := ParsePolicy(v)
	if err != nil {
		return v
	}
	doc = Clone(doc).(map[string]any)
	stmts := asList(doc["Statement"])
	for i, s := range stmts {
		if m, ok := s.(map[string]any); ok {
			stmts[i] = normalizeStatement(m)
		}
	}
	sortCanonical(stmts)
	if doc["Statement"] != nil {
		doc["Statement"] = stmts
	}

	return doc
}

func normalizeStatement(s map[string]any) map[string]any {
	for _, k := range policyListMembers {
		if v, ok := s[k]; ok {
			s[k] = sortedStrings(v)
		}
	}
	for _, k := range []string{"Principal", "NotPrincipal"} {
		if p, ok := s[k].(map[string]any); ok {
			for pk, pv := range p {
				p[pk] = sortedStrings(pv)
			}
		}
	}
	if c, ok := s["Condition"].(map[string]any); ok {
		for _, ops := range c {
			if m, ok := ops.(map[string]any); ok {
				for ck, cv := range m {
					m[ck] = sortedStrings(cv)
				}
			}
		}
	}

	return s
}

func asList(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	default:
		return []any{x}
	}
}

func sortedStrings(v any) any {
	list := asList(v)
	out := make([]string, 0, len(list))
	for _, e := range list {
		s, ok := e.(string)
		if !ok {
			return v
		}
		out = append(out, s)
	}
	sort.Strings(out)
	out = dedupe(out)
	res := make([]any, len(out))
	for i, s := range out {
		res[i] = s
	}

	return res
}

func dedupe(xs []string) []string {
	out := xs[:0]
	for i, s := range xs {
		if i == 0 || s != xs[i-1] {
			out = append(out, s)
		}
	}

	return out
}
