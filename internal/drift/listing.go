package drift

import (
	"context"
	"fmt"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// domainListedTypes are the types Run lists in every managed domain, to
// find unmanaged resources and to compare managed ones.
var domainListedTypes = []*awstype.Type{awstype.EnvironmentBlueprintConfiguration, awstype.ProjectProfile,
	awstype.Project}

// roleListMinimum is the number of managed IAM roles from which Run lists
// every role of the account once, in the hope that the listed models save
// one GetResource call per role. The listing costs one call per page of
// all the account's roles, and saves nothing where the list handler
// returns partial models.
//
// NOTE: 20 is an estimate, not a measured break-even point.
const roleListMinimum = 20

// listing is one ListResources request with all its pages.
type listing struct {
	typ   *awstype.Type
	model map[string]any
	// domain is the managed domain the listing is scoped to; it is zero
	// for a listing of the whole account.
	domain declaredResource
	// project is the Id of the project whose memberships are listed.
	project string
	// unmanaged makes the listing look for unmanaged resources, reported
	// inside the state address in scope.
	unmanaged bool
	scope     string
	resources []cloudcontrol.Resource
	err       error
}

// key returns the scope the listing covers.
func (l *listing) key() scope {
	return scope{typeName: l.typ.Name, domain: l.domain.identifier, project: l.project}
}

// listAll lists the blueprint configurations, project profiles and
// projects of every managed domain, then the memberships of every listed
// project, and every IAM role when the state manages at least
// roleListMinimum of them.
func (r *runner) listAll(ctx context.Context, declared []declaredResource) []*listing {
	var first []*listing
	roles := 0
	for _, d := range declared {
		switch d.typ {
		case awstype.Domain:
			for _, t := range domainListedTypes {
				first = append(first, &listing{typ: t, domain: d, unmanaged: true, scope: d.address,
					model: map[string]any{"DomainIdentifier": d.identifier}})
			}
		case awstype.Role:
			roles++
		}
	}
	phase := "list resources in managed domains"
	if roles >= roleListMinimum {
		first = append(first, &listing{typ: awstype.Role})
		phase = "list resources in managed domains and IAM roles"
	}
	r.list(ctx, phase, first)

	memberships := membershipListings(first, owners(declared))
	r.list(ctx, "list project memberships", memberships)

	return append(first, memberships...)
}

// owners maps resourceKey of every managed resource to its address.
func owners(declared []declaredResource) map[string]string {
	out := make(map[string]string, len(declared))
	for _, d := range declared {
		out[resourceKey(d.typ, d.identifier)] = d.address
	}

	return out
}

// membershipListings returns one membership listing per project that a
// project listing returned. A listed model without Id gets it from its
// identifier, because list handlers may return only identifiers.
func membershipListings(listings []*listing, owners map[string]string) []*listing {
	var out []*listing
	for _, l := range listings {
		if l.typ != awstype.Project || l.err != nil {
			continue
		}
		for _, p := range l.resources {
			projectID, _ := p.Properties["Id"].(string)
			if projectID == "" {
				parts, _ := awstype.Project.ParseIdentifier(p.Identifier)
				projectID = parts["Id"]
			}
			scope := l.domain.address
			if owner, ok := owners[resourceKey(awstype.Project, p.Identifier)]; ok {
				scope = owner
			}
			out = append(out, &listing{typ: awstype.ProjectMembership, domain: l.domain, project: projectID,
				unmanaged: true, scope: scope,
				model: map[string]any{"DomainIdentifier": l.domain.identifier, "ProjectIdentifier": projectID}})
		}
	}

	return out
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
			if l.domain.identifier == "" || inDomain(l.typ, res, l.domain.identifier) {
				l.resources = append(l.resources, res)
			}
		}
	})
}

// reportUnmanaged reports the listed resources that no state address owns,
// and the listings that failed, inside the managed domains that exist.
func (r *runner) reportUnmanaged(declared []declaredResource, exists map[string]bool, listings []*listing,
	report *Report,
) {
	for _, d := range declared {
		if d.typ == awstype.Domain && exists[d.address] {
			report.Summary.Domains++
		}
	}
	owned := owners(declared)
	for _, l := range listings {
		if l.unmanaged && exists[l.domain.address] {
			reportListing(l, owned, report)
		}
	}
}

func reportListing(l *listing, owners map[string]string, report *Report) {
	if l.err != nil {
		report.Errors = append(report.Errors, Error{Address: l.scope,
			Message: fmt.Sprintf("list %s in domain %s to find unmanaged resources: %v", l.typ.Name,
				l.domain.identifier, l.err)})

		return
	}
	for _, res := range l.resources {
		if _, ok := owners[resourceKey(l.typ, res.Identifier)]; ok || l.typ.IsDeleted(res.Properties) {
			continue
		}
		report.Findings = append(report.Findings, Finding{TypeName: l.typ.Name, Identifier: res.Identifier,
			Kind: KindUnmanaged, Scope: l.scope})
	}
}

// inDomain reports whether a listed resource belongs to domain, by the
// domain its model or else its identifier names. Resources that name no
// domain are kept, because their list was scoped by it.
func inDomain(t *awstype.Type, res cloudcontrol.Resource, domain string) bool {
	parts, _ := t.ParseIdentifier(res.Identifier)
	for _, name := range []string{"DomainId", "DomainIdentifier"} {
		if v, ok := res.Properties[name].(string); ok {
			return v == domain
		}
		if v, ok := parts[name]; ok {
			return v == domain
		}
	}

	return true
}
