// Package evidence collects audit evidence for one environment of a
// SageMaker Unified Studio platform and writes it as a verifiable bundle.
//
// Collect reads the environment's state (projects, their profiles and
// blueprints, members and Lake Formation grants) and then, through the
// Cloud Control client, every IAM role the projects use: trust policy,
// inline policies and attached managed policies as full documents. AWS
// managed policies cannot be read through Cloud Control, so only their ARN
// is recorded, with a note. Roles shared by projects are read once, with a
// bounded number of reads in flight.
//
// Write renders the evidence as report.html, report.md and evidence.json,
// adds a MANIFEST with the SHA-256 of each of them in the format of
// sha256sum, and puts the bundle in place with renames so that a failure
// leaves the output directory as it was. Verify checks a bundle against its
// MANIFEST.
//
// The package returns data and never prints; cmd/smus renders progress and
// summaries.
package evidence
