package localcloud

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/smus-dev/smus/internal/awstype"
)

var projectHandler = &handler{
	create:     createProject,
	update:     updateProject,
	remove:     removeProject,
	createTime: 60 * time.Second,
	updateTime: defaultUpdateTime,
	deleteTime: defaultDeleteTime,
}

func createProject(o *operation, desired map[string]any) (*change, *handlerError) {
	domainID := stringAt(desired, "DomainIdentifier")
	dom, herr := o.requireDomain(domainID)
	if herr != nil {
		return nil, herr
	}
	if herr := o.checkProjectName(domainID, stringAt(desired, "Name"), ""); herr != nil {
		return nil, herr
	}
	profileID := stringAt(desired, "ProjectProfileId")
	if profileID == "" {
		return nil, failf(codeInvalidRequest, "ProjectProfileId is required to create a project in domain %s.", domainID)
	}
	profile := o.lookup(awstype.ProjectProfile, domainID+"|"+profileID)
	if profile == nil {
		return nil, failf(codeNotFound, "Project profile %s was not found in domain %s.", profileID, domainID)
	}
	if herr := o.unusable(awstype.ProjectProfile, profile); herr != nil {
		return nil, herr
	}
	if status := profile.str("Status"); status != "ENABLED" {
		return nil, failf(codeInvalidRequest, "Project profile %s is %s; enable it before creating projects from it.",
			profileID, status)
	}
	if herr := checkUserParameters(desired, profile); herr != nil {
		return nil, herr
	}
	id := newDataZoneID()
	m := awstype.CloneModel(desired)
	m["Id"] = id
	m["DomainId"] = domainID
	m["ProjectStatus"] = "ACTIVE"
	if _, ok := m["DomainUnitId"]; !ok {
		m["DomainUnitId"] = dom.str("RootDomainUnitId")
	}
	m["CreatedAt"] = timestamp(o.now)
	m["LastUpdatedAt"] = timestamp(o.now)
	m["CreatedBy"] = o.callerProfileID()

	return &change{identifier: domainID + "|" + id, final: m,
		summary: fmt.Sprintf("created project %q from profile %s", stringAt(m, "Name"), profileID)}, nil
}

func updateProject(o *operation, res *resource, desired map[string]any) (*change, *handlerError) {
	domainID := res.str("DomainId")
	if herr := o.checkProjectName(domainID, stringAt(desired, "Name"), res.Key.Identifier); herr != nil {
		return nil, herr
	}
	if profile := o.lookup(awstype.ProjectProfile, domainID+"|"+res.str("ProjectProfileId")); profile != nil {
		if herr := checkUserParameters(desired, profile); herr != nil {
			return nil, herr
		}
	}

	return defaultUpdate(o, res, desired)
}

// removeProject deletes a project and its memberships, and fails while an
// operation runs on one of the memberships.
func removeProject(o *operation, res *resource) (*change, *handlerError) {
	removes := []resourceKey{res.Key}
	for _, m := range o.all(awstype.ProjectMembership) {
		if m.str("DomainIdentifier") != res.str("DomainId") || m.str("ProjectIdentifier") != res.str("Id") {
			continue
		}
		if m.Busy != "" {
			return nil, failf(codeResourceConflict, "Project %s cannot be deleted while an operation runs on %s.",
				res.str("Id"), describe(awstype.ProjectMembership, m.Key.Identifier))
		}
		removes = append(removes, m.Key)
	}
	interim := awstype.CloneModel(res.Model)
	interim["ProjectStatus"] = "DELETING"

	return &change{identifier: res.Key.Identifier, interim: interim, removes: removes, summary: "deleted project"}, nil
}

// checkProjectName fails when another project in the domain has name.
func (o *operation) checkProjectName(domainID, name, self string) *handlerError {
	for _, p := range o.all(awstype.Project) {
		if p.Key.Identifier != self && p.str("DomainId") == domainID && p.str("Name") == name {
			return failf(codeAlreadyExists, "A project named %q already exists in domain %s.", name, domainID)
		}
	}

	return nil
}

// checkUserParameters fails when a user parameter names an environment
// configuration that the profile does not have.
func checkUserParameters(desired map[string]any, profile *resource) *handlerError {
	var names []any
	for _, v := range listAt(profile.Model, "EnvironmentConfigurations") {
		cfg, _ := v.(map[string]any)
		names = append(names, cfg["Name"])
	}
	for _, v := range listAt(desired, "UserParameters") {
		p, _ := v.(map[string]any)
		if name := p["EnvironmentConfigurationName"]; !slices.Contains(names, name) {
			known := make([]string, 0, len(names))
			for _, n := range names {
				known = append(known, fmt.Sprint(n))
			}

			return failf(codeInvalidRequest,
				"User parameters name environment configuration %v, which project profile %s does not have "+
					"(it has: %s).", name, profile.str("Id"), strings.Join(known, ", "))
		}
	}

	return nil
}
