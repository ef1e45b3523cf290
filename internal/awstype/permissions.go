package awstype

// handlerPermissions lists, per type, the IAM actions that the read and list
// handlers need, from the handlers section of each CloudFormation resource
// schema. Cloud Control also needs cloudformation:GetResource or
// cloudformation:ListResources on top of these.
var handlerPermissions = map[*Type]struct{ read, list []string }{
	Domain: {read: []string{"datazone:GetDomain"}, list: []string{"datazone:ListDomains"}},
	EnvironmentBlueprintConfiguration: {
		read: []string{"datazone:GetEnvironmentBlueprintConfiguration"},
		list: []string{"datazone:ListEnvironmentBlueprintConfigurations"},
	},
	ProjectProfile: {
		read: []string{"datazone:GetProjectProfile", "ssm:GetParameter"},
		list: []string{"datazone:ListProjectProfiles"},
	},
	Project: {read: []string{"datazone:GetProject"}, list: []string{"datazone:ListProjects"}},
	ProjectMembership: {
		read: []string{"datazone:ListProjectMemberships"},
		list: []string{"datazone:ListProjectMemberships"},
	},
	Role: {
		read: []string{"iam:GetRole", "iam:ListAttachedRolePolicies", "iam:ListRolePolicies", "iam:GetRolePolicy"},
		list: []string{"iam:ListRoles"},
	},
	PrincipalPermissions: {read: []string{"lakeformation:ListPermissions", "glue:GetTable", "glue:GetDatabase"}},
	Parameter:            {read: []string{"ssm:GetParameters", "ssm:ListTagsForResource"}, list: []string{"ssm:DescribeParameters"}},
}

// ReadPermissions returns the IAM actions a Cloud Control GetResource of the
// type needs: cloudformation:GetResource and the read handler's actions.
func (t *Type) ReadPermissions() []string {
	return append([]string{"cloudformation:GetResource"}, handlerPermissions[t].read...)
}

// ListPermissions returns the IAM actions a Cloud Control ListResources of
// the type needs: cloudformation:ListResources and the list handler's
// actions. A type without a list handler returns only the first.
func (t *Type) ListPermissions() []string {
	return append([]string{"cloudformation:ListResources"}, handlerPermissions[t].list...)
}
