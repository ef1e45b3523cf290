package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/smus-dev/smus/internal/awstype"
)

type projectModel struct {
	resourceBase
	DomainID             types.String `tfsdk:"domain_id"`
	Name                 types.String `tfsdk:"name"`
	Description          types.String `tfsdk:"description"`
	ProjectProfileID     types.String `tfsdk:"project_profile_id"`
	ProjectExecutionRole types.String `tfsdk:"project_execution_role"`
	UserParameters       types.Map    `tfsdk:"user_parameters"`
	GlossaryTerms        types.Set    `tfsdk:"glossary_terms"`
	DomainUnitID         types.String `tfsdk:"domain_unit_id"`
	ProjectID            types.String `tfsdk:"project_id"`
	ProjectStatus        types.String `tfsdk:"project_status"`
}

var userParametersType = types.MapType{ElemType: types.StringType}

func newProjectResource() resource.Resource {
	return newEngineResource[projectModel](projectSpec())
}

func projectSpec() *resourceSpec[projectModel] {
	return &resourceSpec[projectModel]{
		name:        "project",
		description: "A project created from a project profile (AWS::DataZone::Project).",
		cfn:         awstype.Project,
		attributes:  projectAttributes(),
		properties: map[string]string{
			"domain_id":              "/DomainIdentifier",
			"name":                   "/Name",
			"description":            "/Description",
			"project_profile_id":     "/ProjectProfileId",
			"project_execution_role": "/ProjectExecutionRole",
			"user_parameters":        "/UserParameters",
			"glossary_terms":         "/GlossaryTerms",
			"domain_unit_id":         "/DomainUnitId",
		},
		keyAttributes: []string{"domain_id", "name"},
		nameAttribute: "name",
		desired:       projectDesired,
		state:         projectState,
		restore:       projectRestore,
	}
}

func projectAttributes() map[string]schema.Attribute {
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}

	return map[string]schema.Attribute{
		"domain_id":   schema.StringAttribute{Required: true, Description: "Domain id (dzd_...)."},
		"name":        schema.StringAttribute{Required: true, Description: "Project name, unique in the domain."},
		"description": schema.StringAttribute{Optional: true, Description: "Project description."},
		"project_profile_id": schema.StringAttribute{
			Required: true,
			Description: "Id of the project profile the project is created from. Cloud Control never " +
				"returns it; after an import it is read with DataZone GetProject.",
		},
		"project_execution_role": schema.StringAttribute{
			Optional: true,
			Description: "ARN of the IAM role the project runs as, in IAM-based domains. No AWS API " +
				"returns it, so after an import the first plan shows it as added in place; applying that " +
				"plan only records it in the state and sends nothing to AWS.",
		},
		"user_parameters": schema.MapAttribute{
			Optional:    true,
			ElementType: userParametersType,
			Description: "Parameter values keyed by environment configuration name, then by parameter name. " +
				"Cloud Control never returns them; after an import they are read with DataZone GetProject.",
		},
		"glossary_terms": schema.SetAttribute{
			Optional:    true,
			ElementType: types.StringType,
			Description: "Ids of glossary terms attached to the project.",
		},
		"domain_unit_id": schema.StringAttribute{
			Optional:      true,
			Computed:      true,
			PlanModifiers: stable,
			Description:   "Owning domain unit. Defaults to the domain's root unit.",
		},
		"project_id":     schema.StringAttribute{Computed: true, PlanModifiers: stable, Description: "Project id."},
		"project_status": schema.StringAttribute{Computed: true, PlanModifiers: stable, Description: "Project status."},
	}
}

func projectDesired(ctx context.Context, m *projectModel) (map[string]any, error) {
	d := map[string]any{}
	putString(d, "DomainIdentifier", m.DomainID)
	putString(d, "Name", m.Name)
	putString(d, "Description", m.Description)
	putString(d, "ProjectProfileId", m.ProjectProfileID)
	putString(d, "ProjectExecutionRole", m.ProjectExecutionRole)
	putStringSet(d, "GlossaryTerms", m.GlossaryTerms)
	putString(d, "DomainUnitId", m.DomainUnitID)
	if !known(m.UserParameters) {
		return d, nil
	}

	var params map[string]map[string]string
	if err := diagErr(m.UserParameters.ElementsAs(ctx, &params, false)); err != nil {
		return nil, fmt.Errorf("user_parameters: %w", err)
	}
	list := make([]any, 0, len(params))
	for _, name := range sortedKeys(params) {
		list = append(list, map[string]any{
			"EnvironmentConfigurationName": name,
			"EnvironmentParameters":        keyValueList(params[name], "Name", "Value"),
		})
	}
	d["UserParameters"] = list

	return d, nil
}

func projectState(_ context.Context, live map[string]any, prior *projectModel) (projectModel, error) {
	out := projectModel{
		DomainID:             readStringOr(live["DomainId"], prior.DomainID),
		Name:                 readString(live["Name"], prior.Name),
		Description:          readString(live["Description"], prior.Description),
		ProjectProfileID:     readWriteOnly(prior.ProjectProfileID),
		ProjectExecutionRole: readWriteOnly(prior.ProjectExecutionRole),
		UserParameters:       keepMap(prior.UserParameters, userParametersType),
		DomainUnitID:         readStringOr(live["DomainUnitId"], prior.DomainUnitID),
		ProjectID:            readStringOr(live["Id"], prior.ProjectID),
		ProjectStatus:        readString(live["ProjectStatus"], types.StringNull()),
	}
	terms, err := readStringSet(live["GlossaryTerms"], prior.GlossaryTerms)
	if err != nil {
		return out, fmt.Errorf("GlossaryTerms: %w", err)
	}
	out.GlossaryTerms = terms

	return out, nil
}

// projectRestore sets a null project profile id and user parameters from
// DataZone GetProject.
// NOTE: GetProject does not return the project execution role, so it stays
// null after an import, and Terraform requires the planned value of a
// non-computed attribute to equal the configuration when the prior value is
// null: the first plan after an import therefore shows the role as added.
func projectRestore(ctx context.Context, values map[string]any, m *projectModel) error {
	restoreString(&m.ProjectProfileID, values["ProjectProfileId"])
	if !m.UserParameters.IsNull() || values["UserParameters"] == nil {
		return nil
	}
	list, ok := values["UserParameters"].([]any)
	if !ok {
		return fmt.Errorf("UserParameters: expected an array, got %T", values["UserParameters"])
	}
	params := make(map[string]map[string]string, len(list))
	for _, e := range list {
		obj, _ := e.(map[string]any)
		name, ok := obj["EnvironmentConfigurationName"].(string)
		if !ok {
			return fmt.Errorf("UserParameters: element without an EnvironmentConfigurationName: %v", e)
		}
		entries, err := liveKeyValues(obj["EnvironmentParameters"], "Name", "Value")
		if err != nil {
			return fmt.Errorf("UserParameters %s: %w", name, err)
		}
		if entries == nil {
			entries = map[string]string{}
		}
		params[name] = entries
	}
	value, diags := types.MapValueFrom(ctx, userParametersType, params)
	m.UserParameters = value

	return diagErr(diags)
}
