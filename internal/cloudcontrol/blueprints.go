package cloudcontrol

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/datazone"
)

// Blueprint is a managed environment blueprint of a DataZone domain, such as
// Tooling or DataLake.
type Blueprint struct {
	ID          string
	Name        string
	Description string
}

// ManagedBlueprints lists the managed environment blueprints of a domain
// with DataZone ListEnvironmentBlueprints (managed=true), reading all pages.
// It needs a Client from NewFromConfig.
func (c *Client) ManagedBlueprints(ctx context.Context, domainID string) ([]Blueprint, error) {
	if c.datazone == nil {
		return nil, fmt.Errorf("list managed blueprints: the client has no DataZone client; build it with NewFromConfig")
	}
	if domainID == "" {
		return nil, fmt.Errorf("list managed blueprints: the domain id is empty")
	}
	input := &datazone.ListEnvironmentBlueprintsInput{
		DomainIdentifier: aws.String(domainID),
		Managed:          aws.Bool(true),
	}
	var all []Blueprint
	seen := map[string]bool{}
	for {
		var out *datazone.ListEnvironmentBlueprintsOutput
		k := call{operation: "ListEnvironmentBlueprints", identifier: domainID}
		err := c.do(ctx, k, func(ctx context.Context) error {
			var err error
			out, err = c.datazone.ListEnvironmentBlueprints(ctx, input)

			return err
		})
		if err != nil {
			return nil, fmt.Errorf("list managed blueprints of domain %s: %w", domainID, err)
		}
		for _, item := range out.Items {
			all = append(all, Blueprint{
				ID:          aws.ToString(item.Id),
				Name:        aws.ToString(item.Name),
				Description: aws.ToString(item.Description),
			})
		}
		next := aws.ToString(out.NextToken)
		if next == "" {
			return all, nil
		}
		if seen[next] {
			return nil, fmt.Errorf("list managed blueprints of domain %s: the service repeated a page token; "+
				"stopped to avoid an endless loop", domainID)
		}
		seen[next] = true
		input.NextToken = aws.String(next)
	}
}
