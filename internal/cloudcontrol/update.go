package cloudcontrol

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"

	"github.com/smus-dev/smus/internal/awstype"
)

// UpdateInput is the input of Client.Update.
type UpdateInput struct {
	TypeName   string
	Identifier string
	// Prior is the last known full model, which may include write-only
	// values taken from the configuration.
	Prior map[string]any
	// Desired is the model to reach.
	Desired map[string]any
	// ClientToken, when empty, is a fresh random token.
	ClientToken string
}

// Update sends the patch from Prior to Desired (see Patch), waits for the
// request to finish and reads the resource back. An empty patch only reads
// the resource. A change of a create-only property returns a
// *ReplacementError without calling the API.
func (c *Client) Update(ctx context.Context, in UpdateInput) (*Resource, error) {
	if in.TypeName == "" || in.Identifier == "" {
		return nil, fmt.Errorf("update resource: type name %q and identifier %q must both be set",
			in.TypeName, in.Identifier)
	}
	t := typeOf(in.TypeName)
	ops, err := Patch(t, in.Prior, in.Desired)
	if err != nil {
		return nil, fmt.Errorf("update %s %q: %w", t.Name, in.Identifier, err)
	}
	if len(ops) == 0 {
		c.log(ctx, "no changes to update", "type", t.Name, "identifier", in.Identifier)

		return c.Get(ctx, t.Name, in.Identifier)
	}
	if _, known := awstype.Lookup(t.Name); known && !t.Updatable {
		return nil, fmt.Errorf("update %s %q: the type has no update handler; replace the resource instead",
			t.Name, in.Identifier)
	}
	doc, err := json.Marshal(ops)
	if err != nil {
		return nil, fmt.Errorf("update %s %q: encode the patch document: %w", t.Name, in.Identifier, err)
	}
	token := in.ClientToken
	if token == "" {
		token = randomToken()
	}
	c.log(ctx, "updating resource", "type", t.Name, "identifier", in.Identifier, "client_token", token,
		"patch_operations", len(ops))
	var out *cloudcontrol.UpdateResourceOutput
	k := call{operation: "UpdateResource", typeName: t.Name, identifier: in.Identifier, token: token, mutating: true}
	err = c.do(ctx, k, func(ctx context.Context) error {
		var err error
		out, err = c.api.UpdateResource(ctx, &cloudcontrol.UpdateResourceInput{
			TypeName:      aws.String(t.Name),
			Identifier:    aws.String(in.Identifier),
			PatchDocument: aws.String(string(doc)),
			ClientToken:   aws.String(token),
		})

		return err
	})
	if err != nil {
		return nil, err
	}
	first := withDefaults(eventFromSDK(out.ProgressEvent), t.Name, OperationUpdate)
	if first.Identifier == "" {
		first.Identifier = in.Identifier
	}
	final, err := c.track(ctx, first)
	if err != nil {
		return nil, err
	}
	c.log(ctx, "updated resource", "type", t.Name, "identifier", final.Identifier, "request_token", final.RequestToken)

	return c.Get(ctx, t.Name, final.Identifier)
}
