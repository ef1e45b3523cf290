// Package drift compares the resources that a Terraform or OpenTofu state
// declares with the live account, through the Cloud Control API.
//
// Run reads every managed smus_* resource of a state, converts its
// attributes into the Cloud Control model that the smus provider would
// send, and reads the live resource. It reports three kinds of findings.
// Changed resources list each property with its declared and live value.
// Deleted resources no longer exist, or have a status that means deleted.
// Unmanaged resources are blueprint configurations, project profiles,
// projects and project memberships inside a managed domain that no state
// address owns.
//
// Comparison follows the type registry in internal/awstype. Only properties
// that the declared model sets are compared, except a role's inline and
// managed policies, which count as none when the state declares none.
// Write-only and read-only properties are never compared or reported.
// Set-like lists compare in any order, and empty values equal absent ones
// where the API drops them. Policy documents compare as JSON, and a changed
// policy lists the statements that were added and removed.
//
// Run returns a Report and prints nothing; cmd/smus renders it as text,
// JSON or SARIF.
package drift
