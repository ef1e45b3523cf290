package drift_test

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/drift"
	"github.com/smus-dev/smus/internal/drift/drifttest"
	"github.com/smus-dev/smus/internal/tfstate"
)

const roleState = `{"version":4,"serial":1,"lineage":"l","resources":[{"mode":"managed","type":"smus_iam_role",
"name":"r","provider":"provider[\"registry.terraform.io/smus-dev/smus\"]","instances":[{"attributes":{
"id":"r","name":"r","path":"/","assume_role_policy":"{\"Version\":\"2012-10-17\",\"Statement\":[]}",
"arn":"arn:aws:iam::111122223333:role/r"}}]}]}`

func TestRunRejectsWrongAccount(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	w := drifttest.Build(ctx, t)
	st := loadState(ctx, t, w.WriteState(t))
	other := drifttest.NewClient(t, w.Server, "999988887777")

	_, err := drift.Run(ctx, drift.Options{State: st, Client: other, Endpoint: w.Server.URL})
	if err == nil {
		t.Fatal("Run with credentials of another account succeeded, want an error")
	}
	for _, want := range []string{"999988887777", drifttest.Account, "credentials"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
}

func TestRunReportsInvalidPolicyInState(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	w := drifttest.Build(ctx, t)
	w.SetAttribute(t, "smus_iam_role.project", "inline_policies", map[string]any{"access": `{"Version": "2012-10-17",`})
	st := loadState(ctx, t, w.WriteState(t))

	report, err := drift.Run(ctx, drift.Options{State: st, Client: w.Client, Endpoint: w.Server.URL})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if len(report.Errors) != 1 {
		t.Fatalf("errors = %v, want one for the role", report.Errors)
	}
	e := report.Errors[0]
	if e.Address != "smus_iam_role.project" {
		t.Errorf("error address = %q, want smus_iam_role.project", e.Address)
	}
	for _, want := range []string{`inline_policies["access"]`, `"{\"Version\": \"2012-10-17\","`, "fix the policy"} {
		if !strings.Contains(e.Message, want) {
			t.Errorf("error %q does not contain %q", e.Message, want)
		}
	}
}

func TestRunFailsFastOnUnreachableEndpoint(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	endpoint := "http://" + ln.Addr().String()
	ln.Close()
	st, err := tfstate.Parse("test", []byte(roleState))
	if err != nil {
		t.Fatalf("parse state: %v", err)
	}
	cfg := aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider(drifttest.Account, "local", "")}
	client := cloudcontrol.NewFromConfig(cfg, cloudcontrol.Endpoints{CloudControl: endpoint, STS: endpoint, DataZone: endpoint},
		cloudcontrol.Options{Retry: cloudcontrol.RetryOptions{BaseDelay: time.Millisecond, MaxDelay: 10 * time.Millisecond}})

	start := time.Now()
	_, err = drift.Run(context.Background(), drift.Options{State: st, Client: client, Endpoint: endpoint,
		IdentityTimeout: 2 * time.Second})
	if err == nil {
		t.Fatal("Run against a closed port succeeded, want an error")
	}
	t.Logf("error: %v", err)
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Errorf("Run took %v, want at most the identity timeout", elapsed)
	}
	for _, want := range []string{endpoint, "could not be reached", "--endpoint"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
}

func TestRunRejectsStateWithoutSmusResources(t *testing.T) {
	t.Parallel()
	st, err := tfstate.Parse("test", []byte(`{"version":4,"resources":[{"mode":"managed","type":"terraform_data",
		"name":"x","instances":[{"attributes":{"id":"1"}}]}]}`))
	if err != nil {
		t.Fatalf("parse state: %v", err)
	}
	_, err = drift.Run(context.Background(), drift.Options{State: st, Client: &cloudcontrol.Client{}})
	if err == nil || !strings.Contains(err.Error(), "no smus_* resources") {
		t.Errorf("Run error = %v, want one saying the state has no smus_* resources", err)
	}
}
