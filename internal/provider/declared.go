package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// declaredConverters maps each smus resource type to the conversion of its
// state attributes into a Cloud Control desired state.
var declaredConverters = map[string]func(ctx context.Context, attributes map[string]any) (
	string, string, map[string]any, error){
	"smus_domain":                     declaredFrom(domainSpec()),
	"smus_blueprint":                  declaredFrom(blueprintSpec()),
	"smus_project_profile":            declaredFrom(projectProfileSpec()),
	"smus_project":                    declaredFrom(projectSpec()),
	"smus_project_membership":         declaredFrom(projectMembershipSpec()),
	"smus_iam_role":                   declaredFrom(iamRoleSpec()),
	"smus_lake_formation_permissions": declaredFrom(lakeFormationPermissionsSpec()),
}

// DeclaredModel converts the state attributes of one smus resource, as a
// state file or `show -json` stores them, into the Cloud Control model that
// the provider's create would send. It returns the CloudFormation type
// name, the state's "id" as identifier, and the desired state with
// write-only values included. It decodes the attributes through the resource's schema
// and uses the provider's own conversion, so declared values mean exactly
// what the provider sends. Unknown attributes are ignored and missing ones
// read as null. It returns an error for a resource type the provider does
// not serve, for attributes that do not fit the schema, and for values the
// conversion rejects, such as a policy document that is not valid JSON.
func DeclaredModel(ctx context.Context, resourceType string, attributes map[string]any) (
	typeName, identifier string, model map[string]any, err error,
) {
	convert, ok := declaredConverters[resourceType]
	if !ok {
		return "", "", nil, fmt.Errorf("declared model of %s: the smus provider has no such resource type; "+
			"it serves %s", resourceType, strings.Join(declaredTypeNames(), ", "))
	}

	return convert(ctx, attributes)
}

func declaredTypeNames() []string {
	names := make([]string, 0, len(declaredConverters))
	for name := range declaredConverters {
		names = append(names, name)
	}
	sort.Strings(names)

	return names
}

// declaredFrom returns the state-to-desired-state conversion of one spec.
func declaredFrom[M any](spec *resourceSpec[M]) func(context.Context, map[string]any) (
	string, string, map[string]any, error,
) {
	return func(ctx context.Context, attributes map[string]any) (string, string, map[string]any, error) {
		s := spec.schema(ctx)
		text, err := json.Marshal(attributes)
		if err != nil {
			return "", "", nil, fmt.Errorf("declared model of %s: encode attributes: %w", spec.typeName(), err)
		}
		raw, err := (&tfprotov6.RawState{JSON: text}).UnmarshalWithOpts(s.Type().TerraformType(ctx),
			tfprotov6.UnmarshalOpts{ValueFromJSONOpts: tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: true}})
		if err != nil {
			return "", "", nil, fmt.Errorf("declared model of %s: attributes do not match the provider schema "+
				"(%w); read the state with a provider version that wrote it", spec.typeName(), err)
		}
		var m M
		state := tfsdk.State{Schema: s, Raw: raw}
		if err := diagErr(state.Get(ctx, &m)); err != nil {
			return "", "", nil, fmt.Errorf("declared model of %s: %w", spec.typeName(), err)
		}
		desired, err := spec.desired(ctx, &m)
		if err != nil {
			return "", "", nil, fmt.Errorf("declared model of %s: %w", spec.typeName(), err)
		}
		id, _ := attributes["id"].(string)

		return spec.cfn.Name, id, desired, nil
	}
}
