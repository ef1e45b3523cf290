package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
)

// privateImported is the private state key that marks a resource imported
// and not yet updated. The first read after the import restores the
// write-only attributes that a DataZone read returns. The others stay null
// in state, and the first plan adopts them from the configuration without
// replacing the resource.
const privateImported = "imported"

// privateGetter is the part of the framework's private state that plan
// modifiers receive.
type privateGetter interface {
	GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
}

func isImported(ctx context.Context, p privateGetter) bool {
	if p == nil {
		return false
	}
	v, diags := p.GetKey(ctx, privateImported)

	return !diags.HasError() && string(v) == "true"
}

// replaceModifier marks the resource for replacement when the attribute
// changes, like the framework's RequiresReplace, except that a write-only
// attribute that is null in the state of an imported resource is adopted
// from the configuration instead.
type replaceModifier struct {
	writeOnly bool
	// deferOnImport leaves the decision for an imported resource to the
	// resource's ModifyPlan, which can call AWS to compare equivalent
	// forms of the value.
	deferOnImport bool
}

var (
	_ planmodifier.String = replaceModifier{}
	_ planmodifier.Bool   = replaceModifier{}
	_ planmodifier.Int64  = replaceModifier{}
	_ planmodifier.Set    = replaceModifier{}
	_ planmodifier.Map    = replaceModifier{}
	_ planmodifier.Object = replaceModifier{}
)

func (m replaceModifier) Description(_ context.Context) string {
	return "A change of this value replaces the resource."
}

func (m replaceModifier) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (m replaceModifier) requiresReplace(ctx context.Context, state tfsdk.State, plan tfsdk.Plan,
	stateValue, planValue attr.Value, private privateGetter,
) bool {
	if state.Raw.IsNull() || plan.Raw.IsNull() || planValue.Equal(stateValue) {
		return false
	}
	if (m.deferOnImport || m.writeOnly && stateValue.IsNull()) && isImported(ctx, private) {
		return false
	}

	return true
}

func (m replaceModifier) PlanModifyString(ctx context.Context, req planmodifier.StringRequest,
	resp *planmodifier.StringResponse,
) {
	resp.RequiresReplace = m.requiresReplace(ctx, req.State, req.Plan, req.StateValue, req.PlanValue, req.Private)
}

func (m replaceModifier) PlanModifyBool(ctx context.Context, req planmodifier.BoolRequest,
	resp *planmodifier.BoolResponse,
) {
	resp.RequiresReplace = m.requiresReplace(ctx, req.State, req.Plan, req.StateValue, req.PlanValue, req.Private)
}

func (m replaceModifier) PlanModifyInt64(ctx context.Context, req planmodifier.Int64Request,
	resp *planmodifier.Int64Response,
) {
	resp.RequiresReplace = m.requiresReplace(ctx, req.State, req.Plan, req.StateValue, req.PlanValue, req.Private)
}

func (m replaceModifier) PlanModifySet(ctx context.Context, req planmodifier.SetRequest,
	resp *planmodifier.SetResponse,
) {
	resp.RequiresReplace = m.requiresReplace(ctx, req.State, req.Plan, req.StateValue, req.PlanValue, req.Private)
}

func (m replaceModifier) PlanModifyMap(ctx context.Context, req planmodifier.MapRequest,
	resp *planmodifier.MapResponse,
) {
	resp.RequiresReplace = m.requiresReplace(ctx, req.State, req.Plan, req.StateValue, req.PlanValue, req.Private)
}

func (m replaceModifier) PlanModifyObject(ctx context.Context, req planmodifier.ObjectRequest,
	resp *planmodifier.ObjectResponse,
) {
	resp.RequiresReplace = m.requiresReplace(ctx, req.State, req.Plan, req.StateValue, req.PlanValue, req.Private)
}

// withReplace returns the attribute with m appended to its plan modifiers.
// Attribute kinds the provider does not use are returned unchanged, which
// the create-only consistency test catches.
func withReplace(a schema.Attribute, m replaceModifier) schema.Attribute {
	switch x := a.(type) {
	case schema.StringAttribute:
		x.PlanModifiers = append(x.PlanModifiers, m)

		return x
	case schema.BoolAttribute:
		x.PlanModifiers = append(x.PlanModifiers, m)

		return x
	case schema.Int64Attribute:
		x.PlanModifiers = append(x.PlanModifiers, m)

		return x
	case schema.SetAttribute:
		x.PlanModifiers = append(x.PlanModifiers, m)

		return x
	case schema.MapAttribute:
		x.PlanModifiers = append(x.PlanModifiers, m)

		return x
	case schema.SingleNestedAttribute:
		x.PlanModifiers = append(x.PlanModifiers, m)

		return x
	default:
		return a
	}
}

// hasReplace reports whether the attribute carries a replaceModifier.
func hasReplace(a schema.Attribute) bool {
	var mods []any
	switch x := a.(type) {
	case schema.StringAttribute:
		mods = anySlice(x.PlanModifiers)
	case schema.BoolAttribute:
		mods = anySlice(x.PlanModifiers)
	case schema.Int64Attribute:
		mods = anySlice(x.PlanModifiers)
	case schema.SetAttribute:
		mods = anySlice(x.PlanModifiers)
	case schema.MapAttribute:
		mods = anySlice(x.PlanModifiers)
	case schema.SingleNestedAttribute:
		mods = anySlice(x.PlanModifiers)
	}
	for _, m := range mods {
		if _, ok := m.(replaceModifier); ok {
			return true
		}
	}

	return false
}

func anySlice[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}

	return out
}
