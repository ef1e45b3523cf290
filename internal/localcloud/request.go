package localcloud

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/smus-dev/smus/internal/awstype"
)

// newRequest starts a request of op on t that takes d of
// simulated time. The PENDING phase is a tenth of it, at most
// maxPendingTime.
func (c *Cloud) newRequest(call *apiCall, t *awstype.Type, op string, clientToken *string,
	fp string, d time.Duration,
) (*request, *operation) {
	r := &request{
		Token:       uuid.NewString(),
		Account:     call.account,
		Region:      call.region,
		Fingerprint: fp,
		Operation:   op,
		TypeName:    t.Name,
		Caller:      call.caller,
		EventTime:   call.now,
	}
	if clientToken != nil {
		r.ClientToken = *clientToken
	}
	c.schedule(r, d)
	o := &operation{c: c, typ: t, account: call.account, region: call.region, caller: call.caller,
		now: call.now, finish: r.DueAt}

	return r, o
}

// schedule sets the phase times of r for an operation of d simulated time.
func (c *Cloud) schedule(r *request, d time.Duration) {
	r.StartAt = r.EventTime.Add(c.opts.scale(min(d/10, maxPendingTime)))
	r.DueAt = r.EventTime.Add(c.opts.scale(d))
}

// fail makes r end FAILED with herr after failTime.
func (c *Cloud) fail(r *request, herr *handlerError) {
	r.Failure = herr
	c.schedule(r, failTime)
}

// acceptLocked commits a new request together with the resource state it
// shows while it runs, then publishes both.
func (c *Cloud) acceptLocked(r *request, res *resource) error {
	b := &batch{requests: []*request{r}}
	if res != nil {
		b.resources = append(b.resources, res)
	}
	if err := c.store.commit(b); err != nil {
		return fmt.Errorf("accept %s request for %s: %w", r.Operation, r.TypeName, err)
	}
	c.st.putRequest(r)
	if res != nil {
		c.st.putResource(res)
	}
	c.refreshNextDueLocked()
	c.poke()

	return nil
}

// eventOutput is the output of the operations that return a ProgressEvent.
type eventOutput struct {
	ProgressEvent progressEvent
}

func (c *Cloud) respond(call *apiCall, r *request) eventOutput {
	call.token = r.Token

	return eventOutput{ProgressEvent: r.event(call.now)}
}
