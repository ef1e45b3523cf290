package localcloud_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/localcloud"
)

func TestDomainExecutionRoleMustBeAssumable(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		opts localcloud.Options
		// setup prepares the account and returns the role ARN the domain
		// names.
		setup      func(t *testing.T, f *fixture) string
		wantFailed bool
	}{
		"missing-role-of-caller-account": {
			setup: func(*testing.T, *fixture) string {
				return "arn:aws:iam::" + account + ":role/missing"
			},
			wantFailed: true,
		},
		"role-created-just-now": {
			opts: localcloud.Options{RolePropagation: time.Hour},
			setup: func(t *testing.T, f *fixture) string {
				f.mustCreate(t, "AWS::IAM::Role", roleModel("fresh"))

				return "arn:aws:iam::" + account + ":role/fresh"
			},
			wantFailed: true,
		},
		"role-still-being-created": {
			// The role takes 300 ms to create at this scale.
			opts: localcloud.Options{TimeScale: 0.1, RolePropagation: time.Millisecond},
			setup: func(t *testing.T, f *fixture) string {
				_, err := f.cc.CreateResource(context.Background(), &cloudcontrol.CreateResourceInput{
					TypeName: aws.String("AWS::IAM::Role"), DesiredState: aws.String(mustJSON(t, roleModel("pending"))),
				})
				if err != nil {
					t.Fatalf("create role: %v", err)
				}

				return "arn:aws:iam::" + account + ":role/pending"
			},
			wantFailed: true,
		},
		"role-under-another-path": {
			setup: func(t *testing.T, f *fixture) string {
				f.mustCreate(t, "AWS::IAM::Role", roleModel("pathed"))
				time.Sleep(f.propagation)

				return "arn:aws:iam::" + account + ":role/service-role/pathed"
			},
			wantFailed: true,
		},
		"role-propagated": {
			setup: func(t *testing.T, f *fixture) string {
				f.mustCreate(t, "AWS::IAM::Role", roleModel("settled"))
				time.Sleep(f.propagation)

				return "arn:aws:iam::" + account + ":role/settled"
			},
		},
		"role-of-another-account": {
			setup: func(*testing.T, *fixture) string {
				return "arn:aws:iam::" + otherAccount + ":role/elsewhere"
			},
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := start(t, tc.opts)
			arn := tc.setup(t, f)

			ev := f.create(t, "AWS::DataZone::Domain", map[string]any{
				"Name": "corp", "DomainVersion": "V2", "DomainExecutionRole": arn,
			})

			if !tc.wantFailed {
				if ev.OperationStatus != types.OperationStatusSuccess {
					t.Fatalf("create ended %s: %s %s", ev.OperationStatus, ev.ErrorCode, aws.ToString(ev.StatusMessage))
				}

				return
			}
			if diff := cmp.Diff(types.OperationStatusFailed, ev.OperationStatus); diff != "" {
				t.Errorf("status (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(types.HandlerErrorCodeInvalidRequest, ev.ErrorCode); diff != "" {
				t.Errorf("error code (-want +got):\n%s", diff)
			}
			msg := aws.ToString(ev.StatusMessage)
			for _, part := range []string{"Unable to assume role " + arn + ".", "datazone.amazonaws.com"} {
				if !strings.Contains(msg, part) {
					t.Errorf("status message %q lacks %q", msg, part)
				}
			}
		})
	}
}

// TestDomainCreateAfterPropagationSucceeds repeats a domain create that
// failed because its role was new, once the role has propagated.
func TestDomainCreateAfterPropagationSucceeds(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{RolePropagation: 400 * time.Second})
	f.mustCreate(t, "AWS::IAM::Role", roleModel("exec"))
	domain := map[string]any{"Name": "corp", "DomainExecutionRole": "arn:aws:iam::" + account + ":role/exec"}

	first := f.create(t, "AWS::DataZone::Domain", domain)
	time.Sleep(f.propagation)
	second := f.create(t, "AWS::DataZone::Domain", domain)

	if diff := cmp.Diff(types.OperationStatusFailed, first.OperationStatus); diff != "" {
		t.Errorf("first status (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(types.OperationStatusSuccess, second.OperationStatus); diff != "" {
		t.Errorf("second status (-want +got):\n%s", diff)
	}
}
