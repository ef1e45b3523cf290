package importer

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// DefaultConcurrency is the number of Cloud Control and DataZone calls
// Discover keeps in flight. It is enough for the client's rate limiter, not the latency of
// each call, to set the pace at the default request rate.
const DefaultConcurrency = 8

// DiscoverInput names the domain to discover and how.
type DiscoverInput struct {
	// Client reads the account. It needs STS and DataZone clients, so it
	// must come from cloudcontrol.NewFromConfig.
	Client *cloudcontrol.Client
	// DomainID is the domain id, such as dzd_4p9n6sw4qt9xgn.
	DomainID string
	// Region is the region of the client, quoted in errors.
	Region string
	// Concurrency bounds the calls in flight; zero or less selects
	// DefaultConcurrency.
	Concurrency int
}

// Discover reads the domain and everything under it, and the write-only
// values that the DataZone API returns for them. It fails when the domain
// does not exist, when the caller may not read or list one of the types
// through Cloud Control (the error names the IAM actions), and when the
// endpoint cannot be reached. A role that cannot be read is not an error:
// it stays a literal ARN and the inventory notes why. A DataZone read that
// fails is not an error either: the values it would have returned become
// input variables and the inventory warns why.
func Discover(ctx context.Context, in DiscoverInput) (*Inventory, error) {
	if !strings.HasPrefix(in.DomainID, "dzd") {
		return nil, fmt.Errorf("invalid domain id %q: a DataZone domain id starts with dzd_, such as %s",
			in.DomainID, awstype.Domain.IdentifierExample)
	}
	if in.Concurrency <= 0 {
		in.Concurrency = DefaultConcurrency
	}
	identity, err := in.Client.CallerIdentity(ctx)
	if err != nil {
		return nil, fmt.Errorf("identify the caller with STS GetCallerIdentity (check the endpoint, "+
			"region and credentials): %w", err)
	}
	inv := &Inventory{Account: identity.Account, Region: in.Region}
	d := &discovery{in: in, inv: inv}
	if err := d.domain(ctx); err != nil {
		return nil, err
	}
	if err := d.children(ctx); err != nil {
		return nil, err
	}
	if err := d.memberships(ctx); err != nil {
		return nil, err
	}
	// The roles come last because the domain's service role and the Lake
	// Formation registration roles are write-only values.
	if err := d.writeOnly(ctx); err != nil {
		return nil, err
	}
	d.roles(ctx)
	inv.Notes = append(inv.Notes, lakeFormationNote)

	return inv, nil
}

// lakeFormationNote explains why no Lake Formation grant is imported.
const lakeFormationNote = "Lake Formation grants (AWS::LakeFormation::PrincipalPermissions) cannot be " +
	"discovered through Cloud Control, which has no list handler for them; declare the grants of the " +
	"project and domain roles by hand with smus_lake_formation_permissions."

// discovery is one Discover run.
type discovery struct {
	in  DiscoverInput
	inv *Inventory
	mu  sync.Mutex
}

func (d *discovery) domain(ctx context.Context) error {
	res, err := d.in.Client.Get(ctx, awstype.Domain.Name, d.in.DomainID)
	if errors.Is(err, cloudcontrol.ErrNotFound) || (err == nil && awstype.Domain.IsDeleted(res.Properties)) {
		return fmt.Errorf("domain %s not found in account %s region %s; list domains with "+
			"`aws datazone list-domains --region %s` and check --region", d.in.DomainID, d.inv.Account,
			d.in.Region, d.in.Region)
	}
	if err != nil {
		return readError(awstype.Domain, d.in.DomainID, err)
	}
	d.inv.Domain = *res

	return nil
}

// children lists the blueprint configurations, profiles and projects of the
// domain and the managed blueprints, all at once.
func (d *discovery) children(ctx context.Context) error {
	scope := map[string]any{"DomainIdentifier": d.in.DomainID}
	var blueprints, profiles, projects []cloudcontrol.Resource
	var managed []cloudcontrol.Blueprint
	tasks := []func() error{
		func() (err error) {
			blueprints, err = d.list(ctx, awstype.EnvironmentBlueprintConfiguration, scope)
			return err
		},
		func() (err error) {
			// Profiles list without a scope; the domain filters them.
			profiles, err = d.list(ctx, awstype.ProjectProfile, nil)
			return err
		},
		func() (err error) {
			projects, err = d.list(ctx, awstype.Project, scope)
			return err
		},
		func() (err error) {
			managed, err = d.in.Client.ManagedBlueprints(ctx, d.in.DomainID)
			if err != nil {
				err = fmt.Errorf("list the managed blueprints of domain %s (DataZone "+
					"ListEnvironmentBlueprints; needs datazone:ListEnvironmentBlueprints): %w", d.in.DomainID, err)
			}
			return err
		},
	}
	if err := runAll(ctx, d.in.Concurrency, len(tasks), func(i int) error { return tasks[i]() }); err != nil {
		return err
	}
	d.inv.Blueprints = namedBlueprints(blueprints, managed)
	d.inv.Profiles = inDomain(profiles, d.in.DomainID)
	complete, err := d.completeProjects(ctx, inDomain(projects, d.in.DomainID))
	d.inv.Projects = complete

	return err
}

// completeProjects reads each listed project whose list entry lacks its
// name, because some list handlers return only identifier properties.
func (d *discovery) completeProjects(ctx context.Context, projects []cloudcontrol.Resource) (
	[]cloudcontrol.Resource, error,
) {
	err := runAll(ctx, d.in.Concurrency, len(projects), func(i int) error {
		if _, ok := projects[i].Properties["Name"]; ok {
			return nil
		}
		res, err := d.in.Client.Get(ctx, awstype.Project.Name, projects[i].Identifier)
		if err != nil {
			return readError(awstype.Project, projects[i].Identifier, err)
		}
		projects[i] = *res

		return nil
	})

	return projects, err
}

// memberships lists the members of every project.
func (d *discovery) memberships(ctx context.Context) error {
	perProject := make([][]cloudcontrol.Resource, len(d.inv.Projects))
	err := runAll(ctx, d.in.Concurrency, len(d.inv.Projects), func(i int) error {
		projectID, _ := d.inv.Projects[i].Properties["Id"].(string)
		scope := map[string]any{"DomainIdentifier": d.in.DomainID, "ProjectIdentifier": projectID}
		list, err := d.list(ctx, awstype.ProjectMembership, scope)
		perProject[i] = list

		return err
	})
	if err != nil {
		return err
	}
	for _, list := range perProject {
		d.inv.Memberships = append(d.inv.Memberships, list...)
	}
	sortResources(d.inv.Memberships)

	return nil
}

func (d *discovery) list(ctx context.Context, t *awstype.Type, scope map[string]any) ([]cloudcontrol.Resource, error) {
	list, err := d.in.Client.List(ctx, t.Name, scope)
	if err != nil {
		return nil, listError(t, d.in.DomainID, err)
	}
	sortResources(list)

	return list, nil
}

// runAll calls fn for 0..n-1 with at most limit calls at once and returns
// the first error. After an error no new call starts.
func runAll(ctx context.Context, limit, n int, fn func(i int) error) error {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	for i := 0; i < n && gctx.Err() == nil; i++ {
		g.Go(func() error { return fn(i) })
	}
	if err := g.Wait(); err != nil {
		return err
	}

	return ctx.Err()
}

func sortResources(list []cloudcontrol.Resource) {
	sort.Slice(list, func(a, b int) bool { return list[a].Identifier < list[b].Identifier })
}

// inDomain keeps the resources whose DomainId (or DomainIdentifier) is
// domainID.
func inDomain(list []cloudcontrol.Resource, domainID string) []cloudcontrol.Resource {
	var out []cloudcontrol.Resource
	for _, r := range list {
		id, _ := r.Properties["DomainId"].(string)
		if id == "" {
			id, _ = r.Properties["DomainIdentifier"].(string)
		}
		if id == domainID {
			out = append(out, r)
		}
	}

	return out
}

func namedBlueprints(configs []cloudcontrol.Resource, managed []cloudcontrol.Blueprint) []Blueprint {
	names := make(map[string]string, len(managed))
	for _, b := range managed {
		names[b.ID] = b.Name
	}
	out := make([]Blueprint, 0, len(configs))
	for _, c := range configs {
		id, _ := c.Properties["EnvironmentBlueprintId"].(string)
		out = append(out, Blueprint{Resource: c, Name: names[id]})
	}

	return out
}
