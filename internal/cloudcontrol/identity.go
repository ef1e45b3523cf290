package cloudcontrol

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"

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

// CheckIdentityError explains err, returned by a CallerIdentity call that
// checks credentials before other work and is bounded by timeout. An
// endpoint that cannot be reached gets the way to start or name one; other
// failures end with credentialsFix. An empty endpoint stands for the SDK's
// default endpoint of the configured region.
func CheckIdentityError(endpoint string, timeout time.Duration, credentialsFix string, err error) error {
	if endpoint == "" {
		endpoint = "the default AWS endpoint of the configured region"
	}
	var netErr *net.OpError
	if errors.As(err, &netErr) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("check the credentials with STS GetCallerIdentity: endpoint %s could not be reached "+
			"within %s (%w); start the local cloud there (`smus local`), or set --endpoint "+
			"(or AWS_ENDPOINT_URL_STS and AWS_ENDPOINT_URL_CLOUDCONTROL) to a reachable URL",
			endpoint, timeout, err)
	}

	return fmt.Errorf("check the credentials with STS GetCallerIdentity at %s: %w; %s", endpoint, err, credentialsFix)
}
