package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/smus-dev/smus/internal/awstype"
)

// registryValue checks a string against the patterns and enums that the
// registry records for one property path, so that a value Cloud Control
// would reject fails at plan time instead of in the middle of an apply.
type registryValue struct {
	typ  *awstype.Type
	path string
}

var (
	_ validator.String = registryValue{}
	_ validator.Set    = registryValue{}
)

// registryRules reports whether the registry constrains strings at path.
func registryRules(t *awstype.Type, path string) bool {
	for _, p := range t.Patterns {
		if p.Path == path {
			return true
		}
	}
	for _, e := range t.Enums {
		if e.Path == path {
			return true
		}
	}

	return false
}

func (v registryValue) Description(context.Context) string {
	return fmt.Sprintf("value must be valid for %s property %s", v.typ.Name, strings.TrimPrefix(v.path, "/"))
}

func (v registryValue) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v registryValue) ValidateString(_ context.Context, req validator.StringRequest,
	resp *validator.StringResponse,
) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if msg := v.problem(req.ConfigValue.ValueString()); msg != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Value", msg)
	}
}

func (v registryValue) ValidateSet(ctx context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	for _, e := range req.ConfigValue.Elements() {
		s, ok := e.(types.String)
		if !ok || s.IsNull() || s.IsUnknown() {
			continue
		}
		if msg := v.problem(s.ValueString()); msg != "" {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid Attribute Value", msg)
		}
	}
}

// problem returns why value breaks the registry's rules, or "".
func (v registryValue) problem(value string) string {
	property := strings.TrimSuffix(strings.TrimPrefix(v.path, "/"), "/*")
	for _, p := range v.typ.Patterns {
		if p.Path == v.path && !p.Regexp.MatchString(value) {
			return fmt.Sprintf("%q is not a valid %s for %s: it must match %s.%s",
				value, property, v.typ.Name, p.Regexp, patternHint(p.Regexp.String()))
		}
	}
	for _, e := range v.typ.Enums {
		if e.Path != v.path {
			continue
		}
		for _, allowed := range e.Values {
			if value == allowed {
				return ""
			}
		}

		return fmt.Sprintf("%q is not a valid %s for %s: use one of %s.",
			value, property, v.typ.Name, strings.Join(e.Values, ", "))
	}

	return ""
}

// patternHint gives an example for the common patterns.
func patternHint(pattern string) string {
	switch {
	case strings.Contains(pattern, ":role"):
		return " Use an IAM role ARN such as arn:aws:iam::111122223333:role/service-role/ExampleRole."
	case strings.Contains(pattern, ":policy/"):
		return " Use an IAM policy ARN such as arn:aws:iam::aws:policy/ExamplePolicy."
	case strings.HasPrefix(pattern, "^dzd"):
		return " Use a domain id such as dzd_4p9n6sw4qt9xgn."
	case strings.Contains(pattern, "(iso|gov)"):
		return " Use a region name such as us-east-1."
	default:
		return ""
	}
}

// withRegistryValidator adds a registryValue validator to a string or set
// attribute whose property the registry constrains.
func withRegistryValidator(a schema.Attribute, t *awstype.Type, path string) schema.Attribute {
	switch x := a.(type) {
	case schema.StringAttribute:
		if registryRules(t, path) {
			x.Validators = append(x.Validators, registryValue{typ: t, path: path})
		}

		return x
	case schema.SetAttribute:
		if registryRules(t, path+"/*") {
			x.Validators = append(x.Validators, registryValue{typ: t, path: path + "/*"})
		}

		return x
	default:
		return a
	}
}
