package main

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/smus-dev/smus/internal/drift"
)

// driftRules are the SARIF rules of smus drift, one per kind of finding.
var driftRules = []struct {
	kind  drift.Kind
	id    string
	level string
	text  string
}{
	{drift.KindChanged, "drift-changed", "warning", "A managed resource was changed outside the state."},
	{drift.KindDeleted, "drift-deleted", "error", "A managed resource was deleted outside the state."},
	{drift.KindUnmanaged, "drift-unmanaged", "warning", "A resource was created by hand inside a managed domain."},
}

type driftSARIFLog struct {
	Schema  string          `json:"$schema"`
	Version string          `json:"version"`
	Runs    []driftSARIFRun `json:"runs"`
}

type driftSARIFRun struct {
	Tool        driftSARIFTool         `json:"tool"`
	Results     []driftSARIFResult     `json:"results"`
	Invocations []driftSARIFInvocation `json:"invocations"`
}

type driftSARIFTool struct {
	Driver driftSARIFDriver `json:"driver"`
}

type driftSARIFDriver struct {
	Name  string           `json:"name"`
	Rules []driftSARIFRule `json:"rules"`
}

type driftSARIFRule struct {
	ID                   string             `json:"id"`
	ShortDescription     sarifMessage       `json:"shortDescription"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
}

type driftSARIFResult struct {
	RuleID     string               `json:"ruleId"`
	RuleIndex  int                  `json:"ruleIndex"`
	Level      string               `json:"level"`
	Message    sarifMessage         `json:"message"`
	Locations  []driftSARIFLocation `json:"locations"`
	Properties drift.Finding        `json:"properties"`
}

type driftSARIFLocation struct {
	LogicalLocations []driftSARIFLogicalLocation `json:"logicalLocations"`
}

// driftSARIFLogicalLocation names a resource by its state address, or by
// its type and identifier when no address owns it.
type driftSARIFLogicalLocation struct {
	Name               string `json:"name"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type driftSARIFInvocation struct {
	ExecutionSuccessful        bool                     `json:"executionSuccessful"`
	ToolExecutionNotifications []driftSARIFNotification `json:"toolExecutionNotifications"`
}

type driftSARIFNotification struct {
	Level   string       `json:"level"`
	Message sarifMessage `json:"message"`
}

// renderDriftSARIF writes the report as SARIF 2.1.0: one run whose results
// are the findings, each located at its resource, and whose invocation
// lists the report's errors.
func renderDriftSARIF(w io.Writer, r *drift.Report) error {
	driver := driftSARIFDriver{Name: "smus-drift"}
	index := map[drift.Kind]int{}
	for i, rule := range driftRules {
		index[rule.kind] = i
		driver.Rules = append(driver.Rules, driftSARIFRule{ID: rule.id, ShortDescription: sarifMessage{Text: rule.text},
			DefaultConfiguration: sarifConfiguration{Level: rule.level}})
	}
	run := driftSARIFRun{Tool: driftSARIFTool{Driver: driver}, Results: make([]driftSARIFResult, 0, len(r.Findings))}
	for _, f := range r.Findings {
		rule := driftRules[index[f.Kind]]
		run.Results = append(run.Results, driftSARIFResult{
			RuleID:     rule.id,
			RuleIndex:  index[f.Kind],
			Level:      rule.level,
			Message:    sarifMessage{Text: driftMessage(f)},
			Locations:  []driftSARIFLocation{{LogicalLocations: []driftSARIFLogicalLocation{driftLogicalLocation(f)}}},
			Properties: f,
		})
	}
	inv := driftSARIFInvocation{ExecutionSuccessful: len(r.Errors) == 0,
		ToolExecutionNotifications: make([]driftSARIFNotification, 0, len(r.Errors))}
	for _, e := range r.Errors {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			driftSARIFNotification{Level: "error", Message: sarifMessage{Text: driftErrorText(e)}})
	}
	run.Invocations = []driftSARIFInvocation{inv}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")

	return enc.Encode(driftSARIFLog{Schema: sarifSchema, Version: sarifVersion, Runs: []driftSARIFRun{run}})
}

func driftLogicalLocation(f drift.Finding) driftSARIFLogicalLocation {
	if f.Address != "" {
		return driftSARIFLogicalLocation{Name: f.Address, FullyQualifiedName: f.Address, Kind: "resource"}
	}

	return driftSARIFLogicalLocation{Name: f.Identifier, FullyQualifiedName: f.TypeName + "::" + f.Identifier,
		Kind: "resource"}
}

func driftMessage(f drift.Finding) string {
	var msg string
	switch f.Kind {
	case drift.KindChanged:
		msg = fmt.Sprintf("%s (%s %s) was changed outside the state: %s", f.Address, f.TypeName,
			f.Identifier, propertyCount(len(f.Properties)))
	case drift.KindDeleted:
		msg = fmt.Sprintf("%s (%s %s) was deleted outside the state", f.Address, f.TypeName, f.Identifier)
	default:
		msg = fmt.Sprintf("%s %s was created outside the state, in %s", f.TypeName, f.Identifier, f.Scope)
	}
	if f.ChangedBy != "" && f.ChangedAt != nil {
		msg += fmt.Sprintf("; last change %s by %s at %s", f.ChangeAction, f.ChangedBy,
			f.ChangedAt.UTC().Format(time.RFC3339))
	}

	return msg + "."
}

func propertyCount(n int) string {
	if n == 1 {
		return "1 property differs"
	}

	return fmt.Sprintf("%d properties differ", n)
}
