package localcloud

// deleteResource implements DeleteResource. A missing resource is not a
// synchronous error: the request is accepted and ends FAILED with NotFound,
// as the delete handler contract requires.
func (c *Cloud) deleteResource(call *apiCall, body []byte) (any, error) {
	var in resourceInput
	if err := decodeInput(body, &in); err != nil {
		return nil, err
	}
	v := &inputCheck{}
	in.check(v)
	v.required("identifier", in.Identifier)
	v.text("identifier", in.Identifier, 1, 1024, nil, false)
	if err := v.err(); err != nil {
		return nil, err
	}
	call.typeName = *in.TypeName
	t, err := lookupType(*in.TypeName)
	if err != nil {
		return nil, err
	}
	id, err := canonicalIdentifier(t, *in.Identifier)
	if err != nil {
		return nil, err
	}
	fp := fingerprint(in.TypeName, in.Identifier, in.RoleArn, in.TypeVersionId)
	c.settle()
	c.mu.Lock()
	defer c.mu.Unlock()
	if prior, err := c.replayLocked(call, in.ClientToken, fp); prior != nil || err != nil {
		if err != nil {
			return nil, err
		}

		return c.respond(call, prior), nil
	}
	h := handlers[t.Name]
	r, o := c.newRequest(call, t, opDelete, in.ClientToken, fp, h.deleteTime)
	r.Identifier, r.Key = id, o.key(t, id)
	res := c.st.resources[r.Key]
	if res == nil {
		c.fail(r, notFound(t.Name, id))
		if err := c.acceptLocked(r, nil); err != nil {
			return nil, err
		}

		return c.respond(call, r), nil
	}
	if res.Busy != "" {
		return nil, concurrentOperation(t, id, res.Busy)
	}
	busy := *res
	busy.Busy = r.Token
	ch, herr := h.remove(o, res)
	if herr != nil {
		c.fail(r, herr)
	} else {
		r.Removes, r.Summary = ch.removes, ch.summary
		if ch.interim != nil {
			r.Revert = res.Model
			busy.setModel(t, ch.interim)
		}
	}
	r.Model = busy.readJSON
	if err := c.acceptLocked(r, &busy); err != nil {
		return nil, err
	}

	return c.respond(call, r), nil
}
