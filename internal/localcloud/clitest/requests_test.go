package clitest_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/localcloud"
)

type listRequestsOutput struct {
	ResourceRequestStatusSummaries []progressEvent
	NextToken                      string
}

// requestTokens runs list-resource-requests with filter (empty for none)
// and returns the request tokens, sorted.
func requestTokens(t *testing.T, run func(args ...string) []byte, filter string, extra ...string) []string {
	t.Helper()
	args := []string{"cloudcontrol", "list-resource-requests"}
	if filter != "" {
		args = append(args, "--resource-request-status-filter", filter)
	}
	out := decode[listRequestsOutput](t, run(append(args, extra...)...))
	var tokens []string
	for _, ev := range out.ResourceRequestStatusSummaries {
		tokens = append(tokens, ev.RequestToken)
	}
	slices.Sort(tokens)

	return tokens
}

func sorted(s ...string) []string {
	s = slices.Clone(s)
	slices.Sort(s)

	return s
}

// TestListResourceRequests filters the request history by operation and
// status, in the JSON and the shorthand syntax of the CLI, and pages it.
func TestListResourceRequests(t *testing.T) {
	t.Parallel()
	srv := startCloud(t, localcloud.Options{})
	run := func(args ...string) []byte { return mustAWS(t, srv, args...) }
	createA := createResource(t, srv, "AWS::SSM::Parameter", map[string]any{"Name": "a", "Type": "String", "Value": "1"})
	createB := createResource(t, srv, "AWS::SSM::Parameter", map[string]any{"Name": "b", "Type": "String", "Value": "2"})
	mustSucceed(t, srv, createA.RequestToken)
	mustSucceed(t, srv, createB.RequestToken)
	del := decode[progressOutput](t, run("cloudcontrol", "delete-resource",
		"--type-name", "AWS::SSM::Parameter", "--identifier", "a")).ProgressEvent
	mustSucceed(t, srv, del.RequestToken)

	testCases := map[string]struct {
		filter string
		extra  []string
		want   []string
	}{
		"no-filter":               {want: sorted(createA.RequestToken, createB.RequestToken, del.RequestToken)},
		"creates":                 {filter: `{"Operations":["CREATE"]}`, want: sorted(createA.RequestToken, createB.RequestToken)},
		"successful-deletes":      {filter: `{"Operations":["DELETE"],"OperationStatuses":["SUCCESS"]}`, want: []string{del.RequestToken}},
		"shorthand-syntax":        {filter: "Operations=DELETE,OperationStatuses=SUCCESS", want: []string{del.RequestToken}},
		"no-failed-requests":      {filter: `{"OperationStatuses":["FAILED"]}`},
		"cli-paging-one-per-page": {extra: []string{"--page-size", "1"}, want: sorted(createA.RequestToken, createB.RequestToken, del.RequestToken)},
	}
	for name, tc := range testCases {
		if diff := cmp.Diff(tc.want, requestTokens(t, run, tc.filter, tc.extra...)); diff != "" {
			t.Errorf("%s: request tokens (-want +got):\n%s", name, diff)
		}
	}
}

// TestCancelDomainCreate cancels a domain creation while it runs. The
// domain takes 30 s at this time scale, which leaves the CLI ample time to
// send the cancel while the create is IN_PROGRESS.
func TestCancelDomainCreate(t *testing.T) {
	t.Parallel()
	srv := startCloud(t, localcloud.Options{TimeScale: 0.05, RolePropagation: time.Millisecond})
	createExecutionRole(t, srv)
	created := createResource(t, srv, "AWS::DataZone::Domain", map[string]any{
		"Name": "cancelled", "DomainExecutionRole": executionRole,
	})

	cancelled := decode[progressOutput](t, mustAWS(t, srv, "cloudcontrol", "cancel-resource-request",
		"--request-token", created.RequestToken)).ProgressEvent

	if cancelled.RequestToken != created.RequestToken || cancelled.Operation != "CREATE" {
		t.Errorf("cancel returned %+v, want the CREATE request %s", cancelled, created.RequestToken)
	}
	if cancelled.OperationStatus != "CANCEL_IN_PROGRESS" {
		t.Errorf("OperationStatus after cancel = %s, want CANCEL_IN_PROGRESS", cancelled.OperationStatus)
	}
	ended := waitRequest(t, srv, created.RequestToken)
	if ended.OperationStatus != "CANCEL_COMPLETE" {
		t.Errorf("request ended %s, want CANCEL_COMPLETE", ended.OperationStatus)
	}
	got := requestTokens(t, func(args ...string) []byte { return mustAWS(t, srv, args...) },
		`{"OperationStatuses":["CANCEL_COMPLETE"]}`)
	if diff := cmp.Diff([]string{created.RequestToken}, got); diff != "" {
		t.Errorf("cancelled requests (-want +got):\n%s", diff)
	}
}
