package evidence

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/tfstate"
)

// DefaultConcurrency is the number of live reads Collect keeps in flight;
// the client's rate limiter paces them.
const DefaultConcurrency = 16

// DefaultIdentityTimeout bounds the STS GetCallerIdentity call that
// Collect makes first, so that an unreachable endpoint fails fast.
const DefaultIdentityTimeout = 5 * time.Second

// Client is the part of *cloudcontrol.Client that Collect uses.
type Client interface {
	CallerIdentity(ctx context.Context) (cloudcontrol.Identity, error)
	Get(ctx context.Context, typeName, identifier string) (*cloudcontrol.Resource, error)
}

var _ Client = (*cloudcontrol.Client)(nil)

// Progress receives the progress of the live reads. Its methods are called
// from one goroutine at a time.
type Progress interface {
	// Begin starts a phase of total steps, such as "read IAM roles".
	Begin(phase string, total int)
	// Step marks one step of the current phase done.
	Step()
	// End finishes the current phase.
	End()
}

// Options configures Collect. State, Client and Version are required.
type Options struct {
	State  *tfstate.State
	Client Client
	// StateSource names the state in the provenance, such as its path.
	StateSource string
	// Project limits the evidence to the project with this name.
	Project string
	// Region and Endpoint are recorded in the provenance; Endpoint is also
	// quoted in errors.
	Region   string
	Endpoint string
	// GitDir is the directory whose git commit is recorded; empty skips it.
	GitDir string
	// Version is the smus version.
	Version string
	// Progress, when set, receives the progress of the live reads.
	Progress Progress
	// Concurrency is the number of reads in flight; zero or less selects
	// DefaultConcurrency.
	Concurrency int
	// IdentityTimeout bounds the first call; zero or less selects
	// DefaultIdentityTimeout.
	IdentityTimeout time.Duration
	// Now returns the collection time; nil selects time.Now.
	Now func() time.Time
}

// Collect gathers the evidence of the environment that opts.State
// describes. It returns an error, and no evidence, for a state without
// projects, an unknown project, an endpoint that cannot be reached,
// credentials for another account than the state's, a policy document that
// is not valid JSON, or a live read that failed for another reason than
// the resource being absent.
func Collect(ctx context.Context, opts Options) (*Evidence, error) {
	if opts.State == nil || opts.Client == nil {
		return nil, errors.New("collect evidence: Options.State and Options.Client are required")
	}
	opts = opts.withDefaults()
	ix := newIndex(opts.State)
	selected, err := ix.selectProjects(opts.Project)
	if err != nil {
		return nil, err
	}
	if err := ix.checkPolicies(); err != nil {
		return nil, err
	}
	identity, err := identify(ctx, opts)
	if err != nil {
		return nil, err
	}
	if err := checkAccount(opts.State, identity.Account); err != nil {
		return nil, err
	}
	ev := &Evidence{FormatVersion: FormatVersion, Projects: make([]Project, 0, len(selected))}
	for _, p := range selected {
		ev.Projects = append(ev.Projects, ix.project(p))
	}
	r := &reader{opts: opts}
	if ev.Roles, err = r.roles(ctx, ev.Projects); err != nil {
		return nil, err
	}
	if err := r.grants(ctx, ev.Projects, ix); err != nil {
		return nil, err
	}
	ev.Provenance = provenance(ctx, opts, identity)

	return ev, nil
}

func (o Options) withDefaults() Options {
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.IdentityTimeout <= 0 {
		o.IdentityTimeout = DefaultIdentityTimeout
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Progress == nil {
		o.Progress = noProgress{}
	}

	return o
}

func identify(ctx context.Context, opts Options) (cloudcontrol.Identity, error) {
	ctx, cancel := context.WithTimeout(ctx, opts.IdentityTimeout)
	defer cancel()
	id, err := opts.Client.CallerIdentity(ctx)
	if err != nil {
		return id, cloudcontrol.CheckIdentityError(opts.Endpoint, opts.IdentityTimeout,
			"set valid credentials (AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) "+
				"for the state's account", err)
	}

	return id, nil
}

// checkAccount fails when the ARNs in the state's smus resources name
// accounts and the caller's account is not one of them.
func checkAccount(st *tfstate.State, caller string) error {
	resources := st.Managed("smus_")
	attrs := make([]any, 0, len(resources))
	for _, r := range resources {
		attrs = append(attrs, r.Attributes)
	}
	accounts := awstype.ARNAccounts(attrs)
	if len(accounts) == 0 || slices.Contains(accounts, caller) {
		return nil
	}
	sort.Strings(accounts)

	return fmt.Errorf("the credentials are for account %s, but the ARNs in the state name account %s; "+
		"use credentials for account %s (AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), "+
		"or pass the state of account %s's environment",
		caller, strings.Join(accounts, ", "), accounts[0], caller)
}

type noProgress struct{}

func (noProgress) Begin(string, int) {}
func (noProgress) Step()             {}
func (noProgress) End()              {}
