package drift

import (
	"context"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/middleware"
)

// callCounter counts the HTTP requests sent on behalf of one resource or
// one run.
type callCounter struct {
	calls atomic.Int64
}

type counterKey struct{}

// withCounters returns ctx carrying counters; every call made with it is
// added to each of them.
func withCounters(ctx context.Context, counters ...*callCounter) context.Context {
	if parent, ok := ctx.Value(counterKey{}).([]*callCounter); ok {
		counters = append(append([]*callCounter{}, parent...), counters...)
	}

	return context.WithValue(ctx, counterKey{}, counters)
}

// CountCalls adds a middleware to cfg that counts every request the SDK
// clients built from cfg send, retries and list pages included, so that
// the report's Summary.Calls is exact. It changes only cfg.APIOptions.
func CountCalls(cfg *aws.Config) {
	cfg.APIOptions = append(cfg.APIOptions, func(stack *middleware.Stack) error {
		return stack.Initialize.Add(middleware.InitializeMiddlewareFunc("SmusDriftCallCount",
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
				middleware.InitializeOutput, middleware.Metadata, error,
			) {
				if counters, ok := ctx.Value(counterKey{}).([]*callCounter); ok {
					for _, c := range counters {
						c.calls.Add(1)
					}
				}

				return next.HandleInitialize(ctx, in)
			}), middleware.Before)
	})
}
