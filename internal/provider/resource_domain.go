package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/smus-dev/smus/internal/awstype"
)

// domainCreateTimeout is the default create timeout of a domain: DataZone
// domains take 5 to 15 minutes to become AVAILABLE.
const domainCreateTimeout = 20 * time.Minute

type domainModel struct {
	resourceBase
	Name                types.String `tfsdk:"name"`
	Description         types.String `tfsdk:"description"`
	DomainExecutionRole types.String `tfsdk:"domain_execution_role"`
	ServiceRole         types.String `tfsdk:"service_role"`
	DomainVersion       types.String `tfsdk:"domain_version"`
	KMSKeyIdentifier    types.String `tfsdk:"kms_key_identifier"`
	SingleSignOn        *ssoModel    `tfsdk:"single_sign_on"`
	Tags                types.Map    `tfsdk:"tags"`
	ARN                 types.String `tfsdk:"arn"`
	PortalURL           types.String `tfsdk:"portal_url"`
	Status              types.String `tfsdk:"status"`
	RootDomainUnitID    types.String `tfsdk:"root_domain_unit_id"`
	ManagedAccountID    types.String `tfsdk:"managed_account_id"`
}

type ssoModel struct {
	Type           types.String `tfsdk:"type"`
	UserAssignment types.String `tfsdk:"user_assignment"`
	IdcInstanceARN types.String `tfsdk:"idc_instance_arn"`
}

func newDomainResource() resource.Resource {
	return newEngineResource[domainModel](domainSpec())
}

func domainSpec() *resourceSpec[domainModel] {
	return &resourceSpec[domainModel]{
		name: "domain",
		description: "A SageMaker Unified Studio domain (AWS::DataZone::Domain). Create returns " +
			"when the domain is AVAILABLE. While DataZone cannot assume a domain execution role " +
			"that was just created, create tries again until its timeout.",
		cfn:           awstype.Domain,
		attributes:    domainAttributes(),
		createTimeout: domainCreateTimeout,
		properties: map[string]string{
			"name":                  "/Name",
			"description":           "/Description",
			"domain_execution_role": "/DomainExecutionRole",
			"service_role":          "/ServiceRole",
			"domain_version":        "/DomainVersion",
			"kms_key_identifier":    "/KmsKeyIdentifier",
			"single_sign_on":        "/SingleSignOn",
			"tags":                  "/Tags",
		},
		keyAttributes: []string{"name"},
		nameAttribute: "name",
		desired:       domainDesired,
		state:         domainState,
		create:        createDomain,
		restore:       domainRestore,
	}
}

func domainAttributes() map[string]schema.Attribute {
	stable := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}

	return map[string]schema.Attribute{
		"name":        schema.StringAttribute{Required: true, Description: "Domain name."},
		"description": schema.StringAttribute{Optional: true, Description: "Domain description."},
		"domain_execution_role": schema.StringAttribute{
			Required:    true,
			Description: "ARN of the IAM role DataZone uses to act in the domain.",
		},
		"service_role": schema.StringAttribute{
			Optional: true,
			Description: "ARN of the domain service role. Cloud Control never returns it, so the state " +
				"keeps the configured value; after an import it is read with DataZone GetDomain.",
		},
		"domain_version": schema.StringAttribute{
			Optional:    true,
			Computed:    true,
			Default:     stringdefault.StaticString("V2"),
			Description: "V2 for a SageMaker Unified Studio domain, V1 for classic DataZone. Changing it replaces the domain.",
			Validators:  []validator.String{stringvalidator.OneOf("V1", "V2")},
		},
		"kms_key_identifier": schema.StringAttribute{
			Optional:    true,
			Description: "ARN of the KMS key that encrypts the domain. Changing it replaces the domain.",
		},
		"single_sign_on": schema.SingleNestedAttribute{
			Optional: true,
			Description: "IAM Identity Center settings. When unset, the domain keeps the API's " +
				"default and the provider does not track it.",
			Attributes: map[string]schema.Attribute{
				"type": schema.StringAttribute{
					Optional:   true,
					Validators: []validator.String{stringvalidator.OneOf("IAM_IDC", "DISABLED")},
				},
				"user_assignment": schema.StringAttribute{
					Optional:   true,
					Validators: []validator.String{stringvalidator.OneOf("AUTOMATIC", "MANUAL")},
				},
				"idc_instance_arn": schema.StringAttribute{Optional: true},
			},
		},
		"tags":                tagsAttribute(),
		"arn":                 schema.StringAttribute{Computed: true, PlanModifiers: stable},
		"portal_url":          schema.StringAttribute{Computed: true, PlanModifiers: stable},
		"status":              schema.StringAttribute{Computed: true, PlanModifiers: stable},
		"root_domain_unit_id": schema.StringAttribute{Computed: true, PlanModifiers: stable},
		"managed_account_id":  schema.StringAttribute{Computed: true, PlanModifiers: stable},
	}
}

func tagsAttribute() schema.MapAttribute {
	return schema.MapAttribute{Optional: true, ElementType: types.StringType, Description: "Resource tags."}
}

func domainDesired(_ context.Context, m *domainModel) (map[string]any, error) {
	d := map[string]any{}
	putString(d, "Name", m.Name)
	putString(d, "Description", m.Description)
	putString(d, "DomainExecutionRole", m.DomainExecutionRole)
	putString(d, "ServiceRole", m.ServiceRole)
	putString(d, "DomainVersion", m.DomainVersion)
	putString(d, "KmsKeyIdentifier", m.KMSKeyIdentifier)
	if sso := m.SingleSignOn; sso != nil {
		obj := map[string]any{}
		putString(obj, "Type", sso.Type)
		putString(obj, "UserAssignment", sso.UserAssignment)
		putString(obj, "IdcInstanceArn", sso.IdcInstanceARN)
		d["SingleSignOn"] = obj
	}
	putTags(d, "Tags", m.Tags)

	return d, nil
}

func domainState(_ context.Context, live map[string]any, prior *domainModel) (domainModel, error) {
	out := domainModel{
		Name:                readString(live["Name"], prior.Name),
		Description:         readString(live["Description"], prior.Description),
		DomainExecutionRole: readString(live["DomainExecutionRole"], prior.DomainExecutionRole),
		ServiceRole:         readWriteOnly(prior.ServiceRole),
		DomainVersion:       readStringDefault(live["DomainVersion"], "V2"),
		KMSKeyIdentifier:    readString(live["KmsKeyIdentifier"], prior.KMSKeyIdentifier),
		ARN:                 readString(live["Arn"], types.StringNull()),
		PortalURL:           readString(live["PortalUrl"], types.StringNull()),
		Status:              readString(live["Status"], types.StringNull()),
		RootDomainUnitID:    readString(live["RootDomainUnitId"], types.StringNull()),
		ManagedAccountID:    readString(live["ManagedAccountId"], types.StringNull()),
	}
	// Name is null only after an import; then the live settings are taken
	// even though no configuration set them yet.
	sso := liveObject(live, "SingleSignOn")
	if sso != nil && (prior.SingleSignOn != nil || prior.Name.IsNull()) {
		var p ssoModel
		if prior.SingleSignOn != nil {
			p = *prior.SingleSignOn
		}
		out.SingleSignOn = &ssoModel{
			Type:           readString(sso["Type"], p.Type),
			UserAssignment: readString(sso["UserAssignment"], p.UserAssignment),
			IdcInstanceARN: readString(sso["IdcInstanceArn"], p.IdcInstanceARN),
		}
	}
	tags, err := readTags(live["Tags"], prior.Tags)
	out.Tags = tags

	return out, err
}

// domainRestore sets a null service role from DataZone GetDomain.
func domainRestore(_ context.Context, values map[string]any, m *domainModel) error {
	restoreString(&m.ServiceRole, values["ServiceRole"])

	return nil
}
