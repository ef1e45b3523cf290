package provider

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// privateRestored is the private state key that records that the
// write-only values of an imported resource were read from DataZone, so
// later reads do not call DataZone again.
const privateRestored = "writeonly_restored"

// restoreWriteOnly fills the null write-only attributes of prior from the
// DataZone API on the first read after an import, so that a plan with the
// configuration that matches the live resource is empty. Values that are
// not null come from the configuration and are kept. A failed DataZone
// read is a warning: the attributes stay null and the next read tries
// again.
func (r *engineResource[M, P]) restoreWriteOnly(ctx context.Context, req resource.ReadRequest,
	resp *resource.ReadResponse, prior *M,
) {
	if r.spec.restore == nil || !isImported(ctx, req.Private) ||
		hasPrivateKey(ctx, req.Private, privateRestored) {
		return
	}
	id := P(prior).base().ID.ValueString()
	values, err := r.data.client.DataZoneWriteOnly(ctx, r.spec.cfn.Name, id)
	if err != nil {
		tflog.Warn(ctx, "write-only values not restored", map[string]any{"error": err.Error()})
		resp.Diagnostics.Append(writeOnlyNotRestoredDiag(r.spec.cfn.Name, id, err))

		return
	}
	restored := *prior
	if err := r.spec.restore(ctx, values, &restored); err != nil {
		resp.Diagnostics.Append(writeOnlyNotRestoredDiag(r.spec.cfn.Name, id, err))

		return
	}
	*prior = restored
	tflog.Debug(ctx, "restored write-only values from DataZone", map[string]any{"count": len(values)})
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateRestored, []byte("true"))...)
}

func hasPrivateKey(ctx context.Context, p privateGetter, key string) bool {
	if p == nil {
		return false
	}
	v, diags := p.GetKey(ctx, key)

	return !diags.HasError() && string(v) == "true"
}

// keepEquivalentValues plans, for an imported resource, the attributes whose
// replace modifier deferred to it. A configured value that names the same
// thing as the state value is planned as the state value, so the plan stays
// empty. Terraform accepts that plan because the prior value is not null. A
// different or unknown value forces replacement when the attribute does.
func (r *engineResource[M, P]) keepEquivalentValues(ctx context.Context, req resource.ModifyPlanRequest,
	resp *resource.ModifyPlanResponse,
) {
	if len(r.spec.equivalents) == 0 || !isImported(ctx, req.Private) {
		return
	}
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	for _, name := range sortedKeys(r.spec.equivalents) {
		p := path.Root(name)
		var planned, prior types.String
		resp.Diagnostics.Append(resp.Plan.GetAttribute(ctx, p, &planned)...)
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, p, &prior)...)
		switch {
		case resp.Diagnostics.HasError():
			return
		case planned.Equal(prior):
			continue
		case prior.IsNull() && r.spec.writeOnly(name):
			// Never restored: adopted from the configuration, as the
			// replace modifier does for other write-only attributes.
			continue
		case known(planned) && known(prior):
			same, err := r.sameValue(ctx, name, planned.ValueString(), &state)
			if err != nil {
				resp.Diagnostics.Append(equivalenceDiag(p, r.spec.typeName(), prior.ValueString(),
					planned.ValueString(), err))

				return
			}
			if same {
				tflog.Debug(ctx, "keeping the state form of an equivalent value",
					map[string]any{"attribute": name})
				resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, p, prior)...)

				continue
			}
		}
		if r.spec.forcesReplacement(name) {
			resp.RequiresReplace = append(resp.RequiresReplace, p)
		}
	}
}

func (r *engineResource[M, P]) sameValue(ctx context.Context, name, configured string, state *M) (
	bool, error,
) {
	if r.data == nil {
		return false, errors.New("the provider is not configured")
	}

	return r.spec.equivalents[name](ctx, r.data.client, configured, state)
}

// restoreString sets a null attribute to live when live is a non-empty
// string.
func restoreString(dst *types.String, live any) {
	if s, ok := live.(string); ok && s != "" && dst.IsNull() {
		*dst = types.StringValue(s)
	}
}
