package localcloud

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/smus-dev/smus/internal/awstype"
)

// Simulated durations shared by most types; a handler may override them.
// Open multiplies them by Options.TimeScale.
const (
	defaultUpdateTime = 5 * time.Second
	defaultDeleteTime = 5 * time.Second
	// failTime is how long a handler runs before it reports a failure.
	failTime = time.Second
	// cancelTime is how long CANCEL_IN_PROGRESS lasts.
	cancelTime = time.Second
	// maxPendingTime bounds the PENDING phase, which lasts a tenth of the
	// operation.
	maxPendingTime = time.Second
)

// handler is the per-type business logic of the emulator, the counterpart
// of a CloudFormation resource handler. Each function runs when Cloud
// Control accepts the request, decides the outcome from the current state,
// and returns it as a change that lands when the simulated time is up, or a
// handlerError that fails the request.
type handler struct {
	create func(o *operation, desired map[string]any) (*change, *handlerError)
	// update defaults to updateModel.
	update func(o *operation, res *resource, desired map[string]any) (*change, *handlerError)
	// remove defaults to removing the resource alone.
	remove func(o *operation, res *resource) (*change, *handlerError)

	createTime time.Duration
	updateTime time.Duration
	deleteTime time.Duration
}

// change is the outcome a handler decided.
type change struct {
	identifier string
	// interim is the full model while the operation runs; nil keeps the
	// current model, or shows final for a create.
	interim map[string]any
	// final is the full model after a create or update.
	final map[string]any
	// hidden is service-side state stored with final.
	hidden map[string]string
	// removes lists what a delete removes: the resource itself and any
	// children the service deletes with it.
	removes []resourceKey
	summary string
}

// handlers maps type names to their handlers; every awstype type has one.
var handlers = map[string]*handler{
	awstype.Domain.Name:                            domainHandler,
	awstype.EnvironmentBlueprintConfiguration.Name: blueprintConfigurationHandler,
	awstype.ProjectProfile.Name:                    projectProfileHandler,
	awstype.Project.Name:                           projectHandler,
	awstype.ProjectMembership.Name:                 projectMembershipHandler,
	awstype.Role.Name:                              roleHandler,
	awstype.PrincipalPermissions.Name:              principalPermissionsHandler,
	awstype.Parameter.Name:                         parameterHandler,
	awstype.ManagedPolicy.Name:                     managedPolicyHandler,
}

// operation is the context a handler reads: the caller, the clock and the state of
// the caller's account, read under Cloud.mu.
type operation struct {
	c       *Cloud
	typ     *awstype.Type
	account string
	region  string
	caller  string
	// now is when the request was accepted; finish is when its change
	// lands.
	now    time.Time
	finish time.Time
}

// isGlobal reports whether a type lives outside regions, as IAM does.
func isGlobal(t *awstype.Type) bool { return strings.HasPrefix(t.Name, "AWS::IAM::") }

func keyFor(account, region string, t *awstype.Type, id string) resourceKey {
	if isGlobal(t) {
		region = ""
	}

	return resourceKey{Account: account, Region: region, TypeName: t.Name, Identifier: id}
}

func (o *operation) key(t *awstype.Type, id string) resourceKey {
	return keyFor(o.account, o.region, t, id)
}

// lookup returns the resource of type t with identifier id, or nil.
func (o *operation) lookup(t *awstype.Type, id string) *resource {
	return o.c.st.resources[o.key(t, id)]
}

// all returns the resources of type t in the caller's account and region,
// sorted by identifier.
func (o *operation) all(t *awstype.Type) []*resource {
	m := o.c.st.byType[o.key(t, "").scope()]
	out := make([]*resource, 0, len(m))
	for _, r := range m {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b *resource) int { return strings.Compare(a.Key.Identifier, b.Key.Identifier) })

	return out
}

// timestamp formats t as the RFC 3339 strings that models carry.
func timestamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// callerProfileID is the stable DataZone user profile id of the caller, as
// CreatedBy fields show it.
func (o *operation) callerProfileID() string {
	return stableString(lowerAlnum, 14, o.account, o.caller)
}

// updateModel is the default update: the desired model, with write-only
// values the patch did not carry kept (the downstream update APIs change
// only what they are given), top-level read-only values kept, and the
// update timestamp set.
func updateModel(o *operation, res *resource, desired map[string]any) map[string]any {
	final := awstype.CloneModel(desired)
	for k, v := range o.typ.WriteOnlyValues(res.Model) {
		if _, ok := final[k]; !ok {
			final[k] = v
		}
	}
	for _, p := range o.typ.ReadOnly {
		segs := awstype.Segments(p)
		if len(segs) != 1 {
			continue
		}
		if v, ok := res.Model[segs[0]]; ok {
			final[segs[0]] = awstype.Clone(v)
		} else {
			delete(final, segs[0])
		}
	}
	for _, name := range []string{"LastUpdatedAt", "UpdatedAt"} {
		if o.typ.IsReadOnly("/" + name) {
			final[name] = timestamp(o.finish)
		}
	}

	return final
}

func defaultUpdate(o *operation, res *resource, desired map[string]any) (*change, *handlerError) {
	final := updateModel(o, res, desired)

	return &change{identifier: res.Key.Identifier, final: final, summary: updateSummary(res.Model, final)}, nil
}

func defaultRemove(_ *operation, res *resource) (*change, *handlerError) {
	return &change{identifier: res.Key.Identifier, removes: []resourceKey{res.Key}, summary: "deleted"}, nil
}

// updateSummary names the top-level properties that differ, without their
// values, because some of them are secrets.
func updateSummary(old, updated map[string]any) string {
	var names []string
	for k, v := range updated {
		if k == "LastUpdatedAt" || k == "UpdatedAt" {
			continue
		}
		if string(awstype.CanonicalJSON(old[k])) != string(awstype.CanonicalJSON(v)) {
			names = append(names, k)
		}
	}
	for k := range old {
		if _, ok := updated[k]; !ok {
			names = append(names, k)
		}
	}
	if len(names) == 0 {
		return "updated with no property changes"
	}
	slices.Sort(names)

	return "updated " + strings.Join(names, ", ")
}

// stringAt returns the string at a top-level property of m, or "".
func stringAt(m map[string]any, name string) string {
	s, _ := m[name].(string)

	return s
}

// objectAt returns the object at a top-level property of m, or nil.
func objectAt(m map[string]any, name string) map[string]any {
	v, _ := m[name].(map[string]any)

	return v
}

// listAt returns the array at a top-level property of m, or nil.
func listAt(m map[string]any, name string) []any {
	v, _ := m[name].([]any)

	return v
}

// requireDomain returns the domain with id, failing unless it exists and is
// AVAILABLE, the state DataZone needs before anything is created in it.
func (o *operation) requireDomain(id string) (*resource, *handlerError) {
	if id == "" {
		return nil, failf(codeInvalidRequest, "DomainIdentifier is required.")
	}
	dom := o.lookup(awstype.Domain, id)
	if dom == nil {
		return nil, notFound(awstype.Domain.Name, id)
	}
	if status := dom.str("Status"); status != "AVAILABLE" {
		return nil, failf(codeInvalidRequest,
			"Domain %s is in status %s; wait until its status is AVAILABLE.", id, status)
	}

	return dom, nil
}

// unusable fails when res is being created or deleted, because nothing can
// be built on it then.
func (o *operation) unusable(t *awstype.Type, res *resource) *handlerError {
	r := o.c.st.requests[res.Busy]
	switch {
	case r == nil || r.Failure != nil || r.Operation == opUpdate:
		return nil
	case r.Operation == opCreate:
		return failf(codeInvalidRequest, "%s is still being created; retry when it is ready.",
			describe(t, res.Key.Identifier))
	default:
		return failf(codeInvalidRequest, "%s is being deleted.", describe(t, res.Key.Identifier))
	}
}

func describe(t *awstype.Type, id string) string { return fmt.Sprintf("%s %s", t.Name, id) }
