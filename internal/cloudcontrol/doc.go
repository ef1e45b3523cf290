// Package cloudcontrol is the one client through which smus talks to AWS.
//
// It wraps the AWS Cloud Control API (aws-sdk-go-v2/service/cloudcontrol)
// and adds what every caller needs around it:
//
//   - Create, Get, Update, Delete and List with typed results and errors;
//   - waiting on a resource request with capped exponential backoff and full
//     jitter that honours the RetryAfter hint of each progress event;
//   - retries of throttling and transient errors, counted and bounded here
//     (the SDK's own retryer is switched off), and a client-side rate limit;
//   - idempotent client tokens: a create derives its token from the type and
//     the canonical desired state, so running it again resumes the same
//     request instead of starting a second one (a request of an earlier run
//     that ended FAILED or CANCEL_COMPLETE is not reused: the create starts
//     over once with a fresh token);
//   - an optional Journal that records request tokens before the first poll,
//     so an interrupted run can be resumed;
//   - RFC 6902 patches computed from the prior and desired models with the
//     rules of the type registry in internal/awstype (create-only, read-only
//     and write-only paths, sets, keyed lists, policy documents).
//
// It also makes the other AWS calls smus needs: STS GetCallerIdentity,
// DataZone ListEnvironmentBlueprints for managed blueprints, and the DataZone
// reads that return what Cloud Control treats as write-only
// (DataZoneWriteOnly) or resolve a project member's profile id
// (DataZoneMemberID).
//
// The client is silent unless Options.Logger is set. It never logs desired
// states, patch documents or resource models, because they may contain secrets.
package cloudcontrol
