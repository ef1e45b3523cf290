package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
)

// dataSourceBase stores the provider data for the data sources.
type dataSourceBase struct {
	data *providerData
}

func (d *dataSourceBase) Configure(_ context.Context, req datasource.ConfigureRequest,
	resp *datasource.ConfigureResponse,
) {
	if req.ProviderData == nil {
		return
	}
	data, ok := req.ProviderData.(*providerData)
	if !ok {
		resp.Diagnostics.Append(unconfiguredProviderDiag(req.ProviderData))

		return
	}
	d.data = data
}
