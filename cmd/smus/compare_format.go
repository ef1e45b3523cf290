package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/smus-dev/smus/internal/compare"
)

func renderCompareText(w io.Writer, r *compare.Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Comparing %s (%s) with %s (%s)", r.From.Name, r.From.Source, r.To.Name, r.To.Source)
	if r.Live {
		fmt.Fprintf(&b, ", live accounts %s and %s", r.From.Account, r.To.Account)
	}
	b.WriteString("\n")
	for _, d := range r.Resources {
		env := r.From.Name
		if d.Side == compare.OnlyInTo {
			env = r.To.Name
		}
		fmt.Fprintf(&b, "\n%s: only in %s (%s)\n", d.Address, env, d.Source)
	}
	for _, d := range r.Properties {
		fmt.Fprintf(&b, "\n%s: %s differs (%s)\n  %s: %s\n  %s: %s\n", d.Address, d.Path, d.Source,
			r.From.Name, textValue(d.From), r.To.Name, textValue(d.To))
	}
	for _, d := range r.Roles {
		fmt.Fprintf(&b, "\n%s: IAM differences of role %s / %s (%s)", d.Address, d.FromRole, d.ToRole, d.Source)
		if len(d.Projects) > 0 {
			fmt.Fprintf(&b, ", used by project %s", strings.Join(d.Projects, ", "))
		}
		b.WriteString("\n")
		for _, s := range d.Statements {
			b.WriteString("  " + statementText(r, s) + "\n")
		}
	}
	s := r.Summary
	fmt.Fprintf(&b, "\n%d only in %s, %d only in %s, %d property differences, %d IAM statement differences in %d roles.\n",
		s.OnlyInFrom, r.From.Name, s.OnlyInTo, r.To.Name, s.Properties, s.Statements, s.Roles)
	_, err := io.WriteString(w, b.String())

	return err
}

func statementText(r *compare.Report, s compare.StatementDiff) string {
	env := func(k compare.StatementKind) string {
		if k == compare.StatementOnlyInTo {
			return r.To.Name
		}

		return r.From.Name
	}
	if s.ManagedPolicyArn != "" {
		return fmt.Sprintf("managed policy %s attached only in %s", s.ManagedPolicyArn, env(s.Kind))
	}
	label := s.Policy + " statement"
	if s.Sid != "" {
		label += " " + s.Sid
	}
	if s.Kind != compare.StatementChanged {
		return fmt.Sprintf("%s only in %s: %s", label, env(s.Kind), textValue(s.Statement))
	}
	var parts []string
	if len(s.ActionsOnlyInFrom) > 0 {
		parts = append(parts, fmt.Sprintf("%s may also %s", r.From.Name, strings.Join(s.ActionsOnlyInFrom, ", ")))
	}
	if len(s.ActionsOnlyInTo) > 0 {
		parts = append(parts, fmt.Sprintf("%s may also %s", r.To.Name, strings.Join(s.ActionsOnlyInTo, ", ")))
	}
	if len(s.OtherMembers) > 0 {
		parts = append(parts, "also differs in "+strings.Join(s.OtherMembers, ", "))
	}

	return fmt.Sprintf("%s (%s on %s): %s", label, s.Effect, textValue(s.Resource), strings.Join(parts, "; "))
}

func textValue(v any) string {
	if v == nil {
		return "(absent)"
	}
	if s, ok := v.(string); ok {
		return fmt.Sprintf("%q", s)
	}
	// An encoder without HTML escaping keeps placeholders such as <env>
	// readable in text output.
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}

	return strings.TrimSuffix(b.String(), "\n")
}

func renderCompareJSON(w io.Writer, r *compare.Report) error {
	return writeIndentedJSON(w, r)
}

// compareRules are the SARIF rules of smus compare, one per kind of
// difference.
var compareRules = []sarifRule{
	{ID: "compare-only-in-one", ShortDescription: sarifMessage{Text: "A resource exists in one environment only."},
		DefaultConfiguration: sarifConfiguration{Level: "warning"}},
	{ID: "compare-property", ShortDescription: sarifMessage{Text: "An attribute differs between the environments."},
		DefaultConfiguration: sarifConfiguration{Level: "warning"}},
	{ID: "compare-iam-statement", ShortDescription: sarifMessage{Text: "An IAM statement differs between the environments."},
		DefaultConfiguration: sarifConfiguration{Level: "warning"}},
}

type compareSARIFResult struct {
	RuleID     string                 `json:"ruleId"`
	RuleIndex  int                    `json:"ruleIndex"`
	Level      string                 `json:"level"`
	Message    sarifMessage           `json:"message"`
	Locations  []compareSARIFLocation `json:"locations"`
	Properties any                    `json:"properties"`
}

type compareSARIFLocation struct {
	LogicalLocations []compareSARIFLogical `json:"logicalLocations"`
}

type compareSARIFLogical struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
}

type compareSARIFRun struct {
	Tool struct {
		Driver struct {
			Name           string      `json:"name"`
			InformationURI string      `json:"informationUri"`
			Rules          []sarifRule `json:"rules"`
		} `json:"driver"`
	} `json:"tool"`
	Results     []compareSARIFResult `json:"results"`
	Invocations []sarifInvocation    `json:"invocations"`
}

func renderCompareSARIF(w io.Writer, r *compare.Report) error {
	run := compareSARIFRun{Results: []compareSARIFResult{}}
	run.Tool.Driver.Name = "smus-compare"
	run.Tool.Driver.InformationURI = "https://github.com/smus-dev/smus"
	run.Tool.Driver.Rules = compareRules
	add := func(rule int, address, msg string, props any) {
		run.Results = append(run.Results, compareSARIFResult{RuleID: compareRules[rule].ID, RuleIndex: rule,
			Level: "warning", Message: sarifMessage{Text: msg}, Properties: props,
			Locations: []compareSARIFLocation{{LogicalLocations: []compareSARIFLogical{{Name: address, Kind: "resource"}}}}})
	}
	for _, d := range r.Resources {
		env := r.From.Name
		if d.Side == compare.OnlyInTo {
			env = r.To.Name
		}
		add(0, d.Address, fmt.Sprintf("%s exists only in %s (%s).", d.Address, env, d.Source), d)
	}
	for _, d := range r.Properties {
		add(1, d.Address, fmt.Sprintf("%s: %s is %s in %s and %s in %s.", d.Address, d.Path, textValue(d.From),
			r.From.Name, textValue(d.To), r.To.Name), d)
	}
	for _, d := range r.Roles {
		for _, s := range d.Statements {
			add(2, d.Address, fmt.Sprintf("%s (role %s): %s", d.Address, d.ToRole, statementText(r, s)), s)
		}
	}
	inv := sarifInvocation{ExecutionSuccessful: len(r.Errors) == 0, ToolExecutionNotifications: []sarifNotification{}}
	for _, e := range r.Errors {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarifNotification{Level: "error", Message: sarifMessage{Text: compareErrorText(e)}})
	}
	run.Invocations = []sarifInvocation{inv}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")

	return enc.Encode(struct {
		Schema  string            `json:"$schema"`
		Version string            `json:"version"`
		Runs    []compareSARIFRun `json:"runs"`
	}{Schema: sarifSchema, Version: sarifVersion, Runs: []compareSARIFRun{run}})
}

// writeIndentedJSON writes v as JSON indented by two spaces, with "<" and
// ">" kept as they are because placeholders such as <account> use them.
func writeIndentedJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)

	return enc.Encode(v)
}
