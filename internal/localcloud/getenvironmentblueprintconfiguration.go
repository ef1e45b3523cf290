package localcloud

import (
	"github.com/smus-dev/smus/internal/awstype"
)

// getBlueprintConfigurationOutput is the GetEnvironmentBlueprintConfiguration
// output. It has no globalParameters member: the API does not return them.
type getBlueprintConfigurationOutput struct {
	DomainID                          string                       `json:"domainId"`
	EnvironmentBlueprintID            string                       `json:"environmentBlueprintId"`
	EnabledRegions                    []string                     `json:"enabledRegions,omitempty"`
	ProvisioningRoleArn               string                       `json:"provisioningRoleArn,omitempty"`
	ManageAccessRoleArn               string                       `json:"manageAccessRoleArn,omitempty"`
	EnvironmentRolePermissionBoundary string                       `json:"environmentRolePermissionBoundary,omitempty"`
	ProvisioningConfigurations        []provisioningConfiguration  `json:"provisioningConfigurations,omitempty"`
	RegionalParameters                map[string]map[string]string `json:"regionalParameters,omitempty"`
	CreatedAt                         string                       `json:"createdAt,omitempty"`
	UpdatedAt                         string                       `json:"updatedAt,omitempty"`
}

// provisioningConfiguration is a union; lakeFormationConfiguration is its
// only member.
type provisioningConfiguration struct {
	LakeFormationConfiguration *lakeFormationConfiguration `json:"lakeFormationConfiguration"`
}

type lakeFormationConfiguration struct {
	LocationRegistrationRole               string   `json:"locationRegistrationRole,omitempty"`
	LocationRegistrationExcludeS3Locations []string `json:"locationRegistrationExcludeS3Locations,omitempty"`
}

// getBlueprintConfiguration implements GetEnvironmentBlueprintConfiguration:
// GET /v2/domains/{domainIdentifier}/environment-blueprint-configurations/
// {environmentBlueprintIdentifier}. Unlike a Cloud Control read, it returns
// the permissions boundary and the provisioning configurations.
func (c *Cloud) getBlueprintConfiguration(call *apiCall, domainID, blueprint string) (any, *APIError) {
	c.settle()
	c.mu.RLock()
	defer c.mu.RUnlock()
	dom, apiErr := c.dataZoneDomain(call, domainID)
	if apiErr != nil {
		return nil, apiErr
	}
	blueprintID, _ := resolveBlueprint(dom, blueprint)
	t := awstype.EnvironmentBlueprintConfiguration
	cfg := c.st.resources[keyFor(call.account, call.region, t, domainID+"|"+blueprintID)]
	if blueprintID == "" || cfg == nil {
		return nil, apiErrorf("ResourceNotFoundException",
			"Environment blueprint %s has no configuration in domain %s.", blueprint, domainID)
	}
	m := cfg.Model
	out := &getBlueprintConfigurationOutput{
		DomainID:                          domainID,
		EnvironmentBlueprintID:            blueprintID,
		EnabledRegions:                    stringsAt(m, "EnabledRegions"),
		ProvisioningRoleArn:               stringAt(m, "ProvisioningRoleArn"),
		ManageAccessRoleArn:               stringAt(m, "ManageAccessRoleArn"),
		EnvironmentRolePermissionBoundary: stringAt(m, "EnvironmentRolePermissionBoundary"),
		CreatedAt:                         stringAt(m, "CreatedAt"),
		UpdatedAt:                         stringAt(m, "UpdatedAt"),
	}
	for _, v := range listAt(m, "ProvisioningConfigurations") {
		item, _ := v.(map[string]any)
		lf := objectAt(item, "LakeFormationConfiguration")
		if lf == nil {
			continue
		}
		out.ProvisioningConfigurations = append(out.ProvisioningConfigurations, provisioningConfiguration{
			LakeFormationConfiguration: &lakeFormationConfiguration{
				LocationRegistrationRole:               stringAt(lf, "LocationRegistrationRole"),
				LocationRegistrationExcludeS3Locations: stringsAt(lf, "LocationRegistrationExcludeS3Locations"),
			},
		})
	}
	for _, v := range listAt(m, "RegionalParameters") {
		rp, _ := v.(map[string]any)
		if out.RegionalParameters == nil {
			out.RegionalParameters = map[string]map[string]string{}
		}
		out.RegionalParameters[stringAt(rp, "Region")] = stringMapOf(rp["Parameters"])
	}

	return out, nil
}
