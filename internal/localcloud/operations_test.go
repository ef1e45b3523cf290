package localcloud_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/localcloud"
)

func TestRoleLifecycle(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	ctx := context.Background()

	out, err := f.cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{
		TypeName: aws.String("AWS::IAM::Role"), DesiredState: aws.String(mustJSON(t, roleModel("analyst"))),
	})
	if err != nil {
		t.Fatalf("create role: %v", err)
	}
	first := out.ProgressEvent
	if first.OperationStatus != types.OperationStatusPending {
		t.Errorf("first status = %s, want PENDING", first.OperationStatus)
	}
	if first.RetryAfter == nil || first.EventTime == nil || first.RetryAfter.Before(*first.EventTime) {
		t.Errorf("RetryAfter = %v, want a time at or after EventTime %v", first.RetryAfter, first.EventTime)
	}
	ev := wait(t, f.cc, first.RequestToken)
	if diff := cmp.Diff(types.OperationStatusSuccess, ev.OperationStatus); diff != "" {
		t.Fatalf("create status (-want +got):\n%s", diff)
	}
	if got := aws.ToString(ev.Identifier); got != "analyst" {
		t.Errorf("identifier = %q, want analyst", got)
	}

	model := f.get(t, "AWS::IAM::Role", "analyst")
	if got, want := model["Arn"], "arn:aws:iam::"+account+":role/analyst"; got != want {
		t.Errorf("Arn = %v, want %v", got, want)
	}
	if id, _ := model["RoleId"].(string); !strings.HasPrefix(id, "AROA") || len(id) != 21 {
		t.Errorf("RoleId = %q, want AROA and 17 characters", id)
	}
	if model["Path"] != "/" {
		t.Errorf("Path = %v, want /", model["Path"])
	}

	ev = f.update(t, "AWS::IAM::Role", "analyst", []map[string]any{
		{"op": "add", "path": "Description", "value": "reads data"},
	})
	if ev.OperationStatus != types.OperationStatusSuccess || ev.Operation != types.OperationUpdate {
		t.Fatalf("update = %s %s %s", ev.Operation, ev.OperationStatus, aws.ToString(ev.StatusMessage))
	}
	if got := f.get(t, "AWS::IAM::Role", "analyst")["Description"]; got != "reads data" {
		t.Errorf("Description after update = %v, want reads data", got)
	}

	list, err := f.cc.ListResources(ctx, &cloudcontrol.ListResourcesInput{TypeName: aws.String("AWS::IAM::Role")})
	if err != nil {
		t.Fatalf("list roles: %v", err)
	}
	if len(list.ResourceDescriptions) != 1 || aws.ToString(list.ResourceDescriptions[0].Identifier) != "analyst" {
		t.Errorf("list = %+v, want the one role", list.ResourceDescriptions)
	}

	ev = f.remove(t, "AWS::IAM::Role", "analyst")
	if ev.OperationStatus != types.OperationStatusSuccess || ev.ResourceModel != nil {
		t.Errorf("delete = %s with model %v, want SUCCESS without a model", ev.OperationStatus, ev.ResourceModel)
	}
	_, err = f.cc.GetResource(ctx, &cloudcontrol.GetResourceInput{
		TypeName: aws.String("AWS::IAM::Role"), Identifier: aws.String("analyst"),
	})
	code, status := apiError(t, err)
	if code != "ResourceNotFoundException" || status != 404 {
		t.Errorf("get after delete = %s %d, want ResourceNotFoundException 404", code, status)
	}
}

func TestDeleteMissingEndsNotFound(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})

	ev := f.remove(t, "AWS::SSM::Parameter", "/missing")

	if ev.OperationStatus != types.OperationStatusFailed || ev.ErrorCode != types.HandlerErrorCodeNotFound {
		t.Fatalf("delete missing = %s %s, want FAILED NotFound", ev.OperationStatus, ev.ErrorCode)
	}
	want := "Resource of type 'AWS::SSM::Parameter' with identifier '/missing' was not found."
	if diff := cmp.Diff(want, aws.ToString(ev.StatusMessage)); diff != "" {
		t.Errorf("status message (-want +got):\n%s", diff)
	}
}

func TestCreateExistingEndsAlreadyExists(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	f.mustCreate(t, "AWS::IAM::Role", roleModel("dup"))

	ev := f.create(t, "AWS::IAM::Role", roleModel("dup"))

	if ev.OperationStatus != types.OperationStatusFailed || ev.ErrorCode != types.HandlerErrorCodeAlreadyExists {
		t.Fatalf("second create = %s %s, want FAILED AlreadyExists", ev.OperationStatus, ev.ErrorCode)
	}
	want := "Resource of type 'AWS::IAM::Role' with identifier 'dup' already exists."
	if got := aws.ToString(ev.StatusMessage); got != want {
		t.Errorf("status message = %q, want %q", got, want)
	}
}

func TestWriteOnlyNeverReturned(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	model := map[string]any{"Name": "/team/role", "Type": "String", "Value": "arn:aws:iam::111111111111:role/x",
		"Description": "secret description"}

	out, err := f.cc.CreateResource(context.Background(), &cloudcontrol.CreateResourceInput{
		TypeName: aws.String("AWS::SSM::Parameter"), DesiredState: aws.String(mustJSON(t, model)),
	})
	if err != nil {
		t.Fatalf("create parameter: %v", err)
	}
	ev := wait(t, f.cc, out.ProgressEvent.RequestToken)
	list, err := f.cc.ListResources(context.Background(), &cloudcontrol.ListResourcesInput{
		TypeName: aws.String("AWS::SSM::Parameter"),
	})
	if err != nil {
		t.Fatalf("list parameters: %v", err)
	}

	views := map[string]*string{
		"create-response": out.ProgressEvent.ResourceModel,
		"final-event":     ev.ResourceModel,
		"get":             nil,
		"list":            list.ResourceDescriptions[0].Properties,
	}
	got := f.get(t, "AWS::SSM::Parameter", "/team/role")
	if _, ok := got["Description"]; ok {
		t.Errorf("get returned write-only Description")
	}
	if got["Arn"] != "arn:aws:ssm:us-east-1:"+account+":parameter/team/role" {
		t.Errorf("Arn = %v", got["Arn"])
	}
	for name, text := range views {
		if text == nil {
			continue
		}
		if strings.Contains(*text, "secret description") {
			t.Errorf("%s model contains the write-only Description: %s", name, *text)
		}
	}
}

func TestListResourceRequestsFilters(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	f.mustCreate(t, "AWS::IAM::Role", roleModel("one"))
	f.mustCreate(t, "AWS::IAM::Role", roleModel("two"))
	f.remove(t, "AWS::SSM::Parameter", "/none")

	cases := map[string]struct {
		filter *types.ResourceRequestStatusFilter
		want   int
	}{
		"all":            {nil, 3},
		"creates":        {&types.ResourceRequestStatusFilter{Operations: []types.Operation{types.OperationCreate}}, 2},
		"failed":         {&types.ResourceRequestStatusFilter{OperationStatuses: []types.OperationStatus{types.OperationStatusFailed}}, 1},
		"failed-creates": {&types.ResourceRequestStatusFilter{Operations: []types.Operation{types.OperationCreate}, OperationStatuses: []types.OperationStatus{types.OperationStatusFailed}}, 0},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			out, err := f.cc.ListResourceRequests(context.Background(), &cloudcontrol.ListResourceRequestsInput{
				ResourceRequestStatusFilter: tc.filter,
			})
			if err != nil {
				t.Fatalf("list requests: %v", err)
			}
			if got := len(out.ResourceRequestStatusSummaries); got != tc.want {
				t.Errorf("got %d requests, want %d", got, tc.want)
			}
		})
	}
}

func TestListResourceRequestsPaging(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	for _, name := range []string{"a", "b", "c", "d", "e"} {
		f.mustCreate(t, "AWS::IAM::Role", roleModel(name))
	}

	seen := map[string]bool{}
	var token *string
	pages := 0
	for {
		out, err := f.cc.ListResourceRequests(context.Background(), &cloudcontrol.ListResourceRequestsInput{
			MaxResults: aws.Int32(2), NextToken: token,
		})
		if err != nil {
			t.Fatalf("list requests: %v", err)
		}
		pages++
		for _, ev := range out.ResourceRequestStatusSummaries {
			seen[aws.ToString(ev.RequestToken)] = true
		}
		if out.NextToken == nil {
			break
		}
		token = out.NextToken
	}

	if len(seen) != 5 || pages != 3 {
		t.Errorf("saw %d requests in %d pages, want 5 in 3", len(seen), pages)
	}
}

func TestCancelResourceRequest(t *testing.T) {
	t.Parallel()
	// A slow clock keeps the create PENDING while it is cancelled.
	f := start(t, localcloud.Options{TimeScale: 1})
	ctx := context.Background()
	out, err := f.cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{
		TypeName: aws.String("AWS::IAM::Role"), DesiredState: aws.String(mustJSON(t, roleModel("cancelled"))),
	})
	if err != nil {
		t.Fatalf("create: %v", err)
	}

	cancel, err := f.cc.CancelResourceRequest(ctx, &cloudcontrol.CancelResourceRequestInput{
		RequestToken: out.ProgressEvent.RequestToken,
	})
	if err != nil {
		t.Fatalf("cancel: %v", err)
	}
	if cancel.ProgressEvent.OperationStatus != types.OperationStatusCancelInProgress {
		t.Errorf("cancel status = %s, want CANCEL_IN_PROGRESS", cancel.ProgressEvent.OperationStatus)
	}
	ev := wait(t, f.cc, out.ProgressEvent.RequestToken)
	if ev.OperationStatus != types.OperationStatusCancelComplete {
		t.Errorf("final status = %s, want CANCEL_COMPLETE", ev.OperationStatus)
	}
	_, err = f.cc.GetResource(ctx, &cloudcontrol.GetResourceInput{
		TypeName: aws.String("AWS::IAM::Role"), Identifier: aws.String("cancelled"),
	})
	if code, _ := apiError(t, err); code != "ResourceNotFoundException" {
		t.Errorf("get after cancelled create = %s, want ResourceNotFoundException", code)
	}

	again, err := f.cc.CancelResourceRequest(ctx, &cloudcontrol.CancelResourceRequestInput{
		RequestToken: out.ProgressEvent.RequestToken,
	})
	if err != nil {
		t.Fatalf("cancel finished request: %v", err)
	}
	if again.ProgressEvent.OperationStatus != types.OperationStatusCancelComplete {
		t.Errorf("cancel of finished request = %s, want its unchanged CANCEL_COMPLETE", again.ProgressEvent.OperationStatus)
	}
}

func TestCancelFinishedReturnsTerminalEvent(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	ev := f.create(t, "AWS::IAM::Role", roleModel("done"))

	out, err := f.cc.CancelResourceRequest(context.Background(), &cloudcontrol.CancelResourceRequestInput{
		RequestToken: ev.RequestToken,
	})

	if err != nil {
		t.Fatalf("cancel: %v", err)
	}
	if out.ProgressEvent.OperationStatus != types.OperationStatusSuccess {
		t.Errorf("status = %s, want the unchanged SUCCESS", out.ProgressEvent.OperationStatus)
	}
}

func TestAccountsAreIsolated(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	f.mustCreate(t, "AWS::IAM::Role", roleModel("mine"))

	_, err := f.client(otherAccount).GetResource(context.Background(), &cloudcontrol.GetResourceInput{
		TypeName: aws.String("AWS::IAM::Role"), Identifier: aws.String("mine"),
	})

	if code, status := apiError(t, err); code != "ResourceNotFoundException" || status != 404 {
		t.Errorf("other account get = %s %d, want ResourceNotFoundException 404", code, status)
	}
}
