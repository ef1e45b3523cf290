package importer

import "github.com/smus-dev/smus/internal/cloudcontrol"

// Inventory is everything Discover found in one domain. Slices are sorted
// by identifier, so the same account always yields the same inventory.
type Inventory struct {
	// Account and Region locate the domain.
	Account string
	Region  string
	// Domain is the domain's read model.
	Domain cloudcontrol.Resource
	// Blueprints are the domain's blueprint configurations with the names
	// of their managed blueprints.
	Blueprints []Blueprint
	// Profiles, Projects and Memberships are read models of the domain's
	// project profiles, projects and project memberships.
	Profiles    []cloudcontrol.Resource
	Projects    []cloudcontrol.Resource
	Memberships []cloudcontrol.Resource
	// WriteOnly holds the write-only values that the DataZone API returned,
	// by type name and then by Cloud Control identifier, under Cloud
	// Control property names and in Cloud Control shapes. A resource with
	// an entry was read, so a value missing from its entry is unset. A
	// resource without an entry was not read or its read failed, so
	// Generate declares input variables for its values.
	WriteOnly map[string]map[string]map[string]any
	// Roles are the IAM roles that the domain and its blueprint
	// configurations name and that exist in the caller's account.
	Roles []cloudcontrol.Resource
	// Warnings report DataZone reads that failed, so that values they
	// would have returned are input variables. Each is one sentence.
	Warnings []string
	// Notes are facts the user must act on, such as a role that could not
	// be read. Each is one sentence.
	Notes []string
}

// Blueprint is a blueprint configuration and the name of its managed
// blueprint, empty when the blueprint is not a managed one.
type Blueprint struct {
	cloudcontrol.Resource
	Name string
}

// writeOnlyValues returns the write-only values that DataZone returned for
// a resource, and false when the resource was not read.
func (inv *Inventory) writeOnlyValues(typeName, identifier string) (map[string]any, bool) {
	values, ok := inv.WriteOnly[typeName][identifier]

	return values, ok
}
