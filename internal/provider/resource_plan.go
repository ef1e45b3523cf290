package provider

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// ModifyPlan rejects, at plan time, what would fail during apply. That is
// an in-place update of a type whose updates the API rejects, or a create
// whose natural key another resource of the same plan already claims or a
// live resource outside the state already has (checkLiveKey). For an
// imported resource it first keeps state values that the configuration
// names in another form (keepEquivalentValues).
func (r *engineResource[M, P]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest,
	resp *resource.ModifyPlanResponse,
) {
	if req.Plan.Raw.IsNull() {
		return
	}
	if req.State.Raw.IsNull() {
		if key, free := r.claimNaturalKey(ctx, req, resp); free {
			r.checkLiveKey(ctx, key, resp)
		}

		return
	}
	r.keepEquivalentValues(ctx, req, resp)
	if resp.Diagnostics.HasError() || len(resp.RequiresReplace) > 0 || r.spec.cfn.UpdateLimitation == "" {
		return
	}

	changed := r.changedAttributes(ctx, req, resp.Plan)
	for _, name := range changed {
		if r.spec.forcesReplacement(name) {
			return
		}
	}
	if len(changed) > 0 {
		resp.Diagnostics.Append(inPlaceUpdateDiag(r.spec.cfn.Name, r.spec.cfn.UpdateLimitation, changed))
	}
}

// changedAttributes returns the sorted names of the top-level attributes
// whose value in plan differs from the state. Values still unknown are left
// to apply, and so are write-only values an imported resource adopts.
func (r *engineResource[M, P]) changedAttributes(ctx context.Context, req resource.ModifyPlanRequest,
	plan tfsdk.Plan,
) []string {
	var planned, prior map[string]tftypes.Value
	if plan.Raw.As(&planned) != nil || req.State.Raw.As(&prior) != nil {
		return nil
	}
	imported := isImported(ctx, req.Private)

	var changed []string
	for name, p := range planned {
		s := prior[name]
		switch {
		case name == "id" || name == "timeouts":
		case !p.IsKnown():
		case p.Equal(s):
		case imported && r.spec.writeOnly(name) && s.IsNull():
		default:
			changed = append(changed, name)
		}
	}
	sort.Strings(changed)

	return changed
}

// claimNaturalKey records the natural key of a planned create and reports a
// duplicate when another resource of the same configuration claimed it. It
// returns the key and true when every key value is known and the key was
// free.
func (r *engineResource[M, P]) claimNaturalKey(ctx context.Context, req resource.ModifyPlanRequest,
	resp *resource.ModifyPlanResponse,
) (naturalKey, bool) {
	if r.data == nil || len(r.spec.keyAttributes) == 0 {
		return naturalKey{}, false
	}
	parts, ok := keyParts(req.Plan.Raw, r.spec.keyAttributes)
	if !ok {
		return naturalKey{}, false
	}
	key := naturalKey{resourceType: r.spec.typeName(), parts: parts}
	if r.data.keys.claim(key) {
		return key, true
	}

	tflog.Warn(ctx, "duplicate natural key in plan", map[string]any{keyNaturalKey: key.String()})
	name := parts[indexOf(r.spec.keyAttributes, r.spec.nameAttribute)].value
	addresses := findAddresses(".", r.spec.typeName(), r.spec.nameAttribute, name)
	resp.Diagnostics.Append(duplicateKeyDiag(r.spec.typeName(), key.String(), addresses))

	return key, false
}

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}

	return 0
}

// changedProperties returns the sorted top-level properties whose values
// differ between two desired states of the type.
func (r *engineResource[M, P]) changedProperties(prior, desired map[string]any) []string {
	var changed []string
	for name := range mergedKeys(prior, desired) {
		if !r.spec.cfn.EqualAt("/"+name, prior[name], desired[name]) {
			changed = append(changed, name)
		}
	}
	sort.Strings(changed)

	return changed
}

func mergedKeys(a, b map[string]any) map[string]bool {
	keys := make(map[string]bool, len(a)+len(b))
	for k := range a {
		keys[k] = true
	}
	for k := range b {
		keys[k] = true
	}

	return keys
}
