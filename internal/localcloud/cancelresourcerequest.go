package localcloud

// cancelResourceRequest implements CancelResourceRequest. Only PENDING and
// IN_PROGRESS requests can be cancelled; any other request returns its
// event unchanged. A PENDING request is undone. An IN_PROGRESS request has
// already reached the downstream service, so its change completes at once;
// Cloud Control never rolls back.
func (c *Cloud) cancelResourceRequest(call *apiCall, body []byte) (any, error) {
	var in requestTokenInput
	if err := decodeInput(body, &in); err != nil {
		return nil, err
	}
	if err := in.check(); err != nil {
		return nil, err
	}
	call.token = *in.RequestToken
	c.mu.Lock()
	defer c.mu.Unlock()
	c.finishDueLocked(call.now)
	r, err := c.requestLocked(call, *in.RequestToken)
	if err != nil {
		return nil, err
	}
	call.typeName = r.TypeName
	status := r.status(call.now)
	if status != statusPending && status != statusInProgress {
		return c.respond(call, r), nil
	}
	done := *r
	b := &batch{}
	var apply []func()
	if status == statusPending {
		apply = c.revertLocked(&done, b)
	} else {
		done.Summary += " (request cancelled while in progress)"
		apply = c.outcomeLocked(&done, b)
	}
	done.Status = statusCancelComplete
	done.CancelDueAt = call.now.Add(c.opts.scale(cancelTime))
	apply = append(apply, c.recordLocked(&done, b))
	if err := c.store.commit(b); err != nil {
		return nil, err
	}
	for _, f := range apply {
		f()
	}
	c.refreshNextDueLocked()

	return c.respond(call, &done), nil
}

// revertLocked undoes what accepting r changed: a create's resource goes
// away, and an update or delete releases its resource with the model it had.
func (c *Cloud) revertLocked(r *request, b *batch) []func() {
	if r.Operation == opCreate && r.Failure == nil {
		res := c.st.resources[r.Key]
		if res == nil || res.Busy != r.Token {
			return nil
		}
		b.removed = append(b.removed, r.Key)
		key := r.Key

		return []func(){func() { c.st.removeResource(key) }}
	}

	return c.releaseLocked(r, b, r.Revert)
}
