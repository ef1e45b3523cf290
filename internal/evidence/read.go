package evidence

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// awsManagedNote is recorded for AWS managed policies.
const awsManagedNote = "AWS managed policy: Cloud Control has no resource for it, so its document was not read; " +
	"read it with `aws iam get-policy-version` or in the IAM console"

// reader makes the live reads of one Collect.
type reader struct {
	opts Options
	mu   sync.Mutex
}

// roles reads every role the projects use, once each, and then every
// customer managed policy attached to them.
func (r *reader) roles(ctx context.Context, projects []Project) ([]Role, error) {
	usage := map[string][]string{}
	for _, p := range projects {
		if p.ExecutionRole != "" {
			usage[p.ExecutionRole] = append(usage[p.ExecutionRole], p.Name+" (execution role)")
		}
		for _, g := range p.LakeFormation {
			if g.Principal != "" {
				usage[g.Principal] = appendUnique(usage[g.Principal], p.Name+" (Lake Formation principal)")
			}
		}
	}
	roles := make([]Role, 0, len(usage))
	for arn, used := range usage {
		sort.Strings(used)
		roles = append(roles, Role{Arn: arn, Name: awstype.RoleNameFromARN(arn), UsedBy: used,
			InlinePolicies: []Policy{}, ManagedPolicies: []ManagedPolicy{}})
	}
	sort.Slice(roles, func(i, j int) bool { return roles[i].Arn < roles[j].Arn })
	err := r.forEach(ctx, "read IAM roles", len(roles), func(ctx context.Context, i int) error {
		return r.readRole(ctx, &roles[i])
	})
	if err != nil {
		return nil, err
	}
	if err := r.managedPolicies(ctx, roles); err != nil {
		return nil, err
	}

	return roles, nil
}

func (r *reader) readRole(ctx context.Context, role *Role) error {
	if role.Name == "" {
		return fmt.Errorf("read IAM role %q: it is not an IAM role ARN (arn:aws:iam::<account>:role/<name>); "+
			"fix project_execution_role or the Lake Formation principal in the configuration", role.Arn)
	}
	res, err := r.opts.Client.Get(ctx, awstype.Role.Name, role.Name)
	if errors.Is(err, cloudcontrol.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read IAM role %s: %w", role.Name, err)
	}
	m := res.Properties
	role.Found = true
	role.Path, _ = m["Path"].(string)
	role.Description, _ = m["Description"].(string)
	role.MaxSessionDuration = m["MaxSessionDuration"]
	if role.TrustPolicy, err = livePolicy(role.Name, "AssumeRolePolicyDocument", m["AssumeRolePolicyDocument"]); err != nil {
		return err
	}
	list, _ := m["Policies"].([]any)
	for _, e := range list {
		p, _ := e.(map[string]any)
		name, _ := p["PolicyName"].(string)
		doc, err := livePolicy(role.Name, fmt.Sprintf("inline policy %q", name), p["PolicyDocument"])
		if err != nil {
			return err
		}
		role.InlinePolicies = append(role.InlinePolicies, Policy{Name: name, Document: doc})
	}
	sort.Slice(role.InlinePolicies, func(i, j int) bool { return role.InlinePolicies[i].Name < role.InlinePolicies[j].Name })
	arns, _ := m["ManagedPolicyArns"].([]any)
	for _, a := range arns {
		if s, ok := a.(string); ok {
			role.ManagedPolicies = append(role.ManagedPolicies, ManagedPolicy{Arn: s})
		}
	}
	sort.Slice(role.ManagedPolicies, func(i, j int) bool { return role.ManagedPolicies[i].Arn < role.ManagedPolicies[j].Arn })
	if b, _ := m["PermissionsBoundary"].(string); b != "" {
		role.PermissionsBoundary = &ManagedPolicy{Arn: b}
	}

	return nil
}

// livePolicy decodes a live policy document into its canonical form.
func livePolicy(role, what string, v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	doc, err := awstype.ParsePolicy(v)
	if err != nil {
		return nil, fmt.Errorf("IAM role %s: %s: %w; the live document must be a JSON object: fix it in the "+
			"configuration and apply, or in IAM, then collect evidence again", role, what, err)
	}

	return awstype.NormalizePolicy(doc), nil
}

// managedPolicies reads each customer managed policy once and fills the
// documents into every role that has it attached or as its boundary.
func (r *reader) managedPolicies(ctx context.Context, roles []Role) error {
	var refs []*ManagedPolicy
	for i := range roles {
		for j := range roles[i].ManagedPolicies {
			refs = append(refs, &roles[i].ManagedPolicies[j])
		}
		if roles[i].PermissionsBoundary != nil {
			refs = append(refs, roles[i].PermissionsBoundary)
		}
	}
	byARN := map[string]*ManagedPolicy{}
	var arns []string
	for _, ref := range refs {
		if awstype.IsAWSManagedPolicy(ref.Arn) {
			continue
		}
		if _, ok := byARN[ref.Arn]; !ok {
			byARN[ref.Arn] = &ManagedPolicy{Arn: ref.Arn}
			arns = append(arns, ref.Arn)
		}
	}
	sort.Strings(arns)
	err := r.forEach(ctx, "read managed policies", len(arns), func(ctx context.Context, i int) error {
		return r.readManagedPolicy(ctx, byARN[arns[i]])
	})
	if err != nil {
		return err
	}
	for _, ref := range refs {
		if awstype.IsAWSManagedPolicy(ref.Arn) {
			ref.AWSManaged, ref.Note = true, awsManagedNote

			continue
		}
		*ref = *byARN[ref.Arn]
	}

	return nil
}

func (r *reader) readManagedPolicy(ctx context.Context, p *ManagedPolicy) error {
	res, err := r.opts.Client.Get(ctx, awstype.ManagedPolicy.Name, p.Arn)
	if errors.Is(err, cloudcontrol.ErrNotFound) {
		p.Note = "not found in the account"

		return nil
	}
	if err != nil {
		return fmt.Errorf("read managed policy %s: %w", p.Arn, err)
	}
	p.DefaultVersionID, _ = res.Properties["DefaultVersionId"].(string)
	doc, err := awstype.ParsePolicy(res.Properties["PolicyDocument"])
	if err != nil {
		return fmt.Errorf("managed policy %s: %w; fix its document in IAM or in the configuration, then "+
			"collect evidence again", p.Arn, err)
	}
	p.Document = awstype.NormalizePolicy(doc)

	return nil
}

// grants reads the live status of every Lake Formation grant of the
// projects, once per identifier.
func (r *reader) grants(ctx context.Context, projects []Project, ix *index) error {
	ids := map[string]string{}
	for _, g := range ix.grants {
		ids[g.Address] = str(g.Attributes, "id")
	}
	var refs []*Grant
	for i := range projects {
		for j := range projects[i].LakeFormation {
			refs = append(refs, &projects[i].LakeFormation[j])
		}
	}
	live := map[string]*Grant{}
	var keys []string
	for _, g := range refs {
		id := ids[g.Address]
		if _, ok := live[id]; !ok && id != "" {
			live[id] = &Grant{}
			keys = append(keys, id)
		}
	}
	sort.Strings(keys)
	err := r.forEach(ctx, "read Lake Formation grants", len(keys), func(ctx context.Context, i int) error {
		return r.readGrant(ctx, keys[i], live[keys[i]])
	})
	if err != nil {
		return err
	}
	for _, g := range refs {
		l, ok := live[ids[g.Address]]
		if !ok {
			g.Live = "not checked: the state has no identifier"

			continue
		}
		g.Live, g.LivePermissions, g.LivePermissionsWithGrantOption = l.Live, l.LivePermissions,
			l.LivePermissionsWithGrantOption
	}

	return nil
}

func (r *reader) readGrant(ctx context.Context, id string, g *Grant) error {
	res, err := r.opts.Client.Get(ctx, awstype.PrincipalPermissions.Name, id)
	if errors.Is(err, cloudcontrol.ErrNotFound) {
		g.Live = "missing"

		return nil
	}
	if err != nil {
		return fmt.Errorf("read Lake Formation grant %s: %w", id, err)
	}
	g.Live = "present"
	g.LivePermissions = stringSet(res.Properties["Permissions"])
	g.LivePermissionsWithGrantOption = stringSet(res.Properties["PermissionsWithGrantOption"])

	return nil
}

// forEach runs fn for 0..n-1 with at most Concurrency calls in flight and
// reports progress; the first error cancels the rest and is returned.
func (r *reader) forEach(ctx context.Context, phase string, n int, fn func(context.Context, int) error) error {
	if n == 0 {
		return nil
	}
	r.opts.Progress.Begin(phase, n)
	defer r.opts.Progress.End()
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(r.opts.Concurrency)
	for i := 0; i < n && gctx.Err() == nil; i++ {
		g.Go(func() error {
			err := fn(gctx, i)
			r.mu.Lock()
			r.opts.Progress.Step()
			r.mu.Unlock()

			return err
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}

	return ctx.Err()
}

func appendUnique(list []string, s string) []string {
	for _, e := range list {
		if e == s {
			return list
		}
	}

	return append(list, s)
}
