package clitest_test

import (
	"testing"
	"time"

	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

// progressEvent is a ProgressEvent as the CLI prints it. EventTime and
// RetryAfter are strings because the CLI renders timestamps in ISO 8601.
type progressEvent struct {
	TypeName        string
	Identifier      string
	RequestToken    string
	Operation       string
	OperationStatus string
	EventTime       string
	ResourceModel   string
	StatusMessage   string
	ErrorCode       string
	RetryAfter      string
}

type progressOutput struct {
	ProgressEvent progressEvent
}

type resourceDescription struct {
	Identifier string
	Properties string
}

type getResourceOutput struct {
	TypeName            string
	ResourceDescription resourceDescription
}

type listResourcesOutput struct {
	TypeName             string
	ResourceDescriptions []resourceDescription
	NextToken            string
}

// terminal reports whether status ends a request.
func terminal(status string) bool {
	return status == "SUCCESS" || status == "FAILED" || status == "CANCEL_COMPLETE"
}

// parseCLITime parses a timestamp as the CLI renders it.
func parseCLITime(t *testing.T, field, s string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatalf("%s %q is not an ISO 8601 timestamp: %v", field, s, err)
	}

	return at
}

// createResource starts a create and returns its first ProgressEvent.
func createResource(t *testing.T, srv *localtest.Server, typeName string, model any, extra ...string) progressEvent {
	t.Helper()
	args := append([]string{"cloudcontrol", "create-resource", "--type-name", typeName,
		"--desired-state", mustJSON(t, model)}, extra...)

	return decode[progressOutput](t, mustAWS(t, srv, args...)).ProgressEvent
}

// waitRequest polls get-resource-request-status until the request ends,
// sleeping until RetryAfter but at most 200 ms between polls.
func waitRequest(t *testing.T, srv *localtest.Server, token string) progressEvent {
	t.Helper()
	for range 40 {
		ev := decode[progressOutput](t, mustAWS(t, srv, "cloudcontrol", "get-resource-request-status",
			"--request-token", token)).ProgressEvent
		if terminal(ev.OperationStatus) {
			return ev
		}
		pause := 10 * time.Millisecond
		if ev.RetryAfter != "" {
			pause = min(max(time.Until(parseCLITime(t, "RetryAfter", ev.RetryAfter)), pause), 200*time.Millisecond)
		}
		time.Sleep(pause)
	}
	t.Fatalf("request %s did not end within 40 polls", token)

	return progressEvent{}
}

// mustSucceed waits for a request and fails the test unless it succeeded.
func mustSucceed(t *testing.T, srv *localtest.Server, token string) progressEvent {
	t.Helper()
	ev := waitRequest(t, srv, token)
	if ev.OperationStatus != "SUCCESS" {
		t.Fatalf("%s %s ended %s %s: %s", ev.Operation, ev.TypeName, ev.OperationStatus, ev.ErrorCode, ev.StatusMessage)
	}

	return ev
}

// mustCreate creates a resource, waits for SUCCESS and returns its
// identifier.
func mustCreate(t *testing.T, srv *localtest.Server, typeName string, model any) string {
	t.Helper()
	ev := createResource(t, srv, typeName, model)

	return mustSucceed(t, srv, ev.RequestToken).Identifier
}

// getModel runs get-resource and returns the model.
func getModel(t *testing.T, srv *localtest.Server, typeName, id string) map[string]any {
	t.Helper()
	out := decode[getResourceOutput](t, mustAWS(t, srv, "cloudcontrol", "get-resource",
		"--type-name", typeName, "--identifier", id))
	if out.TypeName != typeName || out.ResourceDescription.Identifier != id {
		t.Errorf("get-resource returned %s %q, want %s %q",
			out.TypeName, out.ResourceDescription.Identifier, typeName, id)
	}

	return decodeModel(t, out.ResourceDescription.Properties)
}

// listIdentifiers runs list-resources, letting the CLI follow NextToken,
// and returns the identifiers.
func listIdentifiers(t *testing.T, srv *localtest.Server, typeName string, extra ...string) []string {
	t.Helper()
	args := append([]string{"cloudcontrol", "list-resources", "--type-name", typeName}, extra...)
	out := decode[listResourcesOutput](t, mustAWS(t, srv, args...))
	ids := make([]string, 0, len(out.ResourceDescriptions))
	for _, d := range out.ResourceDescriptions {
		ids = append(ids, d.Identifier)
	}

	return ids
}

// checkEventTime fails unless at, a CLI timestamp, lies within
// [from-1s, now+1s]. An EventTime sent in milliseconds lands far outside.
func checkEventTime(t *testing.T, at string, from time.Time) {
	t.Helper()
	got := parseCLITime(t, "EventTime", at)
	if got.Before(from.Add(-time.Second)) || got.After(time.Now().Add(time.Second)) {
		t.Errorf("EventTime = %s, want a time between %s and now", got, from.Format(time.RFC3339Nano))
	}
}

func patchArg(t *testing.T, ops ...map[string]any) string {
	t.Helper()

	return mustJSON(t, ops)
}
