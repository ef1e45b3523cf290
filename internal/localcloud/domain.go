package localcloud

import (
	"fmt"
	"strings"
	"time"

	"github.com/smus-dev/smus/internal/awstype"
)

// A domain takes 10 simulated minutes to become AVAILABLE, the middle of
// the 5 to 15 minutes that real domains take, and 2 to delete.
var domainHandler = &handler{
	create:     createDomain,
	update:     defaultUpdate,
	remove:     removeDomain,
	createTime: 10 * time.Minute,
	updateTime: defaultUpdateTime,
	deleteTime: 2 * time.Minute,
}

// blueprintKeyPrefix prefixes a managed blueprint's name in a domain's
// hidden state; the value is the blueprint's id in that domain.
const blueprintKeyPrefix = "blueprint:"

func createDomain(o *operation, desired map[string]any) (*change, *handlerError) {
	name := stringAt(desired, "Name")
	if herr := o.requireAssumableRole(stringAt(desired, "DomainExecutionRole")); herr != nil {
		return nil, herr
	}
	for _, r := range o.all(awstype.Domain) {
		if r.str("Name") == name {
			return nil, failf(codeAlreadyExists,
				"A domain named %q already exists in account %s in %s.", name, o.account, o.region)
		}
	}
	id := newDomainID()
	m := awstype.CloneModel(desired)
	m["Id"] = id
	m["Arn"] = fmt.Sprintf("arn:aws:datazone:%s:%s:domain/%s", o.region, o.account, id)
	m["PortalUrl"] = fmt.Sprintf("https://%s.sagemaker.%s.on.aws", id, o.region)
	m["RootDomainUnitId"] = newDataZoneID()
	m["ManagedAccountId"] = o.account
	m["CreatedAt"] = timestamp(o.now)
	m["LastUpdatedAt"] = timestamp(o.now)
	m["Status"] = "CREATING"
	if _, ok := m["DomainVersion"]; !ok {
		m["DomainVersion"] = "V1"
	}
	final := awstype.CloneModel(m)
	final["Status"] = "AVAILABLE"
	final["LastUpdatedAt"] = timestamp(o.finish)
	hidden := make(map[string]string, len(managedBlueprints))
	for _, bp := range managedBlueprints {
		hidden[blueprintKeyPrefix+bp.name] = newDataZoneID()
	}

	return &change{identifier: id, interim: m, final: final, hidden: hidden,
		summary: fmt.Sprintf("created domain %q", name)}, nil
}

// removeDomain deletes a domain with its blueprint configurations and
// project profiles, and fails while the domain still has projects, as
// DataZone does.
func removeDomain(o *operation, res *resource) (*change, *handlerError) {
	id := res.Key.Identifier
	var projects []string
	for _, p := range o.all(awstype.Project) {
		if p.str("DomainId") == id {
			projects = append(projects, p.str("Id"))
		}
	}
	if len(projects) > 0 {
		return nil, failf(codeResourceConflict,
			"Domain %s cannot be deleted because it still contains %d project(s): %s. Delete the projects first.",
			id, len(projects), strings.Join(projects, ", "))
	}
	removes := []resourceKey{res.Key}
	for _, t := range []*awstype.Type{awstype.EnvironmentBlueprintConfiguration, awstype.ProjectProfile} {
		for _, child := range o.all(t) {
			if child.str("DomainId") != id {
				continue
			}
			if child.Busy != "" {
				return nil, failf(codeResourceConflict,
					"Domain %s cannot be deleted while an operation runs on %s.", id, describe(t, child.Key.Identifier))
			}
			removes = append(removes, child.Key)
		}
	}
	interim := awstype.CloneModel(res.Model)
	interim["Status"] = "DELETING"

	return &change{identifier: id, interim: interim, removes: removes, summary: "deleted domain"}, nil
}
