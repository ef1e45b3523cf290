package localcloud

import (
	"slices"
	"time"

	"github.com/smus-dev/smus/internal/awstype"
)

const (
	// requestRetention is how long finished requests stay listed: the
	// Cloud Control API expires them after 7 days.
	requestRetention = 7 * 24 * time.Hour
	// clientTokenLifetime is how long a ClientToken identifies its request.
	clientTokenLifetime = 36 * time.Hour
	// pruneInterval is how often expired requests are removed.
	pruneInterval = time.Hour
)

// loop finishes operations when they are due and prunes expired requests.
// Readers also finish due operations on access (settle), so the loop only
// bounds how late an unobserved change lands.
func (c *Cloud) loop() {
	defer close(c.done)
	prune := time.NewTicker(pruneInterval)
	defer prune.Stop()
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		c.settle()
		wait := time.Until(time.Unix(0, c.nextDue.Load()))
		timer.Reset(min(max(wait, time.Millisecond), time.Hour))
		select {
		case <-c.stop:
			return
		case <-c.wake:
		case <-timer.C:
		case <-prune.C:
			c.mu.Lock()
			c.pruneLocked(time.Now())
			c.mu.Unlock()
		}
	}
}

// settle finishes every operation that is due. It is cheap when none is.
func (c *Cloud) settle() {
	if time.Now().UnixNano() < c.nextDue.Load() {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.finishDueLocked(time.Now())
}

// finishDueLocked applies the outcome of every active request due at now in
// one commit. When the commit fails, nothing changes and the loop retries a
// second later.
func (c *Cloud) finishDueLocked(now time.Time) {
	var due []*request
	for _, r := range c.st.active {
		if !now.Before(r.DueAt) {
			due = append(due, r)
		}
	}
	if len(due) == 0 {
		c.refreshNextDueLocked()

		return
	}
	slices.SortFunc(due, func(a, b *request) int { return a.DueAt.Compare(b.DueAt) })
	b := &batch{}
	var apply []func()
	for _, r := range due {
		done := *r
		apply = append(apply, c.outcomeLocked(&done, b)...)
		if r.Failure != nil {
			done.Status = statusFailed
			done.ErrorCode, done.StatusMessage = r.Failure.Code, r.Failure.Message
		} else {
			done.Status = statusSuccess
		}
		apply = append(apply, c.recordLocked(&done, b))
	}
	if err := c.store.commit(b); err != nil {
		c.log.Error("finish due operations failed; retrying in 1s", "requests", len(due), "error", err)
		c.nextDue.Store(now.Add(time.Second).UnixNano())

		return
	}
	for _, f := range apply {
		f()
	}
	c.refreshNextDueLocked()
	for _, r := range due {
		done := c.st.requests[r.Token]
		c.log.Debug("operation finished", "operation", done.Operation, "type_name", done.TypeName,
			"identifier", done.Identifier, "request_token", done.Token, "status", done.Status)
	}
}

// outcomeLocked adds to b the resource changes of r (a copy that the caller
// turns terminal) and returns the memory updates to run after the commit.
// A failed request only releases its resource.
func (c *Cloud) outcomeLocked(r *request, b *batch) []func() {
	if r.Failure != nil {
		r.Model = nil

		return c.releaseLocked(r, b, r.Revert)
	}
	t := awstype.MustLookup(r.TypeName)
	var apply []func()
	switch r.Operation {
	case opCreate, opUpdate:
		res := &resource{Key: r.Key, Hidden: r.Hidden}
		if old := c.st.resources[r.Key]; old != nil && res.Hidden == nil {
			res.Hidden = old.Hidden
		}
		res.setModel(t, r.Final)
		r.Model = res.readJSON
		b.resources = append(b.resources, res)
		apply = append(apply, func() { c.st.putResource(res) })
	case opDelete:
		for _, k := range r.Removes {
			b.removed = append(b.removed, k)
			apply = append(apply, func() { c.st.removeResource(k) })
		}
		r.Model = nil
	}
	r.Final, r.Hidden, r.Revert = nil, nil, nil
	b.activity = append(b.activity, c.activityFor(r))

	return apply
}

// releaseLocked clears the busy mark that r holds, restoring model when it
// is not nil.
func (c *Cloud) releaseLocked(r *request, b *batch, model map[string]any) []func() {
	old := c.st.resources[r.Key]
	if old == nil || old.Busy != r.Token {
		return nil
	}
	res := *old
	res.Busy = ""
	if model != nil {
		res.setModel(awstype.MustLookup(r.TypeName), model)
	}
	b.resources = append(b.resources, &res)

	return []func(){func() { c.st.putResource(&res) }}
}

// recordLocked adds the request to b and returns the memory update.
func (c *Cloud) recordLocked(r *request, b *batch) func() {
	r.Final, r.Hidden, r.Revert, r.Removes = nil, nil, nil, nil
	b.requests = append(b.requests, r)

	return func() { c.st.putRequest(r) }
}

// pruneLocked drops finished requests older than requestRetention.
func (c *Cloud) pruneLocked(now time.Time) {
	b := &batch{}
	var expired []*request
	for _, r := range c.st.requests {
		if !r.active() && now.Sub(r.EventTime) > requestRetention {
			b.dropped = append(b.dropped, r.Token)
			expired = append(expired, r)
		}
	}
	if len(expired) == 0 {
		return
	}
	if err := c.store.commit(b); err != nil {
		c.log.Error("prune expired requests failed", "requests", len(expired), "error", err)

		return
	}
	for _, r := range expired {
		c.st.removeRequest(r)
	}
}
