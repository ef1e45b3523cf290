package importer

import (
	"fmt"
	"sort"

	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/smus-dev/smus/internal/cloudcontrol"
)

const typeRole = "smus_iam_role"

// roles renders the IAM roles, sorted by name, into roles.tf.
func (g *generator) roles() error {
	roles := append([]cloudcontrol.Resource(nil), g.inv.Roles...)
	sort.Slice(roles, func(a, b int) bool { return roles[a].Identifier < roles[b].Identifier })
	for _, r := range roles {
		p := r.Properties
		name, _ := p["RoleName"].(string)
		if name == "" {
			name = r.Identifier
		}
		address, adopted := g.place(typeRole, snakeCase(name, "role"), r.Identifier, func(e ExistingResource) bool {
			return literalIs(e, "name", name)
		})
		if arn, ok := p["Arn"].(string); ok {
			g.roleAddress[arn] = address
		}
		if adopted {
			continue
		}
		a, err := roleAttributes(name, p)
		if err != nil {
			return fmt.Errorf("generate role %s: %w", name, err)
		}
		g.block(FileRoles, address, a)
	}

	return nil
}

func roleAttributes(name string, p map[string]any) (attrs, error) {
	var a attrs
	a.add("name", str(name))
	if path, _ := p["Path"].(string); path != "/" {
		a.add("path", str(path))
	}
	a.add("description", str(p["Description"]))
	trust, err := policy(p["AssumeRolePolicyDocument"])
	if err != nil {
		return nil, fmt.Errorf("AssumeRolePolicyDocument: %w", err)
	}
	a.add("assume_role_policy", trust)
	inline, err := inlinePolicies(p["Policies"])
	if err != nil {
		return nil, err
	}
	a.add("inline_policies", inline)
	a.add("managed_policy_arns", stringSet(p["ManagedPolicyArns"]))
	a.add("permissions_boundary", str(p["PermissionsBoundary"]))
	a.add("max_session_duration", number(p["MaxSessionDuration"]))
	a.add("tags", keyValueMap(p["Tags"], "Key", "Value"))

	return a, nil
}

// inlinePolicies renders [{PolicyName, PolicyDocument}] as a map keyed by
// policy name, or nil when there are none.
func inlinePolicies(v any) (hclwrite.Tokens, error) {
	list, _ := v.([]any)
	docs := map[string]any{}
	for _, e := range list {
		obj, _ := e.(map[string]any)
		if name, ok := obj["PolicyName"].(string); ok {
			docs[name] = obj["PolicyDocument"]
		}
	}
	if len(docs) == 0 {
		return nil, nil
	}
	var a attrs
	for _, name := range sortedKeys(docs) {
		doc, err := policy(docs[name])
		if err != nil {
			return nil, fmt.Errorf("inline policy %s: %w", name, err)
		}
		a.add(name, doc)
	}

	return a.object(), nil
}

// roleRef returns a reference to the arn of an imported role, or the ARN
// as a literal when the role is not imported.
func (g *generator) roleRef(v any) hclwrite.Tokens {
	arn, _ := v.(string)
	if address, ok := g.roleAddress[arn]; ok {
		return ref(address, "arn")
	}

	return str(v)
}
