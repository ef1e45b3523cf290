package importer

import (
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

const typeProfile = "smus_project_profile"

// profiles renders the project profiles into profiles.tf.
func (g *generator) profiles() error {
	for _, r := range sortedByName(g.inv.Profiles) {
		p := r.Properties
		name, _ := p["Name"].(string)
		id, _ := p["Id"].(string)
		address, adopted := g.place(typeProfile, snakeCase(name, "profile"), r.Identifier,
			func(e ExistingResource) bool {
				return literalIs(e, "name", name) && pointsTo(e, "domain_id", g.domainID(), g.domainAddress, "id")
			})
		g.profileAddress[id] = address
		if adopted {
			continue
		}

		var a attrs
		a.add("domain_id", g.domainRef())
		a.add("name", str(name))
		a.add("description", str(p["Description"]))
		if status, _ := p["Status"].(string); status != "" && status != "ENABLED" {
			a.add("status", str(status))
		}
		a.add("domain_unit_id", g.domainUnit(p["DomainUnitId"]))
		a.add("environment_configurations", g.environmentConfigurations(p["EnvironmentConfigurations"]))
		g.block(FileProfiles, address, a)
	}

	return nil
}

// environmentConfigurations renders the configurations as a map keyed by
// configuration name, or nil when there are none.
func (g *generator) environmentConfigurations(v any) hclwrite.Tokens {
	list, _ := v.([]any)
	configs := map[string]hclwrite.Tokens{}
	for _, e := range list {
		c, _ := e.(map[string]any)
		name, ok := c["Name"].(string)
		if !ok {
			continue
		}
		configs[name] = g.environmentConfiguration(c)
	}
	if len(configs) == 0 {
		return nil
	}
	var a attrs
	for _, name := range sortedKeys(configs) {
		a.add(name, configs[name])
	}

	return a.object()
}

func (g *generator) environmentConfiguration(c map[string]any) hclwrite.Tokens {
	var a attrs
	blueprintID, _ := c["EnvironmentBlueprintId"].(string)
	if address, ok := g.blueprintAddress[blueprintID]; ok {
		a.add("blueprint_id", ref(address, "blueprint_id"))
	} else {
		a.add("blueprint_id", str(blueprintID))
	}
	a.add("description", str(c["Description"]))
	a.add("deployment_mode", str(c["DeploymentMode"]))
	a.add("deployment_order", number(c["DeploymentOrder"]))
	account, _ := c["AwsAccount"].(map[string]any)
	a.add("aws_account_id", str(account["AwsAccountId"]))
	region, _ := c["AwsRegion"].(map[string]any)
	a.add("aws_region", str(region["RegionName"]))
	params, _ := c["ConfigurationParameters"].(map[string]any)
	a.add("parameter_overrides", parameterOverrides(params["ParameterOverrides"]))

	return a.object()
}

// parameterOverrides renders [{Name, Value, IsEditable}] as a map keyed by
// name. is_editable is written only when true, its default being false.
func parameterOverrides(v any) hclwrite.Tokens {
	list, _ := v.([]any)
	overrides := map[string]hclwrite.Tokens{}
	for _, e := range list {
		o, _ := e.(map[string]any)
		name, ok := o["Name"].(string)
		if !ok {
			continue
		}
		var a attrs
		a.add("value", str(o["Value"]))
		if editable, _ := o["IsEditable"].(bool); editable {
			a.add("is_editable", hclwrite.TokensForValue(cty.True))
		}
		overrides[name] = a.object()
	}
	if len(overrides) == 0 {
		return nil
	}
	var a attrs
	for _, name := range sortedKeys(overrides) {
		a.add(name, overrides[name])
	}

	return a.object()
}
