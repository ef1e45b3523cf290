package main

import (
	"encoding/json"
	"io"
	"path/filepath"

	"github.com/hashicorp/hcl/v2"

	"github.com/smus-dev/smus/internal/lint"
)

// SARIF 2.1.0, the subset a lint report needs.
const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Results     []sarifResult     `json:"results"`
	Invocations []sarifInvocation `json:"invocations"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	ShortDescription     sarifMessage       `json:"shortDescription"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

// sarifLevels maps severities to SARIF result levels.
var sarifLevels = map[lint.Severity]string{lint.Error: "error", lint.Warning: "warning", lint.Notice: "note"}

func renderLintSARIF(w io.Writer, res *lint.Result) error {
	rules := lint.Rules()
	driver := sarifDriver{Name: "smus-lint", InformationURI: lintDocsBase + "README.md"}
	index := map[string]int{}
	for i, r := range rules {
		index[r.Name] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   r.Name,
			ShortDescription:     sarifMessage{Text: r.Summary},
			HelpURI:              lintDocsBase + r.Name + ".md",
			DefaultConfiguration: sarifConfiguration{Level: sarifLevels[r.Severity]},
		})
	}
	run := sarifRun{Tool: sarifTool{Driver: driver}, Results: make([]sarifResult, 0, len(res.Findings))}
	for _, f := range res.Findings {
		run.Results = append(run.Results, sarifResult{
			RuleID:    f.Rule,
			RuleIndex: index[f.Rule],
			Level:     sarifLevels[f.Severity],
			Message:   sarifMessage{Text: f.Message},
			Locations: []sarifLocation{sarifLocationOf(f.Range)},
		})
	}
	inv := sarifInvocation{ExecutionSuccessful: len(res.Errors) == 0,
		ToolExecutionNotifications: make([]sarifNotification, 0, len(res.Errors))}
	for _, e := range res.Errors {
		n := sarifNotification{Level: "error", Message: sarifMessage{Text: e.Message}}
		if e.Range.Filename != "" {
			n.Locations = []sarifLocation{sarifLocationOf(e.Range)}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	run.Invocations = []sarifInvocation{inv}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")

	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

func sarifLocationOf(r hcl.Range) sarifLocation {
	loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{
		ArtifactLocation: sarifArtifactLocation{URI: filepath.ToSlash(r.Filename)},
	}}
	if r.Start.Line > 0 {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: r.Start.Line, StartColumn: r.Start.Column,
			EndLine: r.End.Line, EndColumn: r.End.Column}
	}

	return loc
}
