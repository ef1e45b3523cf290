package localcloud

import (
	"crypto/sha256"
	"encoding/hex"
)

// fingerprint identifies the content of a mutating request, so that a
// reused ClientToken can be distinguished from a retry.
func fingerprint(parts ...*string) string {
	h := sha256.New()
	for _, p := range parts {
		if p == nil {
			h.Write([]byte{0})

			continue
		}
		h.Write([]byte{1})
		h.Write([]byte(*p))
		h.Write([]byte{0})
	}

	return hex.EncodeToString(h.Sum(nil))
}

// replayLocked returns the earlier request that used clientToken in the
// caller's account and region within clientTokenLifetime, or nil. A token
// reused for a different request fails with ClientTokenConflictException.
func (c *Cloud) replayLocked(call *apiCall, clientToken *string, fp string) (*request, error) {
	if clientToken == nil {
		return nil, nil
	}
	r := c.st.tokens[clientTokenKey{call.account, call.region, *clientToken}]
	if r == nil || call.now.Sub(r.EventTime) > clientTokenLifetime {
		return nil, nil
	}
	if r.Fingerprint != fp {
		return nil, apiErrorf("ClientTokenConflictException",
			"The ClientToken %s was already used by request %s with different parameters; "+
				"use a new ClientToken for a new request.", *clientToken, r.Token)
	}

	return r, nil
}
