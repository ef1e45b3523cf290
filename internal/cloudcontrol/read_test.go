package cloudcontrol_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/cloudcontrol"
)

func TestGetNotFound(t *testing.T) {
	t.Parallel()
	testCases := map[string]reply{
		"resource-not-found-exception": apiError("GetResource", 404, "ResourceNotFoundException",
			"AWS::IAM::Role Handler returned status FAILED: Resource of type 'AWS::IAM::Role' with identifier 'x' was not found."),
		"handler-error-code-not-found": apiError("GetResource", 400, "GeneralServiceException",
			"AWS::IAM::Role Handler returned status FAILED: gone (HandlerErrorCode: NotFound, RequestToken: abc)"),
	}
	for name, r := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, _, _ := newClient(t, r)

			_, err := c.Get(context.Background(), roleType, "x")

			if !errors.Is(err, cloudcontrol.ErrNotFound) {
				t.Fatalf("error = %v, want ErrNotFound", err)
			}
			var apiErr *cloudcontrol.APIError
			if !errors.As(err, &apiErr) || apiErr.Identifier != "x" || apiErr.TypeName != roleType {
				t.Errorf("error = %#v, want *APIError naming the type and identifier", err)
			}
		})
	}
}

func TestGetOtherErrorIsNotNotFound(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t, apiError("GetResource", 400, "InvalidRequestException", "bad identifier"))

	_, err := c.Get(context.Background(), roleType, "x")

	if err == nil || errors.Is(err, cloudcontrol.ErrNotFound) {
		t.Fatalf("error = %v, want a non-NotFound error", err)
	}
}

func listPage(t *testing.T, ids []string, next string, wantNext string) reply {
	t.Helper()
	var descs []map[string]any
	for _, id := range ids {
		props, _ := json.Marshal(map[string]any{"DomainIdentifier": "dzd_abc", "Id": id, "Name": "p-" + id})
		descs = append(descs, map[string]any{"Identifier": "dzd_abc|" + id, "Properties": string(props)})
	}
	out := map[string]any{"TypeName": "AWS::DataZone::Project", "ResourceDescriptions": descs}
	if next != "" {
		out["NextToken"] = next
	}
	body, _ := json.Marshal(out)

	return reply{op: "ListResources", body: string(body), check: func(t *testing.T, body map[string]any) {
		t.Helper()
		if got, _ := body["NextToken"].(string); got != wantNext {
			t.Errorf("NextToken = %q, want %q", got, wantNext)
		}
		model := map[string]any{}
		text, _ := body["ResourceModel"].(string)
		if err := json.Unmarshal([]byte(text), &model); err != nil || model["DomainIdentifier"] != "dzd_abc" {
			t.Errorf("ResourceModel = %q, want the domain scope", text)
		}
	}}
}

func TestListReadsAllPagesWithModel(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t,
		listPage(t, []string{"a", "b"}, "p2", ""),
		listPage(t, nil, "p3", "p2"),
		listPage(t, []string{"c"}, "", "p3"),
	)

	got, err := c.List(context.Background(), "AWS::DataZone::Project", map[string]any{"DomainIdentifier": "dzd_abc"})
	if err != nil {
		t.Fatalf("List: %v", err)
	}

	var ids []string
	for _, r := range got {
		ids = append(ids, r.Identifier)
	}
	if diff := cmp.Diff([]string{"dzd_abc|a", "dzd_abc|b", "dzd_abc|c"}, ids); diff != "" {
		t.Errorf("identifiers (-want +got):\n%s", diff)
	}
	if got[2].Properties["Name"] != "p-c" {
		t.Errorf("Properties = %v, want Name p-c", got[2].Properties)
	}
}

func TestListRepeatedTokenStops(t *testing.T) {
	t.Parallel()
	c, _, _ := newClient(t,
		listPage(t, []string{"a"}, "p2", ""),
		listPage(t, []string{"b"}, "p2", "p2"),
	)

	_, err := c.List(context.Background(), "AWS::DataZone::Project", map[string]any{"DomainIdentifier": "dzd_abc"})

	if err == nil {
		t.Fatal("List returned no error for a repeated page token")
	}
}

func TestListMissingScopeMakesNoCall(t *testing.T) {
	t.Parallel()
	c, s, _ := newClient(t)

	_, err := c.List(context.Background(), "AWS::DataZone::Project", nil)

	if err == nil {
		t.Fatal("List returned no error without DomainIdentifier")
	}
	if calls := s.callsOf(); len(calls) != 0 {
		t.Errorf("calls = %v, want none", calls)
	}
}
