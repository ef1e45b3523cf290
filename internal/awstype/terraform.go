package awstype

import (
	"strings"
	"unicode"
)

// smusResourceTypes maps the smus provider's resource types to the types they
// manage.
var smusResourceTypes = map[string]*Type{
	"smus_domain":                     Domain,
	"smus_blueprint":                  EnvironmentBlueprintConfiguration,
	"smus_project_profile":            ProjectProfile,
	"smus_project":                    Project,
	"smus_project_membership":         ProjectMembership,
	"smus_iam_role":                   Role,
	"smus_lake_formation_permissions": PrincipalPermissions,
}

// smusAttributeNames lists the smus attributes whose names are not the
// snake_case form of the property they set.
var smusAttributeNames = map[string]map[string]string{
	"smus_blueprint": {
		"domain_id":                    "DomainIdentifier",
		"blueprint_name":               "EnvironmentBlueprintIdentifier",
		"lake_formation_configuration": "ProvisioningConfigurations",
	},
	"smus_project_profile": {"domain_id": "DomainIdentifier"},
	"smus_project":         {"domain_id": "DomainIdentifier"},
	"smus_project_membership": {
		"domain_id":        "DomainIdentifier",
		"project_id":       "ProjectIdentifier",
		"user_identifier":  "Member",
		"group_identifier": "Member",
	},
	"smus_iam_role": {
		"name":               "RoleName",
		"assume_role_policy": "AssumeRolePolicyDocument",
		"inline_policies":    "Policies",
	},
	"smus_lake_formation_permissions": {
		"database":      "Resource",
		"table":         "Resource",
		"data_location": "Resource",
	},
}

// TerraformType returns the registered type that a Terraform resource type
// manages: the smus provider's smus_* types and the awscc provider's types,
// whose names are "awscc_" followed by the lowercase service and the
// snake_case resource name (awscc_datazone_project for AWS::DataZone::Project).
func TerraformType(resourceType string) (*Type, bool) {
	if t, ok := smusResourceTypes[resourceType]; ok {
		return t, true
	}
	if !strings.HasPrefix(resourceType, "awscc_") {
		return nil, false
	}
	for _, t := range registry {
		if awsccName(t.Name) == resourceType {
			return t, true
		}
	}

	return nil, false
}

// TerraformProperty returns the top-level property that attribute attr of a
// Terraform resource type sets, and whether the resource type is known. For
// awscc types and most smus attributes the property is the CamelCase form of
// the attribute name.
func TerraformProperty(resourceType, attr string) (string, bool) {
	if _, ok := TerraformType(resourceType); !ok {
		return "", false
	}
	if name, ok := smusAttributeNames[resourceType][attr]; ok {
		return name, true
	}

	return camelCase(attr), true
}

func awsccName(typeName string) string {
	parts := strings.Split(typeName, "::")
	if len(parts) != 3 {
		return ""
	}

	return "awscc_" + strings.ToLower(parts[1]) + "_" + snakeCase(parts[2])
}

func snakeCase(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) && i > 0 {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(r))
	}

	return b.String()
}

func camelCase(s string) string {
	var b strings.Builder
	for _, part := range strings.Split(s, "_") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]))
		b.WriteString(part[1:])
	}

	return b.String()
}
