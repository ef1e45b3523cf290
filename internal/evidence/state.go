package evidence

import (
	"fmt"
	"sort"
	"strings"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/tfstate"
)

// index contains the smus resources of a state, grouped by type.
type index struct {
	projects, profiles, blueprints, memberships, grants, roles []tfstate.Resource
}

func newIndex(st *tfstate.State) *index {
	ix := &index{}
	for _, r := range st.Managed("smus_") {
		switch r.Type {
		case "smus_project":
			ix.projects = append(ix.projects, r)
		case "smus_project_profile":
			ix.profiles = append(ix.profiles, r)
		case "smus_blueprint":
			ix.blueprints = append(ix.blueprints, r)
		case "smus_project_membership":
			ix.memberships = append(ix.memberships, r)
		case "smus_lake_formation_permissions":
			ix.grants = append(ix.grants, r)
		case "smus_iam_role":
			ix.roles = append(ix.roles, r)
		}
	}

	return ix
}

// selectProjects returns the projects named name, or all of them when name
// is empty.
func (ix *index) selectProjects(name string) ([]tfstate.Resource, error) {
	if len(ix.projects) == 0 {
		return nil, fmt.Errorf("the state has no smus_project resources, so there is no project to collect " +
			"evidence for; pass the state of an environment that uses the smus provider")
	}
	if name == "" {
		return ix.projects, nil
	}
	var out []tfstate.Resource
	names := make([]string, 0, len(ix.projects))
	for _, p := range ix.projects {
		n := str(p.Attributes, "name")
		names = append(names, n)
		if n == name {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		sort.Strings(names)

		return nil, fmt.Errorf("project %q not found in the state; it has %s", name, strings.Join(names, ", "))
	}

	return out, nil
}

// checkPolicies rejects smus_iam_role policy documents in state that are
// not valid JSON.
func (ix *index) checkPolicies() error {
	for _, r := range ix.roles {
		if v, ok := r.Attributes["assume_role_policy"].(string); ok && v != "" {
			if _, err := awstype.ParsePolicy(v); err != nil {
				return invalidStatePolicy(r.Address, "assume_role_policy", err)
			}
		}
		inline, _ := r.Attributes["inline_policies"].(map[string]any)
		for name, v := range inline {
			if _, err := awstype.ParsePolicy(v); err != nil {
				return invalidStatePolicy(r.Address, fmt.Sprintf("inline_policies[%q]", name), err)
			}
		}
	}

	return nil
}

func invalidStatePolicy(address, attr string, err error) error {
	return fmt.Errorf("%s.%s in state: %w; fix the document in the configuration (a JSON object, or "+
		"jsonencode(...)) and apply again before collecting evidence", address, attr, err)
}

// project builds the state part of one project's evidence.
func (ix *index) project(p tfstate.Resource) Project {
	a := p.Attributes
	out := Project{
		Address: p.Address, Name: str(a, "name"), ID: str(a, "project_id"), DomainID: str(a, "domain_id"),
		Description: str(a, "description"), ExecutionRole: str(a, "project_execution_role"),
		Blueprints: []Blueprint{}, LakeFormation: []Grant{}, Members: []Member{}, RoleArns: []string{},
	}
	if out.ID == "" {
		_, out.ID, _ = strings.Cut(str(a, "id"), "|")
	}
	out.Profile = ix.profile(out.DomainID, str(a, "project_profile_id"))
	if out.Profile != nil {
		out.Blueprints = ix.blueprintsOf(out.DomainID, out.Profile)
	}
	for _, m := range ix.memberships {
		if str(m.Attributes, "project_id") == out.ID && str(m.Attributes, "domain_id") == out.DomainID {
			out.Members = append(out.Members, Member{Address: m.Address, User: str(m.Attributes, "user_identifier"),
				Group: str(m.Attributes, "group_identifier"), Designation: str(m.Attributes, "designation")})
		}
	}
	roles := map[string]bool{}
	if out.ExecutionRole != "" {
		roles[out.ExecutionRole] = true
	}
	for _, g := range ix.grants {
		principal := str(g.Attributes, "principal")
		if (principal != "" && principal == out.ExecutionRole) || (p.Module != "" && g.Module == p.Module) {
			out.LakeFormation = append(out.LakeFormation, grantOf(g))
			roles[principal] = true
		}
	}
	for arn := range roles {
		out.RoleArns = append(out.RoleArns, arn)
	}
	sort.Strings(out.RoleArns)

	return out
}

func (ix *index) profile(domainID, profileID string) *Profile {
	for _, r := range ix.profiles {
		a := r.Attributes
		if str(a, "profile_id") != profileID || str(a, "domain_id") != domainID || profileID == "" {
			continue
		}
		p := &Profile{Address: r.Address, Name: str(a, "name"), ID: profileID, Status: str(a, "status"),
			EnvironmentConfigurations: []EnvironmentConfiguration{}}
		configs, _ := a["environment_configurations"].(map[string]any)
		for _, name := range sortedKeys(configs) {
			c, _ := configs[name].(map[string]any)
			p.EnvironmentConfigurations = append(p.EnvironmentConfigurations, EnvironmentConfiguration{
				Name: name, BlueprintID: str(c, "blueprint_id"), DeploymentMode: str(c, "deployment_mode"),
				DeploymentOrder: c["deployment_order"], Region: str(c, "aws_region"), AccountID: str(c, "aws_account_id"),
			})
		}

		return p
	}

	return nil
}

// blueprintsOf returns the blueprints that the profile's configurations
// use and fills in their names.
func (ix *index) blueprintsOf(domainID string, p *Profile) []Blueprint {
	out := []Blueprint{}
	seen := map[string]bool{}
	for i, c := range p.EnvironmentConfigurations {
		for _, r := range ix.blueprints {
			a := r.Attributes
			if str(a, "blueprint_id") != c.BlueprintID || str(a, "domain_id") != domainID {
				continue
			}
			p.EnvironmentConfigurations[i].BlueprintName = str(a, "blueprint_name")
			if seen[r.Address] {
				continue
			}
			seen[r.Address] = true
			out = append(out, Blueprint{Address: r.Address, Name: str(a, "blueprint_name"), ID: c.BlueprintID,
				EnabledRegions: stringSet(a["enabled_regions"]), ProvisioningRoleArn: str(a, "provisioning_role_arn"),
				ManageAccessRoleArn: str(a, "manage_access_role_arn")})
		}
	}

	return out
}

func grantOf(g tfstate.Resource) Grant {
	a := g.Attributes
	var resource any
	for _, k := range []string{"database", "table", "data_location"} {
		if v, ok := a[k].(map[string]any); ok && v != nil {
			resource = map[string]any{k: v}
		}
	}

	return Grant{Address: g.Address, Principal: str(a, "principal"), Resource: resource,
		Permissions: stringSet(a["permissions"]), PermissionsWithGrantOption: stringSet(a["permissions_with_grant_option"])}
}

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)

	return s
}

func stringSet(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, e := range list {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	sort.Strings(out)

	return out
}

func sortedKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)

	return out
}
