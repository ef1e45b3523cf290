package cloudcontrol

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"

	"github.com/smus-dev/smus/internal/awstype"
)

// CreateInput is the input of Client.Create.
type CreateInput struct {
	// TypeName is the CloudFormation type, such as "AWS::IAM::Role".
	TypeName string
	// DesiredState is the model to create, write-only values included.
	DesiredState map[string]any
	// ClientToken, when empty, is derived with ClientToken from TypeName,
	// DesiredState and Salt, so repeating a create resumes its request.
	ClientToken string
	// Salt is mixed into the derived client token. Give it a value only to
	// create two resources from the same desired state.
	Salt string
}

// errStaleRequest reports that a client token led to an earlier request
// whose resource is gone, so the create must start over.
var errStaleRequest = errors.New("the earlier request of this client token created a resource that no longer exists")

// earlierRequestError reports that a client token led to a request that an
// earlier run started and that ended FAILED or CANCEL_COMPLETE, so the
// create must start over. err is the *OperationError of that request.
type earlierRequestError struct {
	err *OperationError
}

func (e *earlierRequestError) Error() string {
	return "the earlier request of this client token did not succeed: " + e.err.Error()
}

func (e *earlierRequestError) Unwrap() error { return e.err }

// Create sends CreateResource, waits for the request to finish and reads the
// resource back.
//
// A request that an earlier run started with the same client token is
// resumed, not repeated. When that earlier request succeeded but its resource
// is gone (deleted since), or it ended FAILED or CANCEL_COMPLETE, Create
// starts over once with a fresh random token, so a failure does not stick to
// a desired state. A request that this call started is never repeated.
// A request that fails with AlreadyExists for the identifier it reports
// itself, which happens when a handler retries its own create, is accepted
// when the resource read back matches DesiredState.
func (c *Client) Create(ctx context.Context, in CreateInput) (*Resource, error) {
	if in.TypeName == "" {
		return nil, fmt.Errorf("create resource: the type name is empty")
	}
	if in.DesiredState == nil {
		return nil, fmt.Errorf("create %s: the desired state is missing", in.TypeName)
	}
	t := typeOf(in.TypeName)
	token, derived := in.ClientToken, in.ClientToken == ""
	if derived {
		token = ClientToken(in.TypeName, in.DesiredState, in.Salt)
	}
	res, err := c.create(ctx, t, in.DesiredState, token)
	var apiErr *APIError
	var earlier *earlierRequestError
	switch {
	case errors.As(err, &earlier):
		ev := earlier.err.Event
		res, err = c.createFresh(ctx, t, in.DesiredState,
			"earlier request of this client token did not succeed, creating again",
			"client_token", token, "request_token", ev.RequestToken, "status", ev.OperationStatus,
			"error_code", ev.ErrorCode, "status_message", ev.StatusMessage)
	case errors.Is(err, errStaleRequest):
		res, err = c.createFresh(ctx, t, in.DesiredState,
			"earlier request's resource is gone, creating again", "client_token", token)
	case derived && errors.As(err, &apiErr) && apiErr.Code == "ClientTokenConflictException":
		// Another request used the derived token with a different body,
		// which normalization can cause (the same set in another order).
		res, err = c.createFresh(ctx, t, in.DesiredState,
			"client token already used by another request, creating with a new one", "client_token", token)
	}
	if errors.Is(err, errStaleRequest) {
		return nil, fmt.Errorf("create %s: %w, and so did a new request", t.Name, err)
	}
	if errors.As(err, &earlier) {
		// The request of a fresh token is new, so its response is not
		// terminal. Should the service report it terminal anyway, return
		// its failure rather than start over a second time.
		return nil, earlier.err
	}

	return res, err
}

// createFresh logs msg with kv and creates with a fresh random client token.
func (c *Client) createFresh(ctx context.Context, t *awstype.Type, desired map[string]any,
	msg string, kv ...any,
) (*Resource, error) {
	fresh := randomToken()
	kv = append([]any{"type", t.Name}, kv...)
	c.log(ctx, msg, append(kv, "new_client_token", fresh)...)

	return c.create(ctx, t, desired, fresh)
}

func (c *Client) create(ctx context.Context, t *awstype.Type, desired map[string]any,
	token string,
) (*Resource, error) {
	body, err := json.Marshal(desired)
	if err != nil {
		return nil, fmt.Errorf("create %s: encode the desired state: %w", t.Name, err)
	}
	c.log(ctx, "creating resource", "type", t.Name, "client_token", token)
	var out *cloudcontrol.CreateResourceOutput
	k := call{operation: "CreateResource", typeName: t.Name, token: token, mutating: true}
	err = c.do(ctx, k, func(ctx context.Context) error {
		var err error
		out, err = c.api.CreateResource(ctx, &cloudcontrol.CreateResourceInput{
			TypeName:     aws.String(t.Name),
			DesiredState: aws.String(string(body)),
			ClientToken:  aws.String(token),
		})

		return err
	})
	if err != nil {
		return nil, err
	}
	first := withDefaults(eventFromSDK(out.ProgressEvent), t.Name, OperationCreate)
	// A request that is already finished in the CreateResource response
	// was started by an earlier run with the same client token.
	earlier := first.Terminal()
	final, err := c.track(ctx, first)
	if err != nil {
		if res, ok := c.acceptOwnAlreadyExists(ctx, t, desired, err); ok {
			return res, nil
		}
		var opErr *OperationError
		if earlier && errors.As(err, &opErr) {
			return nil, &earlierRequestError{err: opErr}
		}

		return nil, err
	}
	id, err := createdIdentifier(t, final, desired)
	if err != nil {
		return nil, err
	}
	if !earlier {
		if res, ok := resourceFromEvent(t, id, final); ok {
			c.log(ctx, "created resource", "type", t.Name, "identifier", id, "request_token", final.RequestToken)

			return res, nil
		}
	}
	res, err := c.Get(ctx, t.Name, id)
	if earlier && errors.Is(err, ErrNotFound) {
		return nil, errStaleRequest
	}
	if err != nil {
		return nil, fmt.Errorf("read back created %s %q (request token %s): %w", t.Name, id, final.RequestToken, err)
	}
	c.log(ctx, "created resource", "type", t.Name, "identifier", id, "request_token", final.RequestToken)

	return res, nil
}

// acceptOwnAlreadyExists returns the resource when err is a FAILED
// AlreadyExists event that names an identifier and the live resource
// matches desired outside write-only and read-only values.
//
// NOTE: the event does not say whether this request or someone else created
// the resource, so an identical resource that existed before is accepted too.
func (c *Client) acceptOwnAlreadyExists(ctx context.Context, t *awstype.Type, desired map[string]any,
	err error,
) (*Resource, bool) {
	var opErr *OperationError
	if !errors.As(err, &opErr) || opErr.Event.ErrorCode != "AlreadyExists" || opErr.Event.Identifier == "" {
		return nil, false
	}
	id := opErr.Event.Identifier
	res, gerr := c.Get(ctx, t.Name, id)
	if gerr != nil {
		c.log(ctx, "read after AlreadyExists failed", "type", t.Name, "identifier", id, "error", gerr)

		return nil, false
	}
	if !matchesDesired(t, desired, res.Properties) {
		return nil, false
	}
	c.log(ctx, "accepted AlreadyExists for the resource this request created", "type", t.Name,
		"identifier", id, "request_token", opErr.Event.RequestToken)

	return res, true
}

// matchesDesired compares desired with a read model after dropping
// write-only and read-only values from both. Members the read model has and
// desired lacks are ignored, because the service fills in defaults.
func matchesDesired(t *awstype.Type, desired, live map[string]any) bool {
	want := t.StripReadOnly(t.StripWriteOnly(desired))
	got := t.StripReadOnly(t.StripWriteOnly(live))
	for k := range got {
		if _, ok := want[k]; !ok {
			delete(got, k)
		}
	}

	return t.Equal(want, got)
}

// createdIdentifier returns the identifier of a created resource from the
// final event, or builds it from the models when the event lacks it.
func createdIdentifier(t *awstype.Type, final ProgressEvent, desired map[string]any) (string, error) {
	if final.Identifier != "" {
		return final.Identifier, nil
	}
	for _, model := range []map[string]any{final.ResourceModel, desired} {
		if id, err := t.Identifier(model); err == nil && len(t.PrimaryIdentifier) > 0 {
			return id, nil
		}
	}

	return "", fmt.Errorf("create %s succeeded (request token %s) but the event has no identifier; "+
		"import the resource by its identifier", t.Name, final.RequestToken)
}

// withDefaults fills the type and operation an event omitted.
func withDefaults(ev ProgressEvent, typeName, operation string) ProgressEvent {
	if ev.TypeName == "" {
		ev.TypeName = typeName
	}
	if ev.Operation == "" {
		ev.Operation = operation
	}

	return ev
}

// resourceFromEvent returns the resource that a SUCCESS event describes, so
// that a create costs no extra GetResource call. The handler contract has a
// create's SUCCESS model carry every property with a value, read-only ones
// included; an event whose model lacks a primary identifier property is not
// trusted, and the caller reads the resource instead.
func resourceFromEvent(t *awstype.Type, id string, ev ProgressEvent) (*Resource, bool) {
	if ev.OperationStatus != StatusSuccess || len(ev.ResourceModel) == 0 {
		return nil, false
	}
	for _, name := range t.PrimaryIdentifier {
		if v, ok := ev.ResourceModel[name]; !ok || v == nil {
			return nil, false
		}
	}

	return &Resource{TypeName: t.Name, Identifier: id, Properties: t.StripWriteOnly(ev.ResourceModel)}, true
}
