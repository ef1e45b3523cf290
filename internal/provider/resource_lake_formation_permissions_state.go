package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func lakeFormationPermissionsState(_ context.Context, live map[string]any, prior *lakeFormationPermissionsModel) (
	lakeFormationPermissionsModel, error,
) {
	out := lakeFormationPermissionsModel{
		Principal: readStringOr(liveObject(live, "Principal")["DataLakePrincipalIdentifier"], prior.Principal),
		CatalogID: readString(live["Catalog"], prior.CatalogID),
	}
	var err error
	if out.Permissions, err = readStringSet(live["Permissions"], prior.Permissions); err != nil {
		return out, fmt.Errorf("Permissions: %w", err)
	}
	grantable, err := readStringSet(live["PermissionsWithGrantOption"], prior.PermissionsWithGrantOption)
	if err != nil {
		return out, fmt.Errorf("PermissionsWithGrantOption: %w", err)
	}
	// The attribute defaults to an empty set, which the API may omit.
	if grantable.IsNull() {
		grantable = types.SetValueMust(types.StringType, nil)
	}
	out.PermissionsWithGrantOption = grantable

	res := liveObject(live, "Resource")
	if db := liveObject(res, "Database"); db != nil {
		var p lfDatabaseModel
		if prior.Database != nil {
			p = *prior.Database
		}
		out.Database = &lfDatabaseModel{
			CatalogID: readStringOr(db["CatalogId"], p.CatalogID),
			Name:      readString(db["Name"], p.Name),
		}
	}
	if table := liveObject(res, "Table"); table != nil {
		out.Table = lfTableState(table, prior.Table)
	}
	if loc := liveObject(res, "DataLocation"); loc != nil {
		var p lfDataLocationModel
		if prior.DataLocation != nil {
			p = *prior.DataLocation
		}
		out.DataLocation = &lfDataLocationModel{
			CatalogID:   readStringOr(loc["CatalogId"], p.CatalogID),
			ResourceARN: readString(loc["ResourceArn"], p.ResourceARN),
		}
	}

	return out, nil
}

func lfTableState(live map[string]any, prior *lfTableModel) *lfTableModel {
	var p lfTableModel
	if prior != nil {
		p = *prior
	}
	out := &lfTableModel{
		CatalogID:    readStringOr(live["CatalogId"], p.CatalogID),
		DatabaseName: readString(live["DatabaseName"], p.DatabaseName),
		Name:         readString(live["Name"], p.Name),
	}
	_, wildcard := live["TableWildcard"]
	switch {
	case wildcard:
		out.TableWildcard = types.BoolValue(true)
	case known(p.TableWildcard):
		// false and absent mean the same; keep the configured form.
		out.TableWildcard = types.BoolValue(false)
	default:
		out.TableWildcard = types.BoolNull()
	}

	return out
}
