package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/hashicorp/hcl/v2"

	"github.com/smus-dev/smus/internal/lint"
)

// lintJSONFormatVersion is the version of the JSON report layout. A change
// that removes or renames keys increments the major part.
const lintJSONFormatVersion = "1.0"

// lintDocsBase is the URL of the folder of rule pages. SARIF helpUri
// values append "<rule>.md" to it.
const lintDocsBase = "https://github.com/smus-dev/smus/blob/main/docs/lint/"

func renderLintText(w io.Writer, res *lint.Result) error {
	for _, f := range res.Findings {
		_, err := fmt.Fprintf(w, "%s:%d:%d: %s %s: %s\n", f.Range.Filename, f.Range.Start.Line,
			f.Range.Start.Column, f.Severity, f.Rule, f.Message)
		if err != nil {
			return err
		}
	}

	return nil
}

type jsonLintReport struct {
	FormatVersion string            `json:"format_version"`
	Findings      []jsonLintFinding `json:"findings"`
	Errors        []jsonLintError   `json:"errors"`
}

type jsonLintFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	jsonPosition
}

type jsonLintError struct {
	Message string `json:"message"`
	jsonPosition
}

// jsonPosition locates a finding or error; positions are 1-based, and an
// error without a position has only a file, or nothing.
type jsonPosition struct {
	File      string `json:"file,omitempty"`
	Line      int    `json:"line,omitempty"`
	Column    int    `json:"column,omitempty"`
	EndLine   int    `json:"end_line,omitempty"`
	EndColumn int    `json:"end_column,omitempty"`
}

func toJSONPosition(r hcl.Range) jsonPosition {
	return jsonPosition{File: r.Filename, Line: r.Start.Line, Column: r.Start.Column,
		EndLine: r.End.Line, EndColumn: r.End.Column}
}

func renderLintJSON(w io.Writer, res *lint.Result) error {
	report := jsonLintReport{
		FormatVersion: lintJSONFormatVersion,
		Findings:      make([]jsonLintFinding, 0, len(res.Findings)),
		Errors:        make([]jsonLintError, 0, len(res.Errors)),
	}
	for _, f := range res.Findings {
		report.Findings = append(report.Findings, jsonLintFinding{
			Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, jsonPosition: toJSONPosition(f.Range),
		})
	}
	for _, e := range res.Errors {
		report.Errors = append(report.Errors, jsonLintError{Message: e.Message, jsonPosition: toJSONPosition(e.Range)})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")

	return enc.Encode(report)
}
