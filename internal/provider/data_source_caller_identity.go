package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// callerIdentityDataSource returns the account and ARN the provider's
// credentials belong to, from STS GetCallerIdentity.
type callerIdentityDataSource struct {
	dataSourceBase
}

var _ datasource.DataSourceWithConfigure = (*callerIdentityDataSource)(nil)

type callerIdentityModel struct {
	AccountID types.String `tfsdk:"account_id"`
	ARN       types.String `tfsdk:"arn"`
	UserID    types.String `tfsdk:"user_id"`
}

func newCallerIdentityDataSource() datasource.DataSource { return &callerIdentityDataSource{} }

func (d *callerIdentityDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest,
	resp *datasource.MetadataResponse,
) {
	resp.TypeName = "smus_caller_identity"
}

func (d *callerIdentityDataSource) Schema(_ context.Context, _ datasource.SchemaRequest,
	resp *datasource.SchemaResponse,
) {
	resp.Schema = schema.Schema{
		Description: "The AWS account and identity of the provider's credentials.",
		Attributes: map[string]schema.Attribute{
			"account_id": schema.StringAttribute{Computed: true, Description: "12-digit account id."},
			"arn":        schema.StringAttribute{Computed: true, Description: "ARN of the caller."},
			"user_id":    schema.StringAttribute{Computed: true, Description: "Unique id of the caller."},
		},
	}
}

func (d *callerIdentityDataSource) Read(ctx context.Context, _ datasource.ReadRequest,
	resp *datasource.ReadResponse,
) {
	identity, err := d.data.client.CallerIdentity(ctx)
	if err != nil {
		resp.Diagnostics.Append(apiDiag("Read", "STS caller identity", "", err))

		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &callerIdentityModel{
		AccountID: types.StringValue(identity.Account),
		ARN:       types.StringValue(identity.Arn),
		UserID:    types.StringValue(identity.UserID),
	})...)
}
