package cloudcontrol_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/cloudcontrol"
)

func TestDelete(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		script  []reply
		wantErr bool
	}{
		"success": {script: []reply{
			progress("DeleteResource", event{Token: "d", Op: "DELETE", Status: "IN_PROGRESS"}),
			progress("GetResourceRequestStatus", event{Token: "d", Op: "DELETE", Status: "SUCCESS"}),
		}},
		"failed-not-found-is-success": {script: []reply{
			progress("DeleteResource", event{Token: "d", Op: "DELETE", Status: "PENDING"}),
			progress("GetResourceRequestStatus", event{Token: "d", Op: "DELETE", Status: "FAILED", Code: "NotFound"}),
		}},
		"resource-not-found-exception-is-success": {script: []reply{
			apiError("DeleteResource", 404, "ResourceNotFoundException", "not found"),
		}},
		"concurrent-operation-retried": {script: []reply{
			apiError("DeleteResource", 409, "ConcurrentOperationException", "busy"),
			progress("DeleteResource", event{Token: "d", Op: "DELETE", Status: "SUCCESS"}),
		}},
		"failed-access-denied": {script: []reply{
			progress("DeleteResource", event{Token: "d", Op: "DELETE", Status: "IN_PROGRESS"}),
			progress("GetResourceRequestStatus", event{Token: "d", Op: "DELETE", Status: "FAILED", Code: "AccessDenied"}),
		}, wantErr: true},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, _, _ := newClient(t, tc.script...)

			err := c.Delete(context.Background(), roleType, "analyst")

			if diff := cmp.Diff(tc.wantErr, err != nil); diff != "" {
				t.Errorf("error %v (-want +got):\n%s", err, diff)
			}
		})
	}
}

func TestDeleteSendsClientToken(t *testing.T) {
	t.Parallel()
	r := progress("DeleteResource", event{Token: "d", Op: "DELETE", Status: "SUCCESS"})
	r.check = func(t *testing.T, body map[string]any) {
		if token, _ := body["ClientToken"].(string); len(token) != 36 {
			t.Errorf("ClientToken = %q, want a UUID", token)
		}
	}
	c, _, _ := newClient(t, r)

	if err := c.Delete(context.Background(), roleType, "analyst"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
}

func TestResumeDeleteNotFoundIsSuccess(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t,
		progress("GetResourceRequestStatus", event{Token: "d", Op: "DELETE", Status: "IN_PROGRESS"}),
		progress("GetResourceRequestStatus", event{Token: "d", Op: "DELETE", Status: "FAILED", Code: "NotFound"}),
	)

	ev, err := c.Resume(context.Background(), "d")
	if err != nil {
		t.Fatalf("Resume: %v", err)
	}

	if ev.OperationStatus != "FAILED" {
		t.Errorf("OperationStatus = %q, want FAILED", ev.OperationStatus)
	}
}

func TestWaitUnknownToken(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t, apiError("GetResourceRequestStatus", 404, "RequestTokenNotFoundException", "expired"))

	_, err := c.Wait(context.Background(), "gone")

	if !errors.Is(err, cloudcontrol.ErrRequestTokenNotFound) {
		t.Fatalf("error = %v, want ErrRequestTokenNotFound", err)
	}
}
