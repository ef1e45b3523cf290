package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func projectProfileState(ctx context.Context, live map[string]any, prior *projectProfileModel) (projectProfileModel,
	error,
) {
	domainID := readStringOr(live["DomainIdentifier"], prior.DomainID)
	out := projectProfileModel{
		DomainID:     readStringOr(live["DomainId"], domainID),
		Name:         readString(live["Name"], prior.Name),
		Description:  readString(live["Description"], prior.Description),
		Status:       readStringDefault(live["Status"], "ENABLED"),
		DomainUnitID: readStringOr(live["DomainUnitId"], prior.DomainUnitID),
		ProfileID:    readStringOr(live["Id"], readStringOr(live["Identifier"], prior.ProfileID)),
	}

	var priorConfigs map[string]envConfigModel
	if known(prior.EnvironmentConfigurations) {
		if err := diagErr(prior.EnvironmentConfigurations.ElementsAs(ctx, &priorConfigs, false)); err != nil {
			return out, fmt.Errorf("prior environment_configurations: %w", err)
		}
	}
	list, _ := live["EnvironmentConfigurations"].([]any)
	configs := make(map[string]envConfigModel, len(list))
	for _, e := range list {
		obj, _ := e.(map[string]any)
		name, ok := obj["Name"].(string)
		if !ok {
			return out, fmt.Errorf("EnvironmentConfigurations: element without a Name: %v", e)
		}
		c, err := envConfigState(ctx, obj, priorConfigs[name])
		if err != nil {
			return out, fmt.Errorf("EnvironmentConfigurations %q: %w", name, err)
		}
		configs[name] = c
	}

	if len(configs) == 0 {
		out.EnvironmentConfigurations = types.MapNull(envConfigType)
		if known(prior.EnvironmentConfigurations) && len(priorConfigs) == 0 {
			out.EnvironmentConfigurations = prior.EnvironmentConfigurations
		}

		return out, nil
	}
	value, diags := types.MapValueFrom(ctx, envConfigType, configs)
	out.EnvironmentConfigurations = value

	return out, diagErr(diags)
}

// envConfigState reads one environment configuration; prior is the zero
// value when the configuration is new to the state.
func envConfigState(ctx context.Context, live map[string]any, prior envConfigModel) (envConfigModel, error) {
	order, err := readInt64(live["DeploymentOrder"])
	if err != nil {
		return envConfigModel{}, fmt.Errorf("DeploymentOrder: %w", err)
	}
	out := envConfigModel{
		BlueprintID:     readString(live["EnvironmentBlueprintId"], prior.BlueprintID),
		Description:     readString(live["Description"], prior.Description),
		DeploymentMode:  readString(live["DeploymentMode"], prior.DeploymentMode),
		DeploymentOrder: order,
		AWSAccountID:    readString(liveObject(live, "AwsAccount")["AwsAccountId"], prior.AWSAccountID),
		AWSRegion:       readString(liveObject(live, "AwsRegion")["RegionName"], prior.AWSRegion),
	}

	var priorOverrides map[string]parameterOverrideModel
	if known(prior.ParameterOverrides) {
		if err := diagErr(prior.ParameterOverrides.ElementsAs(ctx, &priorOverrides, false)); err != nil {
			return out, fmt.Errorf("prior parameter_overrides: %w", err)
		}
	}
	overrides, _ := liveObject(live, "ConfigurationParameters")["ParameterOverrides"].([]any)
	values := make(map[string]parameterOverrideModel, len(overrides))
	for _, e := range overrides {
		obj, _ := e.(map[string]any)
		name, ok := obj["Name"].(string)
		if !ok {
			return out, fmt.Errorf("ParameterOverrides: element without a Name: %v", e)
		}
		editable, _ := obj["IsEditable"].(bool)
		values[name] = parameterOverrideModel{
			Value:      readString(obj["Value"], priorOverrides[name].Value),
			IsEditable: types.BoolValue(editable),
		}
	}
	if len(values) == 0 {
		out.ParameterOverrides = types.MapNull(parameterOverrideType)
		if known(prior.ParameterOverrides) && len(prior.ParameterOverrides.Elements()) == 0 {
			out.ParameterOverrides = prior.ParameterOverrides
		}

		return out, nil
	}
	value, diags := types.MapValueFrom(ctx, parameterOverrideType, values)
	out.ParameterOverrides = value

	return out, diagErr(diags)
}
