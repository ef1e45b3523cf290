package drift_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/drift"
	"github.com/smus-dev/smus/internal/drift/drifttest"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

const listResourcesTarget = "CloudApiService.ListResources"

// listProxy forwards every request to a local cloud. It rejects the
// ListResources requests of the type deny with AccessDeniedException. With
// partial set, it cuts every listed model down to its primary identifier,
// as real list handlers may.
type listProxy struct {
	target  *url.URL
	partial bool
	deny    string
}

func startListProxy(t *testing.T, backend *localtest.Server, p *listProxy) *localtest.Server {
	t.Helper()
	target, err := url.Parse(backend.URL)
	if err != nil {
		t.Fatalf("parse %s: %v", backend.URL, err)
	}
	p.target = target
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)

	return &localtest.Server{URL: srv.URL, Cloud: backend.Cloud}
}

func (p *listProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)

		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	proxy := httputil.NewSingleHostReverseProxy(p.target)
	if r.Header.Get("X-Amz-Target") == listResourcesTarget {
		var in struct{ TypeName string }
		_ = json.Unmarshal(body, &in)
		if in.TypeName == p.deny {
			w.Header().Set("Content-Type", "application/x-amz-json-1.0")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `{"__type":"AccessDeniedException","message":"denied by the test proxy"}`)

			return
		}
		if p.partial {
			proxy.ModifyResponse = stripListedModels
		}
	}
	proxy.ServeHTTP(w, r)
}

// stripListedModels replaces the Properties of every listed model with its
// primary identifier properties.
func stripListedModels(resp *http.Response) error {
	if resp.StatusCode != http.StatusOK {
		return nil
	}
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	resp.Body.Close()
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		return err
	}
	typ, _ := awstype.Lookup(out["TypeName"].(string))
	descriptions, _ := out["ResourceDescriptions"].([]any)
	for _, e := range descriptions {
		d := e.(map[string]any)
		model, err := typ.IdentifierModel(d["Identifier"].(string))
		if err != nil {
			return err
		}
		props, err := json.Marshal(model)
		if err != nil {
			return err
		}
		d["Properties"] = string(props)
	}
	if data, err = json.Marshal(out); err != nil {
		return err
	}
	resp.Body = io.NopCloser(bytes.NewReader(data))
	resp.ContentLength = int64(len(data))
	resp.Header.Set("Content-Length", strconv.Itoa(len(data)))

	return nil
}

// TestRunFallsBackToGet runs drift after the console edits through a
// proxy whose listings are partial or fail: the resources they do not
// cover are read with GetResource, and every edit is still found.
func TestRunFallsBackToGet(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		proxy *listProxy
		// requests and fromLists are the summary's counts.
		requests  int
		fromLists int
		// deniedListing is the state address of the listing error.
		deniedListing string
	}{
		"identifier-only-models": {
			proxy: &listProxy{partial: true},
			// 1 identity, 3 domain lists, the memberships of the 2 live
			// projects, and 5 reads. The deleted project is missing from
			// the complete project listing. The membership's identifier
			// carries every property its comparison reads.
			requests:  11,
			fromLists: 2,
		},
		"project-listing-denied": {
			proxy: &listProxy{deny: awstype.Project.Name},
			// 1 identity, 3 domain lists, no membership lists, and 5 reads:
			// the role, the domain, both projects and the membership.
			requests:      9,
			fromLists:     2,
			deniedListing: "smus_domain.main",
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			w := drifttest.Build(ctx, t)
			st := loadState(ctx, t, w.WriteState(t))
			created := w.EditAll(ctx, t)
			client := drifttest.NewClient(t, startListProxy(t, w.Server, tc.proxy), drifttest.Account)

			report, err := drift.Run(ctx, drift.Options{State: st, Client: client, Endpoint: w.Server.URL,
				Activity: drifttest.ConsoleLog{Client: localcloud.NewConsoleClient(w.Server.URL)}})
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if tc.deniedListing == "" {
				checkConsoleEdits(t, w, created, report)
				if len(report.Errors) != 0 {
					t.Errorf("errors = %v, want none", report.Errors)
				}
			} else {
				checkDeniedListing(t, report, tc.deniedListing)
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

// checkDeniedListing checks a report whose project listing failed: the
// managed findings are all there, the project created by hand cannot be
// found, and the failed listing is an error at address.
func checkDeniedListing(t *testing.T, report *drift.Report, address string) {
	t.Helper()
	got := map[string]drift.Kind{}
	for _, f := range report.Findings {
		got[f.Address] = f.Kind
	}
	want := map[string]drift.Kind{"smus_blueprint.tooling": drift.KindChanged,
		"smus_iam_role.project": drift.KindChanged, "smus_project.churn": drift.KindDeleted}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings by address (-want +got):\n%s", diff)
	}
	if len(report.Errors) != 1 {
		t.Fatalf("errors = %v, want one for the project listing", report.Errors)
	}
	if e := report.Errors[0]; e.Address != address || !strings.Contains(e.Message, "AccessDeniedException") {
		t.Errorf("error = %+v, want one at %s that quotes AccessDeniedException", e, address)
	}
}
