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

func TestWaitHonoursRetryAfter(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		after time.Duration
		want  time.Duration
	}{
		"used-as-given":          {after: 7 * time.Second, want: 7 * time.Second},
		"capped-by-max-delay":    {after: 10 * time.Minute, want: 30 * time.Second},
		"below-min-delay":        {after: 300 * time.Millisecond, want: 300 * time.Millisecond},
		"raised-to-floor":        {after: 10 * time.Millisecond, want: 100 * time.Millisecond},
		"past-falls-back-to-min": {after: -time.Minute, want: time.Second},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t)
			clock := newFakeClock()
			c := cloudcontrol.New(sdkClient(s), testOptions(clock))
			retryAfter := clock.Now().Add(tc.after).Truncate(time.Millisecond)
			s.script = []reply{
				progress("GetResourceRequestStatus", event{Token: "w", Op: "CREATE", Status: "IN_PROGRESS", RetryAfter: retryAfter}),
				progress("GetResourceRequestStatus", event{Token: "w", Op: "CREATE", Status: "SUCCESS"}),
			}

			if _, err := c.Wait(context.Background(), "w"); err != nil {
				t.Fatalf("Wait: %v", err)
			}

			got := clock.slept()
			if len(got) != 1 {
				t.Fatalf("sleeps = %v, want one", got)
			}
			if diff := got[0] - tc.want; diff < -time.Millisecond || diff > time.Millisecond {
				t.Errorf("sleep = %v, want %v", got[0], tc.want)
			}
		})
	}
}

func TestWaitBackoffCapAndJitter(t *testing.T) {
	t.Parallel()
	const polls = 8
	script := func() []reply {
		var r []reply
		for range polls {
			r = append(r, progress("GetResourceRequestStatus", event{Token: "w", Op: "UPDATE", Status: "IN_PROGRESS"}))
		}

		return append(r, progress("GetResourceRequestStatus", event{Token: "w", Op: "UPDATE", Status: "SUCCESS"}))
	}
	t.Run("upper-bound-doubles-to-cap", func(t *testing.T) {
		t.Parallel()
		s := newStub(t, script()...)
		clock := newFakeClock()
		opts := testOptions(clock)
		opts.Waiter = cloudcontrol.WaiterOptions{MinDelay: time.Second, MaxDelay: 10 * time.Second, Jitter: maxJitter}
		c := cloudcontrol.New(sdkClient(s), opts)

		if _, err := c.Wait(context.Background(), "w"); err != nil {
			t.Fatalf("Wait: %v", err)
		}

		sec := time.Second
		want := []time.Duration{1 * sec, 2 * sec, 4 * sec, 8 * sec, 10 * sec, 10 * sec, 10 * sec, 10 * sec}
		if diff := cmp.Diff(want, clock.slept()); diff != "" {
			t.Errorf("sleeps (-want +got):\n%s", diff)
		}
	})
	t.Run("random-jitter-within-bounds", func(t *testing.T) {
		t.Parallel()
		s := newStub(t, script()...)
		clock := newFakeClock()
		opts := testOptions(clock)
		opts.Waiter = cloudcontrol.WaiterOptions{MinDelay: time.Second, MaxDelay: 10 * time.Second}
		c := cloudcontrol.New(sdkClient(s), opts)

		if _, err := c.Wait(context.Background(), "w"); err != nil {
			t.Fatalf("Wait: %v", err)
		}

		for i, d := range clock.slept() {
			ceiling := min(time.Second<<i, 10*time.Second)
			if d < time.Second || d > ceiling {
				t.Errorf("sleep %d = %v, want within [1s, %v]", i, d, ceiling)
			}
		}
	})
}

func TestWaitCancelledNamesToken(t *testing.T) {
	t.Parallel()
	s := newStub(t, progress("GetResourceRequestStatus", event{Token: "w", Op: "CREATE", Status: "IN_PROGRESS"}))
	clock := newFakeClock()
	c := cloudcontrol.New(sdkClient(s), cloudcontrol.Options{Clock: cancellingClock{clock}})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	_, err := c.Wait(context.WithValue(ctx, cancelKey{}, cancel), "w")

	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
	if !strings.Contains(err.Error(), "request w") || !strings.Contains(err.Error(), "run again to resume") {
		t.Errorf("message %q does not name the request and the way to resume", err)
	}
}

type cancelKey struct{}

// cancellingClock cancels the context on the first sleep, like an
// interrupt during a wait.
type cancellingClock struct{ *fakeClock }

func (c cancellingClock) Sleep(ctx context.Context, d time.Duration) error {
	if cancel, ok := ctx.Value(cancelKey{}).(context.CancelFunc); ok {
		cancel()
	}

	return c.fakeClock.Sleep(ctx, d)
}

func TestJournalRecordedBeforeFirstPoll(t *testing.T) {
	t.Parallel()
	journal, err := cloudcontrol.NewFileJournal(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	poll := progress("GetResourceRequestStatus", event{Token: "j", Op: "DELETE", Status: "SUCCESS"})
	poll.check = func(t *testing.T, _ map[string]any) {
		pending, err := journal.Pending(context.Background())
		if err != nil || len(pending) != 1 || pending[0].RequestToken != "j" {
			t.Errorf("journal at first poll = %+v, %v; want the request j", pending, err)
		}
	}
	s := newStub(t, progress("DeleteResource", event{Token: "j", Op: "DELETE", Status: "IN_PROGRESS"}), poll)
	opts := testOptions(newFakeClock())
	opts.Journal = journal
	c := cloudcontrol.New(sdkClient(s), opts)

	if err := c.Delete(context.Background(), roleType, "analyst"); err != nil {
		t.Fatalf("Delete: %v", err)
	}

	pending, err := journal.Pending(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 0 {
		t.Errorf("journal after the request finished = %+v, want empty", pending)
	}
}
