// Package tfstate reads Terraform and OpenTofu state: a raw state file
// (format version 4, as `state pull` prints it), the JSON that `show -json`
// prints, or the state of a configuration directory and workspace read
// through the engine. It never writes state.
package tfstate
