package localcloud

import (
	"strings"

	"github.com/smus-dev/smus/internal/awstype"
)

type getUserProfileOutput struct {
	DomainID string              `json:"domainId"`
	ID       string              `json:"id"`
	Type     string              `json:"type"`
	Status   string              `json:"status"`
	Details  *userProfileDetails `json:"details,omitempty"`
}

// userProfileDetails is a union of iam and sso.
type userProfileDetails struct {
	IAM *iamUserProfileDetails `json:"iam,omitempty"`
	SSO *ssoUserProfileDetails `json:"sso,omitempty"`
}

type iamUserProfileDetails struct {
	Arn string `json:"arn"`
}

type ssoUserProfileDetails struct {
	Username string `json:"username"`
}

type getGroupProfileOutput struct {
	DomainID  string `json:"domainId"`
	ID        string `json:"id"`
	GroupName string `json:"groupName,omitempty"`
	Status    string `json:"status"`
}

// getUserProfile implements GetUserProfile: GET
// /v2/domains/{domainIdentifier}/user-profiles/{userIdentifier}. Every
// identifier has a profile, because the local cloud has no user directory:
// an IAM ARN gives an IAM profile and any other name an IAM Identity Center
// one.
func (c *Cloud) getUserProfile(call *apiCall, domainID, identifier string) (any, *APIError) {
	c.settle()
	c.mu.RLock()
	defer c.mu.RUnlock()
	if _, apiErr := c.dataZoneDomain(call, domainID); apiErr != nil {
		return nil, apiErr
	}
	id, name := c.memberProfile(call, domainID, "USER_IDENTIFIER", identifier)
	out := &getUserProfileOutput{DomainID: domainID, ID: id, Type: "SSO", Status: "ACTIVATED",
		Details: &userProfileDetails{SSO: &ssoUserProfileDetails{Username: name}}}
	if strings.HasPrefix(name, "arn:") {
		out.Type = "IAM"
		out.Details = &userProfileDetails{IAM: &iamUserProfileDetails{Arn: name}}
	}

	return out, nil
}

// getGroupProfile implements GetGroupProfile: GET
// /v2/domains/{domainIdentifier}/group-profiles/{groupIdentifier}. Every
// identifier has a profile, as in getUserProfile.
func (c *Cloud) getGroupProfile(call *apiCall, domainID, identifier string) (any, *APIError) {
	c.settle()
	c.mu.RLock()
	defer c.mu.RUnlock()
	if _, apiErr := c.dataZoneDomain(call, domainID); apiErr != nil {
		return nil, apiErr
	}
	id, name := c.memberProfile(call, domainID, "GROUP_IDENTIFIER", identifier)

	return &getGroupProfileOutput{DomainID: domainID, ID: id, GroupName: name, Status: "ASSIGNED"}, nil
}

// memberProfile returns the profile id of a member and the identifier it
// was added with. A membership of the domain that has identifier as its
// profile id or as its member identifier gives both. Otherwise the id is
// derived from identifier exactly as createProjectMembership derives it.
// The caller holds c.mu.
func (c *Cloud) memberProfile(call *apiCall, domainID, memberType, identifier string) (id, name string) {
	memberKey := "UserIdentifier"
	if memberType == "GROUP_IDENTIFIER" {
		memberKey = "GroupIdentifier"
	}
	scope := keyFor(call.account, call.region, awstype.ProjectMembership, "").scope()
	for _, r := range c.st.byType[scope] {
		if r.str("DomainIdentifier") != domainID || r.str("MemberIdentifierType") != memberType {
			continue
		}
		added := stringAt(objectAt(r.Model, "Member"), memberKey)
		if r.str("MemberIdentifier") == identifier || added == identifier {
			return r.str("MemberIdentifier"), added
		}
	}

	return stableString(lowerAlnum, 14, call.account, domainID, memberType, identifier), identifier
}
