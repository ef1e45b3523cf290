package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/smus-dev/smus/internal/drift"
)

// driftSymbols marks each kind of finding in the text report, as in a plan:
// ~ changed, - deleted, + created by hand.
var driftSymbols = map[drift.Kind]string{drift.KindChanged: "~", drift.KindDeleted: "-", drift.KindUnmanaged: "+"}

func renderDriftText(w io.Writer, r *drift.Report) error {
	var b strings.Builder
	s := r.Summary
	if !r.HasDrift() {
		fmt.Fprintf(&b, "No drift: %d resources match the state in account %s.\n", s.Resources, r.Account)
	} else {
		fmt.Fprintf(&b, "Drift in account %s: %d changed, %d deleted, %d unmanaged.\n\n",
			r.Account, s.Changed, s.Deleted, s.Unmanaged)
	}
	for _, f := range r.Findings {
		writeDriftFinding(&b, f)
	}
	fmt.Fprintf(&b, "\nResources checked: %d, managed domains searched: %d, requests: %d "+
		"(%d calls, at most %d per resource).\n", s.Resources, s.Domains, s.Requests, s.Calls, s.MaxCallsPerResource)
	_, err := io.WriteString(w, b.String())

	return err
}

func writeDriftFinding(b *strings.Builder, f drift.Finding) {
	switch f.Kind {
	case drift.KindUnmanaged:
		fmt.Fprintf(b, "%s %s %s: created outside the state, in %s", driftSymbols[f.Kind], f.TypeName, f.Identifier,
			f.Scope)
	default:
		fmt.Fprintf(b, "%s %s (%s %s): %s out of band", driftSymbols[f.Kind], f.Address, f.TypeName, f.Identifier,
			f.Kind)
	}
	if f.ChangedBy != "" {
		fmt.Fprintf(b, "; last change %s by %s", f.ChangeAction, f.ChangedBy)
	}
	if f.ChangedAt != nil {
		fmt.Fprintf(b, " at %s", f.ChangedAt.UTC().Format(time.RFC3339))
	}
	b.WriteString("\n")
	for _, p := range f.Properties {
		writeDriftProperty(b, p)
	}
}

func writeDriftProperty(b *strings.Builder, p drift.PropertyDiff) {
	fmt.Fprintf(b, "    %s\n", p.Path)
	if p.StatementsAdded != nil || p.StatementsRemoved != nil {
		for _, s := range p.StatementsAdded {
			fmt.Fprintf(b, "      + statement %s\n", compactJSON(s))
		}
		for _, s := range p.StatementsRemoved {
			fmt.Fprintf(b, "      - statement %s\n", compactJSON(s))
		}

		return
	}
	fmt.Fprintf(b, "      declared: %s\n", compactJSON(p.Declared))
	fmt.Fprintf(b, "      live:     %s\n", compactJSON(p.Live))
}

func compactJSON(v any) string {
	if v == nil {
		return "(none)"
	}
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}

	return string(data)
}
