package cloudcontrol

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
)

// Defaults of WaiterOptions.
const (
	DefaultMinDelay = time.Second
	DefaultMaxDelay = 30 * time.Second
	// DefaultRetryAfterFloor is the shortest wait for a RetryAfter that the
	// service sends, so a hint a few milliseconds away does not make the
	// client spin.
	DefaultRetryAfterFloor = 100 * time.Millisecond
	// DefaultMaxWait is the default handler timeout of a resource type in
	// the CloudFormation provider schema (120 minutes).
	DefaultMaxWait = 2 * time.Hour
)

// WaiterOptions sets how a resource request is polled until it finishes.
// The zero value selects every default.
type WaiterOptions struct {
	// MinDelay is the shortest time between two polls when the service
	// sends no RetryAfter. Default DefaultMinDelay.
	MinDelay time.Duration
	// RetryAfterFloor is the shortest wait for a RetryAfter hint. Default
	// DefaultRetryAfterFloor.
	RetryAfterFloor time.Duration
	// MaxDelay caps the time between two polls. Default DefaultMaxDelay.
	MaxDelay time.Duration
	// MaxWait bounds a wait when the context has no deadline. Default
	// DefaultMaxWait.
	MaxWait time.Duration
	// IgnoreRetryAfter turns off the use of ProgressEvent.RetryAfter.
	IgnoreRetryAfter bool
	// Jitter returns a duration in [0, max]. Nil selects a uniform random
	// duration (full jitter).
	Jitter func(max time.Duration) time.Duration
}

func (o WaiterOptions) withDefaults() WaiterOptions {
	if o.MinDelay <= 0 {
		o.MinDelay = DefaultMinDelay
	}
	if o.MaxDelay <= 0 {
		o.MaxDelay = DefaultMaxDelay
	}
	if o.RetryAfterFloor <= 0 {
		o.RetryAfterFloor = min(DefaultRetryAfterFloor, o.MinDelay)
	}
	if o.MaxDelay < o.MinDelay {
		o.MaxDelay = o.MinDelay
	}
	if o.MaxWait <= 0 {
		o.MaxWait = DefaultMaxWait
	}
	if o.Jitter == nil {
		o.Jitter = fullJitter
	}

	return o
}

// delay returns the time to sleep before poll number attempt+1.
//
// A RetryAfter in the future is used as given, clamped to
// [RetryAfterFloor, MaxDelay], because the service sets when the next state
// change is due. Otherwise the delay is MinDelay plus a random part up to
// min(MaxDelay, MinDelay*2^attempt) - MinDelay, so polls without a hint
// never come faster than MinDelay and back off exponentially with full
// jitter.
func (o WaiterOptions) delay(ev ProgressEvent, attempt int, now time.Time) time.Duration {
	if !o.IgnoreRetryAfter && ev.RetryAfter.After(now) {
		return min(max(ev.RetryAfter.Sub(now), o.RetryAfterFloor), o.MaxDelay)
	}
	ceiling := exponential(o.MinDelay, o.MaxDelay, attempt)

	return o.MinDelay + o.Jitter(ceiling-o.MinDelay)
}

// Wait polls the resource request until it finishes and returns its final
// event. A request that ends FAILED or CANCEL_COMPLETE returns the event and
// an *OperationError; a deadline returns the last event and a
// *TimeoutError. Without a context deadline, Wait gives up after
// WaiterOptions.MaxWait.
func (c *Client) Wait(ctx context.Context, requestToken string) (*ProgressEvent, error) {
	first, err := c.status(ctx, requestToken)
	if err != nil {
		return nil, err
	}
	final, err := c.wait(ctx, first)

	return &final, err
}

// Resume waits on a request that an earlier run started, such as one found
// in the Journal, and removes it from the Journal once it has finished. A
// DELETE that failed with NotFound counts as success.
func (c *Client) Resume(ctx context.Context, requestToken string) (*ProgressEvent, error) {
	first, err := c.status(ctx, requestToken)
	if err != nil {
		return nil, err
	}
	c.log(ctx, "resuming resource request", "request_token", requestToken, "type", first.TypeName,
		"operation", first.Operation, "status", first.OperationStatus)
	final, err := c.track(ctx, first)
	if err != nil && final.Operation == OperationDelete && errors.Is(err, ErrNotFound) {
		err = nil
	}

	return &final, err
}

// Cancel sends CancelResourceRequest for a PENDING or IN_PROGRESS request and
// returns the event in the response. Work already done is not undone.
func (c *Client) Cancel(ctx context.Context, requestToken string) (*ProgressEvent, error) {
	var out *cloudcontrol.CancelResourceRequestOutput
	err := c.do(ctx, call{operation: "CancelResourceRequest", token: requestToken},
		func(ctx context.Context) error {
			var err error
			out, err = c.api.CancelResourceRequest(ctx,
				&cloudcontrol.CancelResourceRequestInput{RequestToken: aws.String(requestToken)})

			return err
		})
	if err != nil {
		return nil, err
	}
	ev := eventFromSDK(out.ProgressEvent)
	c.log(ctx, "cancelled resource request", "request_token", requestToken, "status", ev.OperationStatus)

	return &ev, nil
}

// track records a just-started request in the journal, waits for it and
// removes it from the journal once it has finished.
func (c *Client) track(ctx context.Context, first ProgressEvent) (ProgressEvent, error) {
	if c.opts.Journal != nil && !first.Terminal() {
		if err := c.opts.Journal.Record(ctx, first); err != nil {
			// The request runs in AWS whether or not it is recorded, so
			// waiting on it is still the best outcome.
			c.log(ctx, "journal record failed", "request_token", first.RequestToken, "error", err)
		}
	}
	final, err := c.wait(ctx, first)
	if c.opts.Journal != nil && final.Terminal() {
		if ferr := c.opts.Journal.Forget(ctx, final.RequestToken); ferr != nil {
			c.log(ctx, "journal forget failed", "request_token", final.RequestToken, "error", ferr)
		}
	}

	return final, err
}

// wait polls from the event ev until the request finishes.
func (c *Client) wait(ctx context.Context, ev ProgressEvent) (ProgressEvent, error) {
	o := c.opts.Waiter
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = c.now().Add(o.MaxWait)
	}
	for attempt := 0; !ev.Terminal(); attempt++ {
		now := c.now()
		remaining := deadline.Sub(now)
		// Keep MinDelay for the last poll, so no poll runs into the deadline.
		if remaining <= o.MinDelay {
			return ev, timeoutError(ev)
		}
		delay := min(o.delay(ev, attempt, now), remaining-o.MinDelay)
		c.log(ctx, "waiting for resource request", "request_token", ev.RequestToken, "type", ev.TypeName,
			"operation", ev.Operation, "status", ev.OperationStatus, "attempt", attempt+1, "delay", delay)
		if err := c.opts.Clock.Sleep(ctx, delay); err != nil {
			return ev, interrupted(ev, err)
		}
		next, err := c.status(ctx, ev.RequestToken)
		if err != nil {
			if ctx.Err() != nil {
				return ev, interrupted(ev, ctx.Err())
			}

			return ev, fmt.Errorf("poll %s %s request %s (last status %s); run again to resume: %w",
				lowerOp(ev.Operation), ev.TypeName, ev.RequestToken, ev.OperationStatus, err)
		}
		ev = merge(ev, next)
	}
	c.log(ctx, "resource request finished", "request_token", ev.RequestToken, "type", ev.TypeName,
		"identifier", ev.Identifier, "operation", ev.Operation, "status", ev.OperationStatus,
		"error_code", ev.ErrorCode)
	if ev.OperationStatus != StatusSuccess {
		return ev, &OperationError{Event: ev}
	}

	return ev, nil
}

// status calls GetResourceRequestStatus.
func (c *Client) status(ctx context.Context, token string) (ProgressEvent, error) {
	var out *cloudcontrol.GetResourceRequestStatusOutput
	err := c.do(ctx, call{operation: "GetResourceRequestStatus", token: token}, func(ctx context.Context) error {
		var err error
		out, err = c.api.GetResourceRequestStatus(ctx,
			&cloudcontrol.GetResourceRequestStatusInput{RequestToken: aws.String(token)})

		return err
	})
	if err != nil {
		return ProgressEvent{}, err
	}
	ev := eventFromSDK(out.ProgressEvent)
	if ev.RequestToken == "" {
		ev.RequestToken = token
	}

	return ev, nil
}

// merge keeps the names an earlier event reported when a later one omits
// them.
func merge(prev, next ProgressEvent) ProgressEvent {
	if next.TypeName == "" {
		next.TypeName = prev.TypeName
	}
	if next.Identifier == "" {
		next.Identifier = prev.Identifier
	}
	if next.Operation == "" {
		next.Operation = prev.Operation
	}
	if next.RequestToken == "" {
		next.RequestToken = prev.RequestToken
	}

	return next
}

func timeoutError(ev ProgressEvent) *TimeoutError {
	return &TimeoutError{
		RequestToken: ev.RequestToken,
		TypeName:     ev.TypeName,
		Identifier:   ev.Identifier,
		Operation:    ev.Operation,
		LastStatus:   ev.OperationStatus,
	}
}

// interrupted turns a context error during a wait into a *TimeoutError for
// a deadline, or an error that names the request for a cancellation.
func interrupted(ev ProgressEvent, err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return timeoutError(ev)
	}

	return fmt.Errorf("stopped waiting for %s %s request %s (last status %s); run again to resume: %w",
		lowerOp(ev.Operation), ev.TypeName, ev.RequestToken, ev.OperationStatus, err)
}

func lowerOp(op string) string {
	if op == "" {
		return "resource"
	}

	return strings.ToLower(op)
}
