//go:build tools

// Package tools pins the OpenTofu engine that the demo and the acceptance
// tests build when neither tofu nor terraform is on PATH.
package tools

import _ "github.com/opentofu/opentofu/cmd/tofu"
