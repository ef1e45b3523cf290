package cloudcontrol_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/cloudcontrol"
)

func TestUpdateSendsPatch(t *testing.T) {
	t.Parallel()
	prior := roleLive()
	desired := roleLive()
	desired["Description"] = "analysts"
	r := progress("UpdateResource", event{Token: "u", Op: "UPDATE", Status: "IN_PROGRESS", ID: "analyst"})
	r.check = func(t *testing.T, body map[string]any) {
		t.Helper()
		var ops []map[string]any
		if err := json.Unmarshal([]byte(body["PatchDocument"].(string)), &ops); err != nil {
			t.Fatalf("PatchDocument: %v", err)
		}
		want := []map[string]any{{"op": "add", "path": "/Description", "value": "analysts"}}
		if diff := cmp.Diff(want, ops); diff != "" {
			t.Errorf("patch (-want +got):\n%s", diff)
		}
		if body["Identifier"] != "analyst" {
			t.Errorf("Identifier = %v, want analyst", body["Identifier"])
		}
	}
	c, _, _ := newClient(t, r,
		progress("GetResourceRequestStatus", event{Token: "u", Op: "UPDATE", Status: "SUCCESS", ID: "analyst"}),
		resource("analyst", desired),
	)

	res, err := c.Update(context.Background(), cloudcontrol.UpdateInput{
		TypeName: roleType, Identifier: "analyst", Prior: prior, Desired: desired,
	})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}

	if res.Properties["Description"] != "analysts" {
		t.Errorf("Description = %v, want analysts", res.Properties["Description"])
	}
}

func TestUpdateEmptyPatchOnlyReads(t *testing.T) {
	t.Parallel()
	c, s, _ := newClient(t, resource("analyst", roleLive()))

	_, err := c.Update(context.Background(), cloudcontrol.UpdateInput{
		TypeName: roleType, Identifier: "analyst", Prior: roleLive(), Desired: roleLive(),
	})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}

	if diff := cmp.Diff([]string{"GetResource"}, s.callsOf()); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
}

func TestUpdateCreateOnlyChangeNeedsReplacement(t *testing.T) {
	t.Parallel()
	c, s, _ := newClient(t)
	desired := roleLive()
	desired["RoleName"] = "other"

	_, err := c.Update(context.Background(), cloudcontrol.UpdateInput{
		TypeName: roleType, Identifier: "analyst", Prior: roleLive(), Desired: desired,
	})

	var repl *cloudcontrol.ReplacementError
	if !errors.As(err, &repl) {
		t.Fatalf("error = %v, want *ReplacementError", err)
	}
	if diff := cmp.Diff([]string{"/RoleName"}, repl.Paths); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	if calls := s.callsOf(); len(calls) != 0 {
		t.Errorf("calls = %v, want none", calls)
	}
}

func TestUpdateFailedNotFound(t *testing.T) {
	t.Parallel()
	desired := roleLive()
	desired["Description"] = "x"
	c, _, _ := newClient(t,
		progress("UpdateResource", event{Token: "u", Op: "UPDATE", Status: "IN_PROGRESS"}),
		progress("GetResourceRequestStatus", event{Token: "u", Op: "UPDATE", Status: "FAILED", Code: "NotFound"}),
	)

	_, err := c.Update(context.Background(), cloudcontrol.UpdateInput{
		TypeName: roleType, Identifier: "analyst", Prior: roleLive(), Desired: desired,
	})

	if !errors.Is(err, cloudcontrol.ErrNotFound) {
		t.Fatalf("error = %v, want ErrNotFound", err)
	}
}
