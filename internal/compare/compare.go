package compare

import (
	"context"
	"errors"
	"sort"
	"time"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/tfstate"
)

// DefaultConcurrency is the number of live reads Run keeps in flight per
// environment; the client's rate limiter paces them.
const DefaultConcurrency = 8

// DefaultIdentityTimeout bounds the STS GetCallerIdentity call made first
// for each live environment, so that an unreachable endpoint fails fast.
const DefaultIdentityTimeout = 10 * time.Second

// Reader is the part of *cloudcontrol.Client that a live comparison uses.
type Reader interface {
	CallerIdentity(ctx context.Context) (cloudcontrol.Identity, error)
	Get(ctx context.Context, typeName, identifier string) (*cloudcontrol.Resource, error)
}

var _ Reader = (*cloudcontrol.Client)(nil)

// Environment is one side of a comparison.
type Environment struct {
	// Name is the environment's name, such as "prod"; it is always
	// treated as an environment name by the Normalizer.
	Name string
	// Source describes where State came from, for the report.
	Source string
	State  *tfstate.State
	// Client reads the environment's live account; required with
	// Options.Live.
	Client Reader
	// Endpoint is the endpoint URL the client was given, quoted in errors;
	// empty means the SDK's default resolution.
	Endpoint string

	// side is "from" or "to", the prefix of the environment's flags.
	side string
}

// Options configures Run. From and To with their states are required.
type Options struct {
	From, To Environment
	// Config sets the normalization; the zero value normalizes only the
	// two environment names besides the fixed rules.
	Config Config
	// Live also compares the live models read through each environment's
	// Client.
	Live bool
	// Concurrency is the number of live reads in flight per environment;
	// zero or less selects DefaultConcurrency.
	Concurrency int
	// IdentityTimeout bounds the first call to each account; zero or less
	// selects DefaultIdentityTimeout.
	IdentityTimeout time.Duration
}

// comparer is the state of one Run.
type comparer struct {
	opts   Options
	norm   *Normalizer
	ignore map[string]bool
}

// Run compares the two environments and returns the report. It returns an
// error, and no report, when an input is unusable: a missing state, a live
// environment without a client, an endpoint that cannot be reached, or
// credentials for another account than the state's. Problems with single
// resources are listed in Report.Errors.
func Run(ctx context.Context, opts Options) (*Report, error) {
	if opts.From.State == nil || opts.To.State == nil {
		return nil, errors.New("compare: the states of both environments are required")
	}
	if opts.Live && (opts.From.Client == nil || opts.To.Client == nil) {
		return nil, errors.New("compare: a live comparison needs a client for each environment")
	}
	opts.From.side, opts.To.side = "from", "to"
	if opts.Concurrency <= 0 {
		opts.Concurrency = DefaultConcurrency
	}
	if opts.IdentityTimeout <= 0 {
		opts.IdentityTimeout = DefaultIdentityTimeout
	}
	c := &comparer{opts: opts, norm: NewNormalizer(opts.Config, opts.From.Name, opts.To.Name), ignore: map[string]bool{}}
	for _, a := range opts.Config.IgnoreAttributes {
		c.ignore[a] = true
	}
	from, to := c.managedByAddress(opts.From.State), c.managedByAddress(opts.To.State)
	report := &Report{
		FormatVersion: FormatVersion, Live: opts.Live,
		From:      EnvironmentSummary{Name: opts.From.Name, Source: opts.From.Source, Resources: len(from)},
		To:        EnvironmentSummary{Name: opts.To.Name, Source: opts.To.Source, Resources: len(to)},
		Resources: []ResourceDiff{}, Properties: []PropertyDiff{}, Roles: []RoleDiff{}, Errors: []Error{},
	}
	c.compareStates(from, to, report)
	if opts.Live {
		if err := c.compareLive(ctx, from, to, report); err != nil {
			return nil, err
		}
	}
	sortReport(report)
	report.summarize()

	return report, nil
}

// compareStates adds the differences between the two states.
func (c *comparer) compareStates(from, to map[string]tfstate.Resource, report *Report) {
	for _, addr := range sortedAddresses(from) {
		if _, ok := to[addr]; !ok {
			report.Resources = append(report.Resources, ResourceDiff{Address: addr, Type: from[addr].Type,
				Side: OnlyInFrom, Source: SourceState})
		}
	}
	for _, addr := range sortedAddresses(to) {
		if _, ok := from[addr]; !ok {
			report.Resources = append(report.Resources, ResourceDiff{Address: addr, Type: to[addr].Type,
				Side: OnlyInTo, Source: SourceState})
		}
	}
	projects := c.projectsByRole(from, to)
	for _, addr := range sortedAddresses(from) {
		t, ok := to[addr]
		if !ok {
			continue
		}
		f := from[addr]
		a := c.prepareAttributes(f.Type, awstype.CloneModel(f.Attributes))
		b := c.prepareAttributes(t.Type, awstype.CloneModel(t.Attributes))
		for _, d := range diffValues("", a, b, nil) {
			d.Address, d.Type, d.Source = addr, f.Type, SourceState
			report.Properties = append(report.Properties, d)
		}
		if f.Type == "smus_iam_role" {
			c.compareStateRole(addr, f, t, projects, report)
		}
	}
}

func (c *comparer) compareStateRole(addr string, f, t tfstate.Resource, projects map[string][]string,
	report *Report,
) {
	fp, err := c.stateRolePolicies(f)
	if err != nil {
		report.Errors = append(report.Errors, Error{Environment: c.opts.From.Name, Address: addr, Message: err.Error()})

		return
	}
	tp, err := c.stateRolePolicies(t)
	if err != nil {
		report.Errors = append(report.Errors, Error{Environment: c.opts.To.Name, Address: addr, Message: err.Error()})

		return
	}
	diff := RoleDiff{Address: addr, Source: SourceState, FromRole: fp.name, ToRole: tp.name,
		Projects: projects[addr], Statements: diffRolePolicies(fp, tp)}
	if len(diff.Statements) > 0 {
		report.Roles = append(report.Roles, diff)
	}
}

// managedByAddress indexes the managed resources of st by their normalized
// address, because for_each keys often carry account ids or environment
// names, as in owner["arn:aws:iam::111122223333:role/lead"].
func (c *comparer) managedByAddress(st *tfstate.State) map[string]tfstate.Resource {
	out := map[string]tfstate.Resource{}
	for _, r := range st.Managed("") {
		out[c.norm.String(r.Address)] = r
	}

	return out
}

func sortedAddresses(m map[string]tfstate.Resource) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)

	return out
}

func sortReport(r *Report) {
	sort.SliceStable(r.Resources, func(i, j int) bool {
		if r.Resources[i].Address != r.Resources[j].Address {
			return r.Resources[i].Address < r.Resources[j].Address
		}

		return r.Resources[i].Source < r.Resources[j].Source
	})
	sort.SliceStable(r.Properties, func(i, j int) bool {
		a, b := r.Properties[i], r.Properties[j]
		if a.Source != b.Source {
			return a.Source > b.Source
		}
		if a.Address != b.Address {
			return a.Address < b.Address
		}

		return a.Path < b.Path
	})
	sort.SliceStable(r.Roles, func(i, j int) bool {
		if r.Roles[i].Source != r.Roles[j].Source {
			return r.Roles[i].Source > r.Roles[j].Source
		}

		return r.Roles[i].Address < r.Roles[j].Address
	})
}
