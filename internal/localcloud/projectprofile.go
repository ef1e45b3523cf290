package localcloud

import (
	"fmt"
	"time"

	"github.com/smus-dev/smus/internal/awstype"
)

var projectProfileHandler = &handler{
	create:     createProjectProfile,
	update:     updateProjectProfile,
	remove:     defaultRemove,
	createTime: 5 * time.Second,
	updateTime: defaultUpdateTime,
	deleteTime: defaultDeleteTime,
}

func createProjectProfile(o *operation, desired map[string]any) (*change, *handlerError) {
	domainID := stringAt(desired, "DomainIdentifier")
	dom, herr := o.requireDomain(domainID)
	if herr != nil {
		return nil, herr
	}
	if herr := o.checkProfileName(domainID, stringAt(desired, "Name"), ""); herr != nil {
		return nil, herr
	}
	if herr := o.checkEnvironmentConfigurations(domainID, desired); herr != nil {
		return nil, herr
	}
	id := newDataZoneID()
	m := awstype.CloneModel(desired)
	m["Id"] = id
	m["Identifier"] = id
	m["DomainId"] = domainID
	m["DomainUnitId"] = dom.str("RootDomainUnitId")
	if unit := stringAt(desired, "DomainUnitIdentifier"); unit != "" {
		m["DomainUnitId"] = unit
	}
	if _, ok := m["Status"]; !ok {
		m["Status"] = "ENABLED"
	}
	m["CreatedAt"] = timestamp(o.now)
	m["LastUpdatedAt"] = timestamp(o.now)
	m["CreatedBy"] = o.callerProfileID()
	fillEnvironmentConfigurations(m, nil)

	return &change{identifier: domainID + "|" + id, final: m,
		summary: fmt.Sprintf("created project profile %q", stringAt(m, "Name"))}, nil
}

func updateProjectProfile(o *operation, res *resource, desired map[string]any) (*change, *handlerError) {
	domainID := res.str("DomainId")
	if herr := o.checkProfileName(domainID, stringAt(desired, "Name"), res.Key.Identifier); herr != nil {
		return nil, herr
	}
	if herr := o.checkEnvironmentConfigurations(domainID, desired); herr != nil {
		return nil, herr
	}
	final := updateModel(o, res, desired)
	fillEnvironmentConfigurations(final, listAt(res.Model, "EnvironmentConfigurations"))

	return &change{identifier: res.Key.Identifier, final: final, summary: updateSummary(res.Model, final)}, nil
}

// checkProfileName fails when another profile in the domain has name.
func (o *operation) checkProfileName(domainID, name, self string) *handlerError {
	for _, p := range o.all(awstype.ProjectProfile) {
		if p.Key.Identifier != self && p.str("DomainId") == domainID && p.str("Name") == name {
			return failf(codeAlreadyExists, "A project profile named %q already exists in domain %s.", name, domainID)
		}
	}

	return nil
}

// checkEnvironmentConfigurations fails unless every environment
// configuration names a blueprint that the domain enables in its region.
func (o *operation) checkEnvironmentConfigurations(domainID string, m map[string]any) *handlerError {
	for _, v := range listAt(m, "EnvironmentConfigurations") {
		cfg, _ := v.(map[string]any)
		blueprintID := stringAt(cfg, "EnvironmentBlueprintId")
		region := stringAt(objectAt(cfg, "AwsRegion"), "RegionName")
		ebc := o.lookup(awstype.EnvironmentBlueprintConfiguration, domainID+"|"+blueprintID)
		if ebc == nil {
			return failf(codeInvalidRequest,
				"Environment blueprint %s is not enabled in domain %s; create its blueprint configuration first.",
				blueprintID, domainID)
		}
		if herr := o.unusable(awstype.EnvironmentBlueprintConfiguration, ebc); herr != nil {
			return herr
		}
		if !enabledIn(ebc, region) {
			return failf(codeInvalidRequest,
				"Environment blueprint %s is not enabled in region %s in domain %s; add the region to the "+
					"blueprint configuration's EnabledRegions.", blueprintID, region, domainID)
		}
	}

	return nil
}

// fillEnvironmentConfigurations sets the read-only members of each
// environment configuration: an id (kept from previous when a
// configuration of the same name existed) and the resolved parameters.
func fillEnvironmentConfigurations(m map[string]any, previous []any) {
	ids := map[string]string{}
	for _, v := range previous {
		cfg, _ := v.(map[string]any)
		ids[stringAt(cfg, "Name")] = stringAt(cfg, "EnvironmentConfigurationId")
	}
	for _, v := range listAt(m, "EnvironmentConfigurations") {
		cfg, ok := v.(map[string]any)
		if !ok {
			continue
		}
		id := ids[stringAt(cfg, "Name")]
		if id == "" {
			id = newDataZoneID()
		}
		cfg["EnvironmentConfigurationId"] = id
		params := objectAt(cfg, "ConfigurationParameters")
		if params == nil {
			continue
		}
		resolved := []any{}
		for _, p := range listAt(params, "ParameterOverrides") {
			override, _ := p.(map[string]any)
			entry := map[string]any{"Name": override["Name"], "IsEditable": false}
			if value, ok := override["Value"]; ok {
				entry["Value"] = value
			}
			if editable, ok := override["IsEditable"]; ok {
				entry["IsEditable"] = editable
			}
			resolved = append(resolved, entry)
		}
		params["ResolvedParameters"] = resolved
	}
}
