package localcloud_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"

	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

func TestRestartKeepsStateAndFinishesOperations(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	opts := localcloud.Options{DataDir: dir, TimeScale: 0.002, RolePropagation: time.Millisecond}
	first, err := localcloud.Open(opts)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	srv := httptest.NewServer(first.Handler())
	cfg := (&localtest.Server{URL: srv.URL}).Config(account)
	cc := cloudcontrol.NewFromConfig(cfg)
	ctx := context.Background()
	done, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{
		TypeName: aws.String("AWS::IAM::Role"), DesiredState: aws.String(mustJSON(t, roleModel("kept"))),
	})
	if err != nil {
		t.Fatalf("create role: %v", err)
	}
	wait(t, cc, done.ProgressEvent.RequestToken)
	// The domain takes 1.2 s at this scale, so it is in flight at the restart.
	inFlight, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{
		TypeName: aws.String("AWS::DataZone::Domain"),
		DesiredState: aws.String(mustJSON(t, map[string]any{"Name": "corp",
			"DomainExecutionRole": "arn:aws:iam::" + account + ":role/kept"})),
	})
	if err != nil {
		t.Fatalf("create domain: %v", err)
	}
	srv.Close()
	if err := first.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}

	second := localtest.Start(t, opts)
	cc = cloudcontrol.NewFromConfig(second.Config(account))

	out, err := cc.GetResource(ctx, &cloudcontrol.GetResourceInput{
		TypeName: aws.String("AWS::IAM::Role"), Identifier: aws.String("kept"),
	})
	if err != nil {
		t.Fatalf("get role after restart: %v", err)
	}
	if m := decodeModel(t, out.ResourceDescription.Properties); m["RoleName"] != "kept" {
		t.Errorf("role after restart = %v", m)
	}
	ev := wait(t, cc, inFlight.ProgressEvent.RequestToken)
	if ev.OperationStatus != types.OperationStatusSuccess {
		t.Fatalf("in-flight create after restart = %s %s", ev.OperationStatus, aws.ToString(ev.StatusMessage))
	}
	dom, err := cc.GetResource(ctx, &cloudcontrol.GetResourceInput{
		TypeName: aws.String("AWS::DataZone::Domain"), Identifier: inFlight.ProgressEvent.Identifier,
	})
	if err != nil {
		t.Fatalf("get domain: %v", err)
	}
	if m := decodeModel(t, dom.ResourceDescription.Properties); m["Status"] != "AVAILABLE" {
		t.Errorf("domain status after restart = %v, want AVAILABLE", m["Status"])
	}
	entries, err := second.Cloud.Activity(account, time.Time{})
	if err != nil {
		t.Fatalf("activity: %v", err)
	}
	if len(entries) != 2 {
		t.Errorf("activity has %d entries, want 2 (role and domain creation): %+v", len(entries), entries)
	}
}

func TestOpenRejectsLockedStore(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	first, err := localcloud.Open(localcloud.Options{DataDir: dir})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer first.Close()

	_, err = localcloud.Open(localcloud.Options{DataDir: dir})
	if err == nil {
		t.Fatalf("second open of %s succeeded, want an error", dir)
	}
}
