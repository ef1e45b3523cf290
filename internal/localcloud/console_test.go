package localcloud_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/localcloud"
)

func TestConsoleEditsAreLogged(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	f.mustCreate(t, "AWS::IAM::Role", roleModel("project-role"))
	domainID, profileID, _ := f.project(t)
	client := localcloud.NewConsoleClient(f.srv.URL)
	ctx := context.Background()
	since := time.Now()
	base := localcloud.ConsoleRequest{Account: account, Region: "us-east-1", Actor: "console:alice"}

	edits := map[string]localcloud.ConsoleRequest{
		localcloud.ActionPutRolePolicy: {RoleName: "project-role", PolicyName: "extra",
			PolicyDocument: json.RawMessage(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`)},
		localcloud.ActionCreateProject:          {DomainID: domainID, ProjectName: "by-hand", ProfileID: profileID},
		localcloud.ActionDisableBlueprintRegion: {DomainID: domainID, BlueprintID: "Tooling", BlueprintRegion: "us-east-1"},
		localcloud.ActionSetProperty: {TypeName: "AWS::IAM::Role", Identifier: "project-role",
			Patch: json.RawMessage(`[{"op":"add","path":"/Description","value":"edited"}]`)},
	}
	order := []string{localcloud.ActionPutRolePolicy, localcloud.ActionCreateProject,
		localcloud.ActionDisableBlueprintRegion, localcloud.ActionSetProperty}
	for _, action := range order {
		req := edits[action]
		req.Action, req.Account, req.Region, req.Actor = action, base.Account, base.Region, base.Actor
		if _, err := client.Do(ctx, req); err != nil {
			t.Fatalf("%s: %v", action, err)
		}
	}

	role := f.get(t, "AWS::IAM::Role", "project-role")
	if role["Description"] != "edited" || len(role["Policies"].([]any)) != 1 {
		t.Errorf("role after console edits = %v", role)
	}
	entries, err := client.Activity(ctx, account, since)
	if err != nil {
		t.Fatalf("activity: %v", err)
	}
	var actions []string
	for _, e := range entries {
		if e.Actor != "console:alice" {
			t.Errorf("entry %+v has actor %q, want console:alice", e, e.Actor)
		}
		actions = append(actions, e.Action)
	}
	if diff := cmp.Diff(order, actions); diff != "" {
		t.Errorf("activity actions (-want +got):\n%s", diff)
	}
}

func TestConsoleErrors(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	client := localcloud.NewConsoleClient(f.srv.URL)
	cases := map[string]struct {
		req        localcloud.ConsoleRequest
		wantCode   string
		wantStatus int
	}{
		"missing-role": {localcloud.ConsoleRequest{Action: localcloud.ActionDeleteRolePolicy, RoleName: "none",
			PolicyName: "p"}, "ResourceNotFoundException", 404},
		"unknown-action": {localcloud.ConsoleRequest{Action: "reboot"}, "ValidationException", 400},
		"bad-patch": {localcloud.ConsoleRequest{Action: localcloud.ActionSetProperty, TypeName: "AWS::IAM::Role",
			Identifier: "r", Patch: json.RawMessage(`{}`)}, "ValidationException", 400},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tc.req.Account, tc.req.Region, tc.req.Actor = account, "us-east-1", "console:test"
			_, err := client.Do(context.Background(), tc.req)
			var apiErr *localcloud.APIError
			if !errorsAs(err, &apiErr) {
				t.Fatalf("error %v is not an APIError", err)
			}
			if apiErr.Code != tc.wantCode || apiErr.StatusCode != tc.wantStatus {
				t.Errorf("got %s %d, want %s %d", apiErr.Code, apiErr.StatusCode, tc.wantCode, tc.wantStatus)
			}
		})
	}
}

func TestActivityRecordsAPICaller(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	f.mustCreate(t, "AWS::IAM::Role", roleModel("audited"))
	f.update(t, "AWS::IAM::Role", "audited", []map[string]any{{"op": "add", "path": "/Description", "value": "d"}})

	entries, err := f.srv.Cloud.Activity(account, time.Time{})
	if err != nil {
		t.Fatalf("activity: %v", err)
	}

	if len(entries) != 2 {
		t.Fatalf("got %d entries, want 2: %+v", len(entries), entries)
	}
	got := entries[1]
	want := localcloud.ActivityEntry{Sequence: got.Sequence, Time: got.Time, Account: account,
		Actor: "arn:aws:iam::" + account + ":user/smus-local", Action: "UpdateResource", TypeName: "AWS::IAM::Role",
		Identifier: "audited", Summary: "updated Description", RequestToken: got.RequestToken}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("update entry (-want +got):\n%s", diff)
	}
}
