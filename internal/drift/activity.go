package drift

import (
	"context"
	"strings"
	"time"
)

// Change is one entry of an account's activity log: who changed which
// resource, when, and how.
type Change struct {
	Time       time.Time
	Actor      string
	Action     string
	TypeName   string
	Identifier string
}

// ActivityLog returns the changes made in an account, oldest first. The
// local cloud keeps such a log; real AWS accounts have CloudTrail instead,
// which Run does not read.
type ActivityLog interface {
	Changes(ctx context.Context, account string) ([]Change, error)
}

// attribution finds the latest change of a resource in an activity log.
type attribution struct {
	byResource map[string]Change
	byDomain   map[string]Change
}

func newAttribution(changes []Change) *attribution {
	a := &attribution{byResource: map[string]Change{}, byDomain: map[string]Change{}}
	for _, c := range changes {
		if prev, ok := a.byResource[c.TypeName+" "+c.Identifier]; !ok || !c.Time.Before(prev.Time) {
			a.byResource[c.TypeName+" "+c.Identifier] = c
		}
		domain, _, _ := strings.Cut(c.Identifier, "|")
		if prev, ok := a.byDomain[domain]; !ok || !c.Time.Before(prev.Time) {
			a.byDomain[domain] = c
		}
	}

	return a
}

// annotate sets who made the latest change of f and when: the latest entry
// for its type and identifier or, for an unmanaged resource without one,
// the latest entry inside its domain.
func (a *attribution) annotate(f *Finding) {
	if a == nil {
		return
	}
	c, ok := a.byResource[f.TypeName+" "+f.Identifier]
	if !ok && f.Kind == KindUnmanaged {
		domain, _, _ := strings.Cut(f.Identifier, "|")
		c, ok = a.byDomain[domain]
	}
	if !ok {
		return
	}
	at := c.Time.UTC()
	f.ChangedBy, f.ChangedAt, f.ChangeAction = c.Actor, &at, c.Action
}
