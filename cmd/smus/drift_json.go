package main

import (
	"encoding/json"
	"io"

	"github.com/smus-dev/smus/internal/drift"
)

// renderDriftJSON writes the report as indented JSON with format_version,
// and empty lists as [] rather than null.
func renderDriftJSON(w io.Writer, r *drift.Report) error {
	out := *r
	if out.Findings == nil {
		out.Findings = []drift.Finding{}
	}
	if out.Errors == nil {
		out.Errors = []drift.Error{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")

	return enc.Encode(out)
}
