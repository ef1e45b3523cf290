// Package provider is the smus Terraform and OpenTofu provider, built with
// terraform-plugin-framework over plugin protocol 6.
//
// Every resource is one AWS Cloud Control resource type from the registry in
// internal/awstype, and every AWS call goes through internal/cloudcontrol.
// A resource file declares its schema, its type and two conversions: from
// the Terraform model to the Cloud Control desired state, and from a read
// model plus the prior Terraform value back to the Terraform model. The
// generic engine in resource_engine.go runs create, read, update, delete and
// import for all of them, with these rules:
//
//   - write-only properties are never read back, so their values are kept
//     from the prior state or the configuration;
//   - set-like lists are sets, lists matched by a name are maps keyed by that
//     name, and empty values equal null where the API drops empty values;
//   - policy documents compare as JSON, so formatting never shows a diff;
//   - create-only properties force replacement, and types whose updates the
//     real API rejects fail at plan time instead of during apply;
//   - two resources of one plan that claim the same natural key (such as a
//     project name in a domain) fail at plan time.
//
// Diagnostics come from diagnostics.go and log keys from logging.go.
package provider
