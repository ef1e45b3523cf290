// Package lint checks Terraform and OpenTofu configurations for the
// anti-patterns that break SageMaker Unified Studio platforms. The rules
// cover unpinned modules, shared state across environments, weak state
// backends, short domain timeouts, IAM roles created by the platform stack,
// ignore_changes that hides drift, self-referential counts, fixed sleeps
// and CLI calls, projects without Lake Formation grants, and layers
// without owners.
//
// Lint parses .tf files with hclsyntax and .tf.json files with the HCL JSON
// parser, builds one Module per directory, runs every enabled Rule over the
// whole set and returns a Result: findings with positions, and the errors
// that kept some input from being checked. It prints nothing; cmd/smus
// renders the Result as text, JSON or SARIF.
//
// A finding is suppressed by a comment "# smus:ignore RULE reason" (or "//")
// at the end of its line, or on its own line just above the finding or above
// the header of the block that contains it. The configuration file, by
// the nearest .smus-lint.hcl at or above the first linted directory up to
// the repository root, enables rules, sets
// their severity and lists the paths and buckets that some rules accept.
package lint
