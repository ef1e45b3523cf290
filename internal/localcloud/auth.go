package localcloud

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"

	"golang.org/x/time/rate"
)

var accountIDPattern = regexp.MustCompile(`^\d{12}$`)

// apiCall is one authenticated AWS API call.
type apiCall struct {
	account   string
	region    string
	service   string
	caller    string
	requestID string
	now       time.Time

	// Filled by operations for the request log line.
	operation string
	typeName  string
	token     string
}

// callerARN is the identity every access key of an account acts as.
func callerARN(account string) string {
	return fmt.Sprintf("arn:aws:iam::%s:user/smus-local", account)
}

// authenticate reads the account and region from the SigV4 Authorization
// header: the access key id is the account id and the credential scope
// gives the region. Signatures are not verified.
func authenticate(r *http.Request, requestID string) (*apiCall, *APIError) {
	header := r.Header.Get("Authorization")
	if header == "" {
		return nil, apiErrorf("MissingAuthenticationTokenException", "Missing Authentication Token")
	}
	rest, ok := strings.CutPrefix(header, "AWS4-HMAC-SHA256 ")
	if !ok {
		return nil, apiErrorf("IncompleteSignatureException",
			"Authorization header must use the AWS4-HMAC-SHA256 algorithm (Signature Version 4).")
	}
	var credential string
	for part := range strings.SplitSeq(rest, ",") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(part), "Credential="); ok {
			credential = v
		}
	}
	scope := strings.Split(credential, "/")
	if len(scope) != 5 || scope[4] != "aws4_request" || scope[2] == "" {
		return nil, apiErrorf("IncompleteSignatureException",
			"Authorization header requires a 'Credential' parameter of the form "+
				"<access key id>/<date>/<region>/<service>/aws4_request.")
	}
	if !accountIDPattern.MatchString(scope[0]) {
		return nil, apiErrorf("UnrecognizedClientException", "The security token included in the request is invalid.")
	}

	return &apiCall{
		account:   scope[0],
		region:    scope[2],
		service:   scope[3],
		caller:    callerARN(scope[0]),
		requestID: requestID,
		now:       time.Now(),
	}, nil
}

// admit applies throttling and the configured latency to a call.
func (c *Cloud) admit(ctx context.Context, call *apiCall) *APIError {
	if !c.allow(call.account) {
		return apiErrorf("ThrottlingException", "Rate exceeded")
	}
	if c.opts.Latency > 0 {
		t := time.NewTimer(c.opts.Latency)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
			return apiErrorf("InternalFailure", "The request was cancelled by the client.")
		}
		call.now = time.Now()
	}

	return nil
}

// allow takes a token from the account's bucket; with throttling off it
// always succeeds.
func (c *Cloud) allow(account string) bool {
	rps := c.opts.ThrottleRPS
	if rps <= 0 {
		return true
	}
	v, ok := c.limiters.Load(account)
	if !ok {
		burst := max(1, int(rps+0.999))
		v, _ = c.limiters.LoadOrStore(account, rate.NewLimiter(rate.Limit(rps), burst))
	}

	return v.(*rate.Limiter).Allow()
}
