package cloudcontrol

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/datazone"
	"github.com/aws/aws-sdk-go-v2/service/datazone/types"

	"github.com/smus-dev/smus/internal/awstype"
)

// dataZoneReadAPI is the part of the DataZone client that reads the values
// Cloud Control treats as write-only, and resolves member profiles.
type dataZoneReadAPI interface {
	GetDomain(ctx context.Context, in *datazone.GetDomainInput,
		optFns ...func(*datazone.Options)) (*datazone.GetDomainOutput, error)
	GetEnvironmentBlueprintConfiguration(ctx context.Context,
		in *datazone.GetEnvironmentBlueprintConfigurationInput,
		optFns ...func(*datazone.Options)) (*datazone.GetEnvironmentBlueprintConfigurationOutput, error)
	GetProject(ctx context.Context, in *datazone.GetProjectInput,
		optFns ...func(*datazone.Options)) (*datazone.GetProjectOutput, error)
	ListProjectMemberships(ctx context.Context, in *datazone.ListProjectMembershipsInput,
		optFns ...func(*datazone.Options)) (*datazone.ListProjectMembershipsOutput, error)
	GetUserProfile(ctx context.Context, in *datazone.GetUserProfileInput,
		optFns ...func(*datazone.Options)) (*datazone.GetUserProfileOutput, error)
	GetGroupProfile(ctx context.Context, in *datazone.GetGroupProfileInput,
		optFns ...func(*datazone.Options)) (*datazone.GetGroupProfileOutput, error)
}

var _ dataZoneReadAPI = (*datazone.Client)(nil)

// dataZoneReader reads the write-only values of one type from the parts of
// its Cloud Control identifier.
type dataZoneReader func(c *Client, ctx context.Context, id map[string]string) (map[string]any, error)

var dataZoneReaders = map[string]dataZoneReader{
	awstype.Domain.Name:                            (*Client).domainWriteOnly,
	awstype.EnvironmentBlueprintConfiguration.Name: (*Client).blueprintConfigurationWriteOnly,
	awstype.Project.Name:                           (*Client).projectWriteOnly,
	awstype.ProjectMembership.Name:                 (*Client).membershipWriteOnly,
}

// DataZoneWriteOnly reads through the DataZone API the write-only properties
// of one resource that a Cloud Control read never returns, the ones that
// awstype's DataZoneReadable lists for the type. It returns them under their
// Cloud Control names and in Cloud Control shapes, and leaves out values the
// resource does not have. For a registered type with no such properties it
// returns an empty map without a call. A resource that does not exist
// returns an error that matches ErrNotFound. It needs a Client from
// NewFromConfig, and its calls share the rate limit and retries of the
// Cloud Control calls.
func (c *Client) DataZoneWriteOnly(ctx context.Context, typeName, identifier string) (
	map[string]any, error,
) {
	t, ok := awstype.Lookup(typeName)
	if !ok {
		return nil, fmt.Errorf("read write-only values of %s %q: the type is not in the registry",
			typeName, identifier)
	}
	read, ok := dataZoneReaders[typeName]
	if !ok {
		return map[string]any{}, nil
	}
	if c.datazone == nil {
		return nil, fmt.Errorf("read write-only values of %s %q: the client has no DataZone client; "+
			"build it with NewFromConfig", typeName, identifier)
	}
	id, err := t.ParseIdentifier(identifier)
	if err != nil {
		return nil, fmt.Errorf("read write-only values of %s: %w", typeName, err)
	}
	values, err := read(c, ctx, id)
	if err != nil {
		return nil, fmt.Errorf("read write-only values of %s %q: %w", typeName, identifier, err)
	}

	return values, nil
}

func (c *Client) domainWriteOnly(ctx context.Context, id map[string]string) (map[string]any, error) {
	var out *datazone.GetDomainOutput
	err := c.do(ctx, call{operation: "GetDomain", identifier: id["Id"]}, func(ctx context.Context) error {
		var err error
		out, err = c.datazone.GetDomain(ctx, &datazone.GetDomainInput{Identifier: aws.String(id["Id"])})

		return err
	})
	if err != nil {
		return nil, err
	}
	values := map[string]any{}
	putText(values, "ServiceRole", out.ServiceRole)

	return values, nil
}

func (c *Client) blueprintConfigurationWriteOnly(ctx context.Context, id map[string]string) (
	map[string]any, error,
) {
	in := &datazone.GetEnvironmentBlueprintConfigurationInput{
		DomainIdentifier:               aws.String(id["DomainId"]),
		EnvironmentBlueprintIdentifier: aws.String(id["EnvironmentBlueprintId"]),
	}
	var out *datazone.GetEnvironmentBlueprintConfigurationOutput
	k := call{operation: "GetEnvironmentBlueprintConfiguration", identifier: id["EnvironmentBlueprintId"]}
	err := c.do(ctx, k, func(ctx context.Context) error {
		var err error
		out, err = c.datazone.GetEnvironmentBlueprintConfiguration(ctx, in)

		return err
	})
	if err != nil {
		return nil, err
	}
	values := map[string]any{}
	putText(values, "EnvironmentRolePermissionBoundary", out.EnvironmentRolePermissionBoundary)
	if configs := provisioningConfigurations(out.ProvisioningConfigurations); len(configs) > 0 {
		values["ProvisioningConfigurations"] = configs
	}

	return values, nil
}

// provisioningConfigurations converts the Lake Formation union members and
// leaves out members that later API versions may add.
func provisioningConfigurations(in []types.ProvisioningConfiguration) []any {
	var out []any
	for _, item := range in {
		lf, ok := item.(*types.ProvisioningConfigurationMemberLakeFormationConfiguration)
		if !ok {
			continue
		}
		conf := map[string]any{}
		putText(conf, "LocationRegistrationRole", lf.Value.LocationRegistrationRole)
		if excluded := lf.Value.LocationRegistrationExcludeS3Locations; len(excluded) > 0 {
			conf["LocationRegistrationExcludeS3Locations"] = anyOf(excluded)
		}
		out = append(out, map[string]any{"LakeFormationConfiguration": conf})
	}

	return out
}

func (c *Client) projectWriteOnly(ctx context.Context, id map[string]string) (map[string]any, error) {
	in := &datazone.GetProjectInput{
		DomainIdentifier: aws.String(id["DomainId"]),
		Identifier:       aws.String(id["Id"]),
	}
	var out *datazone.GetProjectOutput
	err := c.do(ctx, call{operation: "GetProject", identifier: id["Id"]}, func(ctx context.Context) error {
		var err error
		out, err = c.datazone.GetProject(ctx, in)

		return err
	})
	if err != nil {
		return nil, err
	}
	values := map[string]any{}
	putText(values, "ProjectProfileId", out.ProjectProfileId)
	if params := userParameters(out.UserParameters); len(params) > 0 {
		values["UserParameters"] = params
	}

	return values, nil
}

// userParameters keeps the members a configuration sets: the environment
// configuration name and its parameters. EnvironmentId and the resolved
// account are the service's records of deployed environments.
func userParameters(in []types.EnvironmentConfigurationUserParameter) []any {
	out := make([]any, 0, len(in))
	for _, p := range in {
		item := map[string]any{}
		putText(item, "EnvironmentConfigurationName", p.EnvironmentConfigurationName)
		params := make([]any, 0, len(p.EnvironmentParameters))
		for _, e := range p.EnvironmentParameters {
			param := map[string]any{}
			putText(param, "Name", e.Name)
			if e.Value != nil {
				param["Value"] = *e.Value
			}
			params = append(params, param)
		}
		if len(params) > 0 {
			item["EnvironmentParameters"] = params
		}
		out = append(out, item)
	}

	return out
}

// putText sets m[key] to the string s points to, unless s is nil or empty.
func putText(m map[string]any, key string, s *string) {
	if v := aws.ToString(s); v != "" {
		m[key] = v
	}
}

func anyOf(xs []string) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}

	return out
}
