package localcloud

import (
	"fmt"
	"slices"
	"time"

	"github.com/smus-dev/smus/internal/awstype"
)

var blueprintConfigurationHandler = &handler{
	create:     createBlueprintConfiguration,
	update:     defaultUpdate,
	remove:     defaultRemove,
	createTime: 20 * time.Second,
	updateTime: defaultUpdateTime,
	deleteTime: defaultDeleteTime,
}

// resolveBlueprint returns the id of the managed blueprint that ref names,
// by id or by name, as the DataZone handler accepts both.
func resolveBlueprint(dom *resource, ref string) (string, bool) {
	if id, ok := dom.Hidden[blueprintKeyPrefix+ref]; ok {
		return id, true
	}
	for k, id := range dom.Hidden {
		if id == ref && len(k) > len(blueprintKeyPrefix) {
			return id, true
		}
	}

	return "", false
}

func createBlueprintConfiguration(o *operation, desired map[string]any) (*change, *handlerError) {
	domainID := stringAt(desired, "DomainIdentifier")
	dom, herr := o.requireDomain(domainID)
	if herr != nil {
		return nil, herr
	}
	ref := stringAt(desired, "EnvironmentBlueprintIdentifier")
	blueprintID, ok := resolveBlueprint(dom, ref)
	if !ok {
		return nil, failf(codeInvalidRequest, "Managed Environment Blueprint with %s doesn't exist in domain %s.",
			ref, domainID)
	}
	id := domainID + "|" + blueprintID
	if o.lookup(awstype.EnvironmentBlueprintConfiguration, id) != nil {
		return nil, failf(codeAlreadyExists, "Configuration for default blueprint %s in domain %s already exists.",
			blueprintID, domainID)
	}
	m := awstype.CloneModel(desired)
	m["DomainId"] = domainID
	m["EnvironmentBlueprintId"] = blueprintID
	m["CreatedAt"] = timestamp(o.now)
	m["UpdatedAt"] = timestamp(o.now)

	return &change{identifier: id, final: m,
		summary: fmt.Sprintf("enabled blueprint %s in regions %v", blueprintID, listAt(m, "EnabledRegions"))}, nil
}

// enabledIn reports whether a blueprint configuration enables region.
func enabledIn(cfg *resource, region string) bool {
	return slices.Contains(listAt(cfg.Model, "EnabledRegions"), any(region))
}
