package drift_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/drift"
	"github.com/smus-dev/smus/internal/drift/drifttest"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

// TestRunAbsorbsThrottling reads 60 roles with a client allowed four times
// the account's request rate: the local cloud throttles, the client
// retries, and the report has no errors but more calls than requests.
func TestRunAbsorbsThrottling(t *testing.T) {
	t.Parallel()
	const roles = 60
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dataDir := t.TempDir()
	setup := localtest.Start(t, localcloud.Options{DataDir: dataDir, TimeScale: 0.0005})
	creator := drifttest.NewClient(t, setup, drifttest.Account)
	var resources []map[string]any
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := range roles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := fmt.Sprintf("role-%03d", i)
			res, err := creator.Create(ctx, cloudcontrol.CreateInput{TypeName: "AWS::IAM::Role", DesiredState: map[string]any{
				"RoleName": name, "AssumeRolePolicyDocument": map[string]any{"Version": "2012-10-17", "Statement": []any{}},
			}})
			if err != nil {
				t.Errorf("create %s: %v", name, err)

				return
			}
			mu.Lock()
			defer mu.Unlock()
			resources = append(resources, map[string]any{"mode": "managed", "type": "smus_iam_role", "name": name,
				"instances": []any{map[string]any{"attributes": map[string]any{"id": name, "name": name, "path": "/",
					"assume_role_policy": `{"Version":"2012-10-17","Statement":[]}`, "arn": res.Properties["Arn"]}}}})
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	if err := setup.Cloud.Close(); err != nil {
		t.Fatalf("close the local cloud: %v", err)
	}
	data, err := json.Marshal(map[string]any{"version": 4, "resources": resources})
	if err != nil {
		t.Fatalf("encode state: %v", err)
	}
	statePath := filepath.Join(t.TempDir(), "terraform.tfstate")
	if err := os.WriteFile(statePath, data, 0o600); err != nil {
		t.Fatalf("write state: %v", err)
	}

	srv := localtest.Start(t, localcloud.Options{DataDir: dataDir, TimeScale: 0.0005,
		ThrottleRPS: localcloud.DefaultThrottleRPS})
	cfg := srv.Config(drifttest.Account)
	drift.CountCalls(&cfg)
	client := cloudcontrol.NewFromConfig(cfg,
		cloudcontrol.Endpoints{CloudControl: srv.URL, STS: srv.URL, DataZone: srv.URL},
		cloudcontrol.Options{RequestRate: 4 * localcloud.DefaultThrottleRPS, Burst: 10})
	report, err := drift.Run(ctx, drift.Options{State: loadState(ctx, t, statePath), Client: client, Endpoint: srv.URL})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if len(report.Errors) != 0 || len(report.Findings) != 0 {
		t.Errorf("errors = %v, findings = %v, want none", report.Errors, report.Findings)
	}
	t.Logf("summary: %+v", report.Summary)
	if report.Summary.Resources != roles {
		t.Errorf("summary resources = %d, want %d", report.Summary.Resources, roles)
	}
	if report.Summary.Calls <= report.Summary.Requests {
		t.Errorf("summary calls = %d, requests = %d; want retried calls beyond the requests",
			report.Summary.Calls, report.Summary.Requests)
	}
	if report.Summary.MaxCallsPerResource < 2 {
		t.Errorf("max calls per resource = %d, want at least 2 after throttling", report.Summary.MaxCallsPerResource)
	}
}
