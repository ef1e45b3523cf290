package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// Address is the provider's source address in the registry namespace.
const Address = "registry.terraform.io/smus-dev/smus"

// smusProvider is the smus provider. It holds no state between requests
// except its version, because Terraform may configure it several times.
type smusProvider struct {
	version string
}

var _ provider.Provider = (*smusProvider)(nil)

// New returns a factory of the smus provider at the given version, in the
// form providerserver.Serve and the acceptance tests expect.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &smusProvider{version: version}
	}
}

// providerData is the value Configure passes to every resource and data
// source. It contains one Cloud Control client, the plan-time registry of
// natural keys and the cache of live resources that plan-time checks read.
type providerData struct {
	client *cloudcontrol.Client
	keys   *naturalKeys
	live   *liveIndex
}

// providerModel is the provider block.
type providerModel struct {
	Region         types.String     `tfsdk:"region"`
	Profile        types.String     `tfsdk:"profile"`
	AccessKey      types.String     `tfsdk:"access_key"`
	SecretKey      types.String     `tfsdk:"secret_key"`
	Token          types.String     `tfsdk:"token"`
	MaxRequestRate types.Float64    `tfsdk:"max_request_rate"`
	Endpoints      *endpointsModel  `tfsdk:"endpoints"`
	AssumeRole     *assumeRoleModel `tfsdk:"assume_role"`
}

type endpointsModel struct {
	CloudControl types.String `tfsdk:"cloudcontrol"`
	STS          types.String `tfsdk:"sts"`
	DataZone     types.String `tfsdk:"datazone"`
}

type assumeRoleModel struct {
	RoleARN     types.String `tfsdk:"role_arn"`
	SessionName types.String `tfsdk:"session_name"`
	ExternalID  types.String `tfsdk:"external_id"`
}

func (p *smusProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "smus"
	resp.Version = p.version
}

func (p *smusProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Manages Amazon SageMaker Unified Studio (DataZone) resources through the AWS Cloud Control API.",
		Attributes: map[string]schema.Attribute{
			"region": schema.StringAttribute{
				Optional:    true,
				Description: "AWS Region. Defaults to AWS_REGION or the profile's region.",
			},
			"profile": schema.StringAttribute{
				Optional:    true,
				Description: "Name of a profile in the shared AWS configuration files.",
			},
			"access_key": schema.StringAttribute{
				Optional:    true,
				Description: "AWS access key id. Defaults to the standard credential chain.",
			},
			"secret_key": schema.StringAttribute{
				Optional:    true,
				Sensitive:   true,
				Description: "AWS secret access key, used with access_key.",
			},
			"token": schema.StringAttribute{
				Optional:    true,
				Sensitive:   true,
				Description: "AWS session token, used with access_key.",
			},
			"max_request_rate": schema.Float64Attribute{
				Optional: true,
				Description: "Requests per second that the provider allows itself against AWS. " +
					fmt.Sprintf("Defaults to %d.", cloudcontrol.DefaultRequestRate),
			},
		},
		Blocks: map[string]schema.Block{
			"endpoints": schema.SingleNestedBlock{
				Description: "Endpoint URLs that override the SDK's resolution, for example a local " +
					"cloud. AWS_ENDPOINT_URL_CLOUDCONTROL, AWS_ENDPOINT_URL_STS, " +
					"AWS_ENDPOINT_URL_DATAZONE and AWS_ENDPOINT_URL are honoured too.",
				Attributes: map[string]schema.Attribute{
					"cloudcontrol": schema.StringAttribute{Optional: true, Description: "Cloud Control API endpoint URL."},
					"sts":          schema.StringAttribute{Optional: true, Description: "STS endpoint URL."},
					"datazone":     schema.StringAttribute{Optional: true, Description: "DataZone endpoint URL."},
				},
			},
			"assume_role": schema.SingleNestedBlock{
				Description: "IAM role the provider assumes with STS AssumeRole before any other call.",
				Attributes: map[string]schema.Attribute{
					"role_arn":     schema.StringAttribute{Optional: true, Description: "ARN of the role to assume."},
					"session_name": schema.StringAttribute{Optional: true, Description: "Role session name."},
					"external_id":  schema.StringAttribute{Optional: true, Description: "External id the role's trust policy requires."},
				},
			},
		},
	}
}

func (p *smusProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var config providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}

	settings, diags := config.settings()
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	client, err := newClient(ctx, settings)
	if err != nil {
		resp.Diagnostics.Append(awsConfigDiag(err))

		return
	}
	tflog.Debug(ctx, "configured provider", map[string]any{
		keyRegion:   settings.region,
		keyEndpoint: settings.endpoints.CloudControl,
	})

	// A new registry and cache per configuration: each plan configures the
	// provider again, and keys only collide within one configured account.
	data := &providerData{client: client, keys: newNaturalKeys(), live: newLiveIndex()}
	resp.ResourceData = data
	resp.DataSourceData = data
}

func (p *smusProvider) Resources(_ context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		newDomainResource,
		newBlueprintResource,
		newProjectProfileResource,
		newProjectResource,
		newProjectMembershipResource,
		newIAMRoleResource,
		newLakeFormationPermissionsResource,
	}
}

func (p *smusProvider) DataSources(_ context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newCallerIdentityDataSource,
		newSSMParameterDataSource,
		newManagedBlueprintDataSource,
	}
}
