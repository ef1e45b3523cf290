package cloudcontrol_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

// TestLocalCloudLifecycle runs every operation over real HTTP against the
// emulator on a loopback port.
func TestLocalCloudLifecycle(t *testing.T) {
	t.Parallel()
	srv := localtest.Start(t, localcloud.Options{TimeScale: 0.001})
	endpoints := cloudcontrol.Endpoints{CloudControl: srv.URL, STS: srv.URL, DataZone: srv.URL}
	c := cloudcontrol.NewFromConfig(srv.Config("111122223333"), endpoints, cloudcontrol.Options{
		Waiter: cloudcontrol.WaiterOptions{MinDelay: 10 * time.Millisecond, MaxDelay: 100 * time.Millisecond},
		Retry:  cloudcontrol.RetryOptions{BaseDelay: 10 * time.Millisecond},
	})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	const typeName = "AWS::SSM::Parameter"
	desired := map[string]any{
		"Name": "/platform/roles/domain-execution", "Type": "String",
		"Value": "arn:aws:iam::111122223333:role/exec", "Description": "write-only",
	}

	created, err := c.Create(ctx, cloudcontrol.CreateInput{TypeName: typeName, DesiredState: desired})
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	if created.Identifier != desired["Name"] {
		t.Errorf("Identifier = %q, want %q", created.Identifier, desired["Name"])
	}
	if _, ok := created.Properties["Description"]; ok {
		t.Errorf("read model has the write-only Description: %v", created.Properties)
	}

	got, err := c.Get(ctx, typeName, created.Identifier)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if got.Properties["Value"] != desired["Value"] {
		t.Errorf("Value = %v, want %v", got.Properties["Value"], desired["Value"])
	}

	updated := map[string]any{}
	for k, v := range desired {
		updated[k] = v
	}
	updated["Value"] = "arn:aws:iam::111122223333:role/other"
	res, err := c.Update(ctx, cloudcontrol.UpdateInput{
		TypeName: typeName, Identifier: created.Identifier, Prior: desired, Desired: updated,
	})
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	if res.Properties["Value"] != updated["Value"] {
		t.Errorf("Value after update = %v, want %v", res.Properties["Value"], updated["Value"])
	}

	list, err := c.List(ctx, typeName, nil)
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if len(list) != 1 || list[0].Identifier != created.Identifier {
		t.Errorf("List = %+v, want the one parameter", list)
	}

	if err := c.Delete(ctx, typeName, created.Identifier); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := c.Get(ctx, typeName, created.Identifier); !errors.Is(err, cloudcontrol.ErrNotFound) {
		t.Errorf("Get after Delete error = %v, want ErrNotFound", err)
	}
	if err := c.Delete(ctx, typeName, created.Identifier); err != nil {
		t.Errorf("second Delete: %v, want success for a resource already gone", err)
	}
}
