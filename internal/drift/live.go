package drift

import (
	"context"
	"errors"
	"fmt"

	"golang.org/x/sync/errgroup"

	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// outcome is the result of checking one managed resource.
type outcome struct {
	finding *Finding
	err     *Error
	exists  bool
}

// compareManaged checks every declared resource against its listed model
// or a GetResource read, and adds its findings and errors to report. It
// returns whether each address exists.
//
// NOTE: a project execution role is compared only when the same state
// manages it as smus_iam_role. A role passed in by ARN from another stack
// has no declared model here, so changes to its policies are not found.
func (r *runner) compareManaged(ctx context.Context, declared []declaredResource, index *listIndex,
	report *Report,
) map[string]bool {
	results := make([]outcome, len(declared))
	r.forEach("check managed resources", len(declared), func(i int) {
		results[i] = r.check(ctx, declared[i], index)
	})
	exists := make(map[string]bool, len(declared))
	for i, o := range results {
		exists[declared[i].address] = o.exists
		if o.finding != nil {
			report.Findings = append(report.Findings, *o.finding)
		}
		if o.err != nil {
			report.Errors = append(report.Errors, *o.err)
		}
	}

	return exists
}

// check compares one declared resource with its listed model when the
// listing covers it, and reads it with GetResource otherwise.
func (r *runner) check(ctx context.Context, d declaredResource, index *listIndex) outcome {
	base := Finding{Address: d.address, TypeName: d.typ.Name, Identifier: d.identifier}
	switch src, model := index.lookup(d); src {
	case missingFromList:
		r.fromLists.Add(1)
		base.Kind = KindDeleted

		return outcome{finding: &base}
	case fromList:
		r.fromLists.Add(1)

		return compareLive(d, base, model)
	}

	counter := &callCounter{}
	r.requests.Add(1)
	res, err := r.opts.Client.Get(withCounters(ctx, counter), d.typ.Name, d.identifier)
	r.recordCalls(counter)
	switch {
	case errors.Is(err, cloudcontrol.ErrNotFound):
		base.Kind = KindDeleted

		return outcome{finding: &base}
	case err != nil:
		return outcome{err: &Error{Address: d.address, Message: fmt.Sprintf("read the live resource: %v", err)}}
	}

	return compareLive(d, base, res.Properties)
}

// compareLive compares d with its live model.
func compareLive(d declaredResource, base Finding, live map[string]any) outcome {
	if d.typ.IsDeleted(live) {
		base.Kind = KindDeleted

		return outcome{finding: &base}
	}
	diffs := Compare(d.typ, d.model, live)
	if len(diffs) == 0 {
		return outcome{exists: true}
	}
	base.Kind, base.Properties = KindChanged, diffs

	return outcome{finding: &base, exists: true}
}

// recordCalls keeps the largest per-resource call count.
func (r *runner) recordCalls(c *callCounter) {
	n := max(c.calls.Load(), 1)
	for {
		cur := r.maxCalls.Load()
		if n <= cur || r.maxCalls.CompareAndSwap(cur, n) {
			return
		}
	}
}

// forEach calls fn for 0 to n-1 with at most limit calls running at once.
func forEach(limit, n int, fn func(i int)) {
	var g errgroup.Group
	g.SetLimit(limit)
	for i := range n {
		g.Go(func() error {
			fn(i)

			return nil
		})
	}
	_ = g.Wait() // fn returns no error
}
