package provider

import (
	"context"
	"errors"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// liveIndex caches the reads that checkLiveKey makes for one configured
// provider: the live resources of a type in a domain, and the managed
// blueprints of a domain. Terraform configures the provider again for each
// plan and apply, so a cached read lasts for one of them.
type liveIndex struct {
	listings   onceMap[[]cloudcontrol.Resource]
	blueprints onceMap[[]cloudcontrol.Blueprint]
}

func newLiveIndex() *liveIndex {
	return &liveIndex{}
}

// onceMap runs the load function of each key once, even when resources are
// planned concurrently, and returns its result to every later caller. A
// failed load is cached too, so a denied read is not repeated.
type onceMap[T any] struct {
	mu      sync.Mutex
	entries map[string]*onceValue[T]
}

type onceValue[T any] struct {
	once  sync.Once
	value T
	err   error
}

func (m *onceMap[T]) get(key string, load func() (T, error)) (T, error) {
	m.mu.Lock()
	if m.entries == nil {
		m.entries = map[string]*onceValue[T]{}
	}
	e, ok := m.entries[key]
	if !ok {
		e = &onceValue[T]{}
		m.entries[key] = e
	}
	m.mu.Unlock()

	e.once.Do(func() { e.value, e.err = load() })

	return e.value, e.err
}

// liveCheckedTypes are the types whose creates checkLiveKey checks. The
// others are left to apply: domains, memberships and Lake Formation
// permissions.
var liveCheckedTypes = map[*awstype.Type]bool{
	awstype.Role:           true,
	awstype.Project:        true,
	awstype.ProjectProfile: true,
	awstype.EnvironmentBlueprintConfiguration: true,
}

// checkLiveKey rejects a planned create whose natural key already belongs
// to a live resource, such as a project created by hand or managed by
// another state, because the create would fail with AlreadyExists during
// apply. When the check itself fails, it adds a warning and lets the plan
// go on.
//
// Calls per configured provider:
//   - IAM roles: one GetResource per role.
//   - Projects and project profiles: one ListResources (all its pages) per
//     type and domain.
//   - Blueprints: one ListEnvironmentBlueprints and one ListResources per
//     domain.
//   - A match: one GetResource more, which confirms that the listed
//     resource still exists.
//
// A plan followed by an apply makes these calls twice, because each
// configures the provider.
func (r *engineResource[M, P]) checkLiveKey(ctx context.Context, key naturalKey,
	resp *resource.ModifyPlanResponse,
) {
	if !liveCheckedTypes[r.spec.cfn] {
		return
	}
	values := map[string]string{}
	for _, p := range key.parts {
		if p.null {
			return
		}
		values[p.attribute] = p.value
	}
	ctx = tflog.SetField(ctx, keyNaturalKey, key.String())

	identifier, err := r.findLiveKey(ctx, values)
	if err != nil {
		tflog.Warn(ctx, "could not check the natural key against live resources", map[string]any{
			"error": err.Error(),
		})
		resp.Diagnostics.Append(liveKeyNotCheckedDiag(r.spec.typeName(), key.String(), err))

		return
	}
	if identifier == "" {
		tflog.Debug(ctx, "no live resource has the natural key")

		return
	}

	tflog.Warn(ctx, "a live resource has the natural key", map[string]any{keyIdentifier: identifier})
	addresses := findAddresses(".", r.spec.typeName(), r.spec.nameAttribute, values[r.spec.nameAttribute])
	resp.Diagnostics.Append(resourceExistsDiag(r.spec.typeName(), key.String(), identifier,
		r.spec.nameAttribute, addresses))
}

// findLiveKey returns the Cloud Control identifier of the live resource of
// the spec's type whose natural key has values, keyed by attribute name,
// or "" when there is none or the type is not checked.
func (r *engineResource[M, P]) findLiveKey(ctx context.Context, values map[string]string) (string, error) {
	client, index := r.data.client, r.data.live
	var identifier string
	var err error
	switch r.spec.cfn {
	case awstype.Role:
		return liveRole(ctx, client, values["name"])
	case awstype.Project, awstype.ProjectProfile:
		identifier, err = index.find(ctx, client, r.spec.cfn, values["domain_id"], "Name", values["name"])
	case awstype.EnvironmentBlueprintConfiguration:
		identifier, err = index.findBlueprint(ctx, client, values["domain_id"], values["blueprint_name"])
	default:
		return "", nil
	}
	if err != nil || identifier == "" {
		return "", err
	}

	return confirmLive(ctx, client, r.spec.cfn, identifier)
}

// liveRole reads the role by name and returns "" when no role has it.
func liveRole(ctx context.Context, client *cloudcontrol.Client, name string) (string, error) {
	res, err := client.Get(ctx, awstype.Role.Name, name)
	if errors.Is(err, cloudcontrol.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}

	return res.Identifier, nil
}

// confirmLive reads a listed resource again. A listing may be older than a
// delete of the same apply, such as the delete half of a replacement, and
// a resource that is gone does not block the create.
func confirmLive(ctx context.Context, client *cloudcontrol.Client, typ *awstype.Type,
	identifier string,
) (string, error) {
	_, err := client.Get(ctx, typ.Name, identifier)
	if errors.Is(err, cloudcontrol.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}

	return identifier, nil
}

// find returns the identifier of the resource of typ in the domain whose
// property has value.
func (x *liveIndex) find(ctx context.Context, client *cloudcontrol.Client, typ *awstype.Type,
	domainID, property, value string,
) (string, error) {
	listed, err := x.list(ctx, client, typ, domainID)
	if err != nil {
		return "", err
	}
	identifier, _ := findLive(listed, map[string]string{"DomainId": domainID, property: value})

	return identifier, nil
}

// findBlueprint returns the identifier of the blueprint configuration that
// enables the managed blueprint named name in the domain. A name that the
// domain does not have returns "", because the create reports that itself.
func (x *liveIndex) findBlueprint(ctx context.Context, client *cloudcontrol.Client,
	domainID, name string,
) (string, error) {
	blueprints, err := x.blueprints.get(domainID, func() ([]cloudcontrol.Blueprint, error) {
		return client.ManagedBlueprints(ctx, domainID)
	})
	if errors.Is(err, cloudcontrol.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	for _, b := range blueprints {
		if b.Name == name {
			return x.find(ctx, client, awstype.EnvironmentBlueprintConfiguration, domainID,
				"EnvironmentBlueprintId", b.ID)
		}
	}

	return "", nil
}

// list returns the live resources of typ in the domain. A domain that does
// not exist has none.
func (x *liveIndex) list(ctx context.Context, client *cloudcontrol.Client, typ *awstype.Type,
	domainID string,
) ([]cloudcontrol.Resource, error) {
	listed, err := x.listings.get(typ.Name+"|"+domainID, func() ([]cloudcontrol.Resource, error) {
		return client.List(ctx, typ.Name, map[string]any{"DomainIdentifier": domainID})
	})
	if errors.Is(err, cloudcontrol.ErrNotFound) {
		return nil, nil
	}

	return listed, err
}

// findLive returns the identifier of the first resource whose properties
// hold every value of want as a string.
//
// NOTE: Cloud Control only promises the primary identifier in a listed
// model. A list handler that leaves out a compared property, such as Name,
// never matches here, and the create fails during apply as before.
func findLive(resources []cloudcontrol.Resource, want map[string]string) (string, bool) {
	for _, res := range resources {
		if matchesAll(res.Properties, want) {
			return res.Identifier, true
		}
	}

	return "", false
}

func matchesAll(properties map[string]any, want map[string]string) bool {
	for name, value := range want {
		if got, ok := properties[name].(string); !ok || got != value {
			return false
		}
	}

	return true
}
