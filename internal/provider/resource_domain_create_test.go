package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

// retryAccount is the caller account of the roleRetry tests.
const retryAccount = "123456789012"

func failedCreate(code, message string) *cloudcontrol.OperationError {
	return &cloudcontrol.OperationError{Event: cloudcontrol.ProgressEvent{
		TypeName: awstype.Domain.Name, Operation: cloudcontrol.OperationCreate, RequestToken: "req-1",
		OperationStatus: cloudcontrol.StatusFailed, ErrorCode: code, StatusMessage: message,
	}}
}

func TestRoleNotAssumable(t *testing.T) {
	t.Parallel()
	datazone := "Unable to assume role arn:aws:iam::123456789012:role/exec. Check that the role " +
		"exists and its trust policy allows datazone.amazonaws.com."
	cancelled := failedCreate("", datazone)
	cancelled.Event.OperationStatus = cloudcontrol.StatusCancelComplete
	testCases := map[string]struct {
		err  error
		want bool
	}{
		"datazone-message":          {err: failedCreate("InvalidRequest", datazone), want: true},
		"other-wording":             {err: failedCreate("InvalidRequest", "Service could not assume role x"), want: true},
		"wrapped":                   {err: fmt.Errorf("create: %w", failedCreate("InvalidRequest", datazone)), want: true},
		"other-invalid-request":     {err: failedCreate("InvalidRequest", "Domain name is invalid.")},
		"access-denied-same-phrase": {err: failedCreate("AccessDenied", datazone)},
		"cancelled":                 {err: cancelled},
		"api-error":                 {err: &cloudcontrol.APIError{Code: "InvalidRequestException", Message: datazone}},
		"timeout":                   {err: &cloudcontrol.TimeoutError{RequestToken: "req-1"}},
		"nil":                       {},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()

			failed, got := roleNotAssumable(tc.err)

			if got != tc.want {
				t.Fatalf("roleNotAssumable(%v) = %v, want %v", tc.err, got, tc.want)
			}
			if got && failed.Event.RequestToken != "req-1" {
				t.Errorf("returned request token %q, want req-1", failed.Event.RequestToken)
			}
		})
	}
}

func TestRoleRetryDelay(t *testing.T) {
	t.Parallel()
	p := roleRetry{baseDelay: 2 * time.Second, maxDelay: 30 * time.Second}
	var got []time.Duration
	for attempt := 1; attempt <= 7; attempt++ {
		got = append(got, p.delay(attempt))
	}

	want := []time.Duration{2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second,
		30 * time.Second, 30 * time.Second, 30 * time.Second}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("delays (-want +got):\n%s", diff)
	}
}

// domainCreates is a client logger that keeps the client token of every
// domain CreateResource call.
type domainCreates struct {
	mu     sync.Mutex
	tokens []string
}

func (d *domainCreates) Log(_ context.Context, msg string, kv ...any) {
	fields := map[any]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		fields[kv[i]] = kv[i+1]
	}
	if msg != "creating resource" || fields["type"] != awstype.Domain.Name {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.tokens = append(d.tokens, fmt.Sprint(fields["client_token"]))
}

func (d *domainCreates) distinct() (total, unique int) {
	d.mu.Lock()
	defer d.mu.Unlock()
	seen := map[string]bool{}
	for _, token := range d.tokens {
		seen[token] = true
	}

	return len(d.tokens), len(seen)
}

// TestRoleRetryCreate runs roleRetry against the local cloud, where a
// domain create fails while its execution role is missing or younger than
// the role propagation time (400 ms of wall-clock time here).
func TestRoleRetryCreate(t *testing.T) {
	t.Parallel()
	roleARN := "arn:aws:iam::" + retryAccount + ":role/exec"
	testCases := map[string]struct {
		createRole bool
		timeout    time.Duration
		// wantAttempts is the least number of domain creates.
		wantAttempts int
		wantErr      bool
	}{
		"new-role-succeeds-after-retries": {createRole: true, timeout: 20 * time.Second, wantAttempts: 2},
		"missing-role-fails-at-deadline":  {timeout: 1500 * time.Millisecond, wantAttempts: 2, wantErr: true},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := localtest.Start(t, localcloud.Options{TimeScale: 0.001, RolePropagation: 400 * time.Second})
			creates := &domainCreates{}
			client := cloudcontrol.NewFromConfig(srv.Config(retryAccount), cloudcontrol.Endpoints{},
				cloudcontrol.Options{Logger: creates, Waiter: cloudcontrol.WaiterOptions{
					MinDelay: 10 * time.Millisecond, MaxDelay: 50 * time.Millisecond}})
			ctx, cancel := context.WithTimeout(context.Background(), tc.timeout)
			defer cancel()
			if tc.createRole {
				_, err := client.Create(ctx, cloudcontrol.CreateInput{TypeName: awstype.Role.Name,
					DesiredState: map[string]any{"RoleName": "exec", "AssumeRolePolicyDocument": map[string]any{
						"Version": "2012-10-17", "Statement": []any{}}}})
				if err != nil {
					t.Fatalf("create role: %v", err)
				}
			}
			retry := roleRetry{baseDelay: 100 * time.Millisecond, maxDelay: 200 * time.Millisecond,
				clock: cloudcontrol.SystemClock{}}

			res, err := retry.create(ctx, client, cloudcontrol.CreateInput{TypeName: awstype.Domain.Name,
				DesiredState: map[string]any{"Name": "corp", "DomainExecutionRole": roleARN}})

			total, unique := creates.distinct()
			if total < tc.wantAttempts {
				t.Errorf("domain creates = %d, want at least %d", total, tc.wantAttempts)
			}
			if unique != total {
				t.Errorf("domain creates used %d distinct client tokens in %d calls, want one each", unique, total)
			}
			if !tc.wantErr {
				if err != nil {
					t.Fatalf("create: %v", err)
				}
				if !strings.HasPrefix(res.Identifier, "dzd_") {
					t.Errorf("identifier = %q, want a domain id", res.Identifier)
				}

				return
			}
			var roleErr *roleNotAssumableError
			if !errors.As(err, &roleErr) {
				t.Fatalf("error = %v, want *roleNotAssumableError", err)
			}
			if diff := cmp.Diff(total, roleErr.attempts); diff != "" {
				t.Errorf("attempts (-want +got):\n%s", diff)
			}
			d := apiDiag("Create", awstype.Domain.Name, "", err)
			if diff := cmp.Diff("Domain Execution Role Not Assumable", d.Summary()); diff != "" {
				t.Errorf("summary (-want +got):\n%s", diff)
			}
			for _, part := range []string{roleARN, "datazone.amazonaws.com", roleErr.last.Event.RequestToken,
				"Unable to assume role"} {
				if !strings.Contains(d.Detail(), part) {
					t.Errorf("detail %q lacks %q", d.Detail(), part)
				}
			}
		})
	}
}

func TestRoleRetryCreateReturnsOtherFailures(t *testing.T) {
	t.Parallel()
	srv := localtest.Start(t, localcloud.Options{TimeScale: 0.001})
	creates := &domainCreates{}
	client := cloudcontrol.NewFromConfig(srv.Config(retryAccount), cloudcontrol.Endpoints{},
		cloudcontrol.Options{Logger: creates, Waiter: cloudcontrol.WaiterOptions{MinDelay: 10 * time.Millisecond}})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	// A role of another account passes unchecked, so only the name clashes.
	desired := func(description string) map[string]any {
		return map[string]any{"Name": "corp", "Description": description,
			"DomainExecutionRole": "arn:aws:iam::210987654321:role/exec"}
	}
	if _, err := client.Create(ctx, cloudcontrol.CreateInput{TypeName: awstype.Domain.Name,
		DesiredState: desired("first")}); err != nil {
		t.Fatalf("create first domain: %v", err)
	}
	retry := roleRetry{baseDelay: time.Millisecond, maxDelay: time.Millisecond, clock: cloudcontrol.SystemClock{}}

	_, err := retry.create(ctx, client, cloudcontrol.CreateInput{TypeName: awstype.Domain.Name,
		DesiredState: desired("second")})

	if !errors.Is(err, cloudcontrol.ErrAlreadyExists) {
		t.Fatalf("error = %v, want ErrAlreadyExists", err)
	}
	if total, _ := creates.distinct(); total != 2 {
		t.Errorf("domain creates = %d, want 2 (one per domain, no retry)", total)
	}
}
