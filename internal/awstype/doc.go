// Package awstype is the registry of the CloudFormation resource types that
// smus supports.
//
// For each type it records what the public resource schema states: the
// primary identifier, the required, read-only, write-only and create-only
// properties, the parent properties that a ListResources call needs, and the
// rules that decide when two models mean the same thing (lists that are sets,
// lists matched by a key, empty values that equal absent ones, and policy
// documents compared as JSON). The local cloud, the Cloud Control client, the
// provider and the governance commands all read these facts from here and
// nowhere else.
//
// Paths are JSON pointers relative to the schema's properties object, as in
// an RFC 6902 patch for UpdateResource: "/Name", "/Tags",
// "/EnvironmentConfigurations/*/EnvironmentConfigurationId". A "*" segment
// matches every element of an array or every member of an object.
package awstype
