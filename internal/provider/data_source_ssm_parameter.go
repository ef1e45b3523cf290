package provider

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// ssmParameterDataSource reads an SSM parameter, typically a role ARN that
// a security team publishes, through Cloud Control.
type ssmParameterDataSource struct {
	dataSourceBase
}

var _ datasource.DataSourceWithConfigure = (*ssmParameterDataSource)(nil)

type ssmParameterModel struct {
	Name  types.String `tfsdk:"name"`
	Value types.String `tfsdk:"value"`
	Type  types.String `tfsdk:"type"`
	ARN   types.String `tfsdk:"arn"`
}

func newSSMParameterDataSource() datasource.DataSource { return &ssmParameterDataSource{} }

func (d *ssmParameterDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest,
	resp *datasource.MetadataResponse,
) {
	resp.TypeName = "smus_ssm_parameter"
}

func (d *ssmParameterDataSource) Schema(_ context.Context, _ datasource.SchemaRequest,
	resp *datasource.SchemaResponse,
) {
	resp.Schema = schema.Schema{
		Description: "An SSM parameter (AWS::SSM::Parameter) of type String or StringList.",
		Attributes: map[string]schema.Attribute{
			"name":  schema.StringAttribute{Required: true, Description: "Parameter name, such as /platform/roles/domain."},
			"value": schema.StringAttribute{Computed: true, Description: "Parameter value."},
			"type":  schema.StringAttribute{Computed: true, Description: "String or StringList."},
			"arn":   schema.StringAttribute{Computed: true, Description: "Parameter ARN, when the API returns it."},
		},
	}
}

func (d *ssmParameterDataSource) Read(ctx context.Context, req datasource.ReadRequest,
	resp *datasource.ReadResponse,
) {
	var m ssmParameterModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := m.Name.ValueString()
	res, err := d.data.client.Get(ctx, awstype.Parameter.Name, name)
	if errors.Is(err, cloudcontrol.ErrNotFound) {
		resp.Diagnostics.Append(parameterNotFoundDiag(name))

		return
	}
	if err != nil {
		resp.Diagnostics.Append(apiDiag("Read", awstype.Parameter.Name, name, err))

		return
	}
	m.Value = readString(res.Properties["Value"], types.StringNull())
	m.Type = readString(res.Properties["Type"], types.StringNull())
	m.ARN = readString(res.Properties["Arn"], types.StringNull())
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
