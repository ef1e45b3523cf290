package localcloud

import (
	"encoding/base64"
	"slices"
	"strconv"
	"strings"
)

const (
	defaultRequestPageSize = 20
	maxRequestPageSize     = 100
)

var (
	operationValues       = []string{opCreate, opDelete, opUpdate}
	operationStatusValues = []string{statusPending, statusInProgress, statusSuccess, statusFailed,
		statusCancelInProgress, statusCancelComplete}
)

type listResourceRequestsInput struct {
	MaxResults                  *int
	NextToken                   *string
	ResourceRequestStatusFilter *struct {
		Operations        []string
		OperationStatuses []string
	}
}

type listResourceRequestsOutput struct {
	ResourceRequestStatusSummaries []progressEvent
	NextToken                      string `json:",omitempty"`
}

// listResourceRequests implements ListResourceRequests: the caller's
// requests of the last 7 days, newest first. Values within a filter list
// are OR-ed and the two lists are AND-ed.
func (c *Cloud) listResourceRequests(call *apiCall, body []byte) (any, error) {
	var in listResourceRequestsInput
	if err := decodeInput(body, &in); err != nil {
		return nil, err
	}
	v := &inputCheck{}
	v.intRange("maxResults", in.MaxResults, 1, maxRequestPageSize)
	v.text("nextToken", in.NextToken, 1, 2048, clientTokenPattern, false)
	var ops, statuses []string
	if f := in.ResourceRequestStatusFilter; f != nil {
		ops, statuses = f.Operations, f.OperationStatuses
		checkEnum(v, "resourceRequestStatusFilter.operations", ops, operationValues)
		checkEnum(v, "resourceRequestStatusFilter.operationStatuses", statuses, operationStatusValues)
	}
	if err := v.err(); err != nil {
		return nil, err
	}
	cursor, err := parseRequestCursor(in.NextToken)
	if err != nil {
		return nil, err
	}
	size := defaultRequestPageSize
	if in.MaxResults != nil {
		size = *in.MaxResults
	}
	c.settle()
	c.mu.RLock()
	defer c.mu.RUnlock()
	var matched []*request
	for _, r := range c.st.requests {
		if r.Account != call.account || r.Region != call.region || !cursor.before(r) {
			continue
		}
		if (len(ops) == 0 || slices.Contains(ops, r.Operation)) &&
			(len(statuses) == 0 || slices.Contains(statuses, r.status(call.now))) {
			matched = append(matched, r)
		}
	}
	slices.SortFunc(matched, compareNewestFirst)
	out := listResourceRequestsOutput{ResourceRequestStatusSummaries: []progressEvent{}}
	if len(matched) > size {
		matched = matched[:size]
		last := matched[size-1]
		out.NextToken = base64.StdEncoding.EncodeToString(
			[]byte(strconv.FormatInt(last.EventTime.UnixNano(), 10) + "|" + last.Token))
	}
	for _, r := range matched {
		out.ResourceRequestStatusSummaries = append(out.ResourceRequestStatusSummaries, r.event(call.now))
	}

	return out, nil
}

func compareNewestFirst(a, b *request) int {
	if c := b.EventTime.Compare(a.EventTime); c != 0 {
		return c
	}

	return strings.Compare(a.Token, b.Token)
}

func checkEnum(v *inputCheck, member string, values, allowed []string) {
	for _, s := range values {
		if !slices.Contains(allowed, s) {
			v.add("Value '[%s]' at '%s' failed to satisfy constraint: Member must satisfy constraint: "+
				"[Member must satisfy enum value set: [%s]]", s, member, strings.Join(allowed, ", "))
		}
	}
}

// requestCursor is the position after the last request of a page.
type requestCursor struct {
	set   bool
	nanos int64
	token string
}

func parseRequestCursor(token *string) (requestCursor, error) {
	if token == nil {
		return requestCursor{}, nil
	}
	invalid := apiErrorf("ValidationException", "NextToken %q is not a token that ListResourceRequests returned.", *token)
	b, err := base64.StdEncoding.DecodeString(*token)
	if err != nil {
		return requestCursor{}, invalid
	}
	nanos, last, ok := strings.Cut(string(b), "|")
	n, err := strconv.ParseInt(nanos, 10, 64)
	if !ok || err != nil {
		return requestCursor{}, invalid
	}

	return requestCursor{set: true, nanos: n, token: last}, nil
}

// before reports whether r sorts after the cursor in newest-first order.
func (p requestCursor) before(r *request) bool {
	if !p.set {
		return true
	}
	n := r.EventTime.UnixNano()

	return n < p.nanos || n == p.nanos && r.Token > p.token
}
