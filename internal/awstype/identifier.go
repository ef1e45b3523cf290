package awstype

import (
	"encoding/json"
	"fmt"
	"strings"
)

// IdentifierError reports an identifier that does not fit a type's primary
// identifier. Its message names the parts, the separator and an example.
type IdentifierError struct {
	TypeName   string
	Identifier string
	Reason     string
	Help       string
}

func (e *IdentifierError) Error() string {
	return fmt.Sprintf("invalid identifier %q for %s: %s; %s",
		e.Identifier, e.TypeName, e.Reason, e.Help)
}

// Identifier returns the primary identifier of model in string form: the
// values of the primary identifier properties joined with "|".
func (t *Type) Identifier(model map[string]any) (string, error) {
	parts := make([]string, len(t.PrimaryIdentifier))
	for i, name := range t.PrimaryIdentifier {
		v, ok := model[name]
		if !ok || v == nil {
			return "", fmt.Errorf("%s model has no %s, a part of its primary identifier", t.Name, name)
		}
		s, err := identifierPart(v)
		if err != nil {
			return "", fmt.Errorf("%s property %s: %w", t.Name, name, err)
		}
		parts[i] = s
	}

	return strings.Join(parts, "|"), nil
}

func identifierPart(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case map[string]any, []any:
		b, err := json.Marshal(x)
		if err != nil {
			return "", err
		}

		return string(b), nil
	default:
		return fmt.Sprint(x), nil
	}
}

// ParseIdentifier splits an identifier into its primary identifier values,
// keyed by property name. It accepts the string form ("a|b") and the JSON
// form ({"A":"a","B":"b"}). Errors are *IdentifierError.
func (t *Type) ParseIdentifier(id string) (map[string]string, error) {
	fail := func(reason string) error {
		return &IdentifierError{TypeName: t.Name, Identifier: id, Reason: reason, Help: t.identifierHelp()}
	}
	if strings.TrimSpace(id) == "" {
		return nil, fail("it is empty")
	}
	if strings.HasPrefix(id, "{") && !strings.HasPrefix(t.PrimaryIdentifier[0], "Principal") {
		return t.parseJSONIdentifier(id, fail)
	}
	parts := splitIdentifier(id, len(t.PrimaryIdentifier))
	if len(parts) != len(t.PrimaryIdentifier) {
		return nil, fail(fmt.Sprintf("it has %d part(s), want %d", len(parts), len(t.PrimaryIdentifier)))
	}
	out := make(map[string]string, len(parts))
	for i, name := range t.PrimaryIdentifier {
		if strings.TrimSpace(parts[i]) == "" {
			return nil, fail(fmt.Sprintf("part %d (%s) is empty", i+1, name))
		}
		if err := t.checkPart(name, parts[i]); err != nil {
			return nil, fail(fmt.Sprintf("part %d (%s) %v", i+1, name, err))
		}
		out[name] = parts[i]
	}

	return out, nil
}

// splitIdentifier splits on "|" outside JSON objects, because the parts of
// some identifiers are JSON documents themselves.
func splitIdentifier(id string, want int) []string {
	var parts []string
	depth, start := 0, 0
	inString, escaped := false, false
	for i, r := range id {
		switch {
		case escaped:
			escaped = false
		case inString && r == '\\':
			escaped = true
		case r == '"' && depth > 0:
			inString = !inString
		case inString:
		case r == '{' || r == '[':
			depth++
		case r == '}' || r == ']':
			depth--
		case r == '|' && depth == 0:
			parts = append(parts, id[start:i])
			start = i + 1
		}
	}

	return append(parts, id[start:])
}

func (t *Type) parseJSONIdentifier(id string, fail func(string) error) (map[string]string, error) {
	var obj map[string]any
	if err := json.Unmarshal([]byte(id), &obj); err != nil {
		return nil, fail("it starts with \"{\" but is not a JSON object: " + err.Error())
	}
	if len(obj) != len(t.PrimaryIdentifier) {
		return nil, fail(fmt.Sprintf("the JSON form must have exactly the keys %s",
			strings.Join(t.PrimaryIdentifier, ", ")))
	}
	out := make(map[string]string, len(obj))
	for _, name := range t.PrimaryIdentifier {
		v, ok := obj[name]
		if !ok {
			return nil, fail("the JSON form has no key " + name)
		}
		s, err := identifierPart(v)
		if err != nil || s == "" {
			return nil, fail("the JSON form has an empty " + name)
		}
		out[name] = s
	}

	return out, nil
}

// checkPart validates one identifier value against the pattern of its
// property, when the type declares one.
func (t *Type) checkPart(name, value string) error {
	path := "/" + name
	for _, p := range t.Patterns {
		if p.Path == path && !p.Regexp.MatchString(value) {
			return fmt.Errorf("%q does not match %s", value, p.Regexp)
		}
	}

	return nil
}

// IdentifierModel returns the partial model that an identifier stands for,
// with each primary identifier property set to its part.
func (t *Type) IdentifierModel(id string) (map[string]any, error) {
	parts, err := t.ParseIdentifier(id)
	if err != nil {
		return nil, err
	}
	model := make(map[string]any, len(parts))
	for k, v := range parts {
		model[k] = v
	}

	return model, nil
}
