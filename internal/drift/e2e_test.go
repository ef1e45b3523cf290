package drift_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/drift"
	"github.com/smus-dev/smus/internal/drift/drifttest"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/tfstate"
)

func loadState(ctx context.Context, t *testing.T, path string) *tfstate.State {
	t.Helper()
	st, err := tfstate.Load(ctx, tfstate.Source{File: path})
	if err != nil {
		t.Fatalf("load state: %v", err)
	}

	return st
}

func TestRunCleanWorldHasNoDrift(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	w := drifttest.Build(ctx, t)
	st := loadState(ctx, t, w.WriteState(t))

	report, err := drift.Run(ctx, drift.Options{State: st, Client: w.Client, Endpoint: w.Server.URL,
		Activity: drifttest.ConsoleLog{Client: localcloud.NewConsoleClient(w.Server.URL)}})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if diff := cmp.Diff([]drift.Finding{}, report.Findings); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if len(report.Errors) != 0 {
		t.Errorf("errors = %v, want none", report.Errors)
	}
	if report.Summary.Resources != 7 {
		t.Errorf("summary resources = %d, want 7", report.Summary.Resources)
	}
	// 1 identity + 3 domain lists + 2 membership lists + 2 reads: the
	// role and the domain, which no listing covers. The blueprint, the
	// profile, both projects and the membership come from the lists.
	if report.Summary.Requests != 8 {
		t.Errorf("summary requests = %d, want 8", report.Summary.Requests)
	}
	if report.Summary.FromLists != 5 {
		t.Errorf("summary from_lists = %d, want 5", report.Summary.FromLists)
	}
	if report.Summary.Calls < report.Summary.Requests {
		t.Errorf("summary calls = %d, want at least the %d requests", report.Summary.Calls, report.Summary.Requests)
	}
}

func TestRunFindsConsoleEdits(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	w := drifttest.Build(ctx, t)
	st := loadState(ctx, t, w.WriteState(t))
	created := w.EditAll(ctx, t)

	report, err := drift.Run(ctx, drift.Options{State: st, Client: w.Client, Endpoint: w.Server.URL,
		Activity: drifttest.ConsoleLog{Client: localcloud.NewConsoleClient(w.Server.URL)}})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if len(report.Errors) != 0 {
		t.Errorf("errors = %v, want none", report.Errors)
	}

	checkConsoleEdits(t, w, created, report)
	// The deleted project is missing from the complete project listing,
	// so it needs no read of its own either.
	if report.Summary.FromLists != 5 {
		t.Errorf("summary from_lists = %d, want 5", report.Summary.FromLists)
	}
}

// checkConsoleEdits checks that report has exactly the findings of
// drifttest's EditAll, each with who made it and when.
func checkConsoleEdits(t *testing.T, w *drifttest.World, created string, report *drift.Report) {
	t.Helper()
	var statement map[string]any
	drifttest.MustUnmarshal(t, `{"Effect":"Allow","Action":["s3:*"],"Resource":["*"]}`, &statement)
	want := []drift.Finding{
		{Address: "smus_blueprint.tooling", TypeName: "AWS::DataZone::EnvironmentBlueprintConfiguration",
			Identifier: w.IDs["smus_blueprint.tooling"], Kind: drift.KindChanged,
			Properties: []drift.PropertyDiff{{Path: "/EnabledRegions",
				Declared: []any{"us-east-1", "us-west-2"}, Live: []any{"us-east-1"}}},
			ChangedBy: drifttest.Actor, ChangeAction: localcloud.ActionDisableBlueprintRegion},
		{Address: "smus_iam_role.project", TypeName: "AWS::IAM::Role", Identifier: "analytics-project",
			Kind: drift.KindChanged,
			Properties: []drift.PropertyDiff{{Path: "/Policies/access/PolicyDocument",
				StatementsAdded: []any{statement}}},
			ChangedBy: drifttest.Actor, ChangeAction: localcloud.ActionPutRolePolicy},
		{Address: "smus_project.churn", TypeName: "AWS::DataZone::Project", Identifier: w.IDs["smus_project.churn"],
			Kind: drift.KindDeleted, ChangedBy: drifttest.Actor, ChangeAction: localcloud.ActionDeleteProject},
		{TypeName: "AWS::DataZone::Project", Identifier: created, Kind: drift.KindUnmanaged,
			Scope: "smus_domain.main", ChangedBy: drifttest.Actor, ChangeAction: localcloud.ActionCreateProject},
	}
	got := stripPolicyValues(report.Findings)
	if diff := cmp.Diff(want, got, cmp.FilterPath(func(p cmp.Path) bool {
		return p.String() == "ChangedAt"
	}, cmp.Ignore())); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	for _, f := range report.Findings {
		if f.ChangedAt == nil || time.Since(*f.ChangedAt) > time.Minute || time.Since(*f.ChangedAt) < 0 {
			t.Errorf("%s %s: changed_at = %v, want the time of the console edit", f.Kind, f.Identifier, f.ChangedAt)
		}
	}
	if report.Summary.Changed != 2 || report.Summary.Deleted != 1 || report.Summary.Unmanaged != 1 {
		t.Errorf("summary = %+v, want 2 changed, 1 deleted, 1 unmanaged", report.Summary)
	}
}

// stripPolicyValues drops the whole documents of policy diffs, which the
// test checks through their statements.
func stripPolicyValues(findings []drift.Finding) []drift.Finding {
	out := append([]drift.Finding{}, findings...)
	for i := range out {
		props := append([]drift.PropertyDiff{}, out[i].Properties...)
		for j := range props {
			if props[j].StatementsAdded != nil || props[j].StatementsRemoved != nil {
				props[j].Declared, props[j].Live = nil, nil
			}
		}
		out[i].Properties = props
		if len(props) == 0 {
			out[i].Properties = nil
		}
	}

	return out
}
