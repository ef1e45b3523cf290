// Package importer turns a hand-built SageMaker Unified Studio domain into
// smus configuration: it discovers the domain and everything under it
// through the AWS Cloud Control API and generates HCL with import blocks
// that plan without changes.
//
// Discover reads the live objects: the domain, its blueprint
// configurations, project profiles, projects, project memberships and the
// IAM roles they name. Cloud Control never returns write-only properties,
// so Discover also reads, through the DataZone API, those that DataZone
// returns (awstype's DataZoneReadable), such as a project's profile id and
// a membership's designation. A failed DataZone read only adds a warning.
// Generate turns the inventory into one file per layer, with references
// between the generated resources, write-only values as literals or
// references, a variable for every write-only value that no read returned,
// and an import block for every resource. Resources that configuration files in the output directory
// already declare, matched by natural key, are adopted: they get an import
// block aimed at their existing address and no second resource block.
// Write stores the files without leaving a partial output directory.
//
// Lake Formation grants (AWS::LakeFormation::PrincipalPermissions) have no
// list handler in Cloud Control, so they cannot be discovered here. The
// result carries a note about it, and they must be declared by hand.
//
// The package returns data and file contents and prints nothing; cmd/smus
// renders them.
package importer
