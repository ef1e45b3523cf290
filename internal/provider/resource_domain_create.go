package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// Delays between domain creates that DataZone rejects because it cannot
// assume the domain execution role yet. IAM changes usually reach DataZone
// within about 10 seconds.
const (
	roleRetryBaseDelay = 2 * time.Second
	roleRetryMaxDelay  = 30 * time.Second
)

// roleRetry repeats a domain create while DataZone cannot assume the
// domain execution role, which happens in the first seconds after the role
// was created because IAM is eventually consistent.
type roleRetry struct {
	// baseDelay is the wait after the first failure; each later wait
	// doubles, up to maxDelay.
	baseDelay, maxDelay time.Duration
	clock               cloudcontrol.Clock
}

// defaultRoleRetry is the roleRetry of smus_domain.
var defaultRoleRetry = roleRetry{
	baseDelay: roleRetryBaseDelay,
	maxDelay:  roleRetryMaxDelay,
	clock:     cloudcontrol.SystemClock{},
}

// createDomain is the create function of smus_domain.
func createDomain(ctx context.Context, client *cloudcontrol.Client,
	in cloudcontrol.CreateInput,
) (*cloudcontrol.Resource, error) {
	return defaultRoleRetry.create(ctx, client, in)
}

// create sends the create of in and repeats it while the request fails
// because DataZone could not assume a role (see roleNotAssumable). Each
// repeat is a new request: its client token is derived with the salt
// "role-retry-<attempt>", because the failed request keeps its token. When
// the next wait would pass the context deadline, create returns a
// *roleNotAssumableError. Every other error is returned unchanged.
//
// NOTE: a role that never becomes assumable, such as a mistyped ARN, is
// retried until the create timeout before the error is reported.
func (p roleRetry) create(ctx context.Context, client *cloudcontrol.Client,
	in cloudcontrol.CreateInput,
) (*cloudcontrol.Resource, error) {
	roleARN, _ := in.DesiredState["DomainExecutionRole"].(string)
	salt := in.Salt
	for attempt := 1; ; attempt++ {
		if attempt > 1 {
			in.Salt = fmt.Sprintf("%srole-retry-%d", salt, attempt)
		}
		res, err := client.Create(ctx, in)
		failed, ok := roleNotAssumable(err)
		if !ok {
			return res, err
		}

		delay := p.delay(attempt)
		deadline, hasDeadline := ctx.Deadline()
		if hasDeadline && p.clock.Now().Add(delay).After(deadline) {
			return nil, &roleNotAssumableError{roleARN: roleARN, attempts: attempt, last: failed}
		}
		tflog.Warn(ctx, "DataZone could not assume the domain execution role yet; creating the domain again",
			map[string]any{
				keyRoleARN: roleARN, keyAttempt: attempt, keyRetryDelay: delay.String(),
				keyRequestToken: failed.Event.RequestToken,
			})
		if err := p.clock.Sleep(ctx, delay); err != nil {
			return nil, &roleNotAssumableError{roleARN: roleARN, attempts: attempt, last: failed}
		}
	}
}

// delay returns the wait after failed attempt number attempt (from 1):
// baseDelay doubled per earlier attempt, capped at maxDelay.
func (p roleRetry) delay(attempt int) time.Duration {
	d := p.baseDelay
	for i := 1; i < attempt && d < p.maxDelay; i++ {
		d *= 2
	}

	return min(d, p.maxDelay)
}

// roleNotAssumablePhrases are the lower-case wordings with which a status
// message reports that the service could not assume a role. DataZone's
// message starts "Unable to assume role <arn>".
var roleNotAssumablePhrases = []string{
	"unable to assume role",
	"could not assume role",
	"cannot assume role",
	"failed to assume role",
}

// roleNotAssumable returns the failed request when err is a resource
// request that ended FAILED with error code InvalidRequest and a status
// message saying that a role could not be assumed.
func roleNotAssumable(err error) (*cloudcontrol.OperationError, bool) {
	var failed *cloudcontrol.OperationError
	if !errors.As(err, &failed) {
		return nil, false
	}
	ev := failed.Event
	if ev.OperationStatus != cloudcontrol.StatusFailed || ev.ErrorCode != "InvalidRequest" {
		return nil, false
	}
	message := strings.ToLower(ev.StatusMessage)
	for _, phrase := range roleNotAssumablePhrases {
		if strings.Contains(message, phrase) {
			return failed, true
		}
	}

	return nil, false
}

// roleNotAssumableError reports a domain create that DataZone rejected in
// every attempt until the create timeout, because it could not assume the
// domain execution role.
type roleNotAssumableError struct {
	roleARN  string
	attempts int
	// last is the failure of the last attempt.
	last *cloudcontrol.OperationError
}

func (e *roleNotAssumableError) Error() string {
	return fmt.Sprintf("create domain: DataZone could not assume role %s in %d attempts: %v",
		e.roleARN, e.attempts, e.last)
}

// Unwrap returns the failure of the last attempt.
func (e *roleNotAssumableError) Unwrap() error { return e.last }
