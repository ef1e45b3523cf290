package localcloud

import (
	"fmt"
	"time"

	"github.com/smus-dev/smus/internal/awstype"
)

var projectMembershipHandler = &handler{
	create:     createProjectMembership,
	update:     defaultUpdate,
	remove:     defaultRemove,
	createTime: 2 * time.Second,
	updateTime: defaultUpdateTime,
	deleteTime: defaultDeleteTime,
}

func createProjectMembership(o *operation, desired map[string]any) (*change, *handlerError) {
	domainID := stringAt(desired, "DomainIdentifier")
	projectID := stringAt(desired, "ProjectIdentifier")
	project := o.lookup(awstype.Project, domainID+"|"+projectID)
	if project == nil {
		return nil, notFound(awstype.Project.Name, domainID+"|"+projectID)
	}
	if herr := o.unusable(awstype.Project, project); herr != nil {
		return nil, herr
	}
	member := objectAt(desired, "Member")
	user, group := stringAt(member, "UserIdentifier"), stringAt(member, "GroupIdentifier")
	var memberType, memberValue string
	switch {
	case user != "" && group == "" && len(member) == 1:
		memberType, memberValue = "USER_IDENTIFIER", user
	case group != "" && user == "" && len(member) == 1:
		memberType, memberValue = "GROUP_IDENTIFIER", group
	default:
		return nil, failf(codeInvalidRequest, "Member must have exactly one of UserIdentifier or GroupIdentifier.")
	}
	memberID := stableString(lowerAlnum, 14, o.account, domainID, memberType, memberValue)
	m := awstype.CloneModel(desired)
	m["MemberIdentifier"] = memberID
	m["MemberIdentifierType"] = memberType
	id := fmt.Sprintf("%s|%s|%s|%s", domainID, memberID, memberType, projectID)

	return &change{identifier: id, final: m,
		summary: fmt.Sprintf("added %s to project %s as %s", memberValue, projectID, stringAt(m, "Designation"))}, nil
}
