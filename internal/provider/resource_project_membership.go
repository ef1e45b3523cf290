package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/smus-dev/smus/internal/awstype"
)

type projectMembershipModel struct {
	resourceBase
	DomainID             types.String `tfsdk:"domain_id"`
	ProjectID            types.String `tfsdk:"project_id"`
	UserIdentifier       types.String `tfsdk:"user_identifier"`
	GroupIdentifier      types.String `tfsdk:"group_identifier"`
	Designation          types.String `tfsdk:"designation"`
	MemberIdentifier     types.String `tfsdk:"member_identifier"`
	MemberIdentifierType types.String `tfsdk:"member_identifier_type"`
}

func newProjectMembershipResource() resource.Resource {
	return newEngineResource[projectMembershipModel](projectMembershipSpec())
}

func projectMembershipSpec() *resourceSpec[projectMembershipModel] {
	return &resourceSpec[projectMembershipModel]{
		name:        "project_membership",
		description: "A user or group membership of a project (AWS::DataZone::ProjectMembership).",
		cfn:         awstype.ProjectMembership,
		attributes:  projectMembershipAttributes(),
		properties: map[string]string{
			"domain_id":        "/DomainIdentifier",
			"project_id":       "/ProjectIdentifier",
			"user_identifier":  "/Member/UserIdentifier",
			"group_identifier": "/Member/GroupIdentifier",
			"designation":      "/Designation",
		},
		replaceAlso: map[string]string{
			"designation": "Cloud Control cannot update a membership: Member and Designation are " +
				"write-only, so the patched model misses them",
		},
		keyAttributes: []string{"domain_id", "project_id", "user_identifier", "group_identifier"},
		nameAttribute: "user_identifier",
		desired:       projectMembershipDesired,
		state:         projectMembershipState,
	}
}

func projectMembershipAttributes() map[string]schema.Attribute {
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	oneMember := []validator.String{stringvalidator.ExactlyOneOf(
		path.MatchRoot("user_identifier"), path.MatchRoot("group_identifier"))}

	return map[string]schema.Attribute{
		"domain_id":  schema.StringAttribute{Required: true, Description: "Domain id (dzd_...)."},
		"project_id": schema.StringAttribute{Required: true, Description: "Project id."},
		"user_identifier": schema.StringAttribute{
			Optional:    true,
			Validators:  oneMember,
			Description: "DataZone user id or IAM ARN of the member; set this or group_identifier.",
		},
		"group_identifier": schema.StringAttribute{
			Optional:    true,
			Validators:  oneMember,
			Description: "DataZone group id of the member; set this or user_identifier.",
		},
		"designation": schema.StringAttribute{
			Required: true,
			Validators: []validator.String{stringvalidator.OneOf("PROJECT_OWNER", "PROJECT_CONTRIBUTOR",
				"PROJECT_CATALOG_VIEWER", "PROJECT_CATALOG_CONSUMER", "PROJECT_CATALOG_STEWARD")},
			Description: "Role of the member in the project. Changing it replaces the membership.",
		},
		"member_identifier":      schema.StringAttribute{Computed: true, PlanModifiers: stable},
		"member_identifier_type": schema.StringAttribute{Computed: true, PlanModifiers: stable},
	}
}

func projectMembershipDesired(_ context.Context, m *projectMembershipModel) (map[string]any, error) {
	d := map[string]any{}
	putString(d, "DomainIdentifier", m.DomainID)
	putString(d, "ProjectIdentifier", m.ProjectID)
	putString(d, "Designation", m.Designation)
	member := map[string]any{}
	putString(member, "UserIdentifier", m.UserIdentifier)
	putString(member, "GroupIdentifier", m.GroupIdentifier)
	d["Member"] = member

	return d, nil
}

func projectMembershipState(_ context.Context, live map[string]any, prior *projectMembershipModel) (
	projectMembershipModel, error,
) {
	out := projectMembershipModel{
		DomainID:             readStringOr(live["DomainIdentifier"], prior.DomainID),
		ProjectID:            readStringOr(live["ProjectIdentifier"], prior.ProjectID),
		UserIdentifier:       readWriteOnly(prior.UserIdentifier),
		GroupIdentifier:      readWriteOnly(prior.GroupIdentifier),
		Designation:          readWriteOnly(prior.Designation),
		MemberIdentifier:     readString(live["MemberIdentifier"], types.StringNull()),
		MemberIdentifierType: readString(live["MemberIdentifierType"], types.StringNull()),
	}
	// After an import the member stays null: MemberIdentifier is the
	// service's id of the member, not the value a configuration sets, and a
	// null write-only value is adopted from the configuration by the next
	// plan instead of forcing a replacement.
	return out, nil
}
