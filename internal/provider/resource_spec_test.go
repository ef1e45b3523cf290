package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/smus-dev/smus/internal/awstype"
)

// specInfo is the type-independent part of a resourceSpec.
type specInfo struct {
	cfn         *awstype.Type
	schema      schema.Schema
	properties  map[string]string
	replaceAlso map[string]string
	keys        []string
	name        string
}

func info[M any](s *resourceSpec[M]) specInfo {
	return specInfo{cfn: s.cfn, schema: s.schema(context.Background()), properties: s.properties,
		replaceAlso: s.replaceAlso, keys: s.keyAttributes, name: s.nameAttribute}
}

var specs = map[string]specInfo{
	"domain":                     info(domainSpec()),
	"blueprint":                  info(blueprintSpec()),
	"project_profile":            info(projectProfileSpec()),
	"project":                    info(projectSpec()),
	"project_membership":         info(projectMembershipSpec()),
	"iam_role":                   info(iamRoleSpec()),
	"lake_formation_permissions": info(lakeFormationPermissionsSpec()),
}

// TestRequiresReplaceMatchesRegistry checks that an attribute forces
// replacement exactly when its property is create-only in the registry or
// the resource declares a reason.
func TestRequiresReplaceMatchesRegistry(t *testing.T) {
	t.Parallel()
	for name, s := range specs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for attribute, a := range s.schema.Attributes {
				property, mapped := s.properties[attribute]
				_, extra := s.replaceAlso[attribute]
				want := (mapped && s.cfn.IsCreateOnly(property)) || extra
				if got := hasReplace(a); got != want {
					t.Errorf("attribute %s (property %q): RequiresReplace = %v, want %v", attribute, property, got, want)
				}
			}
		})
	}
}

// TestCreateOnlyPropertiesAreMapped checks that every create-only property a
// resource sends has an attribute that forces replacement.
func TestCreateOnlyPropertiesAreMapped(t *testing.T) {
	t.Parallel()
	for name, s := range specs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for attribute, property := range s.properties {
				if _, ok := s.schema.Attributes[attribute]; !ok {
					t.Errorf("property map names attribute %s, which the schema lacks", attribute)
				}
				if s.cfn.IsCreateOnly(property) && !hasReplace(s.schema.Attributes[attribute]) {
					t.Errorf("create-only property %s: attribute %s does not force replacement", property, attribute)
				}
			}
			for _, k := range append(s.keys, s.name) {
				if _, ok := s.schema.Attributes[k]; !ok && k != "" {
					t.Errorf("natural key attribute %s is not in the schema", k)
				}
			}
		})
	}
}

func TestImportStateRejectsBadIdentifier(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		typeName string
		id       string
		want     []string
	}{
		"project-one-part": {
			typeName: "smus_project", id: "dzd_abc123",
			want: []string{"2 parts", `joined by "|"`, "dzd_4p9n6sw4qt9xgn|bnb0ax9dkmf5ah"},
		},
		"membership-empty-part": {
			typeName: "smus_project_membership", id: "dzd_abc|||proj",
			want: []string{"is empty", "DomainIdentifier|MemberIdentifier|MemberIdentifierType|ProjectIdentifier"},
		},
		"domain-bad-pattern": {
			typeName: "smus_domain", id: "not-a-domain",
			want: []string{"does not match", "dzd_4p9n6sw4qt9xgn"},
		},
		"empty": {
			typeName: "smus_iam_role", id: "",
			want: []string{"it is empty", "RoleName"},
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			detail := importError(t, tc.typeName, tc.id)
			for _, w := range tc.want {
				if !strings.Contains(detail, w) {
					t.Errorf("import error %q does not contain %q", detail, w)
				}
			}
		})
	}
}

func TestImportStateNormalizesJSONIdentifier(t *testing.T) {
	t.Parallel()
	resp := importState(t, "smus_project", `{"DomainId":"dzd_abc123","Id":"proj123"}`)
	if got, want := importedID(t, newProjectResource(), resp), "dzd_abc123|proj123"; got != want {
		t.Errorf("id = %q, want %q", got, want)
	}
}
