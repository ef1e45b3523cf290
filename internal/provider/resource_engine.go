package provider

import (
	"context"
	"errors"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// engineResource runs the Terraform resource lifecycle for one
// resourceSpec. P is *M, which has the resourceBase methods.
type engineResource[M any, P interface {
	*M
	model
}] struct {
	spec *resourceSpec[M]
	data *providerData
}

var (
	_ resource.ResourceWithConfigure   = (*engineResource[domainModel, *domainModel])(nil)
	_ resource.ResourceWithImportState = (*engineResource[domainModel, *domainModel])(nil)
	_ resource.ResourceWithModifyPlan  = (*engineResource[domainModel, *domainModel])(nil)
)

func newEngineResource[M any, P interface {
	*M
	model
}](spec *resourceSpec[M]) resource.Resource {
	return &engineResource[M, P]{spec: spec}
}

func (r *engineResource[M, P]) Metadata(_ context.Context, _ resource.MetadataRequest,
	resp *resource.MetadataResponse,
) {
	resp.TypeName = r.spec.typeName()
}

func (r *engineResource[M, P]) Schema(ctx context.Context, _ resource.SchemaRequest,
	resp *resource.SchemaResponse,
) {
	resp.Schema = r.spec.schema(ctx)
}

func (r *engineResource[M, P]) Configure(_ context.Context, req resource.ConfigureRequest,
	resp *resource.ConfigureResponse,
) {
	if req.ProviderData == nil {
		return
	}
	data, ok := req.ProviderData.(*providerData)
	if !ok {
		resp.Diagnostics.Append(unconfiguredProviderDiag(req.ProviderData))

		return
	}
	r.data = data
}

func (r *engineResource[M, P]) logContext(ctx context.Context, operation, identifier string) context.Context {
	ctx = tflog.SetField(ctx, keyTypeName, r.spec.cfn.Name)
	ctx = tflog.SetField(ctx, keyOperation, operation)

	return tflog.SetField(ctx, keyIdentifier, identifier)
}

func (r *engineResource[M, P]) Create(ctx context.Context, req resource.CreateRequest,
	resp *resource.CreateResponse,
) {
	var plan M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := P(&plan).base().Timeouts.Create(ctx, r.spec.createDefault())
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	opCtx, cancel := context.WithTimeout(r.logContext(ctx, "create", ""), timeout)
	defer cancel()

	if r.spec.prepare != nil {
		resp.Diagnostics.Append(r.spec.prepare(opCtx, r.data.client, &plan)...)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	desired, err := r.spec.desired(opCtx, &plan)
	if err != nil {
		resp.Diagnostics.Append(conversionDiag(r.spec.cfn.Name, "to a desired state", err))

		return
	}

	tflog.Debug(opCtx, "creating resource", map[string]any{"timeout": timeout.String()})
	res, err := r.sendCreate(opCtx, cloudcontrol.CreateInput{TypeName: r.spec.cfn.Name, DesiredState: desired})
	if err != nil {
		resp.Diagnostics.Append(apiDiag("Create", r.spec.cfn.Name, "", err))

		return
	}
	tflog.Debug(opCtx, "created resource", map[string]any{keyIdentifier: res.Identifier})

	r.saveState(ctx, &resp.State, &resp.Diagnostics, res, &plan)
}

// sendCreate creates the resource with the spec's create function, or with
// Client.Create when the spec has none.
func (r *engineResource[M, P]) sendCreate(ctx context.Context, in cloudcontrol.CreateInput,
) (*cloudcontrol.Resource, error) {
	if r.spec.create != nil {
		return r.spec.create(ctx, r.data.client, in)
	}

	return r.data.client.Create(ctx, in)
}

// saveState converts a read model and writes it to state. When conversion
// fails, the id is still saved so the resource is tainted rather than lost.
func (r *engineResource[M, P]) saveState(ctx context.Context, state stateSetter, diags *diag.Diagnostics,
	res *cloudcontrol.Resource, prior *M,
) {
	next, err := r.spec.state(ctx, res.Properties, prior)
	if err != nil {
		diags.Append(conversionDiag(r.spec.cfn.Name, "from its read model", err))
		diags.Append(state.SetAttribute(ctx, path.Root("id"), res.Identifier)...)

		return
	}
	if r.spec.complete != nil {
		diags.Append(r.spec.complete(ctx, r.data.client, &next)...)
	}
	b := P(&next).base()
	b.ID = types.StringValue(res.Identifier)
	b.Timeouts = P(prior).base().Timeouts
	diags.Append(state.Set(ctx, &next)...)
}

// stateSetter is the part of tfsdk.State that saveState uses.
type stateSetter interface {
	Set(ctx context.Context, val any) diag.Diagnostics
	SetAttribute(ctx context.Context, p path.Path, val any) diag.Diagnostics
}

func (r *engineResource[M, P]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior M
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := P(&prior).base().ID.ValueString()
	ctx = r.logContext(ctx, "read", id)

	res, err := r.data.client.Get(ctx, r.spec.cfn.Name, id)
	if errors.Is(err, cloudcontrol.ErrNotFound) {
		tflog.Warn(ctx, "resource not found; removing it from state")
		resp.Diagnostics.Append(resourceGoneDiag(r.spec.cfn.Name, id))
		resp.State.RemoveResource(ctx)

		return
	}
	if err != nil {
		resp.Diagnostics.Append(apiDiag("Read", r.spec.cfn.Name, id, err))

		return
	}
	// The state keeps the identifier it was created or imported with.
	res.Identifier = id
	r.restoreWriteOnly(ctx, req, resp, &prior)
	r.saveState(ctx, &resp.State, &resp.Diagnostics, res, &prior)
}

func (r *engineResource[M, P]) Update(ctx context.Context, req resource.UpdateRequest,
	resp *resource.UpdateResponse,
) {
	var plan, prior M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := P(&prior).base().ID.ValueString()
	timeout, diags := P(&plan).base().Timeouts.Update(ctx, defaultTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	opCtx, cancel := context.WithTimeout(r.logContext(ctx, "update", id), timeout)
	defer cancel()

	priorDesired, err := r.spec.desired(opCtx, &prior)
	if err != nil {
		resp.Diagnostics.Append(conversionDiag(r.spec.cfn.Name, "to a desired state", err))

		return
	}
	desired, err := r.spec.desired(opCtx, &plan)
	if err != nil {
		resp.Diagnostics.Append(conversionDiag(r.spec.cfn.Name, "to a desired state", err))

		return
	}
	r.update(opCtx, ctx, req, resp, updateCall[M]{id: id, prior: priorDesired, desired: desired, plan: &plan})
}

// updateCall is one update: the resource id, the desired states built from
// the prior state and from the plan, and the plan.
type updateCall[M any] struct {
	id             string
	prior, desired map[string]any
	plan           *M
}

func (r *engineResource[M, P]) update(opCtx, ctx context.Context, req resource.UpdateRequest,
	resp *resource.UpdateResponse, call updateCall[M],
) {
	id, prior, desired := call.id, call.prior, call.desired
	if isImported(ctx, req.Private) {
		// Write-only values absent from an imported state were never
		// changed by this plan; they are only being recorded.
		for k, v := range r.spec.cfn.WriteOnlyValues(desired) {
			if _, ok := prior[k]; !ok {
				prior[k] = v
			}
		}
	}

	var res *cloudcontrol.Resource
	var err error
	if r.spec.cfn.Equal(prior, desired) {
		tflog.Debug(opCtx, "no property changed; reading the resource only")
		res, err = r.data.client.Get(opCtx, r.spec.cfn.Name, id)
	} else {
		if r.spec.cfn.UpdateLimitation != "" {
			// ModifyPlan rejects these plans; this catches values that were
			// unknown at plan time.
			resp.Diagnostics.Append(inPlaceUpdateDiag(r.spec.cfn.Name, r.spec.cfn.UpdateLimitation,
				r.changedProperties(prior, desired)))

			return
		}
		tflog.Debug(opCtx, "updating resource")
		res, err = r.data.client.Update(opCtx, cloudcontrol.UpdateInput{
			TypeName: r.spec.cfn.Name, Identifier: id, Prior: prior, Desired: desired,
		})
	}
	if err != nil {
		resp.Diagnostics.Append(apiDiag("Update", r.spec.cfn.Name, id, err))

		return
	}
	res.Identifier = id
	r.saveState(ctx, &resp.State, &resp.Diagnostics, res, call.plan)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateImported, nil)...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateRestored, nil)...)
}

func (r *engineResource[M, P]) Delete(ctx context.Context, req resource.DeleteRequest,
	resp *resource.DeleteResponse,
) {
	var prior M
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := P(&prior).base().ID.ValueString()
	timeout, diags := P(&prior).base().Timeouts.Delete(ctx, defaultTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	opCtx, cancel := context.WithTimeout(r.logContext(ctx, "delete", id), timeout)
	defer cancel()

	tflog.Debug(opCtx, "deleting resource")
	if err := r.data.client.Delete(opCtx, r.spec.cfn.Name, id); err != nil {
		resp.Diagnostics.Append(apiDiag("Delete", r.spec.cfn.Name, id, err))
	}
}

// ImportState accepts the Cloud Control identifier in string or JSON form,
// stores the string form as id and marks the resource imported. Terraform
// reads the resource next, and that read restores the write-only values
// that the DataZone API returns (restoreWriteOnly).
func (r *engineResource[M, P]) ImportState(ctx context.Context, req resource.ImportStateRequest,
	resp *resource.ImportStateResponse,
) {
	parts, err := r.spec.cfn.ParseIdentifier(req.ID)
	if err != nil {
		resp.Diagnostics.Append(invalidImportIDDiag(r.spec.cfn.Name, err))

		return
	}
	values := make([]string, len(r.spec.cfn.PrimaryIdentifier))
	for i, name := range r.spec.cfn.PrimaryIdentifier {
		values[i] = parts[name]
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), strings.Join(values, "|"))...)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateImported, []byte("true"))...)
}
