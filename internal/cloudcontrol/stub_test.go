package cloudcontrol_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudcontrol"

	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// reply is one scripted HTTP exchange: the operation the request must call,
// an optional check of its decoded body, and the response to return.
type reply struct {
	op     string
	check  func(t *testing.T, body map[string]any)
	status int
	body   string
	err    error
}

// stub is an http.RoundTripper that returns scripted replies in order
// and fails the test on an unexpected call or an unused reply.
type stub struct {
	t      *testing.T
	mu     sync.Mutex
	script []reply
	calls  []string
	bodies []map[string]any
	// onRequest, when set, is called with every request before the reply.
	onRequest func(*http.Request)
}

func newStub(t *testing.T, script ...reply) *stub {
	t.Helper()
	s := &stub{t: t, script: script}
	t.Cleanup(func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		for _, r := range s.script {
			t.Errorf("scripted reply for %s was never used", r.op)
		}
	})

	return s
}

func (s *stub) RoundTrip(req *http.Request) (*http.Response, error) {
	var raw []byte
	if req.Body != nil {
		var err error
		if raw, err = io.ReadAll(req.Body); err != nil {
			return nil, err
		}
	}
	if s.onRequest != nil {
		s.onRequest(req)
	}
	op := operationOf(req, raw)
	body := map[string]any{}
	_ = json.Unmarshal(raw, &body)
	s.mu.Lock()
	s.calls = append(s.calls, op)
	s.bodies = append(s.bodies, body)
	if len(s.script) == 0 {
		s.mu.Unlock()
		s.t.Errorf("unexpected call %s with body %s", op, raw)

		return respond(400, `{"__type":"InvalidRequestException","Message":"unexpected call"}`), nil
	}
	next := s.script[0]
	s.script = s.script[1:]
	s.mu.Unlock()
	if next.op != op {
		s.t.Errorf("call %s, want %s", op, next.op)
	}
	if next.check != nil {
		next.check(s.t, body)
	}
	if next.err != nil {
		return nil, next.err
	}

	return respond(next.status, next.body), nil
}

// callsOf returns the operations called so far, in order.
func (s *stub) callsOf() []string {
	s.mu.Lock()
	defer s.mu.Unlock()

	return append([]string(nil), s.calls...)
}

func operationOf(req *http.Request, body []byte) string {
	if target := req.Header.Get("X-Amz-Target"); target != "" {
		return target[strings.LastIndex(target, ".")+1:]
	}
	if strings.Contains(req.URL.Path, "environment-blueprints") {
		return "ListEnvironmentBlueprints"
	}
	form, err := url.ParseQuery(string(body))
	if err == nil && form.Get("Action") != "" {
		return form.Get("Action")
	}

	return req.Method + " " + req.URL.Path
}

func respond(status int, body string) *http.Response {
	if status == 0 {
		status = http.StatusOK
	}
	contentType := "application/x-amz-json-1.0"
	if strings.HasPrefix(body, "<") {
		contentType = "text/xml"
	}

	return &http.Response{
		StatusCode: status,
		Status:     http.StatusText(status),
		Header: http.Header{
			"Content-Type":     {contentType},
			"X-Amzn-Requestid": {"test-request"},
		},
		Body:          io.NopCloser(bytes.NewBufferString(body)),
		ContentLength: int64(len(body)),
	}
}

// fakeClock advances only when something sleeps on it, and records every
// sleep.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Now()} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()

	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sleeps = append(c.sleeps, d)
	c.now = c.now.Add(d)

	return nil
}

func (c *fakeClock) slept() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()

	return append([]time.Duration(nil), c.sleeps...)
}

// maxJitter makes every backoff its upper bound, so sleeps are exact.
func maxJitter(d time.Duration) time.Duration { return d }

// sdkClient builds the real SDK client over the stub transport. The
// endpoint is never dialled.
func sdkClient(s *stub) *sdk.Client {
	return sdk.New(sdk.Options{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "secret", ""),
		BaseEndpoint: aws.String("http://127.0.0.1:1"),
		HTTPClient:   &http.Client{Transport: s},
		Retryer:      aws.NopRetryer{},
	})
}

// testOptions returns options with a fast limiter, exact backoffs and the
// fake clock.
func testOptions(clock *fakeClock) cloudcontrol.Options {
	return cloudcontrol.Options{
		RequestRate: 1e6,
		Burst:       1000,
		Clock:       clock,
		Waiter:      cloudcontrol.WaiterOptions{MinDelay: time.Second, MaxDelay: 30 * time.Second, Jitter: maxJitter},
		Retry:       cloudcontrol.RetryOptions{BaseDelay: 500 * time.Millisecond, MaxDelay: 8 * time.Second, Jitter: maxJitter},
	}
}

func newClient(t *testing.T, script ...reply) (*cloudcontrol.Client, *stub, *fakeClock) {
	t.Helper()
	s := newStub(t, script...)
	clock := newFakeClock()

	return cloudcontrol.New(sdkClient(s), testOptions(clock)), s, clock
}

// event describes a ProgressEvent for a scripted reply.
type event struct {
	Token, Op, Status, ID, Code, Message, Model string
	RetryAfter                                  time.Time
}

func (e event) json() string {
	m := map[string]any{
		"TypeName":        "AWS::IAM::Role",
		"RequestToken":    e.Token,
		"Operation":       e.Op,
		"OperationStatus": e.Status,
		"EventTime":       1700000000,
	}
	if e.ID != "" {
		m["Identifier"] = e.ID
	}
	if e.Code != "" {
		m["ErrorCode"] = e.Code
	}
	if e.Message != "" {
		m["StatusMessage"] = e.Message
	}
	if e.Model != "" {
		m["ResourceModel"] = e.Model
	}
	if !e.RetryAfter.IsZero() {
		m["RetryAfter"] = float64(e.RetryAfter.UnixMilli()) / 1000
	}
	b, _ := json.Marshal(map[string]any{"ProgressEvent": m})

	return string(b)
}

func progress(op string, e event) reply { return reply{op: op, body: e.json()} }

func apiError(op string, status int, code, message string) reply {
	return reply{op: op, status: status, body: fmt.Sprintf(`{"__type":%q,"Message":%q}`, code, message)}
}

func resource(id string, props map[string]any) reply {
	b, _ := json.Marshal(props)
	body, _ := json.Marshal(map[string]any{
		"TypeName":            "AWS::IAM::Role",
		"ResourceDescription": map[string]any{"Identifier": id, "Properties": string(b)},
	})

	return reply{op: "GetResource", body: string(body)}
}

// wantToken checks the RequestToken member of a status request.
func wantToken(token string) func(t *testing.T, body map[string]any) {
	return func(t *testing.T, body map[string]any) {
		t.Helper()
		if body["RequestToken"] != token {
			t.Errorf("RequestToken = %v, want %s", body["RequestToken"], token)
		}
	}
}

var errNetwork = errors.New("connection reset by peer")
