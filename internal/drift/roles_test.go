package drift_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/drift"
	"github.com/smus-dev/smus/internal/drift/drifttest"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

const (
	readOnlyPolicyARN = "arn:aws:iam::aws:policy/ReadOnlyAccess"
	emptyPolicy       = `{"Version":"2012-10-17","Statement":[]}`
)

// createRoles creates n roles named role-000 and up, each with one managed
// policy and role-000 also with an inline policy, and writes the state
// that declares them.
func createRoles(ctx context.Context, t *testing.T, client *cloudcontrol.Client, n int) string {
	t.Helper()
	var resources []map[string]any
	for i := range n {
		name := fmt.Sprintf("role-%03d", i)
		desired := map[string]any{"RoleName": name, "ManagedPolicyArns": []any{readOnlyPolicyARN},
			"AssumeRolePolicyDocument": map[string]any{"Version": "2012-10-17", "Statement": []any{}}}
		attributes := map[string]any{"id": name, "name": name, "path": "/", "assume_role_policy": emptyPolicy,
			"managed_policy_arns": []any{readOnlyPolicyARN}}
		if i == 0 {
			desired["Policies"] = []any{map[string]any{"PolicyName": "base",
				"PolicyDocument": map[string]any{"Version": "2012-10-17", "Statement": []any{}}}}
			attributes["inline_policies"] = map[string]any{"base": emptyPolicy}
		}
		res, err := client.Create(ctx, cloudcontrol.CreateInput{TypeName: awstype.Role.Name, DesiredState: desired})
		if err != nil {
			t.Fatalf("create %s: %v", name, err)
		}
		attributes["arn"] = res.Properties["Arn"]
		resources = append(resources, map[string]any{"mode": "managed", "type": "smus_iam_role", "name": name,
			"instances": []any{map[string]any{"attributes": attributes}}})
	}
	data, err := json.Marshal(map[string]any{"version": 4, "resources": resources})
	if err != nil {
		t.Fatalf("encode state: %v", err)
	}
	path := filepath.Join(t.TempDir(), "terraform.tfstate")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatalf("write state: %v", err)
	}

	return path
}

// TestRunListsManyRoles checks that a state with at least 20 roles lists
// them once instead of reading each, and still finds an inline policy
// added in the console and a deleted role.
func TestRunListsManyRoles(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		roles     int
		requests  int
		fromLists int
	}{
		// 1 identity and 1 role listing of one page.
		"20-roles-listed": {roles: 20, requests: 2, fromLists: 20},
		// 1 identity and 19 reads.
		"19-roles-read": {roles: 19, requests: 20, fromLists: 0},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			srv := localtest.Start(t, localcloud.Options{TimeScale: 0.0005})
			client := drifttest.NewClient(t, srv, drifttest.Account)
			st := loadState(ctx, t, createRoles(ctx, t, client, tc.roles))
			console := localcloud.NewConsoleClient(srv.URL)
			_, err := console.Do(ctx, localcloud.ConsoleRequest{Action: localcloud.ActionPutRolePolicy,
				Account: drifttest.Account, Region: drifttest.Region, Actor: drifttest.Actor,
				RoleName: "role-005", PolicyName: "extra", PolicyDocument: json.RawMessage(emptyPolicy)})
			if err != nil {
				t.Fatalf("console put-role-policy: %v", err)
			}
			if err := client.Delete(ctx, awstype.Role.Name, "role-006"); err != nil {
				t.Fatalf("delete role-006: %v", err)
			}

			report, err := drift.Run(ctx, drift.Options{State: st, Client: client, Endpoint: srv.URL})
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			got := map[string]string{}
			for _, f := range report.Findings {
				got[f.Address] = string(f.Kind)
				for _, p := range f.Properties {
					got[f.Address] += " " + p.Path
				}
			}
			want := map[string]string{"smus_iam_role.role-005": "changed /Policies/extra/PolicyDocument",
				"smus_iam_role.role-006": "deleted"}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			if len(report.Errors) != 0 {
				t.Errorf("errors = %v, want none", report.Errors)
			}
			if report.Summary.Requests != tc.requests {
				t.Errorf("summary requests = %d, want %d", report.Summary.Requests, tc.requests)
			}
			if report.Summary.FromLists != tc.fromLists {
				t.Errorf("summary from_lists = %d, want %d", report.Summary.FromLists, tc.fromLists)
			}
		})
	}
}
