package cloudcontrol

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"time"

	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Defaults of RetryOptions.
const (
	DefaultRetryMaxAttempts = 8
	DefaultRetryBaseDelay   = 500 * time.Millisecond
	DefaultRetryMaxDelay    = 20 * time.Second
)

// RetryOptions sets how an API call that failed with a throttling or
// transient error is retried. The zero value selects every default.
type RetryOptions struct {
	// MaxAttempts is the number of attempts per call, the first included.
	// Zero or less selects DefaultRetryMaxAttempts; 1 turns retries off.
	MaxAttempts int
	// BaseDelay and MaxDelay bound the backoff: before retry n the client
	// sleeps a random time up to min(MaxDelay, BaseDelay*2^(n-1)).
	// Defaults: DefaultRetryBaseDelay and DefaultRetryMaxDelay.
	BaseDelay time.Duration
	MaxDelay  time.Duration
	// Jitter returns a duration in [0, max]. Nil selects a uniform random
	// duration (full jitter).
	Jitter func(max time.Duration) time.Duration
}

func (o RetryOptions) withDefaults() RetryOptions {
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = DefaultRetryMaxAttempts
	}
	if o.BaseDelay <= 0 {
		o.BaseDelay = DefaultRetryBaseDelay
	}
	if o.MaxDelay <= 0 {
		o.MaxDelay = DefaultRetryMaxDelay
	}
	if o.MaxDelay < o.BaseDelay {
		o.MaxDelay = o.BaseDelay
	}
	if o.Jitter == nil {
		o.Jitter = fullJitter
	}

	return o
}

// delay returns the backoff before retry number n, counted from 1.
func (o RetryOptions) delay(n int) time.Duration {
	return o.Jitter(exponential(o.BaseDelay, o.MaxDelay, n-1))
}

// exponential returns min(maxDelay, base*2^n) without overflowing.
func exponential(base, maxDelay time.Duration, n int) time.Duration {
	d := base
	for i := 0; i < n && d < maxDelay; i++ {
		d *= 2
	}

	return min(d, maxDelay)
}

func fullJitter(maxDelay time.Duration) time.Duration {
	if maxDelay <= 0 {
		return 0
	}

	return rand.N(maxDelay + 1)
}

// call describes one API call for retries, errors and logs.
type call struct {
	operation  string
	typeName   string
	identifier string
	token      string
	// mutating calls also retry ConcurrentOperationException and
	// ResourceConflictException: their client token makes a repeat safe.
	mutating bool
}

// do runs fn under the rate limiter and retries it while it fails with a
// retryable error, attempts remain and the context leaves time for the
// backoff. Errors with an API error code come back as *APIError.
func (c *Client) do(ctx context.Context, k call, fn func(context.Context) error) error {
	for attempt := 1; ; attempt++ {
		if err := c.waitForRate(ctx); err != nil {
			return fmt.Errorf("%s: %w", lowerFirst(k.operation), err)
		}
		err := fn(ctx)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil || !retryable(err, k.mutating) {
			return c.finalError(err, k)
		}
		if attempt >= c.opts.Retry.MaxAttempts {
			return fmt.Errorf("retries exhausted after %d attempts: %w", attempt, c.finalError(err, k))
		}
		delay := c.opts.Retry.delay(attempt)
		if deadline, ok := ctx.Deadline(); ok && c.now().Add(delay).After(deadline) {
			return fmt.Errorf("no time left for retry %d before the deadline: %w", attempt, c.finalError(err, k))
		}
		c.log(ctx, "retrying call", "operation", k.operation, "type", k.typeName, "identifier", k.identifier,
			"request_token", k.token, "attempt", attempt, "delay", delay, "error", errorCode(err))
		if err := c.opts.Clock.Sleep(ctx, delay); err != nil {
			return fmt.Errorf("%s interrupted while backing off: %w", lowerFirst(k.operation), err)
		}
	}
}

func (c *Client) finalError(err error, k call) error {
	return newAPIError(err, k.operation, k.typeName, k.identifier, k.token)
}

// retryableCodes are error codes worth another attempt on any call.
var retryableCodes = map[string]bool{
	"ThrottlingException":             true,
	"Throttling":                      true,
	"ThrottledException":              true,
	"TooManyRequestsException":        true,
	"RequestLimitExceeded":            true,
	"ServiceInternalErrorException":   true,
	"NetworkFailureException":         true,
	"HandlerInternalFailureException": true,
	"InternalFailure":                 true,
	"ServiceUnavailable":              true,
}

// mutatingRetryableCodes report a resource busy with another operation.
var mutatingRetryableCodes = map[string]bool{
	"ConcurrentOperationException": true,
	"ResourceConflictException":    true,
}

// retryable reports whether err is a throttling or transient failure.
func retryable(err error, mutating bool) bool {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		code := apiErr.ErrorCode()
		if retryableCodes[code] || (mutating && mutatingRetryableCodes[code]) {
			return true
		}
	}
	var respErr *smithyhttp.ResponseError
	if errors.As(err, &respErr) && (respErr.HTTPStatusCode() >= 500 || respErr.HTTPStatusCode() == 429) {
		return true
	}
	var sendErr *smithyhttp.RequestSendError
	if errors.As(err, &sendErr) {
		return true
	}
	var netErr net.Error
	if errors.As(err, &netErr) {
		return true
	}

	return errors.Is(err, io.ErrUnexpectedEOF)
}

// errorCode returns the API error code of err, or its text when it has none.
// Error texts of the SDK never contain request bodies.
func errorCode(err error) string {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr.ErrorCode()
	}

	return err.Error()
}
