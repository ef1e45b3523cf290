package drift

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync/atomic"
	"time"

	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/provider"
	"github.com/smus-dev/smus/internal/tfstate"
)

// DefaultConcurrency is the number of API reads Run keeps in flight. The
// client's rate limiter paces them. At the client's default of 23 requests
// per second, eight reads in flight keep the limiter busy while one read
// takes up to about 350 ms (23/s × 0.35 s ≈ 8).
const DefaultConcurrency = 8

// DefaultIdentityTimeout bounds the STS GetCallerIdentity call that Run
// makes first, so that an unreachable endpoint fails fast.
const DefaultIdentityTimeout = 10 * time.Second

// Client is the part of *cloudcontrol.Client that Run uses.
type Client interface {
	CallerIdentity(ctx context.Context) (cloudcontrol.Identity, error)
	Get(ctx context.Context, typeName, identifier string) (*cloudcontrol.Resource, error)
	List(ctx context.Context, typeName string, model map[string]any) ([]cloudcontrol.Resource, error)
}

var _ Client = (*cloudcontrol.Client)(nil)

// Options configures Run. State and Client are required.
type Options struct {
	State  *tfstate.State
	Client Client
	// Endpoint is the endpoint URL the client was given, quoted in errors;
	// empty means the SDK's default resolution.
	Endpoint string
	// Activity, when set, names who made each change and when.
	Activity ActivityLog
	// Concurrency is the number of reads in flight; zero or less selects
	// DefaultConcurrency.
	Concurrency int
	// IdentityTimeout bounds the first call; zero or less selects
	// DefaultIdentityTimeout.
	IdentityTimeout time.Duration
	// Declare converts state attributes to declared models; nil selects
	// provider.DeclaredModel.
	Declare DeclareFunc
	// Progress, when set, receives the progress of the live reads.
	Progress Progress
}

// Run compares the state with the live account and returns the report.
// It returns an error, and no report, when the inputs are unusable: no
// smus resources in the state, an endpoint that cannot be reached,
// credentials for another account, or an activity log that cannot be
// read. Problems with single resources are listed in Report.Errors.
func Run(ctx context.Context, opts Options) (*Report, error) {
	if opts.State == nil || opts.Client == nil {
		return nil, errors.New("drift: Options.State and Options.Client are required")
	}
	opts = opts.withDefaults()
	r := &runner{opts: opts, runCalls: &callCounter{}}
	ctx = withCounters(ctx, r.runCalls)

	declared, errs := declare(ctx, opts.State, opts.Declare)
	if len(declared) == 0 && len(errs) == 0 {
		return nil, errors.New("the state has no smus_* resources, so there is nothing to compare; " +
			"pass the state of an environment that uses the smus provider")
	}
	identity, err := r.identity(ctx)
	if err != nil {
		return nil, err
	}
	if err := checkAccount(declared, identity.Account); err != nil {
		return nil, err
	}
	var attr *attribution
	if opts.Activity != nil {
		changes, err := opts.Activity.Changes(ctx, identity.Account)
		if err != nil {
			return nil, fmt.Errorf("read the activity log of account %s: %w", identity.Account, err)
		}
		attr = newAttribution(changes)
	}

	report := &Report{FormatVersion: FormatVersion, Account: identity.Account, Findings: []Finding{}, Errors: errs}
	listings := r.listAll(ctx, declared)
	live := r.compareManaged(ctx, declared, newListIndex(listings), report)
	r.reportUnmanaged(declared, live, listings, report)
	r.finish(report, attr, len(declared))

	return report, nil
}

func (o Options) withDefaults() Options {
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.IdentityTimeout <= 0 {
		o.IdentityTimeout = DefaultIdentityTimeout
	}
	if o.Declare == nil {
		o.Declare = provider.DeclaredModel
	}
	if o.Progress == nil {
		o.Progress = noProgress{}
	}

	return o
}

// runner holds the state of one Run.
type runner struct {
	opts      Options
	runCalls  *callCounter
	requests  atomic.Int64
	maxCalls  atomic.Int64
	fromLists atomic.Int64
}

func (r *runner) identity(ctx context.Context) (cloudcontrol.Identity, error) {
	ctx, cancel := context.WithTimeout(ctx, r.opts.IdentityTimeout)
	defer cancel()
	r.requests.Add(1)
	id, err := r.opts.Client.CallerIdentity(ctx)
	if err != nil {
		return id, cloudcontrol.CheckIdentityError(r.opts.Endpoint, r.opts.IdentityTimeout,
			"set valid credentials (AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) "+
				"for the state's account", err)
	}

	return id, nil
}

// finish annotates and sorts the findings and fills the summary.
func (r *runner) finish(report *Report, attr *attribution, resources int) {
	for i := range report.Findings {
		attr.annotate(&report.Findings[i])
		switch report.Findings[i].Kind {
		case KindChanged:
			report.Summary.Changed++
		case KindDeleted:
			report.Summary.Deleted++
		case KindUnmanaged:
			report.Summary.Unmanaged++
		}
	}
	sort.SliceStable(report.Findings, func(i, j int) bool { return findingLess(report.Findings[i], report.Findings[j]) })
	sort.SliceStable(report.Errors, func(i, j int) bool { return report.Errors[i].Address < report.Errors[j].Address })
	report.Summary.Resources = resources
	report.Summary.Requests = int(r.requests.Load())
	report.Summary.Calls = int(r.runCalls.calls.Load())
	if report.Summary.Calls == 0 {
		report.Summary.Calls = report.Summary.Requests
	}
	report.Summary.MaxCallsPerResource = int(r.maxCalls.Load())
	report.Summary.FromLists = int(r.fromLists.Load())
}

// findingLess orders managed findings by address before unmanaged ones.
func findingLess(a, b Finding) bool {
	if (a.Address == "") != (b.Address == "") {
		return a.Address != ""
	}
	if a.Address != b.Address {
		return a.Address < b.Address
	}
	if a.TypeName != b.TypeName {
		return a.TypeName < b.TypeName
	}

	return a.Identifier < b.Identifier
}
