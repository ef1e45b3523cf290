package evidencetest

import (
	"encoding/json"
	"fmt"
)

const provider = `provider["registry.terraform.io/smus-dev/smus"]`

// declare adds one resource instance to the state.
func (b *builder) declare(module, typ, name string, attrs map[string]any) {
	r := map[string]any{"mode": "managed", "type": typ, "name": name, "provider": provider,
		"instances": []any{map[string]any{"schema_version": 0, "attributes": attrs}}}
	if module != "" {
		r["module"] = module
	}
	b.mu.Lock()
	b.resources = append(b.resources, r)
	b.mu.Unlock()
}

func (b *builder) declareShared() {
	env := b.env
	b.declare("", "smus_domain", "main", map[string]any{
		"id": b.domainID, "name": "analytics-" + env.Name, "domain_version": "V2",
		"domain_execution_role": b.roleARN("AmazonSageMakerDomainExecution"),
		"arn":                   fmt.Sprintf("arn:aws:datazone:%s:%s:domain/%s", env.Region, env.Account, b.domainID),
		"status":                "AVAILABLE", "timeouts": nil,
	})
	b.declare("", "smus_blueprint", "tooling", map[string]any{
		"id": b.domainID + "|" + b.blueprintID, "domain_id": b.domainID, "blueprint_name": "Tooling",
		"blueprint_id": b.blueprintID, "enabled_regions": []any{env.Region},
		"provisioning_role_arn": b.roleARN("AmazonSageMakerProvisioning-" + env.Account),
		"regional_parameters":   map[string]any{env.Region: map[string]any{"S3Location": "s3://" + b.bucket()}},
	})
	b.declare("", "smus_project_profile", "default", map[string]any{
		"id": b.domainID + "|" + b.profileID, "domain_id": b.domainID, "name": "All capabilities",
		"status": "ENABLED", "profile_id": b.profileID,
		"environment_configurations": map[string]any{"Tooling": map[string]any{
			"blueprint_id": b.blueprintID, "deployment_mode": "ON_CREATE", "deployment_order": 0,
			"aws_region": env.Region,
		}},
	})
}

func (b *builder) declareRole(name string, p Project, arn, policy string) {
	access, _ := json.Marshal(AccessPolicy(b.bucket(), p.Actions))
	b.declare(projectModule(p), "smus_iam_role", "this", map[string]any{
		"id": name, "name": name, "path": "/", "arn": arn, "role_id": "AROA" + upper(randomID(17)),
		"assume_role_policy":  TrustPolicy,
		"inline_policies":     map[string]any{"access": string(access)},
		"managed_policy_arns": []any{AWSManagedPolicy, policy},
		"timeouts":            nil,
	})
}

func (b *builder) declareProject(p Project, grantID string) {
	module := projectModule(p)
	projectID := randomID(14)
	role := b.roleARN(b.roleName(p))
	b.declare(module, "smus_project", "this", map[string]any{
		"id": b.domainID + "|" + projectID, "domain_id": b.domainID, "name": p.Name,
		"project_id": projectID, "project_profile_id": b.profileID, "project_execution_role": role,
		"project_status": "ACTIVE", "timeouts": nil,
	})
	b.declare(module, "smus_project_membership", "owner", map[string]any{
		"id":        b.domainID + "|" + randomID(14) + "|USER_IDENTIFIER|" + projectID,
		"domain_id": b.domainID, "project_id": projectID,
		"user_identifier": "owner-" + p.Name + "@example.com", "designation": "PROJECT_OWNER",
	})
	b.declare(module, "smus_lake_formation_permissions", "db", map[string]any{
		"id": grantID, "principal": role,
		"database":    map[string]any{"catalog_id": b.env.Account, "name": p.Name + "_db"},
		"permissions": []any{"CREATE_TABLE", "DESCRIBE"}, "permissions_with_grant_option": []any{},
	})
}

func projectModule(p Project) string { return fmt.Sprintf("module.project[%q]", p.Name) }

func upper(s string) string {
	out := []byte(s)
	for i, c := range out {
		if c >= 'a' && c <= 'z' {
			out[i] = c - 'a' + 'A'
		}
	}

	return string(out)
}
