package compare_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/compare"
	"github.com/smus-dev/smus/internal/evidence/evidencetest"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
	"github.com/smus-dev/smus/internal/tfstate"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const (
	stagingAccount = "222222222222"
	prodAccount    = "111111111111"
)

// buildPair creates staging and prod in two accounts of one local cloud.
// prod's fraud-detection role may also s3:PutObject, and prod has a
// pricing project that staging lacks.
func buildPair(ctx context.Context, t *testing.T) (srv *localtest.Server, staging, prod compare.Environment) {
	t.Helper()
	srv = localtest.Start(t, localcloud.Options{TimeScale: 0.0001})
	load := func(env evidencetest.Env) compare.Environment {
		path := evidencetest.Build(ctx, t, srv, env)
		st, err := tfstate.Load(ctx, tfstate.Source{File: path})
		if err != nil {
			t.Fatal(err)
		}

		return compare.Environment{Name: env.Name, Source: env.Name + ".tfstate", State: st,
			Client: evidencetest.NewClient(srv, env.Account), Endpoint: srv.URL}
	}
	staging = load(evidencetest.Env{Name: "staging", Account: stagingAccount, Projects: []evidencetest.Project{
		{Name: "fraud-detection", Actions: []string{"s3:GetObject"}},
		{Name: "churn", Actions: []string{"s3:GetObject"}},
	}})
	prod = load(evidencetest.Env{Name: "prod", Account: prodAccount, Projects: []evidencetest.Project{
		{Name: "fraud-detection", Actions: []string{"s3:GetObject", "s3:PutObject"}},
		{Name: "churn", Actions: []string{"s3:GetObject"}},
		{Name: "pricing", Actions: []string{"s3:GetObject"}},
	}})

	return srv, staging, prod
}

func TestCompareEnvironments(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	srv, staging, prod := buildPair(ctx, t)

	state, err := compare.Run(ctx, compare.Options{From: staging, To: prod, Config: compare.DefaultConfig()})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	checkGolden(t, "state.golden.json", state)

	// An out-of-band edit in staging: the churn role gets a second inline
	// policy that no state declares.
	addInlinePolicy(ctx, t, evidencetest.NewClient(srv, stagingAccount), "churn-staging", "debug",
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`)
	live, err := compare.Run(ctx, compare.Options{From: staging, To: prod, Config: compare.DefaultConfig(), Live: true})
	if err != nil {
		t.Fatalf("Run live: %v", err)
	}
	checkGolden(t, "live.golden.json", live)
}

func TestCompareLiveWrongAccount(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	srv, staging, prod := buildPair(ctx, t)
	prod.Client = evidencetest.NewClient(srv, stagingAccount)
	_, err := compare.Run(ctx, compare.Options{From: staging, To: prod, Live: true})
	want := "environment prod: the credentials are for account 222222222222, but the ARNs in its state name " +
		"account 111111111111; pass credentials for account 111111111111 (--to-profile, AWS_PROFILE_PROD or " +
		"--to-account-key)"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v\nwant %s", err, want)
	}
}

func addInlinePolicy(ctx context.Context, t *testing.T, client *cloudcontrol.Client, role, name, doc string) {
	t.Helper()
	live, err := client.Get(ctx, "AWS::IAM::Role", role)
	if err != nil {
		t.Fatal(err)
	}
	desired := awstype.CloneModel(live.Properties)
	policies, _ := desired["Policies"].([]any)
	var parsed map[string]any
	if err := json.Unmarshal([]byte(doc), &parsed); err != nil {
		t.Fatal(err)
	}
	desired["Policies"] = append(policies, map[string]any{"PolicyName": name, "PolicyDocument": parsed})
	if _, err := client.Update(ctx, cloudcontrol.UpdateInput{TypeName: "AWS::IAM::Role", Identifier: role,
		Prior: live.Properties, Desired: desired}); err != nil {
		t.Fatalf("update role %s: %v", role, err)
	}
}

// checkGolden compares report, as JSON, with testdata/name, and rewrites
// the file with -update.
func checkGolden(t *testing.T, name string, report *compare.Report) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(report); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantText, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	var want, gotValue any
	if err := json.Unmarshal(wantText, &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(got, &gotValue); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, gotValue); diff != "" {
		t.Errorf("%s (-want +got):\n%s", name, diff)
	}
}
