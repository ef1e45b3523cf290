package clitest_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

const roleTypeName = "AWS::IAM::Role"

// createRole creates the role "existing" for cases that need a resource.
func createRole(t *testing.T, srv *localtest.Server) {
	t.Helper()
	mustCreate(t, srv, roleTypeName, map[string]any{
		"RoleName": "existing", "AssumeRolePolicyDocument": trustPolicy("datazone.amazonaws.com"),
	})
}

// TestSynchronousErrors checks that the CLI reports each synchronous error
// of the local cloud by its exception name, with exit code 254.
func TestSynchronousErrors(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		setup     func(t *testing.T, srv *localtest.Server)
		account   string
		args      []string
		exception string
		message   []string
	}{
		"unknown-type": {
			args:      []string{"cloudcontrol", "get-resource", "--type-name", "AWS::Nope::Thing", "--identifier", "x"},
			exception: "TypeNotFoundException",
			message:   []string{"AWS::Nope::Thing"},
		},
		"identifier-with-too-few-parts": {
			args: []string{"cloudcontrol", "get-resource", "--type-name", "AWS::DataZone::Project",
				"--identifier", "dzd_abc123"},
			exception: "ValidationException",
			message:   []string{"has 1 part(s), want 2", "DomainId|Id", `joined by "|"`},
		},
		"missing-required-property": {
			args: []string{"cloudcontrol", "create-resource", "--type-name", roleTypeName,
				"--desired-state", `{"RoleName":"incomplete"}`},
			exception: "ValidationException",
			message:   []string{"required key [AssumeRolePolicyDocument] not found"},
		},
		"patch-of-read-only-property": {
			setup: createRole,
			args: []string{"cloudcontrol", "update-resource", "--type-name", roleTypeName, "--identifier", "existing",
				"--patch-document", `[{"op":"replace","path":"/Arn","value":"arn:aws:iam::111111111111:role/x"}]`},
			exception: "ValidationException",
			message:   []string{"readOnlyProperties [/properties/Arn] cannot be updated"},
		},
		"patch-of-create-only-property": {
			setup: createRole,
			args: []string{"cloudcontrol", "update-resource", "--type-name", roleTypeName, "--identifier", "existing",
				"--patch-document", `[{"op":"replace","path":"/RoleName","value":"renamed"}]`},
			exception: "NotUpdatableException",
			message:   []string{"createOnlyProperties [/properties/RoleName] cannot be updated"},
		},
		"update-of-missing-resource": {
			args: []string{"cloudcontrol", "update-resource", "--type-name", roleTypeName, "--identifier", "absent",
				"--patch-document", `[{"op":"add","path":"/Description","value":"d"}]`},
			exception: "ResourceNotFoundException",
			message:   []string{"'absent' was not found"},
		},
		"list-without-required-resource-model": {
			args:      []string{"cloudcontrol", "list-resources", "--type-name", "AWS::DataZone::Project"},
			exception: "InvalidRequestException",
			message:   []string{"Missing or invalid ResourceModel property", "required key [DomainIdentifier] not found"},
		},
		"unknown-request-token": {
			args:      []string{"cloudcontrol", "get-resource-request-status", "--request-token", "no-such-token"},
			exception: "RequestTokenNotFoundException",
			message:   []string{"no-such-token"},
		},
		"access-key-that-is-not-an-account": {
			account:   "AKIAIOSFODNN7EXAMPLE",
			args:      []string{"cloudcontrol", "list-resources", "--type-name", roleTypeName},
			exception: "UnrecognizedClientException",
			message:   []string{"The security token included in the request is invalid"},
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := startCloud(t, localcloud.Options{})
			if tc.setup != nil {
				tc.setup(t, srv)
			}
			caller := account
			if tc.account != "" {
				caller = tc.account
			}

			stdout, stderr, code := runAWS(t, srv, caller, tc.args...)

			wantServiceError(t, stderr, code, tc.exception, tc.message...)
			if len(stdout) != 0 {
				t.Errorf("stdout = %s, want nothing on an error", stdout)
			}
		})
	}
}

// TestThrottling lets the CLI page through four parameters one per
// request. With a rate of 2 requests per second and a burst of 2, the
// third request in quick succession is throttled, and AWS_MAX_ATTEMPTS=1
// keeps the CLI from retrying it.
func TestThrottling(t *testing.T) {
	t.Parallel()
	dataDir := t.TempDir()
	// The parameters are created without throttling, in a first local
	// cloud on the same store, so that the throttled cloud starts with a
	// full bucket. Creates still in flight at Close finish when the store
	// is opened again.
	setup := startCloud(t, localcloud.Options{DataDir: dataDir})
	for _, name := range []string{"p1", "p2", "p3", "p4"} {
		createResource(t, setup, "AWS::SSM::Parameter", map[string]any{"Name": name, "Type": "String", "Value": "v"})
	}
	if err := setup.Cloud.Close(); err != nil {
		t.Fatalf("close the setup cloud: %v", err)
	}
	srv := startCloud(t, localcloud.Options{DataDir: dataDir, ThrottleRPS: 2})

	stdout, stderr, code := runAWS(t, srv, account, "cloudcontrol", "list-resources",
		"--type-name", "AWS::SSM::Parameter", "--page-size", "1")

	wantServiceError(t, stderr, code, "ThrottlingException", "Rate exceeded")
	if len(stdout) != 0 {
		t.Errorf("stdout = %s, want nothing when a page is throttled", stdout)
	}
}

type callerIdentity struct {
	Account string
	Arn     string
	UserID  string `json:"UserId"`
}

// TestCallerIdentity checks `aws sts get-caller-identity`, which speaks the
// awsQuery protocol with XML responses.
func TestCallerIdentity(t *testing.T) {
	t.Parallel()
	srv := startCloud(t, localcloud.Options{})

	got := decode[callerIdentity](t, mustAWS(t, srv, "sts", "get-caller-identity"))

	if diff := cmp.Diff(account, got.Account); diff != "" {
		t.Errorf("Account (-want +got):\n%s", diff)
	}
	if got.Arn != "arn:aws:iam::"+account+":user/smus-local" || got.UserID == "" {
		t.Errorf("identity = %+v, want the smus-local user of %s and a UserId", got, account)
	}
}
