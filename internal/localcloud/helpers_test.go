package localcloud_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/aws/smithy-go"

	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

const (
	account      = "111111111111"
	otherAccount = "222222222222"
	// fastScale makes a 10-minute domain take 300 ms.
	fastScale = 0.0005
)

// fixture is a local cloud with a Cloud Control client for account.
type fixture struct {
	srv *localtest.Server
	cc  *cloudcontrol.Client
	// propagation is the wall-clock time a new role needs before a domain
	// can name it.
	propagation time.Duration
}

func start(t *testing.T, opts localcloud.Options) *fixture {
	t.Helper()
	if opts.TimeScale == 0 {
		opts.TimeScale = fastScale
	}
	srv := localtest.Start(t, opts)
	propagation := opts.RolePropagation
	if propagation == 0 {
		propagation = localcloud.DefaultRolePropagation
	}

	return &fixture{srv: srv, cc: cloudcontrol.NewFromConfig(srv.Config(account)),
		propagation: time.Duration(float64(propagation) * opts.TimeScale)}
}

func (f *fixture) client(acct string) *cloudcontrol.Client {
	return cloudcontrol.NewFromConfig(f.srv.Config(acct))
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("encode %v: %v", v, err)
	}

	return string(b)
}

func decodeModel(t *testing.T, s *string) map[string]any {
	t.Helper()
	if s == nil {
		t.Fatalf("model is nil")
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(*s), &m); err != nil {
		t.Fatalf("decode model %s: %v", *s, err)
	}

	return m
}

// wait polls a request until it is terminal, sleeping until RetryAfter.
func wait(t *testing.T, cc *cloudcontrol.Client, token *string) *types.ProgressEvent {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		out, err := cc.GetResourceRequestStatus(context.Background(),
			&cloudcontrol.GetResourceRequestStatusInput{RequestToken: token})
		if err != nil {
			t.Fatalf("get status of %s: %v", aws.ToString(token), err)
		}
		ev := out.ProgressEvent
		switch ev.OperationStatus {
		case types.OperationStatusSuccess, types.OperationStatusFailed, types.OperationStatusCancelComplete:
			return ev
		}
		sleep := 5 * time.Millisecond
		if ev.RetryAfter != nil {
			sleep = max(time.Until(*ev.RetryAfter), time.Millisecond)
		}
		time.Sleep(sleep)
	}
	t.Fatalf("request %s did not finish within 20s", aws.ToString(token))

	return nil
}

// create creates a resource and waits for the request to finish.
func (f *fixture) create(t *testing.T, typeName string, model map[string]any) *types.ProgressEvent {
	t.Helper()
	out, err := f.cc.CreateResource(context.Background(), &cloudcontrol.CreateResourceInput{
		TypeName: aws.String(typeName), DesiredState: aws.String(mustJSON(t, model)),
	})
	if err != nil {
		t.Fatalf("create %s: %v", typeName, err)
	}

	return wait(t, f.cc, out.ProgressEvent.RequestToken)
}

// mustCreate creates a resource, requires SUCCESS and returns its identifier.
func (f *fixture) mustCreate(t *testing.T, typeName string, model map[string]any) string {
	t.Helper()
	ev := f.create(t, typeName, model)
	if ev.OperationStatus != types.OperationStatusSuccess {
		t.Fatalf("create %s ended %s: %s %s", typeName, ev.OperationStatus, ev.ErrorCode, aws.ToString(ev.StatusMessage))
	}

	return aws.ToString(ev.Identifier)
}

func (f *fixture) get(t *testing.T, typeName, id string) map[string]any {
	t.Helper()
	out, err := f.cc.GetResource(context.Background(), &cloudcontrol.GetResourceInput{
		TypeName: aws.String(typeName), Identifier: aws.String(id),
	})
	if err != nil {
		t.Fatalf("get %s %s: %v", typeName, id, err)
	}

	return decodeModel(t, out.ResourceDescription.Properties)
}

func (f *fixture) update(t *testing.T, typeName, id string, patch []map[string]any) *types.ProgressEvent {
	t.Helper()
	out, err := f.cc.UpdateResource(context.Background(), &cloudcontrol.UpdateResourceInput{
		TypeName: aws.String(typeName), Identifier: aws.String(id), PatchDocument: aws.String(mustJSON(t, patch)),
	})
	if err != nil {
		t.Fatalf("update %s %s: %v", typeName, id, err)
	}

	return wait(t, f.cc, out.ProgressEvent.RequestToken)
}

func (f *fixture) remove(t *testing.T, typeName, id string) *types.ProgressEvent {
	t.Helper()
	out, err := f.cc.DeleteResource(context.Background(), &cloudcontrol.DeleteResourceInput{
		TypeName: aws.String(typeName), Identifier: aws.String(id),
	})
	if err != nil {
		t.Fatalf("delete %s %s: %v", typeName, id, err)
	}

	return wait(t, f.cc, out.ProgressEvent.RequestToken)
}

// apiError returns the error code and HTTP status of an SDK error.
func apiError(t *testing.T, err error) (string, int) {
	t.Helper()
	if err == nil {
		t.Fatalf("call succeeded, want an error")
	}
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("error %v is not an API error", err)
	}
	var re *awshttp.ResponseError
	if !errors.As(err, &re) {
		t.Fatalf("error %v has no HTTP response", err)
	}

	return ae.ErrorCode(), re.HTTPStatusCode()
}

func roleModel(name string) map[string]any {
	return map[string]any{
		"RoleName": name,
		"AssumeRolePolicyDocument": map[string]any{
			"Version": "2012-10-17",
			"Statement": []any{map[string]any{
				"Effect": "Allow", "Principal": map[string]any{"Service": "datazone.amazonaws.com"},
				"Action": "sts:AssumeRole",
			}},
		},
	}
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }

func startServer(tb testing.TB, opts localcloud.Options) *localtest.Server {
	return localtest.Start(tb, opts)
}

func mustJSONb(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}

	return string(b)
}
