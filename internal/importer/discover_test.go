package importer_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/importer"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

func TestDiscoverFindsEverything(t *testing.T) {
	t.Parallel()
	w := startWorld(t, localcloud.Options{})
	buildDomain(t, w)
	inv, err := importer.Discover(context.Background(), importer.DiscoverInput{
		Client: w.client, DomainID: w.domainID, Region: localtest.Region,
	})
	if err != nil {
		t.Fatalf("Discover: %v", err)
	}
	names := func(list []map[string]any, key string) []string {
		var out []string
		for _, p := range list {
			s, _ := p[key].(string)
			out = append(out, s)
		}

		return out
	}
	got := map[string][]string{}
	for _, b := range inv.Blueprints {
		got["blueprints"] = append(got["blueprints"], b.Name)
	}
	for key, list := range map[string][]map[string]any{
		"profiles": props(inv.Profiles), "projects": props(inv.Projects), "roles": props(inv.Roles),
	} {
		field := "Name"
		if key == "roles" {
			field = "RoleName"
		}
		got[key] = sortedCopy(names(list, field))
	}
	got["blueprints"] = sortedCopy(got["blueprints"])
	got["memberships"] = []string{strings.Repeat("m", len(inv.Memberships))}
	want := map[string][]string{
		"blueprints":  {"DataLake", "Tooling"},
		"profiles":    {"All capabilities"},
		"projects":    {"Console sandbox", "Fraud detection", "Marketing analytics"},
		"roles":       {"SmusDomainExecution", "SmusManageAccess", "SmusProvisioning"},
		"memberships": {"mm"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("discovered objects (-want +got):\n%s", diff)
	}
	if inv.Account != testAccount {
		t.Errorf("account %q, want %q", inv.Account, testAccount)
	}
}

func TestDiscoverBadInput(t *testing.T) {
	t.Parallel()
	w := startWorld(t, localcloud.Options{})
	buildDomain(t, w)
	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	denied := denyingServer(t, w.server, "CloudApiService.ListResources", "AWS::DataZone::Project")

	testCases := map[string]struct {
		server   string
		domainID string
		want     []string
	}{
		"unknown-domain": {
			domainID: "dzd_doesnotexist",
			want: []string{"domain dzd_doesnotexist not found in account " + testAccount + " region us-east-1",
				"aws datazone list-domains"},
		},
		"invalid-domain-id": {
			domainID: "fraud-detection",
			want:     []string{`invalid domain id "fraud-detection"`, "dzd_"},
		},
		"unreachable-endpoint": {
			server: closed.URL,
			want:   []string{"identify the caller", "check the endpoint", "connection refused"},
		},
		"access-denied": {
			server: denied,
			want: []string{"list AWS::DataZone::Project in domain", "access denied",
				"cloudformation:ListResources", "datazone:ListProjects"},
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			client := w.client
			if tc.server != "" {
				srv := &localtest.Server{URL: tc.server}
				client = newClient(srv, fastOptions(), &atomic.Int64{})
			}
			domainID := tc.domainID
			if domainID == "" {
				domainID = w.domainID
			}
			_, err := importer.Discover(context.Background(), importer.DiscoverInput{
				Client: client, DomainID: domainID, Region: localtest.Region,
			})
			if err == nil {
				t.Fatal("Discover succeeded, want an error")
			}
			for _, part := range tc.want {
				if !strings.Contains(err.Error(), part) {
					t.Errorf("error %q does not contain %q", err, part)
				}
			}
		})
	}
}

// denyingServer serves the local cloud, except that calls of target for
// typeName fail with the AccessDeniedException that real AWS returns for
// an IAM denial. The local cloud lets every caller do everything, so this
// proxy is the one part of the test that replaces AWS behaviour.
func denyingServer(t *testing.T, srv *localtest.Server, target, typeName string) string {
	t.Helper()
	handler := srv.Cloud.Handler()
	proxy := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		if r.Header.Get("X-Amz-Target") == target && bytes.Contains(body, []byte(`"`+typeName+`"`)) {
			rw.Header().Set("Content-Type", "application/x-amz-json-1.0")
			rw.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(rw, `{"__type":"com.amazon.coral.service#AccessDeniedException",`+
				`"Message":"User is not authorized to perform: cloudformation:ListResources"}`)

			return
		}
		handler.ServeHTTP(rw, r)
	}))
	t.Cleanup(proxy.Close)

	return proxy.URL
}
