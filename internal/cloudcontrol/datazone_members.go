package cloudcontrol

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/datazone"
	"github.com/aws/aws-sdk-go-v2/service/datazone/types"
)

// Member identifier types of AWS::DataZone::ProjectMembership, the values of
// its MemberIdentifierType property.
const (
	MemberTypeUser  = "USER_IDENTIFIER"
	MemberTypeGroup = "GROUP_IDENTIFIER"
)

// membershipWriteOnly finds the member in ListProjectMemberships and returns
// its Designation and a Member that names it by its profile id, the form
// the identifier carries.
func (c *Client) membershipWriteOnly(ctx context.Context, id map[string]string) (map[string]any, error) {
	memberID, memberType := id["MemberIdentifier"], id["MemberIdentifierType"]
	memberKey := "UserIdentifier"
	if memberType == MemberTypeGroup {
		memberKey = "GroupIdentifier"
	}
	in := &datazone.ListProjectMembershipsInput{
		DomainIdentifier:  aws.String(id["DomainIdentifier"]),
		ProjectIdentifier: aws.String(id["ProjectIdentifier"]),
	}
	seen := map[string]bool{}
	for {
		var out *datazone.ListProjectMembershipsOutput
		err := c.do(ctx, call{operation: "ListProjectMemberships", identifier: id["ProjectIdentifier"]},
			func(ctx context.Context) error {
				var err error
				out, err = c.datazone.ListProjectMemberships(ctx, in)

				return err
			})
		if err != nil {
			return nil, err
		}
		for _, m := range out.Members {
			if profileID(m.MemberDetails, memberType) == memberID {
				return map[string]any{
					"Designation": string(m.Designation),
					"Member":      map[string]any{memberKey: memberID},
				}, nil
			}
		}
		next := aws.ToString(out.NextToken)
		if next == "" {
			return nil, fmt.Errorf("project %s has no member with profile id %s: %w",
				id["ProjectIdentifier"], memberID, ErrNotFound)
		}
		if seen[next] {
			return nil, fmt.Errorf("list members of project %s: the service repeated a page token; "+
				"stopped to avoid an endless loop", id["ProjectIdentifier"])
		}
		seen[next] = true
		in.NextToken = aws.String(next)
	}
}

// profileID returns the user or group profile id of a member of the given
// type, or "" when the member is of the other type.
func profileID(details types.MemberDetails, memberType string) string {
	switch d := details.(type) {
	case *types.MemberDetailsMemberUser:
		if memberType == MemberTypeUser {
			return aws.ToString(d.Value.UserId)
		}
	case *types.MemberDetailsMemberGroup:
		if memberType == MemberTypeGroup {
			return aws.ToString(d.Value.GroupId)
		}
	}

	return ""
}

// DataZoneMemberID returns the DataZone profile id of a project member, the
// value Cloud Control returns as a membership's MemberIdentifier. identifier
// is any form a membership accepts. For MemberTypeUser that is a user profile
// id, an IAM principal ARN or an IAM Identity Center user, resolved with
// GetUserProfile. For MemberTypeGroup it is a group profile id or an IAM
// Identity Center group, resolved with GetGroupProfile. An unknown member
// returns an error that matches ErrNotFound. It needs a Client from
// NewFromConfig.
func (c *Client) DataZoneMemberID(ctx context.Context, domainID, memberType, identifier string) (
	string, error,
) {
	if c.datazone == nil {
		return "", fmt.Errorf("resolve member %q: the client has no DataZone client; "+
			"build it with NewFromConfig", identifier)
	}
	if domainID == "" || identifier == "" {
		return "", fmt.Errorf("resolve member: domain id %q and member identifier %q must both be set",
			domainID, identifier)
	}
	operation, lookup, err := c.memberLookup(domainID, memberType, identifier)
	if err != nil {
		return "", err
	}
	var id *string
	err = c.do(ctx, call{operation: operation, identifier: identifier}, func(ctx context.Context) error {
		var err error
		id, err = lookup(ctx)

		return err
	})
	if err != nil {
		return "", fmt.Errorf("resolve member %q in domain %s: %w", identifier, domainID, err)
	}
	if aws.ToString(id) == "" {
		return "", fmt.Errorf("resolve member %q in domain %s: the response has no profile id",
			identifier, domainID)
	}

	return aws.ToString(id), nil
}

// memberLookup returns the DataZone operation that resolves a member of
// memberType, and a call of it that returns the profile id.
func (c *Client) memberLookup(domainID, memberType, identifier string) (
	string, func(ctx context.Context) (*string, error), error,
) {
	switch memberType {
	case MemberTypeUser:
		return "GetUserProfile", func(ctx context.Context) (*string, error) {
			out, err := c.datazone.GetUserProfile(ctx, &datazone.GetUserProfileInput{
				DomainIdentifier: aws.String(domainID), UserIdentifier: aws.String(identifier),
			})
			if err != nil {
				return nil, err
			}

			return out.Id, nil
		}, nil
	case MemberTypeGroup:
		return "GetGroupProfile", func(ctx context.Context) (*string, error) {
			out, err := c.datazone.GetGroupProfile(ctx, &datazone.GetGroupProfileInput{
				DomainIdentifier: aws.String(domainID), GroupIdentifier: aws.String(identifier),
			})
			if err != nil {
				return nil, err
			}

			return out.Id, nil
		}, nil
	default:
		return "", nil, fmt.Errorf("resolve member %q: member type %q is neither %s nor %s",
			identifier, memberType, MemberTypeUser, MemberTypeGroup)
	}
}
