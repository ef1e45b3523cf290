package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/objectvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

type lakeFormationPermissionsModel struct {
	resourceBase
	Principal                  types.String         `tfsdk:"principal"`
	CatalogID                  types.String         `tfsdk:"catalog_id"`
	Database                   *lfDatabaseModel     `tfsdk:"database"`
	Table                      *lfTableModel        `tfsdk:"table"`
	DataLocation               *lfDataLocationModel `tfsdk:"data_location"`
	Permissions                types.Set            `tfsdk:"permissions"`
	PermissionsWithGrantOption types.Set            `tfsdk:"permissions_with_grant_option"`
}

type lfDatabaseModel struct {
	CatalogID types.String `tfsdk:"catalog_id"`
	Name      types.String `tfsdk:"name"`
}

type lfTableModel struct {
	CatalogID     types.String `tfsdk:"catalog_id"`
	DatabaseName  types.String `tfsdk:"database_name"`
	Name          types.String `tfsdk:"name"`
	TableWildcard types.Bool   `tfsdk:"table_wildcard"`
}

type lfDataLocationModel struct {
	CatalogID   types.String `tfsdk:"catalog_id"`
	ResourceARN types.String `tfsdk:"resource_arn"`
}

func newLakeFormationPermissionsResource() resource.Resource {
	return newEngineResource[lakeFormationPermissionsModel](lakeFormationPermissionsSpec())
}

func lakeFormationPermissionsSpec() *resourceSpec[lakeFormationPermissionsModel] {
	return &resourceSpec[lakeFormationPermissionsModel]{
		name: "lake_formation_permissions",
		description: "Lake Formation permissions of one principal on one Data Catalog resource " +
			"(AWS::LakeFormation::PrincipalPermissions). Every change replaces the grant.",
		cfn:        awstype.PrincipalPermissions,
		attributes: lakeFormationPermissionsAttributes(),
		properties: map[string]string{
			"principal":                     "/Principal",
			"catalog_id":                    "/Catalog",
			"database":                      "/Resource/Database",
			"table":                         "/Resource/Table",
			"data_location":                 "/Resource/DataLocation",
			"permissions":                   "/Permissions",
			"permissions_with_grant_option": "/PermissionsWithGrantOption",
		},
		keyAttributes: []string{"principal", "database", "table", "data_location"},
		nameAttribute: "principal",
		desired:       lakeFormationPermissionsDesired,
		state:         lakeFormationPermissionsState,
		prepare:       fillCatalogIDs,
	}
}

func lakeFormationPermissionsAttributes() map[string]schema.Attribute {
	oneResource := []validator.Object{objectvalidator.ExactlyOneOf(path.MatchRoot("database"),
		path.MatchRoot("table"), path.MatchRoot("data_location"))}
	permissions := []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(lakeFormationPermissionNames...))}

	return map[string]schema.Attribute{
		"principal": schema.StringAttribute{Required: true, Description: "ARN of the IAM role or user granted to."},
		"catalog_id": schema.StringAttribute{
			Optional:    true,
			Validators:  []validator.String{stringvalidator.RegexMatches(twelveDigits, "must be 12 digits")},
			Description: "Data Catalog id (account id). Defaults to the caller's account.",
		},
		"database": schema.SingleNestedAttribute{
			Optional:    true,
			Validators:  oneResource,
			Description: "A database; set exactly one of database, table and data_location.",
			Attributes: map[string]schema.Attribute{
				"catalog_id": catalogIDAttribute(),
				"name":       schema.StringAttribute{Required: true},
			},
		},
		"table": schema.SingleNestedAttribute{
			Optional:    true,
			Validators:  oneResource,
			Description: "A table, or every table of a database with table_wildcard = true.",
			Attributes: map[string]schema.Attribute{
				"catalog_id":     catalogIDAttribute(),
				"database_name":  schema.StringAttribute{Required: true},
				"name":           schema.StringAttribute{Optional: true},
				"table_wildcard": schema.BoolAttribute{Optional: true},
			},
		},
		"data_location": schema.SingleNestedAttribute{
			Optional:    true,
			Validators:  oneResource,
			Description: "An S3 location registered with Lake Formation.",
			Attributes: map[string]schema.Attribute{
				"catalog_id":   catalogIDAttribute(),
				"resource_arn": schema.StringAttribute{Required: true},
			},
		},
		"permissions": schema.SetAttribute{
			Required:    true,
			ElementType: types.StringType,
			Validators:  permissions,
			Description: "Permissions granted, such as SELECT or DESCRIBE.",
		},
		"permissions_with_grant_option": schema.SetAttribute{
			Optional:    true,
			Computed:    true,
			ElementType: types.StringType,
			Default:     setdefault.StaticValue(types.SetValueMust(types.StringType, nil)),
			Validators:  permissions,
			Description: "Permissions the principal may grant to others. Defaults to none.",
		},
	}
}

var lakeFormationPermissionNames = []string{"ALL", "SELECT", "ALTER", "DROP", "DELETE", "INSERT", "DESCRIBE",
	"CREATE_DATABASE", "CREATE_TABLE", "DATA_LOCATION_ACCESS", "CREATE_LF_TAG", "ASSOCIATE",
	"GRANT_WITH_LF_TAG_EXPRESSION"}

func catalogIDAttribute() schema.StringAttribute {
	return schema.StringAttribute{
		Optional:      true,
		Computed:      true,
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		Description:   "Data Catalog id. Defaults to the top-level catalog_id or the caller's account.",
	}
}

// fillCatalogIDs sets the catalog id of the resource object when the
// configuration leaves it to the provider.
func fillCatalogIDs(ctx context.Context, client *cloudcontrol.Client, m *lakeFormationPermissionsModel) diag.Diagnostics {
	target := m.resourceCatalogID()
	if target == nil || known(*target) {
		return nil
	}
	if known(m.CatalogID) {
		*target = m.CatalogID

		return nil
	}
	var diags diag.Diagnostics
	identity, err := client.CallerIdentity(ctx)
	if err != nil {
		diags.Append(apiDiag("Get caller identity", "STS", "", err))

		return diags
	}
	*target = types.StringValue(identity.Account)

	return diags
}

func (m *lakeFormationPermissionsModel) resourceCatalogID() *types.String {
	switch {
	case m.Database != nil:
		return &m.Database.CatalogID
	case m.Table != nil:
		return &m.Table.CatalogID
	case m.DataLocation != nil:
		return &m.DataLocation.CatalogID
	}

	return nil
}

func lakeFormationPermissionsDesired(_ context.Context, m *lakeFormationPermissionsModel) (map[string]any, error) {
	d := map[string]any{
		"Principal":                  map[string]any{"DataLakePrincipalIdentifier": m.Principal.ValueString()},
		"Permissions":                []any{},
		"PermissionsWithGrantOption": []any{},
	}
	putString(d, "Catalog", m.CatalogID)
	putStringSet(d, "Permissions", m.Permissions)
	putStringSet(d, "PermissionsWithGrantOption", m.PermissionsWithGrantOption)

	res := map[string]any{}
	switch {
	case m.Database != nil:
		db := map[string]any{}
		putString(db, "CatalogId", m.Database.CatalogID)
		putString(db, "Name", m.Database.Name)
		res["Database"] = db
	case m.Table != nil:
		table := map[string]any{}
		putString(table, "CatalogId", m.Table.CatalogID)
		putString(table, "DatabaseName", m.Table.DatabaseName)
		putString(table, "Name", m.Table.Name)
		if m.Table.TableWildcard.ValueBool() {
			table["TableWildcard"] = map[string]any{}
		}
		res["Table"] = table
	case m.DataLocation != nil:
		loc := map[string]any{}
		putString(loc, "CatalogId", m.DataLocation.CatalogID)
		putString(loc, "ResourceArn", m.DataLocation.ResourceARN)
		res["DataLocation"] = loc
	default:
		return nil, fmt.Errorf("set one of database, table and data_location")
	}
	d["Resource"] = res

	return d, nil
}
