package localcloud

type requestTokenInput struct {
	RequestToken *string
}

func (in *requestTokenInput) check() error {
	v := &inputCheck{}
	v.required("requestToken", in.RequestToken)
	v.text("requestToken", in.RequestToken, 1, 128, requestTokenPattern, false)

	return v.err()
}

// getResourceRequestStatus implements GetResourceRequestStatus. Due
// operations finish before the status is read.
func (c *Cloud) getResourceRequestStatus(call *apiCall, body []byte) (any, error) {
	var in requestTokenInput
	if err := decodeInput(body, &in); err != nil {
		return nil, err
	}
	if err := in.check(); err != nil {
		return nil, err
	}
	call.token = *in.RequestToken
	c.settle()
	c.mu.RLock()
	defer c.mu.RUnlock()
	r, err := c.requestLocked(call, *in.RequestToken)
	if err != nil {
		return nil, err
	}
	call.typeName = r.TypeName

	return c.respond(call, r), nil
}

// requestLocked returns the caller's request with token.
func (c *Cloud) requestLocked(call *apiCall, token string) (*request, error) {
	r := c.st.requests[token]
	if r == nil || r.Account != call.account || r.Region != call.region {
		return nil, apiErrorf("RequestTokenNotFoundException", "Request with token %s was not found.", token)
	}

	return r, nil
}
