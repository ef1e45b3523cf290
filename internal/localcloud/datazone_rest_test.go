package localcloud_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/datazone"
	dztypes "github.com/aws/aws-sdk-go-v2/service/datazone/types"
	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/localcloud"
)

const (
	boundaryARN = "arn:aws:iam::111111111111:policy/ProjectBoundary"
	analystARN  = "arn:aws:iam::111111111111:role/analyst"
)

// writeOnlyFixture is a domain with a DataLake configuration, a project
// and two memberships, all created with write-only values.
type writeOnlyFixture struct {
	*fixture
	dz                  *datazone.Client
	domainID, datalake  string
	projectID, profile  string
	userID, groupMember string
}

func startWriteOnly(t *testing.T) *writeOnlyFixture {
	t.Helper()
	f := &writeOnlyFixture{fixture: start(t, localcloud.Options{})}
	f.dz = datazone.NewFromConfig(f.srv.Config(account))
	f.domainID, f.profile, f.projectID = f.project(t)
	f.datalake = f.blueprintID(t, f.domainID, "DataLake")
	f.mustCreate(t, "AWS::DataZone::EnvironmentBlueprintConfiguration", map[string]any{
		"DomainIdentifier": f.domainID, "EnvironmentBlueprintIdentifier": "DataLake",
		"EnabledRegions":                    []string{"us-east-1"},
		"EnvironmentRolePermissionBoundary": boundaryARN,
		"GlobalParameters":                  map[string]any{"mode": "standard"},
		"RegionalParameters": []any{map[string]any{
			"Region": "us-east-1", "Parameters": map[string]any{"S3Location": "s3://lake"},
		}},
		"ProvisioningConfigurations": []any{map[string]any{"LakeFormationConfiguration": map[string]any{
			"LocationRegistrationRole":               roleARN,
			"LocationRegistrationExcludeS3Locations": []string{"s3://raw"},
		}}},
	})
	user := f.mustCreate(t, "AWS::DataZone::ProjectMembership", map[string]any{
		"DomainIdentifier": f.domainID, "ProjectIdentifier": f.projectID,
		"Member": map[string]any{"UserIdentifier": analystARN}, "Designation": "PROJECT_OWNER",
	})
	group := f.mustCreate(t, "AWS::DataZone::ProjectMembership", map[string]any{
		"DomainIdentifier": f.domainID, "ProjectIdentifier": f.projectID,
		"Member": map[string]any{"GroupIdentifier": "data-engineers"}, "Designation": "PROJECT_CONTRIBUTOR",
	})
	f.userID = strings.Split(user, "|")[1]
	f.groupMember = strings.Split(group, "|")[1]

	return f
}

func TestGetDomainReturnsServiceRole(t *testing.T) {
	t.Parallel()
	f := startWriteOnly(t)

	out, err := f.dz.GetDomain(context.Background(), &datazone.GetDomainInput{Identifier: aws.String(f.domainID)})
	if err != nil {
		t.Fatalf("GetDomain: %v", err)
	}

	want := map[string]any{
		"id": f.domainID, "name": "corp", "status": "AVAILABLE", "domainVersion": "V2",
		"domainExecutionRole": roleARN,
		"serviceRole":         "arn:aws:iam::111111111111:role/service-role/AmazonSageMakerDomainService",
	}
	got := map[string]any{
		"id": aws.ToString(out.Id), "name": aws.ToString(out.Name), "status": string(out.Status),
		"domainVersion": string(out.DomainVersion), "domainExecutionRole": aws.ToString(out.DomainExecutionRole),
		"serviceRole": aws.ToString(out.ServiceRole),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("GetDomain (-want +got):\n%s", diff)
	}
	if out.CreatedAt == nil || out.CreatedAt.IsZero() {
		t.Errorf("createdAt = %v, want the creation time", out.CreatedAt)
	}
}

func TestGetBlueprintConfigurationReturnsWriteOnly(t *testing.T) {
	t.Parallel()
	f := startWriteOnly(t)

	out, err := f.dz.GetEnvironmentBlueprintConfiguration(context.Background(),
		&datazone.GetEnvironmentBlueprintConfigurationInput{
			DomainIdentifier: aws.String(f.domainID), EnvironmentBlueprintIdentifier: aws.String(f.datalake),
		})
	if err != nil {
		t.Fatalf("GetEnvironmentBlueprintConfiguration: %v", err)
	}

	if got := aws.ToString(out.EnvironmentRolePermissionBoundary); got != boundaryARN {
		t.Errorf("environmentRolePermissionBoundary = %q, want %q", got, boundaryARN)
	}
	if got := aws.ToString(out.EnvironmentBlueprintId); got != f.datalake {
		t.Errorf("environmentBlueprintId = %q, want %q", got, f.datalake)
	}
	if diff := cmp.Diff([]string{"us-east-1"}, out.EnabledRegions); diff != "" {
		t.Errorf("enabledRegions (-want +got):\n%s", diff)
	}
	wantRegional := map[string]map[string]string{"us-east-1": {"S3Location": "s3://lake"}}
	if diff := cmp.Diff(wantRegional, out.RegionalParameters); diff != "" {
		t.Errorf("regionalParameters (-want +got):\n%s", diff)
	}
	if len(out.ProvisioningConfigurations) != 1 {
		t.Fatalf("provisioningConfigurations = %d items, want 1", len(out.ProvisioningConfigurations))
	}
	lf, ok := out.ProvisioningConfigurations[0].(*dztypes.ProvisioningConfigurationMemberLakeFormationConfiguration)
	if !ok {
		t.Fatalf("provisioning configuration is %T, want the Lake Formation member", out.ProvisioningConfigurations[0])
	}
	if got := aws.ToString(lf.Value.LocationRegistrationRole); got != roleARN {
		t.Errorf("locationRegistrationRole = %q, want %q", got, roleARN)
	}
	if diff := cmp.Diff([]string{"s3://raw"}, lf.Value.LocationRegistrationExcludeS3Locations); diff != "" {
		t.Errorf("locationRegistrationExcludeS3Locations (-want +got):\n%s", diff)
	}
}

func TestGetProjectReturnsWriteOnly(t *testing.T) {
	t.Parallel()
	f := startWriteOnly(t)
	id := f.domainID + "|" + f.projectID
	f.update(t, "AWS::DataZone::Project", id, []map[string]any{{"op": "add", "path": "/UserParameters",
		"value": []any{map[string]any{"EnvironmentConfigurationName": "Tooling", "EnvironmentParameters": []any{
			map[string]any{"Name": "maxSpaces", "Value": "4"},
		}}}}})

	out, err := f.dz.GetProject(context.Background(), &datazone.GetProjectInput{
		DomainIdentifier: aws.String(f.domainID), Identifier: aws.String(f.projectID),
	})
	if err != nil {
		t.Fatalf("GetProject: %v", err)
	}

	if got := aws.ToString(out.ProjectProfileId); got != f.profile {
		t.Errorf("projectProfileId = %q, want %q", got, f.profile)
	}
	if got := aws.ToString(out.Name); got != "analytics" {
		t.Errorf("name = %q, want analytics", got)
	}
	var got []string
	for _, p := range out.UserParameters {
		for _, e := range p.EnvironmentParameters {
			got = append(got, aws.ToString(p.EnvironmentConfigurationName)+"/"+aws.ToString(e.Name)+"="+
				aws.ToString(e.Value))
		}
	}
	if diff := cmp.Diff([]string{"Tooling/maxSpaces=4"}, got); diff != "" {
		t.Errorf("userParameters (-want +got):\n%s", diff)
	}
}

func TestListProjectMembershipsPages(t *testing.T) {
	t.Parallel()
	f := startWriteOnly(t)
	in := &datazone.ListProjectMembershipsInput{
		DomainIdentifier: aws.String(f.domainID), ProjectIdentifier: aws.String(f.projectID),
		MaxResults: aws.Int32(1),
	}

	got := map[string]string{}
	for pages := 1; ; pages++ {
		out, err := f.dz.ListProjectMemberships(context.Background(), in)
		if err != nil {
			t.Fatalf("ListProjectMemberships page %d: %v", pages, err)
		}
		if len(out.Members) != 1 {
			t.Errorf("page %d has %d members, want 1", pages, len(out.Members))
		}
		for _, m := range out.Members {
			switch d := m.MemberDetails.(type) {
			case *dztypes.MemberDetailsMemberUser:
				got["user:"+aws.ToString(d.Value.UserId)] = string(m.Designation)
			case *dztypes.MemberDetailsMemberGroup:
				got["group:"+aws.ToString(d.Value.GroupId)] = string(m.Designation)
			default:
				t.Errorf("member details are %T", m.MemberDetails)
			}
		}
		if out.NextToken == nil {
			break
		}
		if pages > 2 {
			t.Fatalf("more pages than members")
		}
		in.NextToken = out.NextToken
	}

	want := map[string]string{"user:" + f.userID: "PROJECT_OWNER", "group:" + f.groupMember: "PROJECT_CONTRIBUTOR"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("members (-want +got):\n%s", diff)
	}
}

func TestProfilesResolveMemberIdentifiers(t *testing.T) {
	t.Parallel()
	f := startWriteOnly(t)
	ctx := context.Background()

	cases := map[string]struct {
		user, wantType string
	}{
		"by-arn":        {analystARN, "IAM"},
		"by-profile-id": {f.userID, "IAM"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			out, err := f.dz.GetUserProfile(ctx, &datazone.GetUserProfileInput{
				DomainIdentifier: aws.String(f.domainID), UserIdentifier: aws.String(tc.user),
			})
			if err != nil {
				t.Fatalf("GetUserProfile: %v", err)
			}
			if got := aws.ToString(out.Id); got != f.userID {
				t.Errorf("id = %q, want the membership's member identifier %q", got, f.userID)
			}
			if string(out.Type) != tc.wantType {
				t.Errorf("type = %s, want %s", out.Type, tc.wantType)
			}
			iam, ok := out.Details.(*dztypes.UserProfileDetailsMemberIam)
			if !ok || aws.ToString(iam.Value.Arn) != analystARN {
				t.Errorf("details = %#v, want the IAM ARN %s", out.Details, analystARN)
			}
		})
	}

	group, err := f.dz.GetGroupProfile(ctx, &datazone.GetGroupProfileInput{
		DomainIdentifier: aws.String(f.domainID), GroupIdentifier: aws.String("data-engineers"),
	})
	if err != nil {
		t.Fatalf("GetGroupProfile: %v", err)
	}
	if got := aws.ToString(group.Id); got != f.groupMember {
		t.Errorf("group id = %q, want the membership's member identifier %q", got, f.groupMember)
	}
	if got := aws.ToString(group.GroupName); got != "data-engineers" {
		t.Errorf("group name = %q, want data-engineers", got)
	}
}

func TestDataZoneReadErrors(t *testing.T) {
	t.Parallel()
	f := startWriteOnly(t)
	ctx := context.Background()
	missingDomain := "dzd_missing00000000"
	ml := f.blueprintID(t, f.domainID, "MLExperiments")

	cases := map[string]struct {
		call       func() error
		wantCode   string
		wantStatus int
	}{
		"domain-not-found": {func() error {
			_, err := f.dz.GetDomain(ctx, &datazone.GetDomainInput{Identifier: aws.String(missingDomain)})

			return err
		}, "ResourceNotFoundException", http.StatusNotFound},
		"project-not-found": {func() error {
			_, err := f.dz.GetProject(ctx, &datazone.GetProjectInput{
				DomainIdentifier: aws.String(f.domainID), Identifier: aws.String("nosuchproject"),
			})

			return err
		}, "ResourceNotFoundException", http.StatusNotFound},
		"configuration-not-found": {func() error {
			_, err := f.dz.GetEnvironmentBlueprintConfiguration(ctx, &datazone.GetEnvironmentBlueprintConfigurationInput{
				DomainIdentifier:               aws.String(f.domainID),
				EnvironmentBlueprintIdentifier: aws.String(ml),
			})

			return err
		}, "ResourceNotFoundException", http.StatusNotFound},
		"memberships-of-missing-project": {func() error {
			_, err := f.dz.ListProjectMemberships(ctx, &datazone.ListProjectMembershipsInput{
				DomainIdentifier: aws.String(f.domainID), ProjectIdentifier: aws.String("nosuchproject"),
			})

			return err
		}, "ResourceNotFoundException", http.StatusNotFound},
		"profile-in-missing-domain": {func() error {
			_, err := f.dz.GetUserProfile(ctx, &datazone.GetUserProfileInput{
				DomainIdentifier: aws.String(missingDomain), UserIdentifier: aws.String(analystARN),
			})

			return err
		}, "ResourceNotFoundException", http.StatusNotFound},
		"bad-page-size": {func() error {
			_, err := f.dz.ListProjectMemberships(ctx, &datazone.ListProjectMembershipsInput{
				DomainIdentifier: aws.String(f.domainID), ProjectIdentifier: aws.String(f.projectID),
				MaxResults: aws.Int32(51),
			})

			return err
		}, "ValidationException", http.StatusBadRequest},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			code, status := apiError(t, tc.call())
			if code != tc.wantCode || status != tc.wantStatus {
				t.Errorf("error = %s (HTTP %d), want %s (HTTP %d)", code, status, tc.wantCode, tc.wantStatus)
			}
		})
	}
}

func TestDataZoneUnknownRoute(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	domainID := f.domain(t, "corp")
	req, err := http.NewRequest(http.MethodGet, f.srv.URL+"/v2/domains/"+domainID+"/environments", nil)
	if err != nil {
		t.Fatalf("build request: %v", err)
	}
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+account+
		"/20250101/us-east-1/datazone/aws4_request, SignedHeaders=host, Signature=abc")

	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET: %v", err)
	}
	defer resp.Body.Close()

	if got := resp.Header.Get("X-Amzn-ErrorType"); got != "UnknownOperationException" {
		t.Errorf("X-Amzn-ErrorType = %q, want UnknownOperationException", got)
	}
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("status = %d, want 404", resp.StatusCode)
	}
}
