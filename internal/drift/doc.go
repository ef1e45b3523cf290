// Package drift compares the resources that a Terraform or OpenTofu state
// declares with the live account, through the Cloud Control API.
//
// Run reads every managed smus_* resource of a state, converts its
// attributes into the Cloud Control model that the smus provider would
// send, and compares it with the live resource. It reports three kinds of
// findings.
// Changed resources list each property with its declared and live value.
// Deleted resources no longer exist, or have a status that means deleted.
// Unmanaged resources are blueprint configurations, project profiles,
// projects and project memberships inside a managed domain that no state
// address owns.
//
// Run lists before it reads. In every managed domain it lists the
// blueprint configurations, project profiles and projects, then the
// memberships of every listed project. When the state manages 20 IAM roles
// or more, it also lists the account's roles. A managed resource of a
// listed scope is then compared with its listed model, without a
// GetResource call, when that model has every top-level property that the
// comparison reads (the properties the declared model sets to a value,
// except write-only and read-only ones, plus the grant properties below)
// and the status properties that mark it deleted. A property that the API
// drops when empty counts as present when another listed model of the
// same type has it. Any other resource is read with GetResource: one whose
// listed model lacks a property, one whose listing failed, and one no
// listing covers, such as a domain or a Lake Formation permission, which
// has no list handler. A resource missing from a listing whose pages were
// all read without an error is deleted. Real Cloud Control list handlers
// may return partial models, often only the primary identifier, so on AWS
// the GetResource fallback is what keeps the comparison complete.
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
