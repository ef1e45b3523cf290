package localcloud

// resourceDescription is the ResourceDescription wire shape: Properties is
// the read model as JSON text, without write-only values.
type resourceDescription struct {
	Identifier string
	Properties string
}

type getResourceOutput struct {
	TypeName            string
	ResourceDescription resourceDescription
}

// getResource implements GetResource from the in-memory read view, without
// a write transaction.
func (c *Cloud) getResource(call *apiCall, body []byte) (any, error) {
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
	c.settle()
	c.mu.RLock()
	res := c.st.resources[keyFor(call.account, call.region, t, id)]
	var props string
	if res != nil {
		props = string(res.readJSON)
	}
	c.mu.RUnlock()
	if res == nil {
		return nil, resourceNotFound(call, t, id)
	}

	return getResourceOutput{TypeName: t.Name, ResourceDescription: resourceDescription{Identifier: id, Properties: props}}, nil
}
