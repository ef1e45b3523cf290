package compare

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/smus-dev/smus/internal/awstype"
)

// roleIAMAttributes are the smus_iam_role attributes that the role diff
// compares statement by statement instead of as properties.
var roleIAMAttributes = map[string]bool{
	"assume_role_policy": true, "inline_policies": true, "managed_policy_arns": true,
}

// roleIAMProperties are the AWS::IAM::Role properties that the role diff
// compares.
var roleIAMProperties = map[string]bool{
	"AssumeRolePolicyDocument": true, "Policies": true, "ManagedPolicyArns": true,
}

// skippedAttributes are never compared: they configure the engine, not the
// resource.
var skippedAttributes = map[string]bool{"timeouts": true}

// prepareAttributes returns the normalized attributes of a state resource:
// strings normalized, JSON object strings decoded (policy documents in
// canonical form), registry sets sorted and empty values dropped.
func (c *comparer) prepareAttributes(resourceType string, attrs map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range attrs {
		if skippedAttributes[k] || c.ignore[k] || (resourceType == "smus_iam_role" && roleIAMAttributes[k]) {
			continue
		}
		v = decodeJSONStrings(c.norm.value(v, k))
		if isSetAttribute(resourceType, k) {
			v = sortList(v)
		}
		if v = dropEmpty(v, c.ignore); v != nil {
			out[k] = v
		}
	}

	return out
}

// prepareLive returns the normalized live model of t, without read-only
// properties and without the role properties that the role diff compares.
func (c *comparer) prepareLive(t *awstype.Type, model map[string]any) map[string]any {
	m := t.StripReadOnly(model)
	if t == awstype.Role {
		for k := range roleIAMProperties {
			delete(m, k)
		}
	}
	norm, _ := c.norm.Value(m).(map[string]any)
	norm = t.Normalize(norm)
	if v, ok := dropEmpty(norm, c.ignore).(map[string]any); ok {
		return v
	}

	return map[string]any{}
}

func isSetAttribute(resourceType, attr string) bool {
	t, ok := awstype.TerraformType(resourceType)
	if !ok {
		return false
	}
	prop, _ := awstype.TerraformProperty(resourceType, attr)

	return t.IsSet("/" + prop)
}

func decodeJSONStrings(v any) any {
	switch x := v.(type) {
	case string:
		trimmed := strings.TrimSpace(x)
		if !strings.HasPrefix(trimmed, "{") {
			return x
		}
		var doc map[string]any
		if err := json.Unmarshal([]byte(trimmed), &doc); err != nil {
			return x
		}
		if _, ok := doc["Statement"]; ok {
			return awstype.NormalizePolicy(doc)
		}

		return doc
	case map[string]any:
		for k, e := range x {
			x[k] = decodeJSONStrings(e)
		}
	case []any:
		for i, e := range x {
			x[i] = decodeJSONStrings(e)
		}
	}

	return v
}

func sortList(v any) any {
	list, ok := v.([]any)
	if !ok {
		return v
	}
	sort.SliceStable(list, func(i, j int) bool {
		return bytes.Compare(awstype.CanonicalJSON(list[i]), awstype.CanonicalJSON(list[j])) < 0
	})

	return list
}

// dropEmpty removes nil, empty and ignored members, because the API and the
// state treat them as absent; it returns nil for an empty value.
func dropEmpty(v any, ignore map[string]bool) any {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		if x == "" {
			return nil
		}
	case map[string]any:
		for k, e := range x {
			if e = dropEmpty(e, ignore); e == nil || ignore[k] {
				delete(x, k)
			} else {
				x[k] = e
			}
		}
		if len(x) == 0 {
			return nil
		}
	case []any:
		if len(x) == 0 {
			return nil
		}
	}

	return v
}

// diffValues appends the paths where a and b differ. Objects are compared
// member by member and lists of equal length element by element; anything
// else is reported whole.
func diffValues(path string, a, b any, out []PropertyDiff) []PropertyDiff {
	if bytes.Equal(awstype.CanonicalJSON(a), awstype.CanonicalJSON(b)) {
		return out
	}
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if aok && bok {
		for _, k := range unionKeys(am, bm) {
			out = diffValues(childPath(path, k), am[k], bm[k], out)
		}

		return out
	}
	al, aok := a.([]any)
	bl, bok := b.([]any)
	if aok && bok && len(al) == len(bl) {
		for i := range al {
			out = diffValues(fmt.Sprintf("%s[%d]", path, i), al[i], bl[i], out)
		}

		return out
	}

	return append(out, PropertyDiff{Path: path, From: a, To: b})
}

var identifierKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// childPath renders a member path: name.member for identifiers and
// name["key"] for other map keys.
func childPath(path, key string) string {
	switch {
	case path == "":
		return key
	case identifierKey.MatchString(key):
		return path + "." + key
	default:
		return fmt.Sprintf("%s[%q]", path, key)
	}
}

func unionKeys(a, b map[string]any) []string {
	seen := map[string]bool{}
	var keys []string
	for _, m := range []map[string]any{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)

	return keys
}
