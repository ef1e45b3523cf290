package importer

import (
	"fmt"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/smus-dev/smus/internal/awstype"
)

const (
	typeDomain    = "smus_domain"
	typeBlueprint = "smus_blueprint"
)

// domain renders the domain into domain.tf.
func (g *generator) domain() error {
	p := g.inv.Domain.Properties
	name, _ := p["Name"].(string)
	address, adopted := g.place(typeDomain, snakeCase(name, "domain"), g.inv.Domain.Identifier,
		func(e ExistingResource) bool { return literalIs(e, "name", name) })
	g.domainAddress = address
	if adopted {
		return nil
	}

	var a attrs
	a.add("name", str(name))
	a.add("description", str(p["Description"]))
	a.add("domain_execution_role", g.roleRef(p["DomainExecutionRole"]))
	if values, read := g.inv.writeOnlyValues(awstype.Domain.Name, g.inv.Domain.Identifier); read {
		a.add("service_role", g.roleRef(values["ServiceRole"]))
	} else {
		a.add("service_role", g.addVariable(Variable{
			Name: "domain_" + localName(address) + "_service_role",
			Type: "string",
			Description: fmt.Sprintf("ARN of the service role of domain %q (%s), or null if it has none. "+
				"Cloud Control never returns it; find it in the domain's details in the Amazon SageMaker "+
				"console or with `aws datazone get-domain --identifier %s` (serviceRole).",
				name, g.domainID(), g.domainID()),
		}))
	}
	if version, _ := p["DomainVersion"].(string); version != "" && version != "V2" {
		a.add("domain_version", str(version))
	}
	a.add("kms_key_identifier", str(p["KmsKeyIdentifier"]))
	if sso, ok := p["SingleSignOn"].(map[string]any); ok {
		var s attrs
		s.add("type", str(sso["Type"]))
		s.add("user_assignment", str(sso["UserAssignment"]))
		s.add("idc_instance_arn", str(sso["IdcInstanceArn"]))
		if len(s) > 0 {
			a.add("single_sign_on", s.object())
		}
	}
	a.add("tags", keyValueMap(p["Tags"], "Key", "Value"))
	g.block(FileDomain, address, a)

	return nil
}

// domainRef returns a reference to the domain id.
func (g *generator) domainRef() hclwrite.Tokens { return ref(g.domainAddress, "id") }

// domainUnit returns the domain unit id to declare: nil for the domain's
// root unit, which is the default, and the literal id otherwise.
func (g *generator) domainUnit(v any) hclwrite.Tokens {
	if v == g.inv.Domain.Properties["RootDomainUnitId"] {
		return nil
	}

	return str(v)
}

// blueprints renders the blueprint configurations into blueprints.tf.
func (g *generator) blueprints() error {
	for _, b := range g.inv.Blueprints {
		p := b.Properties
		blueprintID, _ := p["EnvironmentBlueprintId"].(string)
		if b.Name == "" {
			g.note("Blueprint configuration %s enables blueprint %s, which is not a managed blueprint; "+
				"smus_blueprint supports managed blueprints only, so it was not imported.", b.Identifier, blueprintID)

			continue
		}
		address, adopted := g.place(typeBlueprint, snakeCase(b.Name, "blueprint"), b.Identifier,
			func(e ExistingResource) bool {
				return literalIs(e, "blueprint_name", b.Name) &&
					pointsTo(e, "domain_id", g.domainID(), g.domainAddress, "id")
			})
		g.blueprintAddress[blueprintID] = address
		if adopted {
			continue
		}
		g.block(FileBlueprints, address, g.blueprintAttributes(b, address))
	}

	return nil
}

func (g *generator) blueprintAttributes(b Blueprint, address string) attrs {
	p := b.Properties
	regions := stringSet(p["EnabledRegions"])
	if regions == nil {
		regions = hclwrite.TokensForValue(cty.EmptyTupleVal)
	}
	values, read := g.inv.writeOnlyValues(awstype.EnvironmentBlueprintConfiguration.Name, b.Identifier)

	var a attrs
	a.add("domain_id", g.domainRef())
	a.add("blueprint_name", str(b.Name))
	a.add("enabled_regions", regions)
	a.add("provisioning_role_arn", g.roleRef(p["ProvisioningRoleArn"]))
	a.add("manage_access_role_arn", g.roleRef(p["ManageAccessRoleArn"]))
	if read {
		a.add("environment_role_permission_boundary", str(values["EnvironmentRolePermissionBoundary"]))
	} else {
		a.add("environment_role_permission_boundary", g.addVariable(g.blueprintVariable(b, address,
			"permission_boundary", "string", fmt.Sprintf("ARN of the managed policy used as permissions "+
				"boundary of the environment roles of blueprint %s, or null if none was set.", b.Name))))
	}
	a.add("regional_parameters", regionalParameters(p["RegionalParameters"]))
	a.add("global_parameters", g.addVariable(Variable{
		Name: "blueprint_" + localName(address) + "_global_parameters",
		Type: "map(string)",
		Description: fmt.Sprintf("Global parameters of blueprint %s by name, or null if none were set. "+
			"No AWS API returns them, so take them from the PutEnvironmentBlueprintConfiguration request "+
			"or template that configured the blueprint. When they are set, the first plan after the "+
			"import shows them as added in place, and applying that plan only records them in the state.",
			b.Name),
	}))
	if read {
		a.add("lake_formation_configuration", g.lakeFormation(values["ProvisioningConfigurations"]))
	} else {
		a.add("lake_formation_configuration", g.addVariable(g.blueprintVariable(b, address,
			"lake_formation_configuration", "object({ location_registration_role = optional(string), "+
				"location_registration_exclude_s3_locations = optional(set(string)) })",
			fmt.Sprintf("Lake Formation provisioning settings of blueprint %s (the role that registers "+
				"project S3 locations and the locations to leave out), or null if none were set.", b.Name))))
	}

	return a
}

// blueprintVariable returns the variable for a write-only value of a
// blueprint configuration that GetEnvironmentBlueprintConfiguration returns
// but that could not be read. what is the first sentence of its
// description.
func (g *generator) blueprintVariable(b Blueprint, address, suffix, typ, what string) Variable {
	return Variable{
		Name: "blueprint_" + localName(address) + "_" + suffix,
		Type: typ,
		Description: what + fmt.Sprintf(" Cloud Control never returns it; see the %s "+
			"blueprint in the domain's settings or `aws datazone get-environment-blueprint-configuration "+
			"--domain-identifier %s --environment-blueprint-identifier %s`.", b.Name, g.domainID(),
			b.Properties["EnvironmentBlueprintId"]),
	}
}

// lakeFormation renders the Lake Formation configuration among the
// provisioning configurations, or nil when there is none.
func (g *generator) lakeFormation(v any) hclwrite.Tokens {
	conf := lakeFormationConfiguration(v)
	if conf == nil {
		return nil
	}
	var a attrs
	a.add("location_registration_role", g.roleRef(conf["LocationRegistrationRole"]))
	a.add("location_registration_exclude_s3_locations", stringSet(conf["LocationRegistrationExcludeS3Locations"]))
	if len(a) == 0 {
		return hclwrite.TokensForValue(cty.EmptyObjectVal)
	}

	return a.object()
}

// lakeFormationConfiguration returns the LakeFormationConfiguration object
// of a ProvisioningConfigurations list, or nil when it has none. The last
// one wins, as in the provider's read after an import.
func lakeFormationConfiguration(v any) map[string]any {
	list, _ := v.([]any)
	var conf map[string]any
	for _, e := range list {
		item, _ := e.(map[string]any)
		if c, ok := item["LakeFormationConfiguration"].(map[string]any); ok {
			conf = c
		}
	}

	return conf
}

// regionalParameters renders [{Region, Parameters}] as a map of maps keyed
// by region, or nil when there are none.
func regionalParameters(v any) hclwrite.Tokens {
	list, _ := v.([]any)
	regions := map[string]hclwrite.Tokens{}
	for _, e := range list {
		obj, _ := e.(map[string]any)
		region, ok := obj["Region"].(string)
		if !ok {
			continue
		}
		params, _ := obj["Parameters"].(map[string]any)
		values := make(map[string]string, len(params))
		for k, v := range params {
			values[k] = fmt.Sprint(v)
		}
		inner := stringMap(values)
		if inner == nil {
			inner = hclwrite.TokensForValue(cty.EmptyObjectVal)
		}
		regions[region] = inner
	}
	if len(regions) == 0 {
		return nil
	}
	var a attrs
	for _, region := range sortedKeys(regions) {
		a.add(region, regions[region])
	}

	return a.object()
}

func localName(address string) string {
	_, name := splitAddress(address)

	return name
}
