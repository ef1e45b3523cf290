package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// managedBlueprintDataSource finds a domain's managed blueprint by name.
type managedBlueprintDataSource struct {
	dataSourceBase
}

var _ datasource.DataSourceWithConfigure = (*managedBlueprintDataSource)(nil)

type managedBlueprintModel struct {
	DomainID    types.String `tfsdk:"domain_id"`
	Name        types.String `tfsdk:"name"`
	ID          types.String `tfsdk:"id"`
	Description types.String `tfsdk:"description"`
}

func newManagedBlueprintDataSource() datasource.DataSource { return &managedBlueprintDataSource{} }

func (d *managedBlueprintDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest,
	resp *datasource.MetadataResponse,
) {
	resp.TypeName = "smus_managed_blueprint"
}

func (d *managedBlueprintDataSource) Schema(_ context.Context, _ datasource.SchemaRequest,
	resp *datasource.SchemaResponse,
) {
	resp.Schema = schema.Schema{
		Description: "A managed environment blueprint of a domain, found by name. " +
			"Blueprint ids differ per domain.",
		Attributes: map[string]schema.Attribute{
			"domain_id":   schema.StringAttribute{Required: true, Description: "Domain id (dzd_...)."},
			"name":        schema.StringAttribute{Required: true, Description: "Blueprint name, such as Tooling."},
			"id":          schema.StringAttribute{Computed: true, Description: "Blueprint id in this domain."},
			"description": schema.StringAttribute{Computed: true, Description: "Blueprint description."},
		},
	}
}

func (d *managedBlueprintDataSource) Read(ctx context.Context, req datasource.ReadRequest,
	resp *datasource.ReadResponse,
) {
	var m managedBlueprintModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	domainID := m.DomainID.ValueString()
	blueprints, err := d.data.client.ManagedBlueprints(ctx, domainID)
	if err != nil {
		resp.Diagnostics.Append(apiDiag("List managed blueprints", "DataZone domain", domainID, err))

		return
	}
	for _, b := range blueprints {
		if b.Name == m.Name.ValueString() {
			m.ID = types.StringValue(b.ID)
			m.Description = types.StringValue(b.Description)
			resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)

			return
		}
	}
	resp.Diagnostics.Append(blueprintNotFoundDiag(path.Root("name"), domainID, m.Name.ValueString(),
		blueprintNames(blueprints)))
}
