package localcloud

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/smus-dev/smus/internal/awstype"
)

// Console actions: out-of-band edits, as a person would make them in the
// AWS console. They apply at once, bypass Cloud Control, and are recorded
// in the activity log.
const (
	ActionPutRolePolicy          = "put-role-policy"
	ActionDeleteRolePolicy       = "delete-role-policy"
	ActionCreateProject          = "create-project"
	ActionDeleteProject          = "delete-project"
	ActionDisableBlueprintRegion = "disable-blueprint-region"
	ActionSetProperty            = "set-property"
)

// ConsoleRequest is one console edit. Account, Region and Actor are always
// required; the other fields depend on Action.
type ConsoleRequest struct {
	Action  string `json:"action"`
	Account string `json:"account"`
	Region  string `json:"region"`
	Actor   string `json:"actor"`

	// put-role-policy and delete-role-policy. PolicyDocument is a JSON
	// object, or a JSON string that contains one.
	RoleName       string          `json:"role_name,omitempty"`
	PolicyName     string          `json:"policy_name,omitempty"`
	PolicyDocument json.RawMessage `json:"policy_document,omitempty"`

	// create-project, delete-project and disable-blueprint-region.
	// BlueprintID may also be a managed blueprint name such as "Tooling".
	DomainID        string `json:"domain_id,omitempty"`
	ProjectID       string `json:"project_id,omitempty"`
	ProjectName     string `json:"project_name,omitempty"`
	ProfileID       string `json:"profile_id,omitempty"`
	BlueprintID     string `json:"blueprint_id,omitempty"`
	BlueprintRegion string `json:"blueprint_region,omitempty"`

	// set-property: an RFC 6902 patch applied to the stored model, which
	// includes write-only values.
	TypeName   string          `json:"type_name,omitempty"`
	Identifier string          `json:"identifier,omitempty"`
	Patch      json.RawMessage `json:"patch,omitempty"`
}

// ConsoleResponse reports a console edit: the activity entries it wrote and
// the resource's read model afterwards (absent after a delete).
type ConsoleResponse struct {
	Activity   []ActivityEntry `json:"activity"`
	TypeName   string          `json:"type_name"`
	Identifier string          `json:"identifier"`
	Properties json.RawMessage `json:"properties,omitempty"`
}

// Console applies a console edit at once. Errors are *APIError: a missing
// resource is ResourceNotFoundException, a resource with a Cloud Control
// operation in flight is ResourceConflictException, bad input is
// ValidationException.
func (c *Cloud) Console(req ConsoleRequest) (*ConsoleResponse, error) {
	if !accountIDPattern.MatchString(req.Account) {
		return nil, apiErrorf("ValidationException", "account %q is not a 12-digit AWS account id.", req.Account)
	}
	if req.Region == "" || req.Actor == "" {
		return nil, apiErrorf("ValidationException", "region and actor are required for console action %q.", req.Action)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.finishDueLocked(time.Now())
	switch req.Action {
	case ActionPutRolePolicy, ActionDeleteRolePolicy:
		return c.editRolePolicyLocked(req)
	case ActionCreateProject:
		return c.createProjectLocked(req)
	case ActionDeleteProject:
		return c.deleteProjectLocked(req)
	case ActionDisableBlueprintRegion:
		return c.disableBlueprintRegionLocked(req)
	case ActionSetProperty:
		return c.setPropertyLocked(req)
	default:
		return nil, apiErrorf("ValidationException", "unknown console action %q; use one of %s, %s, %s, %s, %s, %s.",
			req.Action, ActionPutRolePolicy, ActionDeleteRolePolicy, ActionCreateProject, ActionDeleteProject,
			ActionDisableBlueprintRegion, ActionSetProperty)
	}
}

// consoleOperation is the handler context for a console edit, which lands
// at once.
func (c *Cloud) consoleOperation(req ConsoleRequest, t *awstype.Type) *operation {
	now := time.Now()

	return &operation{c: c, typ: t, account: req.Account, region: req.Region, caller: req.Actor, now: now, finish: now}
}

func (c *Cloud) consoleEntry(req ConsoleRequest, t *awstype.Type, key resourceKey, summary string) *ActivityEntry {
	return &ActivityEntry{Time: time.Now().UTC(), Account: req.Account, Region: key.Region, Actor: req.Actor,
		Action: req.Action, TypeName: t.Name, Identifier: key.Identifier, Summary: summary}
}

// editLocked changes one resource's model with edit and records it.
func (c *Cloud) editLocked(req ConsoleRequest, t *awstype.Type, id string,
	edit func(model map[string]any) (string, error),
) (*ConsoleResponse, error) {
	key := keyFor(req.Account, req.Region, t, id)
	res := c.st.resources[key]
	if res == nil {
		return nil, apiErrorf("ResourceNotFoundException", "%s was not found in account %s.", describe(t, id), req.Account)
	}
	if res.Busy != "" {
		return nil, apiErrorf("ResourceConflictException",
			"%s has a Cloud Control operation in progress (request token %s); retry when it has finished.",
			describe(t, id), res.Busy)
	}
	model := awstype.CloneModel(res.Model)
	summary, err := edit(model)
	if err != nil {
		return nil, err
	}
	if err := t.Validate(model); err != nil {
		return nil, apiErrorf("ValidationException", "the edited model is invalid: %v", err)
	}
	updated := &resource{Key: key, Hidden: res.Hidden}
	updated.setModel(t, model)

	return c.commitConsoleLocked([]*resource{updated}, nil, c.consoleEntry(req, t, key, summary))
}

func (c *Cloud) commitConsoleLocked(put []*resource, removed []resourceKey, entries ...*ActivityEntry) (*ConsoleResponse, error) {
	b := &batch{resources: put, removed: removed, activity: entries}
	if err := c.store.commit(b); err != nil {
		return nil, fmt.Errorf("commit console edit: %w", err)
	}
	for _, k := range removed {
		c.st.removeResource(k)
	}
	for _, r := range put {
		c.st.putResource(r)
	}
	out := &ConsoleResponse{TypeName: entries[0].TypeName, Identifier: entries[0].Identifier}
	for _, e := range entries {
		out.Activity = append(out.Activity, *e)
	}
	if len(put) > 0 {
		out.Properties = json.RawMessage(put[0].readJSON)
	}

	return out, nil
}

func (c *Cloud) editRolePolicyLocked(req ConsoleRequest) (*ConsoleResponse, error) {
	if req.RoleName == "" || req.PolicyName == "" {
		return nil, apiErrorf("ValidationException", "role_name and policy_name are required for %s.", req.Action)
	}
	var doc map[string]any
	if req.Action == ActionPutRolePolicy {
		var raw any
		if err := json.Unmarshal(req.PolicyDocument, &raw); err != nil {
			return nil, apiErrorf("ValidationException", "policy_document is not valid JSON: %v", err)
		}
		parsed, err := awstype.ParsePolicy(raw)
		if err != nil {
			return nil, apiErrorf("ValidationException", "policy_document: %v", err)
		}
		doc = parsed
	}

	return c.editLocked(req, awstype.Role, req.RoleName, func(model map[string]any) (string, error) {
		policies := listAt(model, "Policies")
		i := slices.IndexFunc(policies, func(p any) bool {
			m, _ := p.(map[string]any)

			return stringAt(m, "PolicyName") == req.PolicyName
		})
		if req.Action == ActionDeleteRolePolicy {
			if i < 0 {
				return "", apiErrorf("ResourceNotFoundException", "role %s has no inline policy %s.", req.RoleName, req.PolicyName)
			}
			model["Policies"] = slices.Delete(policies, i, i+1)

			return fmt.Sprintf("deleted inline policy %s", req.PolicyName), nil
		}
		entry := map[string]any{"PolicyName": req.PolicyName, "PolicyDocument": doc}
		if i < 0 {
			model["Policies"] = append(policies, entry)
		} else {
			policies[i] = entry
		}

		return fmt.Sprintf("put inline policy %s", req.PolicyName), nil
	})
}

func (c *Cloud) createProjectLocked(req ConsoleRequest) (*ConsoleResponse, error) {
	if req.DomainID == "" || req.ProjectName == "" || req.ProfileID == "" {
		return nil, apiErrorf("ValidationException", "domain_id, project_name and profile_id are required for %s.", req.Action)
	}
	desired := map[string]any{"DomainIdentifier": req.DomainID, "Name": req.ProjectName, "ProjectProfileId": req.ProfileID}
	t := awstype.Project
	if err := t.Validate(desired); err != nil {
		return nil, apiErrorf("ValidationException", "%v", err)
	}
	o := c.consoleOperation(req, t)
	ch, herr := createProject(o, desired)
	if herr != nil {
		return nil, consoleHandlerError(herr)
	}
	res := &resource{Key: o.key(t, ch.identifier)}
	res.setModel(t, ch.final)

	return c.commitConsoleLocked([]*resource{res}, nil, c.consoleEntry(req, t, res.Key, ch.summary))
}

func (c *Cloud) deleteProjectLocked(req ConsoleRequest) (*ConsoleResponse, error) {
	if req.DomainID == "" || req.ProjectID == "" {
		return nil, apiErrorf("ValidationException", "domain_id and project_id are required for %s.", req.Action)
	}
	t := awstype.Project
	o := c.consoleOperation(req, t)
	res := o.lookup(t, req.DomainID+"|"+req.ProjectID)
	if res == nil {
		return nil, apiErrorf("ResourceNotFoundException", "project %s was not found in domain %s.", req.ProjectID, req.DomainID)
	}
	if res.Busy != "" {
		return nil, apiErrorf("ResourceConflictException",
			"project %s has a Cloud Control operation in progress; retry when it has finished.", req.ProjectID)
	}
	ch, herr := removeProject(o, res)
	if herr != nil {
		return nil, consoleHandlerError(herr)
	}
	entries := make([]*ActivityEntry, 0, len(ch.removes))
	for _, k := range ch.removes {
		entries = append(entries, c.consoleEntry(req, awstype.MustLookup(k.TypeName), k, "deleted with project "+req.ProjectID))
	}
	entries[0].Summary = "deleted project"

	return c.commitConsoleLocked(nil, ch.removes, entries...)
}

func (c *Cloud) disableBlueprintRegionLocked(req ConsoleRequest) (*ConsoleResponse, error) {
	if req.DomainID == "" || req.BlueprintID == "" || req.BlueprintRegion == "" {
		return nil, apiErrorf("ValidationException",
			"domain_id, blueprint_id and blueprint_region are required for %s.", req.Action)
	}
	dom := c.st.resources[keyFor(req.Account, req.Region, awstype.Domain, req.DomainID)]
	if dom == nil {
		return nil, apiErrorf("ResourceNotFoundException", "domain %s was not found.", req.DomainID)
	}
	blueprintID, ok := resolveBlueprint(dom, req.BlueprintID)
	if !ok {
		return nil, apiErrorf("ResourceNotFoundException", "blueprint %s does not exist in domain %s.", req.BlueprintID, req.DomainID)
	}
	id := req.DomainID + "|" + blueprintID

	return c.editLocked(req, awstype.EnvironmentBlueprintConfiguration, id, func(model map[string]any) (string, error) {
		regions := listAt(model, "EnabledRegions")
		i := slices.Index(regions, any(req.BlueprintRegion))
		if i < 0 {
			return "", apiErrorf("ValidationException", "blueprint %s is not enabled in region %s.", blueprintID, req.BlueprintRegion)
		}
		model["EnabledRegions"] = slices.Delete(regions, i, i+1)

		return fmt.Sprintf("disabled region %s", req.BlueprintRegion), nil
	})
}

func (c *Cloud) setPropertyLocked(req ConsoleRequest) (*ConsoleResponse, error) {
	t, err := lookupType(req.TypeName)
	if err != nil {
		return nil, err
	}
	id, err := canonicalIdentifier(t, req.Identifier)
	if err != nil {
		return nil, err
	}
	ops, err := parsePatch(string(req.Patch))
	if err != nil {
		return nil, err
	}

	return c.editLocked(req, t, id, func(model map[string]any) (string, error) {
		patched, err := applyPatch(model, ops)
		if err != nil {
			return "", err
		}
		for _, name := range t.PrimaryIdentifier {
			if string(awstype.CanonicalJSON(model[name])) != string(awstype.CanonicalJSON(patched[name])) {
				return "", apiErrorf("ValidationException", "the patch changes %s, a part of the primary identifier.", name)
			}
		}
		summary := updateSummary(model, patched)
		clear(model)
		for k, v := range patched {
			model[k] = v
		}

		return summary, nil
	})
}

// consoleHandlerError maps a handler failure to the admin API error.
func consoleHandlerError(herr *handlerError) error {
	switch herr.Code {
	case codeNotFound:
		return apiErrorf("ResourceNotFoundException", "%s", herr.Message)
	case codeAlreadyExists, codeResourceConflict:
		return apiErrorf("ResourceConflictException", "%s", herr.Message)
	default:
		return apiErrorf("ValidationException", "%s", herr.Message)
	}
}
