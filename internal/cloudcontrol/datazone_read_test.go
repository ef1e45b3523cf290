package cloudcontrol_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

// The roles belong to a security account, so the local cloud accepts them
// without an IAM role of that name in the test account.
const (
	testAccount  = "111122223333"
	execRole     = "arn:aws:iam::444455556666:role/exec"
	serviceRole  = "arn:aws:iam::111122223333:role/service"
	boundary     = "arn:aws:iam::111122223333:policy/boundary"
	analystRole  = "arn:aws:iam::111122223333:role/analyst"
	engineerTeam = "data-engineers"
)

// writeOnlyCloud is a local cloud holding one resource of each DataZone type
// with write-only values, created through the client.
type writeOnlyCloud struct {
	client *cloudcontrol.Client
	ids    map[string]string
	// memberIDs maps a membership's identifier to its member profile id.
	memberIDs map[string]string
	profileID string
	user      string
	group     string
}

func startWriteOnlyCloud(t *testing.T) *writeOnlyCloud {
	t.Helper()
	srv := localtest.Start(t, localcloud.Options{TimeScale: 0.001})
	endpoints := cloudcontrol.Endpoints{CloudControl: srv.URL, STS: srv.URL, DataZone: srv.URL}
	w := &writeOnlyCloud{
		client: cloudcontrol.NewFromConfig(srv.Config(testAccount), endpoints, cloudcontrol.Options{
			Waiter: cloudcontrol.WaiterOptions{MinDelay: 10 * time.Millisecond, MaxDelay: 100 * time.Millisecond},
			Retry:  cloudcontrol.RetryOptions{BaseDelay: 10 * time.Millisecond},
		}),
		ids: map[string]string{},
	}
	domain := w.create(t, awstype.Domain, map[string]any{
		"Name": "corp", "DomainVersion": "V2", "DomainExecutionRole": execRole, "ServiceRole": serviceRole,
	})
	domainID := domain.Identifier
	w.create(t, awstype.EnvironmentBlueprintConfiguration, map[string]any{
		"DomainIdentifier": domainID, "EnvironmentBlueprintIdentifier": "DataLake",
		"EnabledRegions": []any{"us-east-1"}, "EnvironmentRolePermissionBoundary": boundary,
		"GlobalParameters": map[string]any{"mode": "standard"},
		"ProvisioningConfigurations": []any{map[string]any{"LakeFormationConfiguration": map[string]any{
			"LocationRegistrationRole": execRole, "LocationRegistrationExcludeS3Locations": []any{"s3://raw"},
		}}},
	})
	tooling := w.create(t, awstype.EnvironmentBlueprintConfiguration, map[string]any{
		"DomainIdentifier": domainID, "EnvironmentBlueprintIdentifier": "Tooling", "EnabledRegions": []any{"us-east-1"},
	})
	profile := w.create(t, awstype.ProjectProfile, map[string]any{
		"DomainIdentifier": domainID, "Name": "all",
		"EnvironmentConfigurations": []any{map[string]any{
			"Name": "Tooling", "EnvironmentBlueprintId": tooling.Properties["EnvironmentBlueprintId"],
			"AwsRegion": map[string]any{"RegionName": "us-east-1"},
		}},
	})
	w.profileID = profile.Properties["Id"].(string)
	project := w.create(t, awstype.Project, map[string]any{
		"DomainIdentifier": domainID, "Name": "sales", "ProjectProfileId": w.profileID,
		"ProjectExecutionRole": execRole,
		"UserParameters": []any{map[string]any{"EnvironmentConfigurationName": "Tooling",
			"EnvironmentParameters": []any{map[string]any{"Name": "maxSpaces", "Value": "4"}}}},
	})
	projectID := project.Properties["Id"].(string)
	user := w.create(t, awstype.ProjectMembership, map[string]any{
		"DomainIdentifier": domainID, "ProjectIdentifier": projectID, "Designation": "PROJECT_OWNER",
		"Member": map[string]any{"UserIdentifier": analystRole},
	})
	group := w.create(t, awstype.ProjectMembership, map[string]any{
		"DomainIdentifier": domainID, "ProjectIdentifier": projectID, "Designation": "PROJECT_CONTRIBUTOR",
		"Member": map[string]any{"GroupIdentifier": engineerTeam},
	})
	w.user, w.group = user.Identifier, group.Identifier
	w.memberIDs = map[string]string{
		user.Identifier:  user.Properties["MemberIdentifier"].(string),
		group.Identifier: group.Properties["MemberIdentifier"].(string),
	}

	return w
}

func (w *writeOnlyCloud) create(t *testing.T, typ *awstype.Type, desired map[string]any) *cloudcontrol.Resource {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	res, err := w.client.Create(ctx, cloudcontrol.CreateInput{TypeName: typ.Name, DesiredState: desired})
	if err != nil {
		t.Fatalf("create %s: %v", typ.Name, err)
	}
	if _, ok := w.ids[typ.Name]; !ok {
		w.ids[typ.Name] = res.Identifier
	}

	return res
}

func TestDataZoneWriteOnlyOverLocalCloud(t *testing.T) {
	t.Parallel()
	w := startWriteOnlyCloud(t)

	cases := map[string]struct {
		typ        *awstype.Type
		identifier string
		want       map[string]any
	}{
		"domain": {awstype.Domain, w.ids[awstype.Domain.Name], map[string]any{"ServiceRole": serviceRole}},
		"blueprint-configuration": {awstype.EnvironmentBlueprintConfiguration,
			w.ids[awstype.EnvironmentBlueprintConfiguration.Name], map[string]any{
				"EnvironmentRolePermissionBoundary": boundary,
				"ProvisioningConfigurations": []any{map[string]any{"LakeFormationConfiguration": map[string]any{
					"LocationRegistrationRole": execRole, "LocationRegistrationExcludeS3Locations": []any{"s3://raw"},
				}}},
			}},
		"project": {awstype.Project, w.ids[awstype.Project.Name], map[string]any{
			"ProjectProfileId": w.profileID,
			"UserParameters": []any{map[string]any{"EnvironmentConfigurationName": "Tooling",
				"EnvironmentParameters": []any{map[string]any{"Name": "maxSpaces", "Value": "4"}}}},
		}},
		"user-membership": {awstype.ProjectMembership, w.user, map[string]any{
			"Designation": "PROJECT_OWNER", "Member": map[string]any{"UserIdentifier": w.memberIDs[w.user]},
		}},
		"group-membership": {awstype.ProjectMembership, w.group, map[string]any{
			"Designation": "PROJECT_CONTRIBUTOR", "Member": map[string]any{"GroupIdentifier": w.memberIDs[w.group]},
		}},
		"type-without-datazone-read": {awstype.Role, "exec", map[string]any{}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := w.client.DataZoneWriteOnly(context.Background(), tc.typ.Name, tc.identifier)
			if err != nil {
				t.Fatalf("DataZoneWriteOnly: %v", err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("write-only values (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.typ.DataZoneReadable(), sortedKeys(got)); len(got) > 0 && diff != "" {
				t.Errorf("properties differ from the registry's DataZoneReadable (-want +got):\n%s", diff)
			}
		})
	}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)

	return keys
}

func TestDataZoneWriteOnlyErrors(t *testing.T) {
	t.Parallel()
	w := startWriteOnlyCloud(t)
	domainID := w.ids[awstype.Domain.Name]
	projectID := strings.Split(w.ids[awstype.Project.Name], "|")[1]

	cases := map[string]struct {
		typeName, identifier string
		wantNotFound         bool
		wantText             string
	}{
		"missing-domain": {awstype.Domain.Name, "dzd_missing0000000", true, "dzd_missing0000000"},
		"missing-project": {awstype.Project.Name, domainID + "|nosuchproject", true,
			"nosuchproject"},
		"missing-member": {awstype.ProjectMembership.Name,
			domainID + "|nosuchmember|USER_IDENTIFIER|" + projectID, true, "nosuchmember"},
		"malformed-identifier": {awstype.Project.Name, "no-separator", false, "identifier"},
		"unknown-type":         {"AWS::S3::Bucket", "bucket", false, "not in the registry"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := w.client.DataZoneWriteOnly(context.Background(), tc.typeName, tc.identifier)
			if err == nil {
				t.Fatal("DataZoneWriteOnly returned no error")
			}
			if got := errors.Is(err, cloudcontrol.ErrNotFound); got != tc.wantNotFound {
				t.Errorf("errors.Is(%v, ErrNotFound) = %v, want %v", err, got, tc.wantNotFound)
			}
			if !strings.Contains(err.Error(), tc.wantText) {
				t.Errorf("error %q does not name %q", err, tc.wantText)
			}
		})
	}
}

func TestDataZoneMemberIDOverLocalCloud(t *testing.T) {
	t.Parallel()
	w := startWriteOnlyCloud(t)
	domainID := w.ids[awstype.Domain.Name]

	cases := map[string]struct {
		memberType, identifier, want string
	}{
		"user-by-arn":        {cloudcontrol.MemberTypeUser, analystRole, w.memberIDs[w.user]},
		"user-by-profile-id": {cloudcontrol.MemberTypeUser, w.memberIDs[w.user], w.memberIDs[w.user]},
		"group-by-name":      {cloudcontrol.MemberTypeGroup, engineerTeam, w.memberIDs[w.group]},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := w.client.DataZoneMemberID(context.Background(), domainID, tc.memberType, tc.identifier)
			if err != nil {
				t.Fatalf("DataZoneMemberID: %v", err)
			}
			if got != tc.want {
				t.Errorf("profile id = %q, want %q", got, tc.want)
			}
		})
	}

	other, err := w.client.DataZoneMemberID(context.Background(), domainID, cloudcontrol.MemberTypeUser,
		"arn:aws:iam::111122223333:role/someone-else")
	if err != nil {
		t.Fatalf("DataZoneMemberID of another user: %v", err)
	}
	if other == w.memberIDs[w.user] {
		t.Errorf("another user resolved to the analyst's profile id %q", other)
	}
	if _, err := w.client.DataZoneMemberID(context.Background(), domainID, "ROLE", analystRole); err == nil {
		t.Error("DataZoneMemberID accepted member type ROLE")
	}
}

func TestDataZoneReadsNeedConfig(t *testing.T) {
	t.Parallel()
	c := cloudcontrol.New(sdkClient(newStub(t)), cloudcontrol.Options{})

	if _, err := c.DataZoneWriteOnly(context.Background(), awstype.Domain.Name, "dzd_abc"); err == nil {
		t.Error("DataZoneWriteOnly returned no error without a DataZone client")
	}
	if _, err := c.DataZoneMemberID(context.Background(), "dzd_abc", cloudcontrol.MemberTypeUser, "u"); err == nil {
		t.Error("DataZoneMemberID returned no error without a DataZone client")
	}
}

// TestMembershipWriteOnlyPagesAndRetries finds a member on the second page,
// after a throttled first attempt.
func TestMembershipWriteOnlyPagesAndRetries(t *testing.T) {
	t.Parallel()
	const op = "GET /v2/domains/dzd_abc/projects/prj1/memberships"
	s := newStub(t,
		reply{op: op, status: 429, body: `{"message":"Rate exceeded"}`},
		reply{op: op, body: `{"members":[{"designation":"PROJECT_OWNER","memberDetails":{"user":{"userId":"u1"}}}],` +
			`"nextToken":"p2"}`},
		reply{op: op, body: `{"members":[{"designation":"PROJECT_CONTRIBUTOR","memberDetails":{"group":{"groupId":"u2"}}},` +
			`{"designation":"PROJECT_CATALOG_VIEWER","memberDetails":{"user":{"userId":"u2"}}}]}`},
	)
	var queries []url.Values
	s.onRequest = func(r *http.Request) { queries = append(queries, r.URL.Query()) }
	c := cloudcontrol.NewFromConfig(configFor(s), loopback, testOptions(newFakeClock()))

	got, err := c.DataZoneWriteOnly(context.Background(), awstype.ProjectMembership.Name,
		"dzd_abc|u2|USER_IDENTIFIER|prj1")
	if err != nil {
		t.Fatalf("DataZoneWriteOnly: %v", err)
	}

	want := map[string]any{"Designation": "PROJECT_CATALOG_VIEWER", "Member": map[string]any{"UserIdentifier": "u2"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("write-only values (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"", "", "p2"}, nextTokens(queries)); diff != "" {
		t.Errorf("nextToken per request (-want +got):\n%s", diff)
	}
}

func nextTokens(queries []url.Values) []string {
	out := make([]string, len(queries))
	for i, q := range queries {
		out[i] = q.Get("nextToken")
	}

	return out
}
