package cloudcontrol

import (
	"context"
	"fmt"
)

// waitForRate takes one token from the client's rate limiter, sleeping on
// the injected clock until the token is available.
func (c *Client) waitForRate(ctx context.Context) error {
	now := c.now()
	r := c.limiter.ReserveN(now, 1)
	if !r.OK() {
		return fmt.Errorf("rate limiter rejected a request: burst %d is too small", c.opts.Burst)
	}
	delay := r.DelayFrom(now)
	if delay <= 0 {
		return nil
	}
	if err := c.opts.Clock.Sleep(ctx, delay); err != nil {
		r.CancelAt(c.now())

		return fmt.Errorf("wait for the client-side rate limit: %w", err)
	}

	return nil
}
