package localcloud

import (
	"github.com/smus-dev/smus/internal/awstype"
)

// createResource implements CreateResource: it validates the desired state,
// runs the type's create handler and returns the first ProgressEvent.
func (c *Cloud) createResource(call *apiCall, body []byte) (any, error) {
	var in resourceInput
	if err := decodeInput(body, &in); err != nil {
		return nil, err
	}
	v := &inputCheck{}
	in.check(v)
	v.required("desiredState", in.DesiredState)
	v.text("desiredState", in.DesiredState, 1, 65536, nil, true)
	if err := v.err(); err != nil {
		return nil, err
	}
	call.typeName = *in.TypeName
	t, err := lookupType(*in.TypeName)
	if err != nil {
		return nil, err
	}
	desired, err := parseModel("DesiredState", *in.DesiredState)
	if err != nil {
		return nil, err
	}
	// Read-only values are the service's to set, so any sent are dropped.
	desired = t.StripReadOnly(desired)
	if err := t.Validate(desired); err != nil {
		return nil, modelValidationError(err)
	}
	fp := fingerprint(in.TypeName, in.DesiredState, in.RoleArn, in.TypeVersionId)
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
	r, o := c.newRequest(call, t, opCreate, in.ClientToken, fp, h.createTime)
	ch, herr := h.create(o, desired)
	res, err := c.planCreateLocked(r, o, ch, herr)
	if err != nil {
		return nil, err
	}
	if err := c.acceptLocked(r, res); err != nil {
		return nil, err
	}

	return c.respond(call, r), nil
}

// planCreateLocked fills r from the handler's outcome and returns the
// resource to show while the create runs, or nil when it will fail.
func (c *Cloud) planCreateLocked(r *request, o *operation, ch *change, herr *handlerError) (*resource, error) {
	if herr != nil {
		c.fail(r, herr)

		return nil, nil
	}
	r.Identifier = ch.identifier
	r.Key = o.key(o.typ, ch.identifier)
	if existing := c.st.resources[r.Key]; existing != nil {
		if existing.Busy != "" {
			return nil, concurrentOperation(o.typ, ch.identifier, existing.Busy)
		}
		c.fail(r, alreadyExists(o.typ.Name, ch.identifier))

		return nil, nil
	}
	r.Final, r.Hidden, r.Summary = ch.final, ch.hidden, ch.summary
	interim := ch.interim
	if interim == nil {
		interim = ch.final
	}
	res := &resource{Key: r.Key, Hidden: ch.hidden, Busy: r.Token}
	res.setModel(o.typ, interim)
	r.Model = res.readJSON

	return res, nil
}

func concurrentOperation(t *awstype.Type, id, token string) error {
	return apiErrorf("ConcurrentOperationException",
		"Another Cloud Control operation (request token %s) is in progress on resource of type '%s' "+
			"with identifier '%s'; retry when it has finished.", token, t.Name, id)
}
