package awstype

// dataZoneReadable lists, per type, the write-only top-level properties that
// a DataZone API read returns although a Cloud Control read does not. The
// source is the output shapes in aws-sdk-go-v2/service/datazone v1.62.2:
// GetDomain returns serviceRole, GetEnvironmentBlueprintConfiguration returns
// environmentRolePermissionBoundary and provisioningConfigurations, GetProject
// returns projectProfileId and userParameters, and ListProjectMemberships
// returns each member's designation and profile id. No DataZone read returns
// an environment blueprint configuration's globalParameters or a project's
// projectExecutionRole.
var dataZoneReadable = map[string][]string{
	Domain.Name:                            {"ServiceRole"},
	EnvironmentBlueprintConfiguration.Name: {"EnvironmentRolePermissionBoundary", "ProvisioningConfigurations"},
	Project.Name:                           {"ProjectProfileId", "UserParameters"},
	ProjectMembership.Name:                 {"Designation", "Member"},
}

// DataZoneReadable returns the write-only top-level properties of t that a
// DataZone API read returns, sorted, or nil when no DataZone read returns any.
// A returned Member of AWS::DataZone::ProjectMembership carries the member's
// DataZone profile id, which may differ from the identifier it was created
// with, such as an IAM role ARN.
func (t *Type) DataZoneReadable() []string {
	return append([]string(nil), dataZoneReadable[t.Name]...)
}
