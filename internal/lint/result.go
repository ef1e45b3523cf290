package lint

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/hashicorp/hcl/v2"
)

// Finding is one problem a rule found in the configuration.
type Finding struct {
	// Rule is the name of the rule, such as "backend-s3-unencrypted".
	Rule     string
	Severity Severity
	// Message states what is wrong and what to do about it.
	Message string
	// Range locates the problem; Range.Filename is the path as linted.
	Range hcl.Range

	// block is the header range of the block that contains the problem,
	// which a suppression above that header also covers.
	block hcl.Range
}

// ToolError is a problem that kept some input from being checked: a file
// that does not parse, a path that does not exist, or an invalid
// suppression comment. Range is zero when the error has no position.
type ToolError struct {
	Message string
	Range   hcl.Range
}

// Error returns the message prefixed with "file:line:col: " when the error
// has a position.
func (e ToolError) Error() string {
	if e.Range.Filename == "" {
		return e.Message
	}
	if e.Range.Start.Line == 0 {
		return e.Range.Filename + ": " + e.Message
	}

	return fmt.Sprintf("%s:%d:%d: %s", e.Range.Filename, e.Range.Start.Line, e.Range.Start.Column, e.Message)
}

// Result is the outcome of one Lint call. Findings and Errors are sorted by
// file, line and column.
type Result struct {
	Findings []Finding
	Errors   []ToolError
}

// Failed reports whether a finding has at least the given severity.
func (r *Result) Failed(minimum Severity) bool {
	for _, f := range r.Findings {
		if f.Severity >= minimum {
			return true
		}
	}

	return false
}

func compareRange(a, b hcl.Range) int {
	return cmp.Or(
		cmp.Compare(a.Filename, b.Filename),
		cmp.Compare(a.Start.Line, b.Start.Line),
		cmp.Compare(a.Start.Column, b.Start.Column),
	)
}

func (r *Result) sort() {
	slices.SortStableFunc(r.Findings, func(a, b Finding) int {
		return cmp.Or(compareRange(a.Range, b.Range), cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message))
	})
	slices.SortStableFunc(r.Errors, func(a, b ToolError) int {
		return cmp.Or(compareRange(a.Range, b.Range), cmp.Compare(a.Message, b.Message))
	})
}
