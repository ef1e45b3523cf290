package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/smus-dev/smus/internal/awstype"
)

type projectProfileModel struct {
	resourceBase
	DomainID                  types.String `tfsdk:"domain_id"`
	Name                      types.String `tfsdk:"name"`
	Description               types.String `tfsdk:"description"`
	Status                    types.String `tfsdk:"status"`
	DomainUnitID              types.String `tfsdk:"domain_unit_id"`
	EnvironmentConfigurations types.Map    `tfsdk:"environment_configurations"`
	ProfileID                 types.String `tfsdk:"profile_id"`
}

// envConfigModel is one environment configuration, keyed by its name.
type envConfigModel struct {
	BlueprintID        types.String `tfsdk:"blueprint_id"`
	Description        types.String `tfsdk:"description"`
	DeploymentMode     types.String `tfsdk:"deployment_mode"`
	DeploymentOrder    types.Int64  `tfsdk:"deployment_order"`
	AWSAccountID       types.String `tfsdk:"aws_account_id"`
	AWSRegion          types.String `tfsdk:"aws_region"`
	ParameterOverrides types.Map    `tfsdk:"parameter_overrides"`
}

// parameterOverrideModel is one parameter override, keyed by its name.
type parameterOverrideModel struct {
	Value      types.String `tfsdk:"value"`
	IsEditable types.Bool   `tfsdk:"is_editable"`
}

var (
	parameterOverrideType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"value":       types.StringType,
		"is_editable": types.BoolType,
	}}
	envConfigType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"blueprint_id":        types.StringType,
		"description":         types.StringType,
		"deployment_mode":     types.StringType,
		"deployment_order":    types.Int64Type,
		"aws_account_id":      types.StringType,
		"aws_region":          types.StringType,
		"parameter_overrides": types.MapType{ElemType: parameterOverrideType},
	}}
)

func newProjectProfileResource() resource.Resource {
	return newEngineResource[projectProfileModel](projectProfileSpec())
}

func projectProfileSpec() *resourceSpec[projectProfileModel] {
	return &resourceSpec[projectProfileModel]{
		name: "project_profile",
		description: "A project profile: a reusable set of environment configurations " +
			"(AWS::DataZone::ProjectProfile).",
		cfn:        awstype.ProjectProfile,
		attributes: projectProfileAttributes(),
		properties: map[string]string{
			"domain_id":                  "/DomainIdentifier",
			"name":                       "/Name",
			"description":                "/Description",
			"status":                     "/Status",
			"domain_unit_id":             "/DomainUnitIdentifier",
			"environment_configurations": "/EnvironmentConfigurations",
		},
		keyAttributes: []string{"domain_id", "name"},
		nameAttribute: "name",
		desired:       projectProfileDesired,
		state:         projectProfileState,
	}
}

func projectProfileAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"domain_id":   schema.StringAttribute{Required: true, Description: "Domain id (dzd_...)."},
		"name":        schema.StringAttribute{Required: true, Description: "Profile name, unique in the domain."},
		"description": schema.StringAttribute{Optional: true, Description: "Profile description."},
		"status": schema.StringAttribute{
			Optional:    true,
			Computed:    true,
			Default:     stringdefault.StaticString("ENABLED"),
			Validators:  []validator.String{stringvalidator.OneOf("ENABLED", "DISABLED")},
			Description: "ENABLED or DISABLED.",
		},
		"domain_unit_id": schema.StringAttribute{
			Optional:      true,
			Computed:      true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			Description:   "Owning domain unit. Defaults to the domain's root unit.",
		},
		"environment_configurations": schema.MapNestedAttribute{
			Optional:     true,
			Description:  "Environment configurations keyed by configuration name.",
			NestedObject: schema.NestedAttributeObject{Attributes: envConfigAttributes()},
		},
		"profile_id": schema.StringAttribute{
			Computed:      true,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			Description:   "Id of the profile in its domain.",
		},
	}
}

func envConfigAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"blueprint_id": schema.StringAttribute{Required: true, Description: "Id of an enabled blueprint."},
		"description":  schema.StringAttribute{Optional: true},
		"deployment_mode": schema.StringAttribute{
			Optional:    true,
			Validators:  []validator.String{stringvalidator.OneOf("ON_CREATE", "ON_DEMAND")},
			Description: "ON_CREATE deploys with the project; ON_DEMAND lets members deploy it later.",
		},
		"deployment_order": schema.Int64Attribute{
			Optional:    true,
			Validators:  []validator.Int64{int64validator.Between(0, 16)},
			Description: "Deployment order, 0 to 16; lower deploys first.",
		},
		"aws_account_id": schema.StringAttribute{
			Optional:    true,
			Validators:  []validator.String{stringvalidator.RegexMatches(twelveDigits, "must be 12 digits")},
			Description: "Account of the environment.",
		},
		"aws_region": schema.StringAttribute{Required: true, Description: "Region of the environment."},
		"parameter_overrides": schema.MapNestedAttribute{
			Optional:    true,
			Description: "Blueprint parameter overrides keyed by parameter name.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"value": schema.StringAttribute{Optional: true},
				"is_editable": schema.BoolAttribute{
					Optional:    true,
					Computed:    true,
					Default:     booldefault.StaticBool(false),
					Description: "Whether a project creator may change the value.",
				},
			}},
		},
	}
}

func projectProfileDesired(ctx context.Context, m *projectProfileModel) (map[string]any, error) {
	d := map[string]any{}
	putString(d, "DomainIdentifier", m.DomainID)
	putString(d, "Name", m.Name)
	putString(d, "Description", m.Description)
	putString(d, "Status", m.Status)
	putString(d, "DomainUnitIdentifier", m.DomainUnitID)
	if !known(m.EnvironmentConfigurations) {
		return d, nil
	}

	var configs map[string]envConfigModel
	if err := diagErr(m.EnvironmentConfigurations.ElementsAs(ctx, &configs, false)); err != nil {
		return nil, fmt.Errorf("environment_configurations: %w", err)
	}
	list := make([]any, 0, len(configs))
	for _, name := range sortedKeys(configs) {
		c, err := envConfigDesired(ctx, name, configs[name])
		if err != nil {
			return nil, err
		}
		list = append(list, c)
	}
	d["EnvironmentConfigurations"] = list

	return d, nil
}

func envConfigDesired(ctx context.Context, name string, c envConfigModel) (map[string]any, error) {
	out := map[string]any{"Name": name}
	putString(out, "EnvironmentBlueprintId", c.BlueprintID)
	putString(out, "Description", c.Description)
	putString(out, "DeploymentMode", c.DeploymentMode)
	putInt64(out, "DeploymentOrder", c.DeploymentOrder)
	if known(c.AWSAccountID) {
		out["AwsAccount"] = map[string]any{"AwsAccountId": c.AWSAccountID.ValueString()}
	}
	if known(c.AWSRegion) {
		out["AwsRegion"] = map[string]any{"RegionName": c.AWSRegion.ValueString()}
	}
	if !known(c.ParameterOverrides) {
		return out, nil
	}

	var overrides map[string]parameterOverrideModel
	if err := diagErr(c.ParameterOverrides.ElementsAs(ctx, &overrides, false)); err != nil {
		return nil, fmt.Errorf("environment_configurations[%q].parameter_overrides: %w", name, err)
	}
	list := make([]any, 0, len(overrides))
	for _, key := range sortedKeys(overrides) {
		o := map[string]any{"Name": key, "IsEditable": overrides[key].IsEditable.ValueBool()}
		putString(o, "Value", overrides[key].Value)
		list = append(list, o)
	}
	out["ConfigurationParameters"] = map[string]any{"ParameterOverrides": list}

	return out, nil
}
