package awstype

import (
	"fmt"
	"sort"
	"strings"
)

// ValidationError lists every way a model breaks its type's schema rules.
type ValidationError struct {
	TypeName string
	Problems []string
}

func (e *ValidationError) Error() string {
	return fmt.Sprintf("model validation failed for %s: %s", e.TypeName, strings.Join(e.Problems, "; "))
}

// Validate checks that model carries every required property and that
// strings match their patterns and enums. It returns *ValidationError.
func (t *Type) Validate(model map[string]any) error {
	problems := t.MissingRequired(model)
	for i, name := range problems {
		problems[i] = fmt.Sprintf("#: required key [%s] not found", name)
	}
	for _, p := range t.Patterns {
		Visit(model, p.Path, func(path string, v any) {
			s, ok := v.(string)
			if !ok {
				problems = append(problems, fmt.Sprintf("#%s: expected a string", path))
			} else if !p.Regexp.MatchString(s) {
				problems = append(problems, fmt.Sprintf("#%s: string %q does not match pattern %s", path, s, p.Regexp))
			}
		})
	}
	for _, e := range t.Enums {
		Visit(model, e.Path, func(path string, v any) {
			s, _ := v.(string)
			for _, allowed := range e.Values {
				if s == allowed {
					return
				}
			}
			problems = append(problems, fmt.Sprintf("#%s: %v is not a valid enum value, expected one of %s",
				path, v, strings.Join(e.Values, ", ")))
		})
	}
	if len(problems) == 0 {
		return nil
	}
	sort.Strings(problems)

	return &ValidationError{TypeName: t.Name, Problems: problems}
}

// MissingRequired returns the required properties that model lacks.
func (t *Type) MissingRequired(model map[string]any) []string {
	var missing []string
	for _, name := range t.Required {
		if v, ok := model[name]; !ok || v == nil {
			missing = append(missing, name)
		}
	}

	return missing
}
