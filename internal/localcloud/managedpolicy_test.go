package localcloud_test

import (
	"strings"
	"testing"
	"time"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

func TestManagedPolicyLifecycle(t *testing.T) {
	t.Parallel()
	srv := localtest.Start(t, localcloud.Options{TimeScale: 0.0001})
	c := cloudcontrol.NewFromConfig(srv.Config("111122223333"),
		cloudcontrol.Endpoints{CloudControl: srv.URL, STS: srv.URL, DataZone: srv.URL},
		cloudcontrol.Options{Waiter: cloudcontrol.WaiterOptions{MinDelay: time.Millisecond, MaxDelay: 10 * time.Millisecond}})
	ctx := t.Context()
	doc := map[string]any{"Version": "2012-10-17", "Statement": []any{map[string]any{
		"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}}
	created, err := c.Create(ctx, cloudcontrol.CreateInput{TypeName: awstype.ManagedPolicy.Name,
		DesiredState: map[string]any{"ManagedPolicyName": "data-read", "Path": "/team/", "PolicyDocument": doc}})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	if want := "arn:aws:iam::111122223333:policy/team/data-read"; created.Identifier != want {
		t.Errorf("Identifier = %q, want %q", created.Identifier, want)
	}
	if v := created.Properties["DefaultVersionId"]; v != "v1" {
		t.Errorf("DefaultVersionId = %v, want v1", v)
	}

	desired := awstype.CloneModel(created.Properties)
	desired["PolicyDocument"] = map[string]any{"Version": "2012-10-17", "Statement": []any{map[string]any{
		"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}}}
	updated, err := c.Update(ctx, cloudcontrol.UpdateInput{TypeName: awstype.ManagedPolicy.Name,
		Identifier: created.Identifier, Prior: created.Properties, Desired: desired})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	if v := updated.Properties["DefaultVersionId"]; v != "v2" {
		t.Errorf("DefaultVersionId after a document change = %v, want v2", v)
	}

	_, err = c.Create(ctx, cloudcontrol.CreateInput{TypeName: awstype.ManagedPolicy.Name,
		DesiredState: map[string]any{"ManagedPolicyName": "broken", "PolicyDocument": "{not json"}})
	if err == nil || !strings.Contains(err.Error(), "MalformedPolicyDocument") {
		t.Errorf("Create with a malformed document: error = %v, want MalformedPolicyDocument", err)
	}
	_, err = c.Create(ctx, cloudcontrol.CreateInput{TypeName: awstype.ManagedPolicy.Name,
		DesiredState: map[string]any{"ManagedPolicyName": "attached", "PolicyDocument": doc, "Roles": []any{"absent"}}})
	if err == nil || !strings.Contains(err.Error(), "absent cannot be found") {
		t.Errorf("Create attached to a missing role: error = %v, want a not found failure", err)
	}
}
