package importer

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// attr is one attribute of a generated block or object, in output order.
type attr struct {
	name  string
	value hclwrite.Tokens
}

// attrs collects the attributes of one block, skipping absent values.
type attrs []attr

func (a *attrs) add(name string, value hclwrite.Tokens) {
	if value != nil {
		*a = append(*a, attr{name: name, value: value})
	}
}

// writeTo sets every attribute on body in order.
func (a attrs) writeTo(body *hclwrite.Body) {
	for _, x := range a {
		body.SetAttributeRaw(x.name, x.value)
	}
}

// object renders the attributes as an object constructor, with keys that
// are not identifiers quoted.
func (a attrs) object() hclwrite.Tokens {
	items := make([]hclwrite.ObjectAttrTokens, 0, len(a))
	for _, x := range a {
		items = append(items, hclwrite.ObjectAttrTokens{Name: keyTokens(x.name), Value: x.value})
	}

	return hclwrite.TokensForObject(items)
}

func keyTokens(name string) hclwrite.Tokens {
	if hclsyntax.ValidIdentifier(name) {
		return hclwrite.TokensForIdentifier(name)
	}

	return hclwrite.TokensForValue(cty.StringVal(name))
}

// str returns a string literal, or nil for a missing or empty string,
// because the provider reads an empty string as null.
func str(v any) hclwrite.Tokens {
	s, ok := v.(string)
	if !ok || s == "" {
		return nil
	}

	return hclwrite.TokensForValue(cty.StringVal(s))
}

// number returns a number literal, or nil when v is not a JSON number.
func number(v any) hclwrite.Tokens {
	f, ok := v.(float64)
	if !ok {
		return nil
	}

	return hclwrite.TokensForValue(cty.NumberFloatVal(f))
}

// ref returns a reference to an attribute of the resource at address.
func ref(address, attribute string) hclwrite.Tokens {
	typ, name := splitAddress(address)

	return hclwrite.TokensForTraversal(hcl.Traversal{
		hcl.TraverseRoot{Name: typ}, hcl.TraverseAttr{Name: name}, hcl.TraverseAttr{Name: attribute},
	})
}

// variable returns a reference to an input variable.
func variable(name string) hclwrite.Tokens {
	return hclwrite.TokensForTraversal(hcl.Traversal{hcl.TraverseRoot{Name: "var"}, hcl.TraverseAttr{Name: name}})
}

// stringSet returns a list literal of the strings in v, sorted, or nil when
// there are none.
func stringSet(v any) hclwrite.Tokens {
	list, _ := v.([]any)
	values := make([]string, 0, len(list))
	for _, e := range list {
		if s, ok := e.(string); ok {
			values = append(values, s)
		}
	}
	if len(values) == 0 {
		return nil
	}
	sort.Strings(values)

	return stringList(values)
}

func stringList(values []string) hclwrite.Tokens {
	elems := make([]cty.Value, len(values))
	for i, s := range values {
		elems[i] = cty.StringVal(s)
	}

	return hclwrite.TokensForValue(cty.TupleVal(elems))
}

// keyValueMap renders a list of {keyName: k, valueName: v} objects, such
// as tags, as a map, or nil when the list is empty.
func keyValueMap(v any, keyName, valueName string) hclwrite.Tokens {
	list, _ := v.([]any)
	values := map[string]string{}
	for _, e := range list {
		obj, _ := e.(map[string]any)
		k, ok := obj[keyName].(string)
		if !ok {
			continue
		}
		s, _ := obj[valueName].(string)
		values[k] = s
	}

	return stringMap(values)
}

// stringMap renders a map of strings with sorted keys, or nil when empty.
func stringMap(values map[string]string) hclwrite.Tokens {
	if len(values) == 0 {
		return nil
	}
	var a attrs
	for _, k := range sortedKeys(values) {
		a.add(k, hclwrite.TokensForValue(cty.StringVal(values[k])))
	}

	return a.object()
}

// policy renders an IAM policy document so that it equals the text the
// provider stores after an import. A document read as JSON text is kept
// verbatim. A decoded document becomes jsonencode(...), which encodes with
// sorted keys and no spaces, as the provider's re-encoding does.
func policy(v any) (hclwrite.Tokens, error) {
	switch doc := v.(type) {
	case nil:
		return nil, nil
	case string:
		return hclwrite.TokensForValue(cty.StringVal(doc)), nil
	default:
		value, err := ctyValue(doc)
		if err != nil {
			return nil, fmt.Errorf("policy document: %w", err)
		}

		return hclwrite.TokensForFunctionCall("jsonencode", hclwrite.TokensForValue(value)), nil
	}
}

// ctyValue converts a value decoded from JSON into a cty value with object
// and tuple types, which jsonencode turns back into the same JSON.
func ctyValue(v any) (cty.Value, error) {
	switch x := v.(type) {
	case nil:
		return cty.NullVal(cty.DynamicPseudoType), nil
	case string:
		return cty.StringVal(x), nil
	case bool:
		return cty.BoolVal(x), nil
	case float64:
		return cty.NumberFloatVal(x), nil
	case json.Number:
		return cty.ParseNumberVal(x.String())
	case []any:
		elems := make([]cty.Value, len(x))
		for i, e := range x {
			c, err := ctyValue(e)
			if err != nil {
				return cty.NilVal, err
			}
			elems[i] = c
		}

		return cty.TupleVal(elems), nil
	case map[string]any:
		members := make(map[string]cty.Value, len(x))
		for k, e := range x {
			c, err := ctyValue(e)
			if err != nil {
				return cty.NilVal, err
			}
			members[k] = c
		}

		return cty.ObjectVal(members), nil
	default:
		return cty.NilVal, fmt.Errorf("unsupported JSON value of type %T", v)
	}
}

// typeTokens returns the tokens of a type constraint written in HCL, such
// as "map(string)".
func typeTokens(text string) hclwrite.Tokens {
	f, diags := hclwrite.ParseConfig([]byte("t = "+text+"\n"), "type.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		panic(fmt.Sprintf("importer: invalid type constraint %q: %v", text, diags))
	}

	return f.Body().GetAttribute("t").Expr().BuildTokens(nil)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)

	return keys
}
