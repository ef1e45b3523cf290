package provider

import (
	"context"
	"errors"
	"log/slog"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

func TestFindLive(t *testing.T) {
	t.Parallel()
	listed := []cloudcontrol.Resource{
		{Identifier: "dzd_a|p1", Properties: map[string]any{"DomainId": "dzd_a", "Name": "Alpha"}},
		{Identifier: "dzd_b|p2", Properties: map[string]any{"DomainId": "dzd_b", "Name": "Beta"}},
		{Identifier: "dzd_a|p3", Properties: map[string]any{"DomainId": "dzd_a", "Id": "p3"}},
		{Identifier: "dzd_a|p4", Properties: map[string]any{"DomainId": "dzd_a", "Name": 4.0}},
	}
	testCases := map[string]struct {
		want       map[string]string
		identifier string
		found      bool
	}{
		"same-domain-and-name": {map[string]string{"DomainId": "dzd_a", "Name": "Alpha"}, "dzd_a|p1", true},
		"name-in-other-domain": {map[string]string{"DomainId": "dzd_b", "Name": "Alpha"}, "", false},
		"name-differs-in-case": {map[string]string{"DomainId": "dzd_a", "Name": "alpha"}, "", false},
		"second-resource":      {map[string]string{"DomainId": "dzd_b", "Name": "Beta"}, "dzd_b|p2", true},
		"partial-model":        {map[string]string{"DomainId": "dzd_a", "Id": "p3", "Name": "Gamma"}, "", false},
		"non-string-value":     {map[string]string{"DomainId": "dzd_a", "Name": "4"}, "", false},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			identifier, found := findLive(listed, tc.want)
			if found != tc.found {
				t.Errorf("found = %v, want %v", found, tc.found)
			}
			if identifier != tc.identifier {
				t.Errorf("identifier = %q, want %q", identifier, tc.identifier)
			}
		})
	}
}

func TestOnceMapLoadsEachKeyOnce(t *testing.T) {
	t.Parallel()
	var m onceMap[int]
	var mu sync.Mutex
	loads := map[string]int{}
	load := func(key string) func() (int, error) {
		return func() (int, error) {
			mu.Lock()
			defer mu.Unlock()
			loads[key]++
			if key == "denied" {
				return 0, errors.New("access denied")
			}

			return len(key), nil
		}
	}

	var wg sync.WaitGroup
	for range 8 {
		for _, key := range []string{"a", "bb", "denied"} {
			wg.Go(func() {
				got, err := m.get(key, load(key))
				if key == "denied" && err == nil {
					t.Errorf("get %q: no error, want the cached one", key)
				}
				if key != "denied" && got != len(key) {
					t.Errorf("get %q = %d, want %d", key, got, len(key))
				}
			})
		}
	}
	wg.Wait()

	if diff := cmp.Diff(map[string]int{"a": 1, "bb": 1, "denied": 1}, loads); diff != "" {
		t.Errorf("loads per key (-want +got):\n%s", diff)
	}
}

// requestCounter counts the local cloud's requests per operation.
type requestCounter struct {
	mu     sync.Mutex
	counts map[string]int
}

func (c *requestCounter) Enabled(context.Context, slog.Level) bool { return true }
func (c *requestCounter) WithAttrs([]slog.Attr) slog.Handler       { return c }
func (c *requestCounter) WithGroup(string) slog.Handler            { return c }

func (c *requestCounter) Handle(_ context.Context, r slog.Record) error {
	if r.Message != "request" {
		return nil
	}
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "operation" {
			c.mu.Lock()
			c.counts[a.Value.String()]++
			c.mu.Unlock()
		}

		return true
	})

	return nil
}

func (c *requestCounter) snapshot() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string]int, len(c.counts))
	for k, v := range c.counts {
		out[k] = v
	}

	return out
}

// liveFixture is a local cloud with a domain that holds a project
// profile, a project and the Tooling blueprint configuration, and an IAM
// role, all created outside Terraform.
type liveFixture struct {
	client   *cloudcontrol.Client
	counter  *requestCounter
	domainID string
	ids      map[string]string
}

func startLiveFixture(t *testing.T) *liveFixture {
	t.Helper()
	counter := &requestCounter{counts: map[string]int{}}
	srv := localtest.Start(t, localcloud.Options{TimeScale: 0.001, Logger: slog.New(counter)})
	endpoints := cloudcontrol.Endpoints{CloudControl: srv.URL, STS: srv.URL, DataZone: srv.URL}
	client := cloudcontrol.NewFromConfig(srv.Config("123456789012"), endpoints, cloudcontrol.Options{
		Waiter: cloudcontrol.WaiterOptions{MinDelay: 10 * time.Millisecond, MaxDelay: 50 * time.Millisecond},
	})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	create := func(typ *awstype.Type, desired map[string]any) *cloudcontrol.Resource {
		res, err := client.Create(ctx, cloudcontrol.CreateInput{TypeName: typ.Name, DesiredState: desired})
		if err != nil {
			t.Fatalf("create %s: %v", typ.Name, err)
		}

		return res
	}

	f := &liveFixture{client: client, counter: counter, ids: map[string]string{}}
	f.ids["role"] = create(awstype.Role, map[string]any{
		"RoleName": "existing-role", "AssumeRolePolicyDocument": map[string]any{"Version": "2012-10-17"},
	}).Identifier
	f.domainID = create(awstype.Domain, map[string]any{
		"Name": "live", "DomainExecutionRole": "arn:aws:iam::444455556666:role/exec",
	}).Identifier
	tooling := create(awstype.EnvironmentBlueprintConfiguration, map[string]any{
		"DomainIdentifier": f.domainID, "EnvironmentBlueprintIdentifier": "Tooling",
		"EnabledRegions": []any{"us-east-1"},
	})
	f.ids["blueprint"] = tooling.Identifier
	profile := create(awstype.ProjectProfile, map[string]any{"DomainIdentifier": f.domainID, "Name": "Standard"})
	f.ids["profile"] = profile.Identifier
	f.ids["project"] = create(awstype.Project, map[string]any{
		"DomainIdentifier": f.domainID, "Name": "Alpha", "ProjectProfileId": profile.Properties["Id"],
	}).Identifier

	return f
}

// liveResource returns an engine resource of spec configured with a fresh
// registry and cache, as after a provider configuration.
func liveResource[M any, P interface {
	*M
	model
}](client *cloudcontrol.Client, spec *resourceSpec[M]) *engineResource[M, P] {
	data := &providerData{client: client, keys: newNaturalKeys(), live: newLiveIndex()}

	return &engineResource[M, P]{spec: spec, data: data}
}

func TestFindLiveKeyAgainstLocalCloud(t *testing.T) {
	t.Parallel()
	f := startLiveFixture(t)
	ctx := context.Background()
	project := liveResource[projectModel](f.client, projectSpec())
	profile := liveResource[projectProfileModel](f.client, projectProfileSpec())
	blueprint := liveResource[blueprintModel](f.client, blueprintSpec())
	role := liveResource[iamRoleModel](f.client, iamRoleSpec())

	testCases := map[string]struct {
		find   func(context.Context, map[string]string) (string, error)
		values map[string]string
		want   string
	}{
		"project-taken":        {project.findLiveKey, map[string]string{"domain_id": f.domainID, "name": "Alpha"}, f.ids["project"]},
		"project-free":         {project.findLiveKey, map[string]string{"domain_id": f.domainID, "name": "Beta"}, ""},
		"project-other-case":   {project.findLiveKey, map[string]string{"domain_id": f.domainID, "name": "alpha"}, ""},
		"project-no-domain":    {project.findLiveKey, map[string]string{"domain_id": "dzd_missing", "name": "Alpha"}, ""},
		"profile-taken":        {profile.findLiveKey, map[string]string{"domain_id": f.domainID, "name": "Standard"}, f.ids["profile"]},
		"profile-project-name": {profile.findLiveKey, map[string]string{"domain_id": f.domainID, "name": "Alpha"}, ""},
		"blueprint-enabled": {blueprint.findLiveKey,
			map[string]string{"domain_id": f.domainID, "blueprint_name": "Tooling"}, f.ids["blueprint"]},
		"blueprint-not-enabled": {blueprint.findLiveKey,
			map[string]string{"domain_id": f.domainID, "blueprint_name": "DataLake"}, ""},
		"blueprint-unknown-name": {blueprint.findLiveKey,
			map[string]string{"domain_id": f.domainID, "blueprint_name": "NoSuchBlueprint"}, ""},
		"role-taken": {role.findLiveKey, map[string]string{"name": "existing-role"}, f.ids["role"]},
		"role-free":  {role.findLiveKey, map[string]string{"name": "new-role"}, ""},
	}
	before := f.counter.snapshot()
	// Subtests run one after another here, so the request counts below are
	// those of this table only.
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			got, err := tc.find(ctx, tc.values)
			if err != nil {
				t.Fatalf("find live key: %v", err)
			}
			if got != tc.want {
				t.Errorf("identifier = %q, want %q", got, tc.want)
			}
		})
	}
	// One listing per type and domain (the missing domain included), one
	// blueprint listing per domain, one read per role, and one
	// confirming read per match (three DataZone ones).
	want := map[string]int{
		"ListResources":             4,
		"ListEnvironmentBlueprints": 1,
		"GetResource":               2 + 3,
	}
	if diff := cmp.Diff(want, requestsSince(before, f.counter.snapshot())); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}

func requestsSince(before, after map[string]int) map[string]int {
	out := map[string]int{}
	for op, n := range after {
		if d := n - before[op]; d > 0 {
			out[op] = d
		}
	}

	return out
}

func TestCheckLiveKeyDiagnostics(t *testing.T) {
	t.Parallel()
	f := startLiveFixture(t)
	closed := httptest.NewServer(nil)
	closed.Close()
	unreachable := cloudcontrol.NewFromConfig((&localtest.Server{URL: closed.URL}).Config("123456789012"),
		cloudcontrol.Endpoints{CloudControl: closed.URL, STS: closed.URL, DataZone: closed.URL},
		cloudcontrol.Options{Retry: cloudcontrol.RetryOptions{MaxAttempts: 1}})
	projectKey := func(name string) naturalKey {
		return naturalKey{resourceType: "smus_project", parts: []keyPart{
			{attribute: "domain_id", value: f.domainID}, {attribute: "name", value: name},
		}}
	}

	testCases := map[string]struct {
		client   *cloudcontrol.Client
		key      naturalKey
		severity diag.Severity
		summary  string
		detail   []string
	}{
		"taken": {
			client: f.client, key: projectKey("Alpha"), severity: diag.SeverityError,
			summary: "Resource Already Exists",
			detail:  []string{f.ids["project"], `name = "Alpha"`, "tofu import", "import block", "another name"},
		},
		"free": {client: f.client, key: projectKey("Beta")},
		"check-failed": {
			client: unreachable, key: projectKey("Alpha"), severity: diag.SeverityWarning,
			summary: "Existing Resource Not Checked", detail: []string{`name = "Alpha"`, "cloudformation:ListResources"},
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := liveResource[projectModel](tc.client, projectSpec())
			var resp resource.ModifyPlanResponse
			r.checkLiveKey(context.Background(), tc.key, &resp)
			if tc.summary == "" {
				if len(resp.Diagnostics) != 0 {
					t.Fatalf("diagnostics = %v, want none", resp.Diagnostics)
				}

				return
			}
			if len(resp.Diagnostics) != 1 {
				t.Fatalf("diagnostics = %v, want one", resp.Diagnostics)
			}
			d := resp.Diagnostics[0]
			if d.Severity() != tc.severity {
				t.Errorf("severity = %v, want %v", d.Severity(), tc.severity)
			}
			if d.Summary() != tc.summary {
				t.Errorf("summary = %q, want %q", d.Summary(), tc.summary)
			}
			for _, s := range tc.detail {
				if !contains(d.Detail(), s) {
					t.Errorf("detail %q does not contain %q", d.Detail(), s)
				}
			}
		})
	}
}

func TestResourceExistsDiagAddress(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		addresses []string
		want      string
	}{
		"one-block":  {[]string{"smus_project.alpha"}, "`tofu import smus_project.alpha 'dzd_a|p1'`"},
		"no-block":   {nil, "ADDRESS is the address of the resource block"},
		"two-blocks": {[]string{"smus_project.a", "smus_project.b"}, "`tofu import ADDRESS 'dzd_a|p1'`"},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			d := resourceExistsDiag("smus_project", `name = "Alpha"`, "dzd_a|p1", "name", tc.addresses)
			if !contains(d.Detail(), tc.want) {
				t.Errorf("detail %q does not contain %q", d.Detail(), tc.want)
			}
		})
	}
}
