package localcloud

import (
	"net/url"
	"slices"
	"strings"

	"github.com/smus-dev/smus/internal/awstype"
)

type listProjectMembershipsOutput struct {
	Members   []projectMember `json:"members"`
	NextToken string          `json:"nextToken,omitempty"`
}

type projectMember struct {
	Designation   string        `json:"designation"`
	MemberDetails memberDetails `json:"memberDetails"`
}

// memberDetails is a union of user and group.
type memberDetails struct {
	User  *userDetails  `json:"user,omitempty"`
	Group *groupDetails `json:"group,omitempty"`
}

type userDetails struct {
	UserID string `json:"userId"`
}

type groupDetails struct {
	GroupID string `json:"groupId"`
}

// listProjectMemberships implements ListProjectMemberships: GET
// /v2/domains/{domainIdentifier}/projects/{projectIdentifier}/memberships
// with the query members maxResults (1 to 50) and nextToken. It lists the
// project's AWS::DataZone::ProjectMembership resources, ordered by
// identifier, with their designations, which a Cloud Control read does not
// return.
func (c *Cloud) listProjectMemberships(call *apiCall, domainID, projectID string, q url.Values) (
	any, *APIError,
) {
	pg, apiErr := readPage(q, 50)
	if apiErr != nil {
		return nil, apiErr
	}
	c.settle()
	c.mu.RLock()
	defer c.mu.RUnlock()
	if _, apiErr := c.dataZoneDomain(call, domainID); apiErr != nil {
		return nil, apiErr
	}
	if c.st.resources[keyFor(call.account, call.region, awstype.Project, domainID+"|"+projectID)] == nil {
		return nil, apiErrorf("ResourceNotFoundException",
			"Project %s was not found in domain %s.", projectID, domainID)
	}
	members := c.projectMembers(call, domainID, projectID)
	start, end, next := pg.bounds(len(members))

	return &listProjectMembershipsOutput{Members: members[start:end], NextToken: next}, nil
}

// projectMembers returns the members of a project ordered by membership
// identifier. The caller holds c.mu.
func (c *Cloud) projectMembers(call *apiCall, domainID, projectID string) []projectMember {
	scope := keyFor(call.account, call.region, awstype.ProjectMembership, "").scope()
	var found []*resource
	for _, r := range c.st.byType[scope] {
		if r.str("DomainIdentifier") == domainID && r.str("ProjectIdentifier") == projectID {
			found = append(found, r)
		}
	}
	slices.SortFunc(found, func(a, b *resource) int {
		return strings.Compare(a.Key.Identifier, b.Key.Identifier)
	})
	members := make([]projectMember, 0, len(found))
	for _, r := range found {
		m := projectMember{Designation: r.str("Designation")}
		if r.str("MemberIdentifierType") == "GROUP_IDENTIFIER" {
			m.MemberDetails.Group = &groupDetails{GroupID: r.str("MemberIdentifier")}
		} else {
			m.MemberDetails.User = &userDetails{UserID: r.str("MemberIdentifier")}
		}
		members = append(members, m)
	}

	return members
}
