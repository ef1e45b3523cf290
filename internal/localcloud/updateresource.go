package localcloud

// updateResource implements UpdateResource: it applies the RFC 6902 patch to
// the current model, checks the result as Cloud Control does, and runs the
// type's update handler.
func (c *Cloud) updateResource(call *apiCall, body []byte) (any, error) {
	var in resourceInput
	if err := decodeInput(body, &in); err != nil {
		return nil, err
	}
	v := &inputCheck{}
	in.check(v)
	v.required("identifier", in.Identifier)
	v.text("identifier", in.Identifier, 1, 1024, nil, false)
	v.required("patchDocument", in.PatchDocument)
	v.text("patchDocument", in.PatchDocument, 1, 65536, nil, true)
	if err := v.err(); err != nil {
		return nil, err
	}
	call.typeName = *in.TypeName
	t, err := lookupType(*in.TypeName)
	if err != nil {
		return nil, err
	}
	h := handlers[t.Name]
	if !t.Updatable || h.update == nil {
		return nil, apiErrorf("UnsupportedActionException", "Resource type %s does not support UPDATE action", t.Name)
	}
	id, err := canonicalIdentifier(t, *in.Identifier)
	if err != nil {
		return nil, err
	}
	ops, err := parsePatch(*in.PatchDocument)
	if err != nil {
		return nil, err
	}
	fp := fingerprint(in.TypeName, in.Identifier, in.PatchDocument, in.RoleArn, in.TypeVersionId)
	c.settle()
	c.mu.Lock()
	defer c.mu.Unlock()
	if prior, err := c.replayLocked(call, in.ClientToken, fp); prior != nil || err != nil {
		if err != nil {
			return nil, err
		}

		return c.respond(call, prior), nil
	}
	r, o := c.newRequest(call, t, opUpdate, in.ClientToken, fp, h.updateTime)
	r.Identifier, r.Key = id, o.key(t, id)
	res := c.st.resources[r.Key]
	if res == nil {
		return nil, resourceNotFound(call, t, id)
	}
	if res.Busy != "" {
		return nil, concurrentOperation(t, id, res.Busy)
	}
	base := c.patchBase(t, res)
	patched, err := applyPatch(base, ops)
	if err != nil {
		return nil, err
	}
	if err := checkPatch(t, ops, base, patched); err != nil {
		return nil, err
	}
	busy := *res
	ch, herr := h.update(o, res, patched)
	if herr != nil {
		c.fail(r, herr)
	} else {
		r.Final, r.Summary = ch.final, ch.summary
	}
	busy.Busy = r.Token
	r.Model = busy.readJSON
	if err := c.acceptLocked(r, &busy); err != nil {
		return nil, err
	}

	return c.respond(call, r), nil
}
