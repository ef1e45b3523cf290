package cloudcontrol

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
)

// Delete deletes a resource and waits for the request to finish. A resource
// that is already gone (ResourceNotFoundException, or a request that ends
// FAILED with NotFound) counts as deleted.
func (c *Client) Delete(ctx context.Context, typeName, identifier string) error {
	if typeName == "" || identifier == "" {
		return fmt.Errorf("delete resource: type name %q and identifier %q must both be set", typeName, identifier)
	}
	token := randomToken()
	c.log(ctx, "deleting resource", "type", typeName, "identifier", identifier, "client_token", token)
	var out *cloudcontrol.DeleteResourceOutput
	k := call{operation: "DeleteResource", typeName: typeName, identifier: identifier, token: token, mutating: true}
	err := c.do(ctx, k, func(ctx context.Context) error {
		var err error
		out, err = c.api.DeleteResource(ctx, &cloudcontrol.DeleteResourceInput{
			TypeName:    aws.String(typeName),
			Identifier:  aws.String(identifier),
			ClientToken: aws.String(token),
		})

		return err
	})
	if errors.Is(err, ErrNotFound) {
		c.log(ctx, "resource already gone", "type", typeName, "identifier", identifier)

		return nil
	}
	if err != nil {
		return err
	}
	first := withDefaults(eventFromSDK(out.ProgressEvent), typeName, OperationDelete)
	if first.Identifier == "" {
		first.Identifier = identifier
	}
	final, err := c.track(ctx, first)
	if errors.Is(err, ErrNotFound) {
		c.log(ctx, "resource already gone", "type", typeName, "identifier", identifier,
			"request_token", final.RequestToken)

		return nil
	}
	if err != nil {
		return err
	}
	c.log(ctx, "deleted resource", "type", typeName, "identifier", identifier, "request_token", final.RequestToken)

	return nil
}
