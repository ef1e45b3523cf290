package cloudcontrol_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/cloudcontrol"
)

func configFor(s *stub) aws.Config {
	return aws.Config{
		Region:      "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "secret", ""),
		HTTPClient:  &http.Client{Transport: s},
	}
}

var loopback = cloudcontrol.Endpoints{
	CloudControl: "http://127.0.0.1:1",
	STS:          "http://127.0.0.1:1",
	DataZone:     "http://127.0.0.1:1",
}

func TestCallerIdentity(t *testing.T) {
	t.Parallel()
	s := newStub(t,
		reply{op: "GetCallerIdentity", status: 500, body: `<ErrorResponse><Error><Code>InternalFailure</Code><Message>x</Message></Error></ErrorResponse>`},
		reply{op: "GetCallerIdentity", body: `<GetCallerIdentityResponse><GetCallerIdentityResult>` +
			`<Account>111122223333</Account><Arn>arn:aws:iam::111122223333:user/ci</Arn><UserId>AIDAEXAMPLE</UserId>` +
			`</GetCallerIdentityResult></GetCallerIdentityResponse>`},
	)
	c := cloudcontrol.NewFromConfig(configFor(s), loopback, testOptions(newFakeClock()))

	got, err := c.CallerIdentity(context.Background())
	if err != nil {
		t.Fatalf("CallerIdentity: %v", err)
	}

	want := cloudcontrol.Identity{Account: "111122223333", Arn: "arn:aws:iam::111122223333:user/ci", UserID: "AIDAEXAMPLE"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("identity (-want +got):\n%s", diff)
	}
}

func TestCallerIdentityNeedsConfig(t *testing.T) {
	t.Parallel()
	c := cloudcontrol.New(sdkClient(newStub(t)), cloudcontrol.Options{})

	if _, err := c.CallerIdentity(context.Background()); err == nil {
		t.Fatal("CallerIdentity returned no error without an STS client")
	}
}

func TestManagedBlueprintsAllPages(t *testing.T) {
	t.Parallel()
	s := newStub(t,
		reply{op: "ListEnvironmentBlueprints", body: `{"items":[` +
			`{"id":"bp1","name":"Tooling","description":"tools","provider":"Amazon SageMaker",` +
			`"provisioningProperties":{"cloudFormation":{"templateUrl":"https://example.com/t"}}}],"nextToken":"n2"}`},
		reply{op: "ListEnvironmentBlueprints", body: `{"items":[` +
			`{"id":"bp2","name":"DataLake","provider":"Amazon SageMaker",` +
			`"provisioningProperties":{"cloudFormation":{"templateUrl":"https://example.com/t"}}}]}`},
	)
	var queries []url.Values
	s.onRequest = func(r *http.Request) { queries = append(queries, r.URL.Query()) }
	c := cloudcontrol.NewFromConfig(configFor(s), loopback, testOptions(newFakeClock()))

	got, err := c.ManagedBlueprints(context.Background(), "dzd_abc")
	if err != nil {
		t.Fatalf("ManagedBlueprints: %v", err)
	}

	want := []cloudcontrol.Blueprint{
		{ID: "bp1", Name: "Tooling", Description: "tools"},
		{ID: "bp2", Name: "DataLake"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("blueprints (-want +got):\n%s", diff)
	}
	if len(queries) != 2 {
		t.Fatalf("requests = %d, want 2", len(queries))
	}
	for i, wantNext := range []string{"", "n2"} {
		if got := queries[i].Get("managed"); got != "true" {
			t.Errorf("request %d managed = %q, want true", i, got)
		}
		if got := queries[i].Get("nextToken"); got != wantNext {
			t.Errorf("request %d nextToken = %q, want %q", i, got, wantNext)
		}
	}
}
