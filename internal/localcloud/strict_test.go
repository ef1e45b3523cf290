package localcloud_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"

	"github.com/smus-dev/smus/internal/localcloud"
)

func TestStrictProjectUpdateFails(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{Strict: true})
	domainID, _, projectID := f.project(t)
	cases := map[string]struct {
		patch       []map[string]any
		wantCode    string
		wantMessage string
	}{
		"re-adding-domain-identifier": {
			[]map[string]any{
				{"op": "add", "path": "/DomainIdentifier", "value": domainID},
				{"op": "add", "path": "/Description", "value": "new"},
			},
			"NotUpdatableException",
			"Invalid patch update: createOnlyProperties [/properties/DomainIdentifier] cannot be updated",
		},
		"omitting-domain-identifier": {
			[]map[string]any{{"op": "add", "path": "/Description", "value": "new"}},
			"ValidationException",
			"Model validation failed (#: required key [DomainIdentifier] not found)",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := f.cc.UpdateResource(context.Background(), &cloudcontrol.UpdateResourceInput{
				TypeName: aws.String("AWS::DataZone::Project"), Identifier: aws.String(domainID + "|" + projectID),
				PatchDocument: aws.String(mustJSON(t, tc.patch)),
			})
			code, status := apiError(t, err)
			if code != tc.wantCode || status != 400 {
				t.Errorf("got %s %d, want %s 400", code, status, tc.wantCode)
			}
			if !strings.Contains(err.Error(), tc.wantMessage) {
				t.Errorf("error %q does not contain %q", err, tc.wantMessage)
			}
		})
	}
}

func TestLenientProjectUpdateMergesWriteOnly(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	domainID, _, projectID := f.project(t)
	id := domainID + "|" + projectID

	ev := f.update(t, "AWS::DataZone::Project", id, []map[string]any{{"op": "add", "path": "/Description", "value": "new"}})

	if ev.OperationStatus != types.OperationStatusSuccess {
		t.Fatalf("update = %s %s %s", ev.OperationStatus, ev.ErrorCode, aws.ToString(ev.StatusMessage))
	}
	if got := f.get(t, "AWS::DataZone::Project", id)["Description"]; got != "new" {
		t.Errorf("Description = %v, want new", got)
	}
	list, err := f.cc.ListResources(context.Background(), &cloudcontrol.ListResourcesInput{
		TypeName:      aws.String("AWS::DataZone::Project"),
		ResourceModel: aws.String(mustJSON(t, map[string]any{"DomainIdentifier": domainID})),
	})
	if err != nil {
		t.Fatalf("list projects: %v", err)
	}
	if len(list.ResourceDescriptions) != 1 {
		t.Errorf("listing by DomainIdentifier after update found %d projects, want 1", len(list.ResourceDescriptions))
	}
}

func TestLenientBlueprintConfigurationUpdate(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	domainID := f.domain(t, "corp")
	id := f.enable(t, domainID, "Tooling", "us-east-1")

	ev := f.update(t, "AWS::DataZone::EnvironmentBlueprintConfiguration", id, []map[string]any{
		{"op": "add", "path": "/EnabledRegions/-", "value": "eu-west-1"},
	})

	if ev.OperationStatus != types.OperationStatusSuccess {
		t.Fatalf("update = %s %s", ev.OperationStatus, aws.ToString(ev.StatusMessage))
	}
	regions := f.get(t, "AWS::DataZone::EnvironmentBlueprintConfiguration", id)["EnabledRegions"]
	if len(regions.([]any)) != 2 {
		t.Errorf("EnabledRegions = %v, want two regions", regions)
	}
}
