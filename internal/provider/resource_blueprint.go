package provider

import (
	"context"
	"fmt"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

type blueprintModel struct {
	resourceBase
	DomainID                          types.String              `tfsdk:"domain_id"`
	BlueprintName                     types.String              `tfsdk:"blueprint_name"`
	EnabledRegions                    types.Set                 `tfsdk:"enabled_regions"`
	ProvisioningRoleARN               types.String              `tfsdk:"provisioning_role_arn"`
	ManageAccessRoleARN               types.String              `tfsdk:"manage_access_role_arn"`
	EnvironmentRolePermissionBoundary types.String              `tfsdk:"environment_role_permission_boundary"`
	RegionalParameters                types.Map                 `tfsdk:"regional_parameters"`
	GlobalParameters                  types.Map                 `tfsdk:"global_parameters"`
	LakeFormationConfiguration        *lakeFormationConfigModel `tfsdk:"lake_formation_configuration"`
	BlueprintID                       types.String              `tfsdk:"blueprint_id"`
}

type lakeFormationConfigModel struct {
	LocationRegistrationRole               types.String `tfsdk:"location_registration_role"`
	LocationRegistrationExcludeS3Locations types.Set    `tfsdk:"location_registration_exclude_s3_locations"`
}

var regionalParametersType = types.MapType{ElemType: types.StringType}

func newBlueprintResource() resource.Resource {
	return newEngineResource[blueprintModel](blueprintSpec())
}

func blueprintSpec() *resourceSpec[blueprintModel] {
	return &resourceSpec[blueprintModel]{
		name: "blueprint",
		description: "A managed blueprint enabled in a domain " +
			"(AWS::DataZone::EnvironmentBlueprintConfiguration).",
		cfn:        awstype.EnvironmentBlueprintConfiguration,
		attributes: blueprintAttributes(),
		properties: map[string]string{
			"domain_id":                            "/DomainIdentifier",
			"blueprint_name":                       "/EnvironmentBlueprintIdentifier",
			"enabled_regions":                      "/EnabledRegions",
			"provisioning_role_arn":                "/ProvisioningRoleArn",
			"manage_access_role_arn":               "/ManageAccessRoleArn",
			"environment_role_permission_boundary": "/EnvironmentRolePermissionBoundary",
			"regional_parameters":                  "/RegionalParameters",
			"global_parameters":                    "/GlobalParameters",
			"lake_formation_configuration":         "/ProvisioningConfigurations",
		},
		keyAttributes: []string{"domain_id", "blueprint_name"},
		nameAttribute: "blueprint_name",
		desired:       blueprintDesired,
		state:         blueprintState,
		prepare:       resolveBlueprintID,
		complete:      resolveBlueprintName,
		restore:       blueprintRestore,
	}
}

func blueprintAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"domain_id": schema.StringAttribute{Required: true, Description: "Domain id (dzd_...)."},
		"blueprint_name": schema.StringAttribute{
			Required: true,
			Description: "Managed blueprint name, such as Tooling, DataLake, LakehouseCatalog or " +
				"MLExperiments. It is resolved to the domain's blueprint id at create.",
		},
		"enabled_regions": schema.SetAttribute{
			Required:    true,
			ElementType: types.StringType,
			Description: "Regions in which the blueprint is enabled.",
		},
		"provisioning_role_arn": schema.StringAttribute{
			Optional:    true,
			Description: "ARN of the role DataZone assumes to deploy environments of this blueprint.",
		},
		"manage_access_role_arn": schema.StringAttribute{
			Optional:    true,
			Description: "ARN of the role DataZone assumes to grant and revoke data access.",
		},
		"environment_role_permission_boundary": schema.StringAttribute{
			Optional: true,
			Description: "ARN of the managed policy used as permissions boundary of environment roles. " +
				"Cloud Control never returns it; after an import it is read with DataZone " +
				"GetEnvironmentBlueprintConfiguration.",
		},
		"regional_parameters": schema.MapAttribute{
			Optional:    true,
			ElementType: regionalParametersType,
			Description: "Parameters per region: region name to parameter name to value, such as S3Location.",
		},
		"global_parameters": schema.MapAttribute{
			Optional:    true,
			ElementType: types.StringType,
			Description: "Region-independent parameters. No AWS API returns them, so after an import the " +
				"first plan shows them as added in place; applying that plan only records them in the " +
				"state and sends nothing to AWS.",
		},
		"lake_formation_configuration": schema.SingleNestedAttribute{
			Optional: true,
			Description: "Lake Formation settings of the DataLake blueprint. Cloud Control never returns " +
				"them; after an import they are read with DataZone GetEnvironmentBlueprintConfiguration.",
			Attributes: map[string]schema.Attribute{
				"location_registration_role": schema.StringAttribute{
					Optional:    true,
					Description: "ARN of the role Lake Formation uses to register project S3 locations.",
				},
				"location_registration_exclude_s3_locations": schema.SetAttribute{
					Optional:    true,
					ElementType: types.StringType,
					Description: "S3 locations (s3://...) to leave unregistered.",
				},
			},
		},
		"blueprint_id": schema.StringAttribute{
			Computed:      true,
			Description:   "Id of the managed blueprint in this domain.",
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
	}
}

func blueprintDesired(ctx context.Context, m *blueprintModel) (map[string]any, error) {
	d := map[string]any{}
	putString(d, "DomainIdentifier", m.DomainID)
	if known(m.BlueprintID) {
		putString(d, "EnvironmentBlueprintIdentifier", m.BlueprintID)
	} else {
		putString(d, "EnvironmentBlueprintIdentifier", m.BlueprintName)
	}
	putStringSet(d, "EnabledRegions", m.EnabledRegions)
	putString(d, "ProvisioningRoleArn", m.ProvisioningRoleARN)
	putString(d, "ManageAccessRoleArn", m.ManageAccessRoleARN)
	putString(d, "EnvironmentRolePermissionBoundary", m.EnvironmentRolePermissionBoundary)
	if known(m.GlobalParameters) {
		d["GlobalParameters"] = anyStringMap(stringMap(m.GlobalParameters))
	}
	if lf := m.LakeFormationConfiguration; lf != nil {
		conf := map[string]any{}
		putString(conf, "LocationRegistrationRole", lf.LocationRegistrationRole)
		putStringSet(conf, "LocationRegistrationExcludeS3Locations", lf.LocationRegistrationExcludeS3Locations)
		d["ProvisioningConfigurations"] = []any{map[string]any{"LakeFormationConfiguration": conf}}
	}
	if !known(m.RegionalParameters) {
		return d, nil
	}
	var regional map[string]map[string]string
	if err := diagErr(m.RegionalParameters.ElementsAs(ctx, &regional, false)); err != nil {
		return nil, fmt.Errorf("regional_parameters: %w", err)
	}
	list := make([]any, 0, len(regional))
	for _, region := range sortedKeys(regional) {
		list = append(list, map[string]any{"Region": region, "Parameters": anyStringMap(regional[region])})
	}
	d["RegionalParameters"] = list

	return d, nil
}

func blueprintState(ctx context.Context, live map[string]any, prior *blueprintModel) (blueprintModel, error) {
	out := blueprintModel{
		DomainID:                          readStringOr(live["DomainId"], prior.DomainID),
		BlueprintName:                     readWriteOnly(prior.BlueprintName),
		ProvisioningRoleARN:               readString(live["ProvisioningRoleArn"], prior.ProvisioningRoleARN),
		ManageAccessRoleARN:               readString(live["ManageAccessRoleArn"], prior.ManageAccessRoleARN),
		EnvironmentRolePermissionBoundary: readWriteOnly(prior.EnvironmentRolePermissionBoundary),
		GlobalParameters:                  keepMap(prior.GlobalParameters, types.StringType),
		LakeFormationConfiguration:        prior.LakeFormationConfiguration,
		BlueprintID:                       readStringOr(live["EnvironmentBlueprintId"], prior.BlueprintID),
	}
	regions, err := readStringSet(live["EnabledRegions"], prior.EnabledRegions)
	if err != nil {
		return out, fmt.Errorf("EnabledRegions: %w", err)
	}
	out.EnabledRegions = regions

	regional, err := liveRegionalParameters(live["RegionalParameters"])
	if err != nil {
		return out, err
	}
	if len(regional) == 0 {
		out.RegionalParameters = types.MapNull(regionalParametersType)
		if known(prior.RegionalParameters) && len(prior.RegionalParameters.Elements()) == 0 {
			out.RegionalParameters = prior.RegionalParameters
		}

		return out, nil
	}
	value, diags := types.MapValueFrom(ctx, regionalParametersType, regional)
	out.RegionalParameters = value

	return out, diagErr(diags)
}

func liveRegionalParameters(live any) (map[string]map[string]string, error) {
	if live == nil {
		return nil, nil
	}
	list, ok := live.([]any)
	if !ok {
		return nil, fmt.Errorf("RegionalParameters: expected an array, got %T", live)
	}
	out := make(map[string]map[string]string, len(list))
	for _, e := range list {
		obj, _ := e.(map[string]any)
		region, ok := obj["Region"].(string)
		if !ok {
			return nil, fmt.Errorf("RegionalParameters: element without a Region: %v", e)
		}
		params, err := liveStringMap(obj["Parameters"])
		if err != nil {
			return nil, fmt.Errorf("RegionalParameters %s: %w", region, err)
		}
		if params == nil {
			params = map[string]string{}
		}
		out[region] = params
	}

	return out, nil
}

// resolveBlueprintID sets the blueprint id of the named managed blueprint.
func resolveBlueprintID(ctx context.Context, client *cloudcontrol.Client, m *blueprintModel) diag.Diagnostics {
	var diags diag.Diagnostics
	blueprints, err := client.ManagedBlueprints(ctx, m.DomainID.ValueString())
	if err != nil {
		diags.Append(apiDiag("List managed blueprints", "DataZone domain", m.DomainID.ValueString(), err))

		return diags
	}
	for _, b := range blueprints {
		if b.Name == m.BlueprintName.ValueString() {
			m.BlueprintID = types.StringValue(b.ID)

			return diags
		}
	}
	diags.Append(blueprintNotFoundDiag(path.Root("blueprint_name"), m.DomainID.ValueString(),
		m.BlueprintName.ValueString(), blueprintNames(blueprints)))

	return diags
}

// resolveBlueprintName fills the blueprint name after an import, when the
// state has the id only.
func resolveBlueprintName(ctx context.Context, client *cloudcontrol.Client, m *blueprintModel) diag.Diagnostics {
	if !m.BlueprintName.IsNull() || !known(m.BlueprintID) || !known(m.DomainID) {
		return nil
	}
	var diags diag.Diagnostics
	blueprints, err := client.ManagedBlueprints(ctx, m.DomainID.ValueString())
	if err != nil {
		diags.Append(apiDiag("List managed blueprints", "DataZone domain", m.DomainID.ValueString(), err))

		return diags
	}
	for _, b := range blueprints {
		if b.ID == m.BlueprintID.ValueString() {
			m.BlueprintName = types.StringValue(b.Name)
		}
	}

	return diags
}

func blueprintNames(blueprints []cloudcontrol.Blueprint) []string {
	names := make([]string, 0, len(blueprints))
	for _, b := range blueprints {
		names = append(names, b.Name)
	}
	sort.Strings(names)

	return names
}

// blueprintRestore sets a null permissions boundary and Lake Formation
// configuration from DataZone GetEnvironmentBlueprintConfiguration.
// NOTE: that call does not return the global parameters, so they stay null
// after an import, and the first plan shows them as added (see
// projectRestore for why Terraform allows no other plan).
func blueprintRestore(_ context.Context, values map[string]any, m *blueprintModel) error {
	restoreString(&m.EnvironmentRolePermissionBoundary, values["EnvironmentRolePermissionBoundary"])
	if m.LakeFormationConfiguration != nil || values["ProvisioningConfigurations"] == nil {
		return nil
	}
	list, ok := values["ProvisioningConfigurations"].([]any)
	if !ok {
		return fmt.Errorf("ProvisioningConfigurations: expected an array, got %T",
			values["ProvisioningConfigurations"])
	}
	for _, e := range list {
		item, _ := e.(map[string]any)
		conf := liveObject(item, "LakeFormationConfiguration")
		if conf == nil {
			continue
		}
		excluded, err := readStringSet(conf["LocationRegistrationExcludeS3Locations"],
			types.SetNull(types.StringType))
		if err != nil {
			return fmt.Errorf("LocationRegistrationExcludeS3Locations: %w", err)
		}
		m.LakeFormationConfiguration = &lakeFormationConfigModel{
			LocationRegistrationRole:               readString(conf["LocationRegistrationRole"], types.StringNull()),
			LocationRegistrationExcludeS3Locations: excluded,
		}
	}

	return nil
}
