package provider

import (
	"context"
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
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
		restore:       projectMembershipRestore,
		equivalents: map[string]sameValueFunc[projectMembershipModel]{
			"user_identifier":  sameMember(cloudcontrol.MemberTypeUser),
			"group_identifier": sameMember(cloudcontrol.MemberTypeGroup),
		},
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
			Optional:   true,
			Validators: oneMember,
			Description: "DataZone user id or IAM ARN of the member; set this or group_identifier. " +
				"After an import the state holds the member's DataZone profile id, and a configured " +
				"identifier that resolves to it plans no change.",
		},
		"group_identifier": schema.StringAttribute{
			Optional:   true,
			Validators: oneMember,
			Description: "DataZone group id of the member; set this or user_identifier. After an " +
				"import the state holds the group's DataZone profile id, as for user_identifier.",
		},
		"designation": schema.StringAttribute{
			Required: true,
			Validators: []validator.String{stringvalidator.OneOf("PROJECT_OWNER", "PROJECT_CONTRIBUTOR",
				"PROJECT_CATALOG_VIEWER", "PROJECT_CATALOG_CONSUMER", "PROJECT_CATALOG_STEWARD")},
			Description: "Role of the member in the project. Changing it replaces the membership. " +
				"Cloud Control never returns it; after an import it is read with DataZone " +
				"ListProjectMemberships.",
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

	return out, nil
}

// projectMembershipRestore sets a null designation and member from DataZone
// ListProjectMemberships. The member comes back as its profile id, which
// may be another form of the configured identifier, such as an IAM ARN:
// sameMember compares the two at plan time.
func projectMembershipRestore(_ context.Context, values map[string]any, m *projectMembershipModel) error {
	restoreString(&m.Designation, values["Designation"])
	if !m.UserIdentifier.IsNull() || !m.GroupIdentifier.IsNull() {
		return nil
	}
	member, ok := values["Member"].(map[string]any)
	if !ok && values["Member"] != nil {
		return fmt.Errorf("Member: expected an object, got %T", values["Member"])
	}
	restoreString(&m.UserIdentifier, member["UserIdentifier"])
	restoreString(&m.GroupIdentifier, member["GroupIdentifier"])

	return nil
}

// sameMember reports whether the configured identifier of a member resolves
// to the profile id in state, as Cloud Control resolves it on create.
func sameMember(memberType string) sameValueFunc[projectMembershipModel] {
	return func(ctx context.Context, client *cloudcontrol.Client, configured string,
		state *projectMembershipModel,
	) (bool, error) {
		if state.MemberIdentifierType.ValueString() != memberType || !known(state.MemberIdentifier) {
			return false, nil
		}
		id, err := client.DataZoneMemberID(ctx, state.DomainID.ValueString(), memberType, configured)
		if errors.Is(err, cloudcontrol.ErrNotFound) {
			return false, nil
		}
		if err != nil {
			return false, err
		}

		return id == state.MemberIdentifier.ValueString(), nil
	}
}
