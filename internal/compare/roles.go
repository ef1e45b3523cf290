package compare

import (
	"fmt"
	"sort"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/tfstate"
)

// rolePolicies are the normalized IAM documents of one role.
type rolePolicies struct {
	name    string
	trust   any
	inline  map[string]any
	managed []string
}

// stateRolePolicies reads the policies of a smus_iam_role from its state
// attributes. A document that is not valid JSON is an error.
func (c *comparer) stateRolePolicies(r tfstate.Resource) (rolePolicies, error) {
	p := rolePolicies{inline: map[string]any{}}
	p.name, _ = r.Attributes["name"].(string)
	trust, err := c.policy(r.Attributes["assume_role_policy"], "assume_role_policy")
	if err != nil {
		return p, err
	}
	p.trust = trust
	if inline, ok := r.Attributes["inline_policies"].(map[string]any); ok {
		for name, doc := range inline {
			v, err := c.policy(doc, fmt.Sprintf("inline_policies[%q]", name))
			if err != nil {
				return p, err
			}
			p.inline[c.norm.String(name)] = v
		}
	}
	p.managed = c.normalizedStrings(r.Attributes["managed_policy_arns"])

	return p, nil
}

// livePolicies reads the policies of an AWS::IAM::Role read model.
func (c *comparer) livePolicies(model map[string]any) (rolePolicies, error) {
	p := rolePolicies{inline: map[string]any{}}
	p.name, _ = model["RoleName"].(string)
	trust, err := c.policy(model["AssumeRolePolicyDocument"], "AssumeRolePolicyDocument")
	if err != nil {
		return p, err
	}
	p.trust = trust
	list, _ := model["Policies"].([]any)
	for _, e := range list {
		m, _ := e.(map[string]any)
		name, _ := m["PolicyName"].(string)
		v, err := c.policy(m["PolicyDocument"], fmt.Sprintf("Policies[%q].PolicyDocument", name))
		if err != nil {
			return p, err
		}
		p.inline[c.norm.String(name)] = v
	}
	p.managed = c.normalizedStrings(model["ManagedPolicyArns"])

	return p, nil
}

// policy decodes and normalizes one policy document; nil stays nil.
func (c *comparer) policy(v any, what string) (any, error) {
	if v == nil || v == "" {
		return nil, nil
	}
	doc, err := awstype.ParsePolicy(v)
	if err != nil {
		return nil, fmt.Errorf("%s: %w; fix the document so that it is a JSON object "+
			"(check quotes and commas), then apply again", what, err)
	}

	return awstype.NormalizePolicy(c.norm.Value(doc)), nil
}

func (c *comparer) normalizedStrings(v any) []string {
	var out []string
	for _, s := range stringList(v) {
		out = append(out, c.norm.String(s))
	}
	sort.Strings(out)

	return out
}

// diffRolePolicies compares the trust policy, each inline policy by name,
// and the managed policy attachments of two roles.
func diffRolePolicies(from, to rolePolicies) []StatementDiff {
	out := DiffPolicy(PolicyTrust, from.trust, to.trust)
	names := map[string]bool{}
	for n := range from.inline {
		names[n] = true
	}
	for n := range to.inline {
		names[n] = true
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	for _, n := range sorted {
		out = append(out, DiffPolicy("inline:"+n, from.inline[n], to.inline[n])...)
	}

	return append(out, DiffManagedPolicies(from.managed, to.managed)...)
}

// projectsByRole maps smus_iam_role addresses to the names of the projects
// whose execution role they are, in either environment.
func (c *comparer) projectsByRole(envs ...map[string]tfstate.Resource) map[string][]string {
	out := map[string][]string{}
	for _, env := range envs {
		roleByARN := map[string]string{}
		for addr, r := range env {
			if arn, ok := r.Attributes["arn"].(string); ok && r.Type == "smus_iam_role" && arn != "" {
				roleByARN[arn] = addr
			}
		}
		for _, r := range env {
			arn, _ := r.Attributes["project_execution_role"].(string)
			role, ok := roleByARN[arn]
			if r.Type != "smus_project" || !ok {
				continue
			}
			name, _ := r.Attributes["name"].(string)
			out[role] = appendUnique(out[role], c.norm.String(name))
		}
	}
	for k := range out {
		sort.Strings(out[k])
	}

	return out
}

func appendUnique(list []string, s string) []string {
	for _, e := range list {
		if e == s {
			return list
		}
	}

	return append(list, s)
}
