package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/smus-dev/smus/internal/awstype"
)

type iamRoleModel struct {
	resourceBase
	Name                types.String `tfsdk:"name"`
	Path                types.String `tfsdk:"path"`
	Description         types.String `tfsdk:"description"`
	AssumeRolePolicy    policyValue  `tfsdk:"assume_role_policy"`
	InlinePolicies      types.Map    `tfsdk:"inline_policies"`
	ManagedPolicyARNs   types.Set    `tfsdk:"managed_policy_arns"`
	PermissionsBoundary types.String `tfsdk:"permissions_boundary"`
	MaxSessionDuration  types.Int64  `tfsdk:"max_session_duration"`
	Tags                types.Map    `tfsdk:"tags"`
	ARN                 types.String `tfsdk:"arn"`
	RoleID              types.String `tfsdk:"role_id"`
}

func newIAMRoleResource() resource.Resource {
	return newEngineResource[iamRoleModel](iamRoleSpec())
}

func iamRoleSpec() *resourceSpec[iamRoleModel] {
	return &resourceSpec[iamRoleModel]{
		name:        "iam_role",
		description: "An IAM role (AWS::IAM::Role) for a domain, blueprint or project.",
		cfn:         awstype.Role,
		attributes:  iamRoleAttributes(),
		properties: map[string]string{
			"name":                 "/RoleName",
			"path":                 "/Path",
			"description":          "/Description",
			"assume_role_policy":   "/AssumeRolePolicyDocument",
			"inline_policies":      "/Policies",
			"managed_policy_arns":  "/ManagedPolicyArns",
			"permissions_boundary": "/PermissionsBoundary",
			"max_session_duration": "/MaxSessionDuration",
			"tags":                 "/Tags",
		},
		keyAttributes: []string{"name"},
		nameAttribute: "name",
		desired:       iamRoleDesired,
		state:         iamRoleState,
	}
}

func iamRoleAttributes() map[string]schema.Attribute {
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}

	return map[string]schema.Attribute{
		"name": schema.StringAttribute{Required: true, Description: "Role name. Changing it replaces the role."},
		"path": schema.StringAttribute{
			Optional:    true,
			Computed:    true,
			Default:     stringdefault.StaticString("/"),
			Description: "Role path. Changing it replaces the role.",
		},
		"description": schema.StringAttribute{Optional: true, Description: "Role description."},
		"assume_role_policy": schema.StringAttribute{
			Required:    true,
			CustomType:  policyType{},
			Description: "Trust policy as JSON. Compared as a policy, so formatting never shows a diff.",
		},
		"inline_policies": schema.MapAttribute{
			Optional:    true,
			ElementType: policyType{},
			Description: "Inline policies keyed by policy name, each a JSON policy document.",
		},
		"managed_policy_arns": schema.SetAttribute{
			Optional:    true,
			ElementType: types.StringType,
			Description: "ARNs of attached managed policies.",
		},
		"permissions_boundary": schema.StringAttribute{
			Optional:    true,
			Description: "ARN of the managed policy used as the role's permissions boundary.",
		},
		"max_session_duration": schema.Int64Attribute{
			Optional:    true,
			Validators:  []validator.Int64{int64validator.Between(3600, 43200)},
			Description: "Maximum session duration in seconds, 3600 to 43200.",
		},
		"tags":    tagsAttribute(),
		"arn":     schema.StringAttribute{Computed: true, PlanModifiers: stable, Description: "Role ARN."},
		"role_id": schema.StringAttribute{Computed: true, PlanModifiers: stable, Description: "Role id."},
	}
}

func iamRoleDesired(_ context.Context, m *iamRoleModel) (map[string]any, error) {
	d := map[string]any{}
	putString(d, "RoleName", m.Name)
	putString(d, "Path", m.Path)
	putString(d, "Description", m.Description)
	putString(d, "PermissionsBoundary", m.PermissionsBoundary)
	putInt64(d, "MaxSessionDuration", m.MaxSessionDuration)
	putStringSet(d, "ManagedPolicyArns", m.ManagedPolicyARNs)
	putTags(d, "Tags", m.Tags)
	if known(m.AssumeRolePolicy) {
		doc, err := policyDocument(m.AssumeRolePolicy)
		if err != nil {
			return nil, fmt.Errorf("assume_role_policy: %w", err)
		}
		d["AssumeRolePolicyDocument"] = doc
	}
	if !known(m.InlinePolicies) {
		return d, nil
	}

	policies := m.InlinePolicies.Elements()
	list := make([]any, 0, len(policies))
	for _, name := range sortedKeys(policies) {
		v, ok := policies[name].(policyValue)
		if !ok || !known(v) {
			continue
		}
		doc, err := policyDocument(v)
		if err != nil {
			return nil, fmt.Errorf("inline_policies[%q]: %w", name, err)
		}
		list = append(list, map[string]any{"PolicyName": name, "PolicyDocument": doc})
	}
	d["Policies"] = list

	return d, nil
}

func iamRoleState(_ context.Context, live map[string]any, prior *iamRoleModel) (iamRoleModel, error) {
	out := iamRoleModel{
		Name:                readString(live["RoleName"], prior.Name),
		Path:                readStringDefault(live["Path"], "/"),
		Description:         readString(live["Description"], prior.Description),
		PermissionsBoundary: readString(live["PermissionsBoundary"], prior.PermissionsBoundary),
		ARN:                 readString(live["Arn"], types.StringNull()),
		RoleID:              readString(live["RoleId"], types.StringNull()),
	}
	var err error
	if out.MaxSessionDuration, err = readInt64(live["MaxSessionDuration"]); err != nil {
		return out, fmt.Errorf("MaxSessionDuration: %w", err)
	}
	if out.AssumeRolePolicy, err = readPolicy(live["AssumeRolePolicyDocument"], prior.AssumeRolePolicy); err != nil {
		return out, fmt.Errorf("AssumeRolePolicyDocument: %w", err)
	}
	if out.ManagedPolicyARNs, err = readStringSet(live["ManagedPolicyArns"], prior.ManagedPolicyARNs); err != nil {
		return out, fmt.Errorf("ManagedPolicyArns: %w", err)
	}
	if out.Tags, err = readTags(live["Tags"], prior.Tags); err != nil {
		return out, fmt.Errorf("Tags: %w", err)
	}
	out.InlinePolicies, err = readInlinePolicies(live["Policies"], prior.InlinePolicies)

	return out, err
}

// readInlinePolicies reads [{PolicyName, PolicyDocument}] into a map,
// keeping each prior document that is the same policy.
func readInlinePolicies(live any, prior types.Map) (types.Map, error) {
	list, _ := live.([]any)
	if len(list) == 0 {
		if known(prior) && len(prior.Elements()) == 0 {
			return prior, nil
		}

		return types.MapNull(policyType{}), nil
	}
	priorDocs := map[string]policyValue{}
	if known(prior) {
		for name, v := range prior.Elements() {
			if p, ok := v.(policyValue); ok {
				priorDocs[name] = p
			}
		}
	}
	values := make(map[string]attr.Value, len(list))
	for _, e := range list {
		obj, _ := e.(map[string]any)
		name, ok := obj["PolicyName"].(string)
		if !ok {
			return types.MapNull(policyType{}), fmt.Errorf("Policies: element without a PolicyName: %v", e)
		}
		doc, err := readPolicy(obj["PolicyDocument"], priorDocs[name])
		if err != nil {
			return types.MapNull(policyType{}), fmt.Errorf("Policies %q: %w", name, err)
		}
		values[name] = doc
	}
	m, diags := types.MapValue(policyType{}, values)

	return m, diagErr(diags)
}
