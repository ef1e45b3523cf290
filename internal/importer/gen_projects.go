package importer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

const (
	typeProject    = "smus_project"
	typeMembership = "smus_project_membership"
)

// designations lists the values a membership's designation takes.
const designations = "PROJECT_OWNER, PROJECT_CONTRIBUTOR, PROJECT_CATALOG_VIEWER, PROJECT_CATALOG_CONSUMER " +
	"or PROJECT_CATALOG_STEWARD"

// projects renders the projects into projects.tf.
func (g *generator) projects() error {
	for _, r := range sortedByName(g.inv.Projects) {
		p := r.Properties
		name, _ := p["Name"].(string)
		id, _ := p["Id"].(string)
		g.projectNames[id] = name
		address, adopted := g.place(typeProject, snakeCase(name, "project"), r.Identifier,
			func(e ExistingResource) bool {
				return literalIs(e, "name", name) && pointsTo(e, "domain_id", g.domainID(), g.domainAddress, "id")
			})
		g.projectAddress[id] = address
		if adopted {
			continue
		}
		g.block(FileProjects, address, g.projectAttributes(address, name, id, r))
	}

	return nil
}

func (g *generator) projectAttributes(address, name, id string, r cloudcontrol.Resource) attrs {
	p := r.Properties
	local := localName(address)
	getProject := fmt.Sprintf("`aws datazone get-project --domain-identifier %s --identifier %s`", g.domainID(), id)
	values, read := g.inv.writeOnlyValues(awstype.Project.Name, r.Identifier)

	var a attrs
	a.add("domain_id", g.domainRef())
	a.add("name", str(name))
	a.add("description", str(p["Description"]))
	if profileID, _ := values["ProjectProfileId"].(string); profileID != "" {
		a.add("project_profile_id", g.profileRef(profileID))
	} else {
		if read {
			g.warn("DataZone GetProject returned no project profile id for project %q (%s), so it is a "+
				"required input variable.", name, id)
		}
		a.add("project_profile_id", g.addVariable(Variable{
			Name: "project_" + local + "_profile_id",
			Type: "string",
			Description: fmt.Sprintf("Project profile id of project %q (%s): the id of the project profile "+
				"it was created from%s. Cloud Control never returns it; see the project overview in the "+
				"Amazon SageMaker Unified Studio portal or %s (projectProfileId). You may replace the "+
				"variable with a reference such as smus_project_profile.NAME.profile_id.",
				name, id, g.profileChoices(), getProject),
			Required: true,
		}))
	}
	a.add("project_execution_role", g.addVariable(Variable{
		Name: "project_" + local + "_execution_role",
		Type: "string",
		Description: fmt.Sprintf("ARN of the execution role of project %q (%s), or null if it was created "+
			"without one. No AWS API returns it, so take it from the CreateProject request or template "+
			"that created the project. When it is set, the first plan after the import shows it as added "+
			"in place, and applying that plan only records it in the state.", name, id),
	}))
	if read {
		a.add("user_parameters", userParameters(values["UserParameters"]))
	} else {
		a.add("user_parameters", g.addVariable(Variable{
			Name: "project_" + local + "_user_parameters",
			Type: "map(map(string))",
			Description: fmt.Sprintf("User parameters of project %q (%s) as entered at its creation, keyed "+
				"by environment configuration name and then parameter name, or null if none were entered. "+
				"Cloud Control never returns them; see %s.", name, id, getProject),
		}))
	}
	a.add("glossary_terms", stringSet(p["GlossaryTerms"]))
	a.add("domain_unit_id", g.domainUnit(p["DomainUnitId"]))

	return a
}

// profileRef returns a reference to the profile_id of an imported or
// adopted project profile, or the id as a literal for another profile.
func (g *generator) profileRef(id string) hclwrite.Tokens {
	if address, ok := g.profileAddress[id]; ok {
		return ref(address, "profile_id")
	}

	return str(id)
}

// userParameters renders [{EnvironmentConfigurationName,
// EnvironmentParameters: [{Name, Value}]}] as a map of maps keyed by
// configuration name, or nil when there are none. A configuration without
// parameters is an empty map, as the provider reads it after an import.
func userParameters(v any) hclwrite.Tokens {
	list, _ := v.([]any)
	configs := map[string]hclwrite.Tokens{}
	for _, e := range list {
		obj, _ := e.(map[string]any)
		name, ok := obj["EnvironmentConfigurationName"].(string)
		if !ok {
			continue
		}
		params := keyValueMap(obj["EnvironmentParameters"], "Name", "Value")
		if params == nil {
			params = hclwrite.TokensForValue(cty.EmptyObjectVal)
		}
		configs[name] = params
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

// profileChoices lists the imported profiles for a variable description.
func (g *generator) profileChoices() string {
	var choices []string
	for _, r := range sortedByName(g.inv.Profiles) {
		name, _ := r.Properties["Name"].(string)
		id, _ := r.Properties["Id"].(string)
		choices = append(choices, fmt.Sprintf("%q (%s, id %s)", name, g.profileAddress[id], id))
	}
	if len(choices) == 0 {
		return ""
	}

	return "; the domain's profiles are " + strings.Join(choices, ", ")
}

// memberships renders the project memberships into projects.tf.
func (g *generator) memberships() error {
	for _, r := range g.inv.Memberships {
		p := r.Properties
		projectID, _ := p["ProjectIdentifier"].(string)
		member, _ := p["MemberIdentifier"].(string)
		memberAttr, kind := "user_identifier", "user"
		if p["MemberIdentifierType"] == "GROUP_IDENTIFIER" {
			memberAttr, kind = "group_identifier", "group"
		}
		projectAddress, ok := g.projectAddress[projectID]
		if !ok {
			g.note("Membership %s belongs to project %s, which was not found in the domain, so it was not "+
				"imported.", r.Identifier, projectID)

			continue
		}
		// NOTE: the member is named by its DataZone profile id, the form the
		// identifier carries. A block that names the member by IAM ARN or
		// user name is not matched for adoption.
		base := localName(projectAddress) + "_" + kind + "_" + snakeWords(member)
		address, adopted := g.place(typeMembership, base, r.Identifier, func(e ExistingResource) bool {
			return literalIs(e, memberAttr, member) &&
				pointsTo(e, "project_id", projectID, projectAddress, "project_id") &&
				pointsTo(e, "domain_id", g.domainID(), g.domainAddress, "id")
		})
		if adopted {
			continue
		}

		var a attrs
		a.add("domain_id", g.domainRef())
		a.add("project_id", ref(projectAddress, "project_id"))
		a.add(memberAttr, str(member))
		a.add("designation", g.designation(r, address, member, projectID))
		g.block(FileProjects, address, a)
	}

	return nil
}

// designation returns the designation DataZone returned for a membership
// as a literal, or else a required variable.
func (g *generator) designation(r cloudcontrol.Resource, address, member, projectID string) hclwrite.Tokens {
	values, read := g.inv.writeOnlyValues(awstype.ProjectMembership.Name, r.Identifier)
	if designation := str(values["Designation"]); designation != nil {
		return designation
	}
	if read {
		g.warn("DataZone ListProjectMemberships returned no designation for member %s of project %q, so "+
			"it is a required input variable.", member, g.projectNames[projectID])
	}

	return g.addVariable(Variable{
		Name: "membership_" + localName(address) + "_designation",
		Type: "string",
		Description: fmt.Sprintf("Designation of member %s in project %q: %s. Cloud Control never "+
			"returns it; see the project's members in the portal or `aws datazone "+
			"list-project-memberships --domain-identifier %s --project-identifier %s` (designation).",
			member, g.projectNames[projectID], designations, g.domainID(), projectID),
		Required: true,
	})
}

// sortedByName returns the resources sorted by the Terraform name their
// Name gives, then by identifier, so that suffixes for duplicate names are
// handed out in a stable order.
func sortedByName(list []cloudcontrol.Resource) []cloudcontrol.Resource {
	out := append([]cloudcontrol.Resource(nil), list...)
	key := func(r cloudcontrol.Resource) string {
		name, _ := r.Properties["Name"].(string)

		return snakeCase(name, "")
	}
	sort.SliceStable(out, func(a, b int) bool {
		ka, kb := key(out[a]), key(out[b])
		if ka != kb {
			return ka < kb
		}

		return out[a].Identifier < out[b].Identifier
	})

	return out
}
