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

func TestRetryThrottlingThenSuccess(t *testing.T) {
	t.Parallel()
	c, s, clock := newClient(t,
		apiError("GetResource", 400, "ThrottlingException", "Rate exceeded"),
		apiError("GetResource", 429, "ThrottlingException", "Rate exceeded"),
		apiError("GetResource", 502, "ServiceInternalErrorException", "downstream 5xx"),
		resource("analyst", roleLive()),
	)

	if _, err := c.Get(context.Background(), roleType, "analyst"); err != nil {
		t.Fatalf("Get: %v", err)
	}

	want := []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second}
	if diff := cmp.Diff(want, clock.slept()); diff != "" {
		t.Errorf("sleeps (-want +got):\n%s", diff)
	}
	if got := len(s.callsOf()); got != 4 {
		t.Errorf("calls = %d, want 4", got)
	}
}

func TestRetriesExhausted(t *testing.T) {
	t.Parallel()
	s := newStub(t,
		apiError("GetResource", 503, "ServiceUnavailable", "try later"),
		apiError("GetResource", 503, "ServiceUnavailable", "try later"),
		apiError("GetResource", 503, "ServiceUnavailable", "try later"),
	)
	clock := newFakeClock()
	opts := testOptions(clock)
	opts.Retry.MaxAttempts = 3
	c := cloudcontrol.New(sdkClient(s), opts)

	_, err := c.Get(context.Background(), roleType, "analyst")

	var apiErr *cloudcontrol.APIError
	if !errors.As(err, &apiErr) || apiErr.Code != "ServiceUnavailable" {
		t.Fatalf("error = %v, want *APIError ServiceUnavailable", err)
	}
	if !strings.Contains(err.Error(), "3 attempts") {
		t.Errorf("message %q does not give the attempt count", err)
	}
	if diff := cmp.Diff([]time.Duration{500 * time.Millisecond, time.Second}, clock.slept()); diff != "" {
		t.Errorf("sleeps (-want +got):\n%s", diff)
	}
}

func TestRetryBackoffCap(t *testing.T) {
	t.Parallel()
	var script []reply
	for range 7 {
		script = append(script, apiError("GetResource", 400, "ThrottlingException", "Rate exceeded"))
	}
	script = append(script, resource("analyst", roleLive()))
	c, _, clock := newClient(t, script...)

	if _, err := c.Get(context.Background(), roleType, "analyst"); err != nil {
		t.Fatalf("Get: %v", err)
	}

	ms := time.Millisecond
	want := []time.Duration{500 * ms, 1000 * ms, 2000 * ms, 4000 * ms, 8000 * ms, 8000 * ms, 8000 * ms}
	if diff := cmp.Diff(want, clock.slept()); diff != "" {
		t.Errorf("sleeps (-want +got):\n%s", diff)
	}
}

func TestRetryJitterWithinBounds(t *testing.T) {
	t.Parallel()
	var script []reply
	for range 5 {
		script = append(script, apiError("GetResource", 400, "ThrottlingException", "Rate exceeded"))
	}
	script = append(script, resource("analyst", roleLive()))
	s := newStub(t, script...)
	clock := newFakeClock()
	opts := testOptions(clock)
	opts.Retry.Jitter = nil
	c := cloudcontrol.New(sdkClient(s), opts)

	if _, err := c.Get(context.Background(), roleType, "analyst"); err != nil {
		t.Fatalf("Get: %v", err)
	}

	for i, d := range clock.slept() {
		ceiling := min(500*time.Millisecond<<i, 8*time.Second)
		if d < 0 || d > ceiling {
			t.Errorf("sleep %d = %v, want within [0, %v]", i, d, ceiling)
		}
	}
}

func TestNoRetryForClientErrors(t *testing.T) {
	t.Parallel()
	testCases := map[string]reply{
		"invalid-request":                apiError("GetResource", 400, "InvalidRequestException", "bad"),
		"concurrent-operation-on-a-read": apiError("GetResource", 409, "ConcurrentOperationException", "busy"),
		"access-denied":                  apiError("GetResource", 400, "AccessDeniedException", "no"),
		"type-not-found":                 apiError("GetResource", 404, "TypeNotFoundException", "no such type"),
	}
	for name, r := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, s, clock := newClient(t, r)

			_, err := c.Get(context.Background(), roleType, "analyst")

			if err == nil {
				t.Fatal("Get returned no error")
			}
			if got := len(s.callsOf()); got != 1 {
				t.Errorf("calls = %d, want 1", got)
			}
			if got := clock.slept(); len(got) != 0 {
				t.Errorf("sleeps = %v, want none", got)
			}
		})
	}
}

func TestRetryStopsAtDeadline(t *testing.T) {
	t.Parallel()
	c, _, clock := newClient(t, apiError("GetResource", 400, "ThrottlingException", "Rate exceeded"))
	ctx, cancel := context.WithDeadline(context.Background(), clock.Now().Add(100*time.Millisecond))
	defer cancel()

	_, err := c.Get(ctx, roleType, "analyst")

	if err == nil || !strings.Contains(err.Error(), "deadline") {
		t.Fatalf("error = %v, want one about the deadline", err)
	}
}

func TestRateLimitSleepsOnClock(t *testing.T) {
	t.Parallel()
	s := newStub(t, resource("a", roleLive()), resource("a", roleLive()), resource("a", roleLive()))
	clock := newFakeClock()
	opts := testOptions(clock)
	opts.RequestRate = 2
	opts.Burst = 1
	c := cloudcontrol.New(sdkClient(s), opts)

	for range 3 {
		if _, err := c.Get(context.Background(), roleType, "a"); err != nil {
			t.Fatalf("Get: %v", err)
		}
	}

	want := []time.Duration{500 * time.Millisecond, 500 * time.Millisecond}
	if diff := cmp.Diff(want, clock.slept()); diff != "" {
		t.Errorf("sleeps (-want +got):\n%s", diff)
	}
}
