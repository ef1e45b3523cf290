package cloudcontrol

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"

	"github.com/smus-dev/smus/internal/awstype"
)

// Get reads one resource. A resource that does not exist returns an error
// that matches ErrNotFound.
func (c *Client) Get(ctx context.Context, typeName, identifier string) (*Resource, error) {
	if typeName == "" || identifier == "" {
		return nil, fmt.Errorf("get resource: type name %q and identifier %q must both be set", typeName, identifier)
	}
	var out *cloudcontrol.GetResourceOutput
	k := call{operation: "GetResource", typeName: typeName, identifier: identifier}
	err := c.do(ctx, k, func(ctx context.Context) error {
		var err error
		out, err = c.api.GetResource(ctx, &cloudcontrol.GetResourceInput{
			TypeName:   aws.String(typeName),
			Identifier: aws.String(identifier),
		})

		return err
	})
	if err != nil {
		return nil, err
	}
	if out.ResourceDescription == nil {
		return nil, fmt.Errorf("get %s %q: the response has no ResourceDescription", typeName, identifier)
	}
	res, err := resourceFrom(typeName, out.ResourceDescription)
	if err != nil {
		return nil, fmt.Errorf("get %s %q: %w", typeName, identifier, err)
	}
	if res.Identifier == "" {
		res.Identifier = identifier
	}

	return res, nil
}

// List returns every resource of the type, reading all pages. model is the
// ResourceModel that scopes the list, such as the domain of a project; it
// must carry the properties the registry lists in ListScope. A nil model
// sends none.
func (c *Client) List(ctx context.Context, typeName string, model map[string]any) ([]Resource, error) {
	input, err := listInput(typeName, model)
	if err != nil {
		return nil, err
	}
	c.log(ctx, "listing resources", "type", typeName)
	var all []Resource
	seen := map[string]bool{}
	for page := 1; ; page++ {
		var out *cloudcontrol.ListResourcesOutput
		k := call{operation: "ListResources", typeName: typeName}
		err := c.do(ctx, k, func(ctx context.Context) error {
			var err error
			out, err = c.api.ListResources(ctx, input)

			return err
		})
		if err != nil {
			return nil, fmt.Errorf("list %s, page %d: %w", typeName, page, err)
		}
		for i := range out.ResourceDescriptions {
			res, err := resourceFrom(typeName, &out.ResourceDescriptions[i])
			if err != nil {
				return nil, fmt.Errorf("list %s, page %d: %w", typeName, page, err)
			}
			all = append(all, *res)
		}
		next := aws.ToString(out.NextToken)
		if next == "" {
			break
		}
		if seen[next] {
			return nil, fmt.Errorf("list %s: the service returned the page token of an earlier page again "+
				"after page %d; stopped to avoid an endless loop", typeName, page)
		}
		seen[next] = true
		input.NextToken = aws.String(next)
	}
	c.log(ctx, "listed resources", "type", typeName, "count", len(all))

	return all, nil
}

func listInput(typeName string, model map[string]any) (*cloudcontrol.ListResourcesInput, error) {
	if typeName == "" {
		return nil, fmt.Errorf("list resources: the type name is empty")
	}
	t := typeOf(typeName)
	var missing []string
	for _, name := range t.ListScope {
		if v, ok := model[name]; !ok || v == nil || v == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("list %s: the resource model must set %s to scope the list",
			typeName, strings.Join(missing, " and "))
	}
	input := &cloudcontrol.ListResourcesInput{TypeName: aws.String(typeName)}
	if model != nil {
		body, err := json.Marshal(model)
		if err != nil {
			return nil, fmt.Errorf("list %s: encode the resource model: %w", typeName, err)
		}
		input.ResourceModel = aws.String(string(body))
	}

	return input, nil
}

func resourceFrom(typeName string, d *types.ResourceDescription) (*Resource, error) {
	res := &Resource{TypeName: typeName, Identifier: aws.ToString(d.Identifier)}
	if d.Properties == nil {
		res.Properties = map[string]any{}

		return res, nil
	}
	props, err := awstype.ParseModel(*d.Properties)
	if err != nil {
		return nil, fmt.Errorf("properties of %q: %w", res.Identifier, err)
	}
	res.Properties = props

	return res, nil
}
