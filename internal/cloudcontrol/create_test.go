package cloudcontrol_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/cloudcontrol"
)

const roleType = "AWS::IAM::Role"

func roleDesired() map[string]any {
	return map[string]any{
		"RoleName": "analyst",
		"AssumeRolePolicyDocument": map[string]any{
			"Version": "2012-10-17",
			"Statement": []any{map[string]any{
				"Effect": "Allow", "Action": "sts:AssumeRole",
				"Principal": map[string]any{"Service": "datazone.amazonaws.com"},
			}},
		},
		"ManagedPolicyArns": []any{
			"arn:aws:iam::aws:policy/ReadOnlyAccess",
			"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
		},
	}
}

func roleLive() map[string]any {
	live := roleDesired()
	live["Arn"] = "arn:aws:iam::111122223333:role/analyst"
	live["RoleId"] = "AROAEXAMPLE"
	live["Path"] = "/"
	live["MaxSessionDuration"] = 3600

	return live
}

func TestCreateOperationStatuses(t *testing.T) {
	t.Parallel()
	const tok = "req-1"
	testCases := map[string]struct {
		events   []event
		wantCode string
		wantIs   error
	}{
		"pending-in-progress-success": {
			events: []event{
				{Token: tok, Op: "CREATE", Status: "PENDING"},
				{Token: tok, Op: "CREATE", Status: "IN_PROGRESS", ID: "analyst"},
				{Token: tok, Op: "CREATE", Status: "SUCCESS", ID: "analyst"},
			},
		},
		"cancel-in-progress-then-complete": {
			events: []event{
				{Token: tok, Op: "CREATE", Status: "IN_PROGRESS"},
				{Token: tok, Op: "CREATE", Status: "CANCEL_IN_PROGRESS"},
				{Token: tok, Op: "CREATE", Status: "CANCEL_COMPLETE"},
			},
			wantCode: "",
		},
	}
	for _, code := range []string{"InvalidRequest", "AccessDenied", "NotStabilized", "ServiceLimitExceeded",
		"GeneralServiceException", "InternalFailure", "NotFound", "AlreadyExists", "ResourceConflict",
		"Throttling", "ServiceInternalError", "NetworkFailure", "ServiceTimeout", "NotUpdatable",
		"InvalidCredentials"} {
		tc := struct {
			events   []event
			wantCode string
			wantIs   error
		}{
			events: []event{
				{Token: tok, Op: "CREATE", Status: "PENDING"},
				{Token: tok, Op: "CREATE", Status: "FAILED", Code: code, Message: "handler said " + code},
			},
			wantCode: code,
		}
		switch code {
		case "NotFound":
			tc.wantIs = cloudcontrol.ErrNotFound
		case "AlreadyExists":
			tc.wantIs = cloudcontrol.ErrAlreadyExists
		}
		testCases["failed-"+code] = tc
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			script := []reply{progress("CreateResource", tc.events[0])}
			for _, e := range tc.events[1:] {
				r := progress("GetResourceRequestStatus", e)
				r.check = wantToken(tok)
				script = append(script, r)
			}
			last := tc.events[len(tc.events)-1]
			if last.Status == "SUCCESS" {
				script = append(script, resource("analyst", roleLive()))
			}
			c, _, _ := newClient(t, script...)

			res, err := c.Create(context.Background(), cloudcontrol.CreateInput{TypeName: roleType, DesiredState: roleDesired()})

			if last.Status == "SUCCESS" {
				if err != nil {
					t.Fatalf("Create: %v", err)
				}
				if diff := cmp.Diff(roleLive()["Arn"], res.Properties["Arn"]); diff != "" {
					t.Errorf("Arn (-want +got):\n%s", diff)
				}
				if res.Identifier != "analyst" {
					t.Errorf("Identifier = %q, want analyst", res.Identifier)
				}

				return
			}
			var opErr *cloudcontrol.OperationError
			if !errors.As(err, &opErr) {
				t.Fatalf("error = %v, want *OperationError", err)
			}
			if diff := cmp.Diff(last.Status, opErr.Event.OperationStatus); diff != "" {
				t.Errorf("status (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantCode, opErr.Event.ErrorCode); diff != "" {
				t.Errorf("error code (-want +got):\n%s", diff)
			}
			msg := err.Error()
			for _, part := range []string{roleType, tok, tc.wantCode, last.Message} {
				if !strings.Contains(msg, part) {
					t.Errorf("message %q lacks %q", msg, part)
				}
			}
			if tc.wantIs != nil && !errors.Is(err, tc.wantIs) {
				t.Errorf("errors.Is(%v, %v) = false", err, tc.wantIs)
			}
			if tc.wantIs == nil && (errors.Is(err, cloudcontrol.ErrNotFound) || errors.Is(err, cloudcontrol.ErrAlreadyExists)) {
				t.Errorf("error %v matches a sentinel it should not", err)
			}
		})
	}
}

func TestCreateFailedPollRepollsSameToken(t *testing.T) {
	t.Parallel()
	const tok = "req-poll"
	poll := func(r reply) reply { r.check = wantToken(tok); return r }
	c, s, _ := newClient(t,
		progress("CreateResource", event{Token: tok, Op: "CREATE", Status: "IN_PROGRESS"}),
		poll(apiError("GetResourceRequestStatus", 500, "InternalFailure", "try again")),
		poll(reply{op: "GetResourceRequestStatus", err: errNetwork}),
		poll(progress("GetResourceRequestStatus", event{Token: tok, Op: "CREATE", Status: "SUCCESS", ID: "analyst"})),
		resource("analyst", roleLive()),
	)

	if _, err := c.Create(context.Background(), cloudcontrol.CreateInput{TypeName: roleType, DesiredState: roleDesired()}); err != nil {
		t.Fatalf("Create: %v", err)
	}

	want := []string{"CreateResource", "GetResourceRequestStatus", "GetResourceRequestStatus",
		"GetResourceRequestStatus", "GetResource"}
	if diff := cmp.Diff(want, s.callsOf()); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
}

func TestCreateResumesWithDeterministicToken(t *testing.T) {
	t.Parallel()
	desired := roleDesired()
	wantClientToken := cloudcontrol.ClientToken(roleType, desired, "")
	checkToken := func(t *testing.T, body map[string]any) {
		t.Helper()
		if body["ClientToken"] != wantClientToken {
			t.Errorf("ClientToken = %v, want %s", body["ClientToken"], wantClientToken)
		}
	}
	const tok = "req-resume"
	inProgress := event{Token: tok, Op: "CREATE", Status: "IN_PROGRESS", ID: "analyst"}
	first := progress("CreateResource", inProgress)
	first.check = checkToken
	c1, _, clock := newClient(t, first,
		progress("GetResourceRequestStatus", inProgress),
		progress("GetResourceRequestStatus", inProgress),
	)
	ctx, cancel := context.WithDeadline(context.Background(), clock.Now().Add(4*time.Second))
	defer cancel()

	_, err := c1.Create(ctx, cloudcontrol.CreateInput{TypeName: roleType, DesiredState: desired})

	var timeout *cloudcontrol.TimeoutError
	if !errors.As(err, &timeout) {
		t.Fatalf("first run error = %v, want *TimeoutError", err)
	}
	if timeout.RequestToken != tok {
		t.Errorf("TimeoutError.RequestToken = %q, want %q", timeout.RequestToken, tok)
	}

	// The second run lists the same set in another order: same token.
	desired2 := roleDesired()
	desired2["ManagedPolicyArns"] = []any{
		"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
		"arn:aws:iam::aws:policy/ReadOnlyAccess",
	}
	again := progress("CreateResource", inProgress)
	again.check = checkToken
	done := progress("GetResourceRequestStatus", event{Token: tok, Op: "CREATE", Status: "SUCCESS", ID: "analyst"})
	done.check = wantToken(tok)
	c2, _, _ := newClient(t, again, done, resource("analyst", roleLive()))

	res, err := c2.Create(context.Background(), cloudcontrol.CreateInput{TypeName: roleType, DesiredState: desired2})
	if err != nil {
		t.Fatalf("second run: %v", err)
	}
	if res.Identifier != "analyst" {
		t.Errorf("Identifier = %q, want analyst", res.Identifier)
	}
}

func TestCreateEarlierSuccessGoneStartsOver(t *testing.T) {
	t.Parallel()
	derived := cloudcontrol.ClientToken(roleType, roleDesired(), "")
	first := progress("CreateResource", event{Token: "old", Op: "CREATE", Status: "SUCCESS", ID: "analyst"})
	first.check = func(t *testing.T, body map[string]any) {
		if body["ClientToken"] != derived {
			t.Errorf("first ClientToken = %v, want %s", body["ClientToken"], derived)
		}
	}
	second := progress("CreateResource", event{Token: "new", Op: "CREATE", Status: "IN_PROGRESS"})
	second.check = func(t *testing.T, body map[string]any) {
		token, _ := body["ClientToken"].(string)
		if token == derived || len(token) != 36 {
			t.Errorf("second ClientToken = %q, want a fresh UUID", token)
		}
	}
	c, _, _ := newClient(t, first,
		apiError("GetResource", 404, "ResourceNotFoundException", "not found"),
		second,
		progress("GetResourceRequestStatus", event{Token: "new", Op: "CREATE", Status: "SUCCESS", ID: "analyst"}),
		resource("analyst", roleLive()),
	)

	if _, err := c.Create(context.Background(), cloudcontrol.CreateInput{TypeName: roleType, DesiredState: roleDesired()}); err != nil {
		t.Fatalf("Create: %v", err)
	}
}

func TestCreateAlreadyExistsForOwnRequest(t *testing.T) {
	t.Parallel()
	other := roleLive()
	other["ManagedPolicyArns"] = []any{"arn:aws:iam::aws:policy/AdministratorAccess"}
	testCases := map[string]struct {
		live    map[string]any
		wantErr bool
	}{
		"matching-resource-accepted":  {live: roleLive()},
		"different-resource-rejected": {live: other, wantErr: true},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, _, _ := newClient(t,
				progress("CreateResource", event{Token: "r", Op: "CREATE", Status: "IN_PROGRESS"}),
				progress("GetResourceRequestStatus", event{Token: "r", Op: "CREATE", Status: "FAILED",
					Code: "AlreadyExists", ID: "analyst", Message: "Resource of type 'AWS::IAM::Role' with identifier 'analyst' already exists."}),
				resource("analyst", tc.live),
			)

			res, err := c.Create(context.Background(), cloudcontrol.CreateInput{TypeName: roleType, DesiredState: roleDesired()})

			if tc.wantErr {
				if !errors.Is(err, cloudcontrol.ErrAlreadyExists) {
					t.Fatalf("error = %v, want ErrAlreadyExists", err)
				}

				return
			}
			if err != nil {
				t.Fatalf("Create: %v", err)
			}
			if res.Identifier != "analyst" {
				t.Errorf("Identifier = %q, want analyst", res.Identifier)
			}
		})
	}
}

func TestCreateTimeoutNamesToken(t *testing.T) {
	t.Parallel()
	const tok = "req-slow"
	inProgress := event{Token: tok, Op: "CREATE", Status: "IN_PROGRESS", ID: "analyst"}
	script := []reply{progress("CreateResource", inProgress)}
	// Deadline 10s, MinDelay 1s, MaxDelay 30s: sleeps 1, 2, 4, then 2
	// (trimmed to keep MinDelay for the last poll) and no more.
	for range 4 {
		script = append(script, progress("GetResourceRequestStatus", inProgress))
	}
	s := newStub(t, script...)
	clock := newFakeClock()
	journal, err := cloudcontrol.NewFileJournal(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	opts := testOptions(clock)
	opts.Journal = journal
	c := cloudcontrol.New(sdkClient(s), opts)
	ctx, cancel := context.WithDeadline(context.Background(), clock.Now().Add(10*time.Second))
	defer cancel()

	_, err = c.Create(ctx, cloudcontrol.CreateInput{TypeName: roleType, DesiredState: roleDesired()})

	var timeout *cloudcontrol.TimeoutError
	if !errors.As(err, &timeout) {
		t.Fatalf("error = %v, want *TimeoutError", err)
	}
	want := cloudcontrol.TimeoutError{RequestToken: tok, TypeName: roleType, Identifier: "analyst",
		Operation: "CREATE", LastStatus: "IN_PROGRESS"}
	if diff := cmp.Diff(want, *timeout); diff != "" {
		t.Errorf("TimeoutError (-want +got):\n%s", diff)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("errors.Is(err, context.DeadlineExceeded) = false")
	}
	for _, part := range []string{tok, "IN_PROGRESS", "run again to resume"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("message %q lacks %q", err.Error(), part)
		}
	}
	wantSleeps := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 2 * time.Second}
	if diff := cmp.Diff(wantSleeps, clock.slept()); diff != "" {
		t.Errorf("sleeps (-want +got):\n%s", diff)
	}
	pending, err := journal.Pending(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 1 || pending[0].RequestToken != tok {
		t.Errorf("journal pending = %+v, want the request %s", pending, tok)
	}
}

// TestCreateEarlierRequestNotSucceeded covers a CreateResource response that
// is already terminal, so an earlier run started the request, next to the
// same outcomes for a request this call started.
func TestCreateEarlierRequestNotSucceeded(t *testing.T) {
	t.Parallel()
	other := roleLive()
	other["ManagedPolicyArns"] = []any{"arn:aws:iam::aws:policy/AdministratorAccess"}
	failed := func(token, code string) event {
		return event{Token: token, Op: "CREATE", Status: "FAILED", Code: code, ID: "analyst",
			Message: "handler said " + code}
	}
	inProgress := event{Token: "new", Op: "CREATE", Status: "IN_PROGRESS"}
	succeeded := event{Token: "new", Op: "CREATE", Status: "SUCCESS", ID: "analyst"}
	testCases := map[string]struct {
		clientToken string
		script      []reply
		// wantCreates is the number of CreateResource calls; every call
		// after the first must send a fresh token.
		wantCreates int
		// wantErrToken is the request token of the returned
		// *OperationError; empty means Create succeeds.
		wantErrToken string
		wantErrIs    error
	}{
		"earlier-failed-starts-over": {
			script: []reply{
				progress("CreateResource", failed("old", "InvalidRequest")),
				progress("CreateResource", inProgress),
				progress("GetResourceRequestStatus", succeeded),
				resource("analyst", roleLive()),
			},
			wantCreates: 2,
		},
		"earlier-cancelled-starts-over": {
			script: []reply{
				progress("CreateResource", event{Token: "old", Op: "CREATE", Status: "CANCEL_COMPLETE"}),
				progress("CreateResource", inProgress),
				progress("GetResourceRequestStatus", succeeded),
				resource("analyst", roleLive()),
			},
			wantCreates: 2,
		},
		"earlier-failed-explicit-token-starts-over": {
			clientToken: "caller-token",
			script: []reply{
				progress("CreateResource", failed("old", "NotStabilized")),
				progress("CreateResource", inProgress),
				progress("GetResourceRequestStatus", succeeded),
				resource("analyst", roleLive()),
			},
			wantCreates: 2,
		},
		"earlier-failed-then-new-request-fails": {
			script: []reply{
				progress("CreateResource", failed("old", "InvalidRequest")),
				progress("CreateResource", inProgress),
				progress("GetResourceRequestStatus", failed("new", "InvalidRequest")),
			},
			wantCreates:  2,
			wantErrToken: "new",
		},
		"earlier-failed-then-new-response-terminal-too": {
			script: []reply{
				progress("CreateResource", failed("old", "InvalidRequest")),
				progress("CreateResource", failed("new", "ServiceLimitExceeded")),
			},
			wantCreates:  2,
			wantErrToken: "new",
		},
		"earlier-already-exists-other-resource-starts-over": {
			script: []reply{
				progress("CreateResource", failed("old", "AlreadyExists")),
				resource("analyst", other),
				progress("CreateResource", inProgress),
				progress("GetResourceRequestStatus", failed("new", "AlreadyExists")),
				resource("analyst", other),
			},
			wantCreates:  2,
			wantErrToken: "new",
			wantErrIs:    cloudcontrol.ErrAlreadyExists,
		},
		"earlier-already-exists-matching-accepted": {
			script: []reply{
				progress("CreateResource", failed("old", "AlreadyExists")),
				resource("analyst", roleLive()),
			},
			wantCreates: 1,
		},
		"own-request-failed-not-repeated": {
			script: []reply{
				progress("CreateResource", inProgress),
				progress("GetResourceRequestStatus", failed("new", "InvalidRequest")),
			},
			wantCreates:  1,
			wantErrToken: "new",
		},
		"own-request-cancelled-not-repeated": {
			script: []reply{
				progress("CreateResource", inProgress),
				progress("GetResourceRequestStatus",
					event{Token: "new", Op: "CREATE", Status: "CANCEL_COMPLETE"}),
			},
			wantCreates:  1,
			wantErrToken: "new",
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, s, _ := newClient(t, tc.script...)
			in := cloudcontrol.CreateInput{TypeName: roleType, DesiredState: roleDesired(),
				ClientToken: tc.clientToken}

			res, err := c.Create(context.Background(), in)

			tokens := createTokens(s)
			if len(tokens) != tc.wantCreates {
				t.Fatalf("CreateResource calls = %d, want %d", len(tokens), tc.wantCreates)
			}
			first := tc.clientToken
			if first == "" {
				first = cloudcontrol.ClientToken(roleType, roleDesired(), "")
			}
			if tokens[0] != first {
				t.Errorf("first ClientToken = %q, want %q", tokens[0], first)
			}
			for _, token := range tokens[1:] {
				if token == first || len(token) != 36 {
					t.Errorf("later ClientToken = %q, want a fresh UUID", token)
				}
			}
			if tc.wantErrToken == "" {
				if err != nil {
					t.Fatalf("Create: %v", err)
				}
				if res.Identifier != "analyst" {
					t.Errorf("Identifier = %q, want analyst", res.Identifier)
				}

				return
			}
			var opErr *cloudcontrol.OperationError
			if !errors.As(err, &opErr) {
				t.Fatalf("error = %v, want *OperationError", err)
			}
			if diff := cmp.Diff(tc.wantErrToken, opErr.Event.RequestToken); diff != "" {
				t.Errorf("request token (-want +got):\n%s", diff)
			}
			if tc.wantErrIs != nil && !errors.Is(err, tc.wantErrIs) {
				t.Errorf("errors.Is(%v, %v) = false", err, tc.wantErrIs)
			}
		})
	}
}

// createTokens returns the ClientToken of every CreateResource call.
func createTokens(s *stub) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var tokens []string
	for i, op := range s.calls {
		if op == "CreateResource" {
			token, _ := s.bodies[i]["ClientToken"].(string)
			tokens = append(tokens, token)
		}
	}

	return tokens
}
