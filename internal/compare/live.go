package compare

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/tfstate"
)

// liveRead is one resource to read in one environment.
type liveRead struct {
	typ *awstype.Type
	id  string
}

type liveResult struct {
	res *cloudcontrol.Resource
	err error
}

// liveEnv holds the models read from one environment's account.
type liveEnv struct {
	env     Environment
	results map[liveRead]liveResult
}

// compareLive checks both accounts, reads the live model of every resource
// present in both states and of every project's execution role, and adds
// their differences.
func (c *comparer) compareLive(ctx context.Context, from, to map[string]tfstate.Resource, report *Report) error {
	var err error
	if report.From.Account, err = c.checkAccount(ctx, c.opts.From, from); err != nil {
		return err
	}
	if report.To.Account, err = c.checkAccount(ctx, c.opts.To, to); err != nil {
		return err
	}
	common := map[string]bool{}
	for addr := range from {
		if _, ok := to[addr]; ok {
			common[addr] = true
		}
	}
	lf := &liveEnv{env: c.opts.From, results: c.readAll(ctx, c.opts.From.Client, liveReads(from, common))}
	lt := &liveEnv{env: c.opts.To, results: c.readAll(ctx, c.opts.To.Client, liveReads(to, common))}
	projects := c.projectsByRole(from, to)
	for _, addr := range sortedAddresses(from) {
		if !common[addr] {
			continue
		}
		c.compareLiveResource(addr, from[addr], to[addr], lf, lt, projects, report)
		c.compareProjectRole(addr, from, to, lf, lt, report)
	}

	return nil
}

// liveReads lists the resources to read: every common resource of a
// registered type, and the execution role of every common project that the
// state does not manage as a smus_iam_role.
func liveReads(env map[string]tfstate.Resource, common map[string]bool) []liveRead {
	var out []liveRead
	for addr := range common {
		if r, ok := resourceRead(env[addr]); ok {
			out = append(out, r)
		}
		if r, ok := projectRoleRead(env, env[addr]); ok {
			out = append(out, r)
		}
	}

	return out
}

func resourceRead(r tfstate.Resource) (liveRead, bool) {
	t, ok := awstype.TerraformType(r.Type)
	id, _ := r.Attributes["id"].(string)
	if !ok || id == "" {
		return liveRead{}, false
	}

	return liveRead{typ: t, id: id}, true
}

// projectRoleRead returns the read of a project's execution role when the
// state has no smus_iam_role with its ARN.
func projectRoleRead(env map[string]tfstate.Resource, r tfstate.Resource) (liveRead, bool) {
	if r.Type != "smus_project" {
		return liveRead{}, false
	}
	arn, _ := r.Attributes["project_execution_role"].(string)
	name := awstype.RoleNameFromARN(arn)
	if name == "" {
		return liveRead{}, false
	}
	for _, other := range env {
		if other.Type == "smus_iam_role" && other.Attributes["arn"] == arn {
			return liveRead{}, false
		}
	}

	return liveRead{typ: awstype.Role, id: name}, true
}

// readAll reads every distinct resource with a bounded number of workers.
func (c *comparer) readAll(ctx context.Context, client Reader, reads []liveRead) map[liveRead]liveResult {
	out := make(map[liveRead]liveResult, len(reads))
	var mu sync.Mutex
	var g errgroup.Group
	g.SetLimit(c.opts.Concurrency)
	seen := map[liveRead]bool{}
	for _, r := range reads {
		if seen[r] {
			continue
		}
		seen[r] = true
		g.Go(func() error {
			res, err := client.Get(ctx, r.typ.Name, r.id)
			mu.Lock()
			defer mu.Unlock()
			out[r] = liveResult{res: res, err: err}

			return nil
		})
	}
	_ = g.Wait() // each read keeps its own error in out

	return out
}

func (c *comparer) compareLiveResource(addr string, f, t tfstate.Resource, lf, lt *liveEnv,
	projects map[string][]string, report *Report,
) {
	rf, ok := resourceRead(f)
	rt, ok2 := resourceRead(t)
	if !ok || !ok2 {
		return
	}
	fm, tm, done := c.liveModels(addr, f.Type, lf.results[rf], lt.results[rt], report)
	if done {
		return
	}
	a, b := c.prepareLive(rf.typ, fm), c.prepareLive(rt.typ, tm)
	for _, d := range diffValues("", a, b, nil) {
		d.Address, d.Type, d.Source = addr, f.Type, SourceLive
		report.Properties = append(report.Properties, d)
	}
	if rf.typ == awstype.Role {
		c.compareLiveRole(addr, fm, tm, projects, report)
	}
}

// liveModels returns both read models, or done when a side could not be
// read; a resource missing on one side only is reported as one-sided.
func (c *comparer) liveModels(addr, typ string, f, t liveResult, report *Report) (
	fm, tm map[string]any, done bool,
) {
	fGone, tGone := errors.Is(f.err, cloudcontrol.ErrNotFound), errors.Is(t.err, cloudcontrol.ErrNotFound)
	switch {
	case fGone && tGone:
		return nil, nil, true
	case fGone && t.err == nil:
		report.Resources = append(report.Resources, ResourceDiff{Address: addr, Type: typ, Side: OnlyInTo, Source: SourceLive})

		return nil, nil, true
	case tGone && f.err == nil:
		report.Resources = append(report.Resources, ResourceDiff{Address: addr, Type: typ, Side: OnlyInFrom, Source: SourceLive})

		return nil, nil, true
	}
	ok := true
	for _, side := range []struct {
		env string
		r   liveResult
	}{{c.opts.From.Name, f}, {c.opts.To.Name, t}} {
		if side.r.err != nil && !errors.Is(side.r.err, cloudcontrol.ErrNotFound) {
			report.Errors = append(report.Errors, Error{Environment: side.env, Address: addr,
				Message: fmt.Sprintf("read the live resource: %v", side.r.err)})
			ok = false
		}
	}
	if !ok || f.res == nil || t.res == nil {
		return nil, nil, true
	}

	return f.res.Properties, t.res.Properties, false
}

func (c *comparer) compareProjectRole(addr string, from, to map[string]tfstate.Resource, lf, lt *liveEnv,
	report *Report,
) {
	rf, ok := projectRoleRead(from, from[addr])
	rt, ok2 := projectRoleRead(to, to[addr])
	if !ok || !ok2 {
		return
	}
	fm, tm, done := c.liveModels(addr+" (execution role)", awstype.Role.Name, lf.results[rf], lt.results[rt], report)
	if done {
		return
	}
	name, _ := from[addr].Attributes["name"].(string)
	c.compareLiveRole(addr, fm, tm, map[string][]string{addr: {c.norm.String(name)}}, report)
}

func (c *comparer) compareLiveRole(addr string, fm, tm map[string]any, projects map[string][]string, report *Report) {
	fp, err := c.livePolicies(fm)
	if err != nil {
		report.Errors = append(report.Errors, Error{Environment: c.opts.From.Name, Address: addr, Message: err.Error()})

		return
	}
	tp, err := c.livePolicies(tm)
	if err != nil {
		report.Errors = append(report.Errors, Error{Environment: c.opts.To.Name, Address: addr, Message: err.Error()})

		return
	}
	diff := RoleDiff{Address: addr, Source: SourceLive, FromRole: fp.name, ToRole: tp.name,
		Projects: projects[addr], Statements: diffRolePolicies(fp, tp)}
	if len(diff.Statements) > 0 {
		report.Roles = append(report.Roles, diff)
	}
}

// checkAccount calls STS GetCallerIdentity with a short timeout and checks
// that the caller's account is one that the state's ARNs name.
func (c *comparer) checkAccount(ctx context.Context, env Environment, resources map[string]tfstate.Resource) (
	string, error,
) {
	ctx, cancel := context.WithTimeout(ctx, c.opts.IdentityTimeout)
	defer cancel()
	id, err := env.Client.CallerIdentity(ctx)
	if err != nil {
		return "", identityError(env, c.opts.IdentityTimeout, err)
	}
	attrs := make([]any, 0, len(resources))
	for _, r := range resources {
		attrs = append(attrs, r.Attributes)
	}
	accounts := awstype.ARNAccounts(attrs)
	if len(accounts) == 0 || slices.Contains(accounts, id.Account) {
		return id.Account, nil
	}
	sort.Strings(accounts)

	return "", fmt.Errorf("environment %s: the credentials are for account %s, but the ARNs in its state name "+
		"account %s; pass credentials for account %s (--%s-profile, AWS_PROFILE_%s or --%s-account-key)",
		env.Name, id.Account, strings.Join(accounts, ", "), accounts[0], env.side, EnvVarSuffix(env.Name), env.side)
}

func identityError(env Environment, timeout time.Duration, err error) error {
	return fmt.Errorf("environment %s: %w", env.Name, cloudcontrol.CheckIdentityError(env.Endpoint, timeout,
		"set valid credentials for the environment's account", err))
}

// EnvVarSuffix returns an environment name in the form that the
// AWS_PROFILE_<ENV> variable uses: upper case, with every character other
// than a letter or digit replaced by "_".
func EnvVarSuffix(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		case (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9'):
			return r
		}

		return '_'
	}, name)
}
