package evidence_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/evidence"
	"github.com/smus-dev/smus/internal/evidence/evidencetest"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
	"github.com/smus-dev/smus/internal/tfstate"
)

const account = "111111111111"

func buildEnv(ctx context.Context, t *testing.T) (*localtest.Server, *tfstate.State) {
	t.Helper()
	srv := localtest.Start(t, localcloud.Options{TimeScale: 0.0001})
	path := evidencetest.Build(ctx, t, srv, evidencetest.Env{Name: "prod", Account: account, Projects: []evidencetest.Project{
		{Name: "fraud-detection", Actions: []string{"s3:GetObject", "s3:PutObject"}},
		{Name: "churn", Actions: []string{"s3:GetObject"}, Role: "shared-analytics"},
		{Name: "pricing", Actions: []string{"s3:GetObject"}, Role: "shared-analytics"},
	}})
	st, err := tfstate.Load(ctx, tfstate.Source{File: path})
	if err != nil {
		t.Fatal(err)
	}

	return srv, st
}

func TestCollectReadsRolesLive(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	srv, st := buildEnv(ctx, t)
	ev, err := evidence.Collect(ctx, evidence.Options{State: st, Client: evidencetest.NewClient(srv, account),
		Version: "test", Region: "us-east-1"})
	if err != nil {
		t.Fatalf("Collect: %v", err)
	}
	if got := len(ev.Projects); got != 3 {
		t.Fatalf("projects = %d, want 3", got)
	}
	if got := len(ev.Roles); got != 2 {
		t.Errorf("roles = %d, want 2 (the shared role once)", got)
	}
	shared := ev.Role("arn:aws:iam::" + account + ":role/shared-analytics")
	if shared == nil {
		t.Fatal("shared role missing")
	}
	wantUsers := []string{"churn (Lake Formation principal)", "churn (execution role)",
		"pricing (Lake Formation principal)", "pricing (execution role)"}
	if diff := cmp.Diff(wantUsers, shared.UsedBy); diff != "" {
		t.Errorf("UsedBy (-want +got):\n%s", diff)
	}
	var aws, customer *evidence.ManagedPolicy
	for i, m := range shared.ManagedPolicies {
		if m.AWSManaged {
			aws = &shared.ManagedPolicies[i]
		} else {
			customer = &shared.ManagedPolicies[i]
		}
	}
	if aws == nil || aws.Document != nil || !strings.Contains(aws.Note, "AWS managed") {
		t.Errorf("AWS managed policy = %+v, want ARN only with a note", aws)
	}
	if customer == nil || customer.Document == nil || customer.DefaultVersionID != "v1" {
		t.Errorf("customer managed policy = %+v, want its document and version v1", customer)
	}
	// A project gets every grant of its roles, so the two projects that
	// share a role both get both grants.
	wantGrants := map[string]int{"fraud-detection": 1, "churn": 2, "pricing": 2}
	for _, p := range ev.Projects {
		if len(p.LakeFormation) != wantGrants[p.Name] {
			t.Errorf("project %s has %d grants, want %d", p.Name, len(p.LakeFormation), wantGrants[p.Name])
		}
		for _, g := range p.LakeFormation {
			if g.Live != "present" {
				t.Errorf("project %s grant %s live = %q, want present", p.Name, g.Address, g.Live)
			}
		}
		if p.Profile == nil || len(p.Blueprints) != 1 || p.Blueprints[0].Name != "Tooling" {
			t.Errorf("project %s profile %+v blueprints %+v, want the Tooling blueprint", p.Name, p.Profile, p.Blueprints)
		}
		if len(p.Members) != 1 {
			t.Errorf("project %s members = %+v, want one owner", p.Name, p.Members)
		}
	}
	if ev.Provenance.Account != account || ev.Provenance.StateSerial != 12 || ev.Provenance.StateLineage != "lineage-prod" {
		t.Errorf("provenance = %+v", ev.Provenance)
	}
}

func TestEvidenceWriteVerifyTamper(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	srv, st := buildEnv(ctx, t)
	ev, err := evidence.Collect(ctx, evidence.Options{State: st, Client: evidencetest.NewClient(srv, account),
		Version: "test", Project: "fraud-detection"})
	if err != nil {
		t.Fatalf("Collect: %v", err)
	}
	out := filepath.Join(t.TempDir(), "bundle")
	if err := evidence.Write(ev, evidence.WriteOptions{Out: out}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	res, err := evidence.Verify(out)
	if err != nil || !res.Intact() || res.Files != 3 {
		t.Fatalf("Verify = %+v, %v; want intact with 3 files", res, err)
	}
	html, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"fraud-detection-prod", "s3:PutObject", "AWS managed policy", "Contents"} {
		if !strings.Contains(string(html), want) {
			t.Errorf("report.html lacks %q", want)
		}
	}
	edited := strings.Replace(string(html), "s3:PutObject", "s3:ListBucket", 1)
	if err := os.WriteFile(filepath.Join(out, "report.html"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = evidence.Verify(out)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"report.html"}, res.Changed); diff != "" || res.Intact() {
		t.Errorf("Changed after edit (-want +got):\n%s", diff)
	}
}

func TestCollectRejectsBadInput(t *testing.T) {
	t.Parallel()
	srv, st := buildEnv(t.Context(), t)
	testCases := map[string]struct {
		opts evidence.Options
		want string
	}{
		"unknown-project": {
			opts: evidence.Options{State: st, Client: evidencetest.NewClient(srv, account), Project: "nope"},
			want: `project "nope" not found in the state; it has churn, fraud-detection, pricing`,
		},
		"other-account": {
			opts: evidence.Options{State: st, Client: evidencetest.NewClient(srv, "999999999999")},
			want: "the credentials are for account 999999999999, but the ARNs in the state name account 111111111111",
		},
		"no-projects": {
			opts: evidence.Options{State: &tfstate.State{}, Client: evidencetest.NewClient(srv, account)},
			want: "the state has no smus_project resources",
		},
		"invalid-state-policy": {
			opts: evidence.Options{State: badPolicyState(), Client: evidencetest.NewClient(srv, account)},
			want: `smus_iam_role.bad.inline_policies["access"] in state: policy document is not valid JSON`,
		},
		"unreachable": {
			opts: evidence.Options{State: st, Client: unreachableClient(t), Endpoint: "http://127.0.0.1:1",
				IdentityTimeout: 2 * time.Second},
			want: "endpoint http://127.0.0.1:1 could not be reached",
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := evidence.Collect(t.Context(), tc.opts)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func unreachableClient(t *testing.T) evidence.Client {
	t.Helper()
	srv := &localtest.Server{URL: "http://127.0.0.1:1"}

	return evidencetest.NewClient(srv, account)
}

func badPolicyState() *tfstate.State {
	return &tfstate.State{Resources: []tfstate.Resource{
		{Address: "smus_project.p", Mode: "managed", Type: "smus_project", Name: "p",
			Attributes: map[string]any{"name": "p", "project_execution_role": "arn:aws:iam::" + account + ":role/bad"}},
		{Address: "smus_iam_role.bad", Mode: "managed", Type: "smus_iam_role", Name: "bad",
			Attributes: map[string]any{"name": "bad", "assume_role_policy": evidencetest.TrustPolicy,
				"inline_policies": map[string]any{"access": `{"Statement": [`}}},
	}}
}

func TestCollectRejectsInvalidLivePolicy(t *testing.T) {
	t.Parallel()
	srv, st := buildEnv(t.Context(), t)
	client := evidencetest.NewClient(srv, account)
	live, err := client.Get(t.Context(), "AWS::IAM::Role", "fraud-detection-prod")
	if err != nil {
		t.Fatal(err)
	}
	desired := awstype.CloneModel(live.Properties)
	desired["AssumeRolePolicyDocument"] = "{not json"
	_, err = client.Update(t.Context(), cloudcontrol.UpdateInput{TypeName: "AWS::IAM::Role",
		Identifier: "fraud-detection-prod", Prior: live.Properties, Desired: desired})
	if err != nil {
		t.Fatalf("update role: %v", err)
	}
	_, err = evidence.Collect(t.Context(), evidence.Options{State: st, Client: client})
	want := "IAM role fraud-detection-prod: AssumeRolePolicyDocument: policy document is not valid JSON"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error = %v, want it to contain %q", err, want)
	}
}
