package importer_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
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
		"blueprints": {"DataLake", "Tooling"},
		"profiles":   {"All capabilities"},
		"projects":   {"Console sandbox", "Fraud detection", "Marketing analytics"},
		"roles": {"SmusDomainExecution", "SmusDomainService", "SmusLakeFormationRegistration",
			"SmusManageAccess", "SmusProvisioning"},
		"memberships": {"mm"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("discovered objects (-want +got):\n%s", diff)
	}
	if inv.Account != testAccount {
		t.Errorf("account %q, want %q", inv.Account, testAccount)
	}
	if len(inv.Warnings) != 0 {
		t.Errorf("warnings %q, want none", inv.Warnings)
	}
}

func TestDiscoverReadsWriteOnlyValues(t *testing.T) {
	t.Parallel()
	w := startWorld(t, localcloud.Options{})
	buildDomain(t, w)
	inv, err := importer.Discover(context.Background(), importer.DiscoverInput{
		Client: w.client, DomainID: w.domainID, Region: localtest.Region,
	})
	if err != nil {
		t.Fatalf("Discover: %v", err)
	}
	key := func(k string) string { return w.domainID + "|" + w.props[k]["Id"].(string) }
	blueprintKey := func(k string) string { return w.domainID + "|" + w.props[k]["EnvironmentBlueprintId"].(string) }
	membershipKey := func(k, project string) string {
		p := w.props[k]
		return fmt.Sprintf("%s|%s|%s|%s", w.domainID, p["MemberIdentifier"], p["MemberIdentifierType"],
			w.props[project]["Id"])
	}
	profileID := w.props["profile"]["Id"]
	want := map[string]map[string]map[string]any{
		"AWS::DataZone::Domain": {w.domainID: {"ServiceRole": w.props["role:service"]["Arn"]}},
		"AWS::DataZone::EnvironmentBlueprintConfiguration": {
			blueprintKey("blueprint:Tooling"): {},
			blueprintKey("blueprint:DataLake"): {
				"EnvironmentRolePermissionBoundary": testBoundary,
				"ProvisioningConfigurations": []any{map[string]any{"LakeFormationConfiguration": map[string]any{
					"LocationRegistrationRole":               w.props["role:lakeformation"]["Arn"],
					"LocationRegistrationExcludeS3Locations": []any{"s3://raw-landing/", "s3://archive/"},
				}}},
			},
		},
		"AWS::DataZone::Project": {
			key("project:Fraud detection"): {"ProjectProfileId": profileID},
			key("project:Marketing analytics"): {"ProjectProfileId": profileID, "UserParameters": []any{
				map[string]any{"EnvironmentConfigurationName": "Tooling", "EnvironmentParameters": []any{
					map[string]any{"Name": "maxEbsVolumeSize", "Value": "50"}}},
			}},
			key("project:Console sandbox"): {"ProjectProfileId": profileID},
		},
		"AWS::DataZone::ProjectMembership": {
			membershipKey("membership:owner", "project:Fraud detection"): {"Designation": "PROJECT_OWNER",
				"Member": map[string]any{"UserIdentifier": w.props["membership:owner"]["MemberIdentifier"]}},
			membershipKey("membership:group", "project:Marketing analytics"): {"Designation": "PROJECT_CONTRIBUTOR",
				"Member": map[string]any{"GroupIdentifier": w.props["membership:group"]["MemberIdentifier"]}},
		},
	}
	if diff := cmp.Diff(want, inv.WriteOnly); diff != "" {
		t.Errorf("write-only values (-want +got):\n%s", diff)
	}
}

func TestDiscoverDataZoneReadFails(t *testing.T) {
	t.Parallel()
	w := startWorld(t, localcloud.Options{})
	buildDomain(t, w)
	fraudID := w.props["project:Fraud detection"]["Id"].(string)

	testCases := map[string]struct {
		path      string
		code      string
		status    int
		read      map[string]int
		variables []string
		warning   []string
	}{
		"projects-denied": {
			path: "^/v2/domains/[^/]+/projects/[^/]+$", code: "AccessDeniedException", status: 403,
			read: map[string]int{"AWS::DataZone::Domain": 1,
				"AWS::DataZone::EnvironmentBlueprintConfiguration": 2, "AWS::DataZone::ProjectMembership": 2},
			variables: []string{"project_console_sandbox_profile_id", "project_console_sandbox_user_parameters",
				"project_fraud_detection_profile_id", "project_fraud_detection_user_parameters",
				"project_marketing_analytics_profile_id", "project_marketing_analytics_user_parameters"},
			warning: []string{"project profile id and user parameters of 3 of 3 projects",
				"access was denied", "grant the caller datazone:GetProject", "AccessDeniedException"},
		},
		"domain-not-found": {
			path: "^/v2/domains/[^/]+$", code: "ResourceNotFoundException", status: 404,
			read: map[string]int{"AWS::DataZone::EnvironmentBlueprintConfiguration": 2,
				"AWS::DataZone::Project": 3, "AWS::DataZone::ProjectMembership": 2},
			variables: []string{"domain_analytics_platform_service_role"},
			warning:   []string{"service role of 1 of 1 domains", "not found", "ResourceNotFoundException"},
		},
		"memberships-failing": {
			path: "^/v2/domains/[^/]+/projects/" + fraudID + "/memberships$", code: "ValidationException",
			status: 400,
			read: map[string]int{"AWS::DataZone::Domain": 1,
				"AWS::DataZone::EnvironmentBlueprintConfiguration": 2, "AWS::DataZone::Project": 3,
				"AWS::DataZone::ProjectMembership": 1},
			variables: []string{fmt.Sprintf("membership_fraud_detection_user_%s_designation",
				w.props["membership:owner"]["MemberIdentifier"])},
			warning: []string{"designation of 1 of 2 project memberships", "run the import again",
				"ValidationException"},
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			proxy := dataZoneFailingServer(t, w.server, regexp.MustCompile(tc.path), tc.code, tc.status)
			client := newClient(&localtest.Server{URL: proxy}, fastOptions(), &atomic.Int64{})
			inv, err := importer.Discover(context.Background(), importer.DiscoverInput{
				Client: client, DomainID: w.domainID, Region: localtest.Region,
			})
			if err != nil {
				t.Fatalf("Discover: %v", err)
			}
			read := map[string]int{}
			for typeName, values := range inv.WriteOnly {
				if len(values) > 0 {
					read[typeName] = len(values)
				}
			}
			if diff := cmp.Diff(tc.read, read); diff != "" {
				t.Errorf("resources read per type (-want +got):\n%s", diff)
			}
			if len(inv.Warnings) != 1 {
				t.Fatalf("warnings %q, want one", inv.Warnings)
			}
			for _, part := range tc.warning {
				if !strings.Contains(inv.Warnings[0], part) {
					t.Errorf("warning %q does not contain %q", inv.Warnings[0], part)
				}
			}
			res, err := importer.Generate(importer.GenerateInput{Inventory: inv})
			if err != nil {
				t.Fatalf("Generate: %v", err)
			}
			var got []string
			for _, v := range res.Variables {
				if !strings.HasSuffix(v.Name, "_execution_role") && !strings.HasSuffix(v.Name, "_global_parameters") {
					got = append(got, v.Name)
				}
			}
			if diff := cmp.Diff(tc.variables, got); diff != "" {
				t.Errorf("variables beyond those no API returns (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(inv.Warnings, res.Warnings); diff != "" {
				t.Errorf("result warnings (-want +got):\n%s", diff)
			}
		})
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

// dataZoneFailingServer serves the local cloud, except that DataZone calls
// whose path matches path fail with the REST JSON error that real AWS
// returns for code and status. The local cloud never denies or fails these
// reads, so this proxy is the one part of the test that replaces AWS
// behaviour.
func dataZoneFailingServer(t *testing.T, srv *localtest.Server, path *regexp.Regexp, code string, status int) string {
	t.Helper()
	handler := srv.Cloud.Handler()
	proxy := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && path.MatchString(r.URL.Path) {
			rw.Header().Set("Content-Type", "application/json")
			rw.Header().Set("X-Amzn-ErrorType", code)
			rw.WriteHeader(status)
			_, _ = io.WriteString(rw, `{"message":"injected for `+r.URL.Path+`"}`)

			return
		}
		handler.ServeHTTP(rw, r)
	}))
	t.Cleanup(proxy.Close)

	return proxy.URL
}
