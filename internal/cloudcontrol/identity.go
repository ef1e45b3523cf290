package cloudcontrol

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// Identity is the caller of the AWS API, from STS GetCallerIdentity.
type Identity struct {
	// Account is the 12-digit account id.
	Account string
	Arn     string
	UserID  string
}

// CallerIdentity calls STS GetCallerIdentity. It needs a Client from
// NewFromConfig.
func (c *Client) CallerIdentity(ctx context.Context) (Identity, error) {
	if c.sts == nil {
		return Identity{}, fmt.Errorf("get caller identity: the client has no STS client; build it with NewFromConfig")
	}
	var out *sts.GetCallerIdentityOutput
	err := c.do(ctx, call{operation: "GetCallerIdentity"}, func(ctx context.Context) error {
		var err error
		out, err = c.sts.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})

		return err
	})
	if err != nil {
		return Identity{}, fmt.Errorf("get caller identity: %w", err)
	}

	return Identity{
		Account: aws.ToString(out.Account),
		Arn:     aws.ToString(out.Arn),
		UserID:  aws.ToString(out.UserId),
	}, nil
}
