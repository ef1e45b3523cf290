package drift

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// outcome is the result of checking one managed resource.
type outcome struct {
	finding *Finding
	err     *Error
	exists  bool
}

// compareManaged reads every declared resource and adds its findings and
// errors to report. It returns the addresses of the resources that exist.
func (r *runner) compareManaged(ctx context.Context, declared []declaredResource, report *Report) map[string]bool {
	results := make([]outcome, len(declared))
	r.forEach("check managed resources", len(declared), func(i int) {
		results[i] = r.check(ctx, declared[i])
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

// check reads one declared resource and compares it with its live model.
func (r *runner) check(ctx context.Context, d declaredResource) outcome {
	counter := &callCounter{}
	r.requests.Add(1)
	res, err := r.opts.Client.Get(withCounters(ctx, counter), d.typ.Name, d.identifier)
	r.recordCalls(counter)
	base := Finding{Address: d.address, TypeName: d.typ.Name, Identifier: d.identifier}
	switch {
	case errors.Is(err, cloudcontrol.ErrNotFound):
		base.Kind = KindDeleted

		return outcome{finding: &base}
	case err != nil:
		return outcome{err: &Error{Address: d.address, Message: fmt.Sprintf("read the live resource: %v", err)}}
	case d.typ.IsDeleted(res.Properties):
		base.Kind = KindDeleted

		return outcome{finding: &base}
	}
	diffs := Compare(d.typ, d.model, res.Properties)
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

// listing is one List call that looks for unmanaged resources.
type listing struct {
	domain    declaredResource
	typ       *awstype.Type
	model     map[string]any
	scope     string
	resources []cloudcontrol.Resource
	err       error
}

// findUnmanaged lists the blueprint configurations, project profiles and
// projects of every managed domain that exists, then the memberships of
// every live project in them, and reports those no state address owns.
//
// NOTE: a project execution role is compared only when the same state
// manages it as smus_iam_role. A role passed in by ARN from another stack
// has no declared model here, so changes to its policies are not found.
func (r *runner) findUnmanaged(ctx context.Context, declared []declaredResource, exists map[string]bool,
	report *Report,
) {
	owners := map[string]string{}
	var domains []declaredResource
	for _, d := range declared {
		owners[d.typ.Name+" "+d.identifier] = d.address
		if d.typ == awstype.Domain && exists[d.address] {
			domains = append(domains, d)
		}
	}
	report.Summary.Domains = len(domains)

	var first []*listing
	for _, dom := range domains {
		for _, t := range []*awstype.Type{awstype.EnvironmentBlueprintConfiguration, awstype.ProjectProfile,
			awstype.Project} {
			first = append(first, &listing{domain: dom, typ: t, scope: dom.address,
				model: map[string]any{"DomainIdentifier": dom.identifier}})
		}
	}
	r.list(ctx, "list resources in managed domains", first)

	var memberships []*listing
	for _, l := range first {
		if l.typ != awstype.Project {
			continue
		}
		for _, p := range l.resources {
			projectID, _ := p.Properties["Id"].(string)
			scope := l.domain.address
			if owner, ok := owners[awstype.Project.Name+" "+p.Identifier]; ok {
				scope = owner
			}
			memberships = append(memberships, &listing{domain: l.domain, typ: awstype.ProjectMembership, scope: scope,
				model: map[string]any{"DomainIdentifier": l.domain.identifier, "ProjectIdentifier": projectID}})
		}
	}
	r.list(ctx, "list project memberships", memberships)

	for _, l := range append(first, memberships...) {
		r.reportListing(l, owners, report)
	}
}

// list runs the listings concurrently and keeps only the resources inside
// each listing's domain, because some types list without a domain scope.
func (r *runner) list(ctx context.Context, phase string, listings []*listing) {
	r.forEach(phase, len(listings), func(i int) {
		l := listings[i]
		r.requests.Add(1)
		all, err := r.opts.Client.List(ctx, l.typ.Name, l.model)
		if err != nil {
			l.err = err

			return
		}
		for _, res := range all {
			if inDomain(res.Properties, l.domain.identifier) {
				l.resources = append(l.resources, res)
			}
		}
	})
}

func (r *runner) reportListing(l *listing, owners map[string]string, report *Report) {
	if l.err != nil {
		report.Errors = append(report.Errors, Error{Address: l.scope,
			Message: fmt.Sprintf("list %s in domain %s to find unmanaged resources: %v", l.typ.Name,
				l.domain.identifier, l.err)})

		return
	}
	for _, res := range l.resources {
		if _, ok := owners[l.typ.Name+" "+res.Identifier]; ok || l.typ.IsDeleted(res.Properties) {
			continue
		}
		report.Findings = append(report.Findings, Finding{TypeName: l.typ.Name, Identifier: res.Identifier,
			Kind: KindUnmanaged, Scope: l.scope})
	}
}

// inDomain reports whether a read model belongs to domain. Models that
// name no domain are kept, because their list was scoped by it.
func inDomain(props map[string]any, domain string) bool {
	for _, name := range []string{"DomainId", "DomainIdentifier"} {
		if v, ok := props[name].(string); ok {
			return v == domain
		}
	}

	return true
}

// forEach calls fn for 0 to n-1 with at most limit calls running at once.
func forEach(limit, n int, fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(limit, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
