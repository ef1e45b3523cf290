package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Conversions between Terraform values and Cloud Control models. Writers
// (put*) skip null and unknown values, so a model never carries a property
// the configuration left out. Readers (read*) take the live value and the
// prior Terraform value, and keep the prior form when both mean the same,
// such as null versus an empty value the API drops.

func known(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }

func putString(m map[string]any, key string, v types.String) {
	if known(v) {
		m[key] = v.ValueString()
	}
}

func putInt64(m map[string]any, key string, v types.Int64) {
	if known(v) {
		m[key] = v.ValueInt64()
	}
}

func putBool(m map[string]any, key string, v types.Bool) {
	if known(v) {
		m[key] = v.ValueBool()
	}
}

// putStringSet writes a set of strings as a sorted array.
func putStringSet(m map[string]any, key string, v types.Set) {
	if !known(v) {
		return
	}
	list := stringsOf(v.Elements())
	sort.Strings(list)
	m[key] = anyStrings(list)
}

// stringMap returns the elements of a known map of strings.
func stringMap(v types.Map) map[string]string {
	if !known(v) {
		return nil
	}
	out := make(map[string]string, len(v.Elements()))
	for k, e := range v.Elements() {
		if s, ok := e.(types.String); ok && known(s) {
			out[k] = s.ValueString()
		}
	}

	return out
}

// putTags writes a map of tags as the [{Key, Value}] array CloudFormation
// uses, sorted by key.
func putTags(m map[string]any, key string, v types.Map) {
	tags := stringMap(v)
	if tags == nil {
		return
	}
	m[key] = keyValueList(tags, "Key", "Value")
}

// keyValueList turns a map into an array of two-member objects, sorted by
// key so that equal maps give equal arrays.
func keyValueList(values map[string]string, keyName, valueName string) []any {
	keys := sortedKeys(values)
	out := make([]any, 0, len(keys))
	for _, k := range keys {
		out = append(out, map[string]any{keyName: k, valueName: values[k]})
	}

	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)

	return keys
}

func stringsOf(values []attr.Value) []string {
	out := make([]string, 0, len(values))
	for _, e := range values {
		if s, ok := e.(types.String); ok && known(s) {
			out = append(out, s.ValueString())
		}
	}

	return out
}

func anyStrings(xs []string) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}

	return out
}

// readString returns the live string, or null when the API returned none.
// An empty prior string stays empty, because the API drops empty strings.
func readString(live any, prior types.String) types.String {
	s, ok := live.(string)
	if ok && s != "" {
		return types.StringValue(s)
	}
	if known(prior) && prior.ValueString() == "" {
		return prior
	}

	return types.StringNull()
}

// readStringDefault returns the live string, or def when the API returned
// none, for attributes with a schema default.
func readStringDefault(live any, def string) types.String {
	if s, ok := live.(string); ok && s != "" {
		return types.StringValue(s)
	}

	return types.StringValue(def)
}

// readWriteOnly returns the prior value of a write-only property, which a
// read never returns; an unknown prior becomes null.
func readWriteOnly(prior types.String) types.String {
	if prior.IsUnknown() {
		return types.StringNull()
	}

	return prior
}

// readStringOr returns the live string when there is one and the prior value
// otherwise, for values that a read returns only sometimes.
func readStringOr(live any, prior types.String) types.String {
	if s, ok := live.(string); ok && s != "" {
		return types.StringValue(s)
	}

	return readWriteOnly(prior)
}

// keepMap returns a write-only map from the prior value; unknown becomes
// null.
func keepMap(prior types.Map, elem attr.Type) types.Map {
	if prior.IsUnknown() {
		return types.MapNull(elem)
	}

	return prior
}

// readInt64 returns the live number, or null when there is none.
func readInt64(live any) (types.Int64, error) {
	switch x := live.(type) {
	case nil:
		return types.Int64Null(), nil
	case float64:
		if x != math.Trunc(x) {
			return types.Int64Null(), fmt.Errorf("expected a whole number, got %v", x)
		}

		return types.Int64Value(int64(x)), nil
	case int:
		return types.Int64Value(int64(x)), nil
	case int64:
		return types.Int64Value(x), nil
	case json.Number:
		n, err := x.Int64()
		if err != nil {
			return types.Int64Null(), fmt.Errorf("expected a whole number, got %s", x)
		}

		return types.Int64Value(n), nil
	default:
		return types.Int64Null(), fmt.Errorf("expected a number, got %T", live)
	}
}

// readStringSet returns the live array as a set. An absent or empty array
// keeps the prior form (null or empty).
func readStringSet(live any, prior types.Set) (types.Set, error) {
	list, err := liveStrings(live)
	if err != nil {
		return types.SetNull(types.StringType), err
	}
	if len(list) == 0 {
		if known(prior) && len(prior.Elements()) == 0 {
			return prior, nil
		}

		return types.SetNull(types.StringType), nil
	}
	set, diags := types.SetValueFrom(context.Background(), types.StringType, list)

	return set, diagErr(diags)
}

func liveStrings(live any) ([]string, error) {
	if live == nil {
		return nil, nil
	}
	arr, ok := live.([]any)
	if !ok {
		return nil, fmt.Errorf("expected an array of strings, got %T", live)
	}
	out := make([]string, 0, len(arr))
	for _, e := range arr {
		s, ok := e.(string)
		if !ok {
			return nil, fmt.Errorf("expected an array of strings, got an element of type %T", e)
		}
		out = append(out, s)
	}

	return out, nil
}

// readStringMap returns a map of strings, keeping the prior form (null or
// empty) when values is empty.
func readStringMap(values map[string]string, prior types.Map) (types.Map, error) {
	if len(values) == 0 {
		if known(prior) && len(prior.Elements()) == 0 {
			return prior, nil
		}

		return types.MapNull(types.StringType), nil
	}
	m, diags := types.MapValueFrom(context.Background(), types.StringType, values)

	return m, diagErr(diags)
}

// readTags reads a [{Key, Value}] array into a map of tags.
func readTags(live any, prior types.Map) (types.Map, error) {
	values, err := liveKeyValues(live, "Key", "Value")
	if err != nil {
		return types.MapNull(types.StringType), err
	}

	return readStringMap(values, prior)
}

// liveKeyValues reads an array of two-member objects into a map.
func liveKeyValues(live any, keyName, valueName string) (map[string]string, error) {
	if live == nil {
		return nil, nil
	}
	arr, ok := live.([]any)
	if !ok {
		return nil, fmt.Errorf("expected an array of {%s, %s} objects, got %T", keyName, valueName, live)
	}
	out := make(map[string]string, len(arr))
	for _, e := range arr {
		obj, _ := e.(map[string]any)
		k, ok := obj[keyName].(string)
		if !ok {
			return nil, fmt.Errorf("expected an array of {%s, %s} objects, got %v", keyName, valueName, e)
		}
		v, _ := obj[valueName].(string)
		out[k] = v
	}

	return out, nil
}

// liveObject returns the object at key, or nil.
func liveObject(live map[string]any, key string) map[string]any {
	obj, _ := live[key].(map[string]any)

	return obj
}

// liveStringMap reads a JSON object of strings.
func liveStringMap(live any) (map[string]string, error) {
	if live == nil {
		return nil, nil
	}
	obj, ok := live.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("expected an object of strings, got %T", live)
	}
	out := make(map[string]string, len(obj))
	for k, v := range obj {
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("expected an object of strings, member %q is %T", k, v)
		}
		out[k] = s
	}

	return out, nil
}

func anyStringMap(values map[string]string) map[string]any {
	out := make(map[string]any, len(values))
	for k, v := range values {
		out[k] = v
	}

	return out
}

// diagErr turns diagnostics with errors into one error.
func diagErr(diags diag.Diagnostics) error {
	if !diags.HasError() {
		return nil
	}
	var msg string
	for _, d := range diags.Errors() {
		if msg != "" {
			msg += "; "
		}
		msg += d.Summary() + ": " + d.Detail()
	}

	return fmt.Errorf("%s", msg)
}

// twelveDigits matches an AWS account id.
var twelveDigits = regexp.MustCompile(`^\d{12}$`)
