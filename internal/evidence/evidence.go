package evidence

import "time"

// FormatVersion is the version of the evidence.json layout. A change that
// removes or renames keys increments the major part.
const FormatVersion = "1.0"

// Evidence is everything collected for one environment.
type Evidence struct {
	FormatVersion string     `json:"format_version"`
	Provenance    Provenance `json:"provenance"`
	Projects      []Project  `json:"projects"`
	// Roles lists every role a project uses, once, sorted by ARN.
	Roles []Role `json:"roles"`
}

// Provenance records when, where and from what the evidence was collected.
type Provenance struct {
	// GeneratedAt is the collection time in UTC.
	GeneratedAt time.Time `json:"generated_at"`
	// Account and CallerArn come from STS GetCallerIdentity.
	Account   string `json:"account"`
	CallerArn string `json:"caller_arn"`
	Region    string `json:"region"`
	Endpoint  string `json:"endpoint,omitempty"`
	// StateSource names the state: a file path or a directory and
	// workspace. StateSerial and StateLineage are zero for `show -json`
	// output, which does not carry them.
	StateSource      string `json:"state_source"`
	StateSerial      int64  `json:"state_serial"`
	StateLineage     string `json:"state_lineage"`
	TerraformVersion string `json:"terraform_version,omitempty"`
	// GitCommit is HEAD of the repository around the configuration, and
	// GitDirty reports uncommitted changes; GitNote explains an empty
	// commit.
	GitCommit   string `json:"git_commit,omitempty"`
	GitDirty    bool   `json:"git_dirty"`
	GitNote     string `json:"git_note,omitempty"`
	SmusVersion string `json:"smus_version"`
	// Project is the --project filter, when one was given.
	Project string `json:"project,omitempty"`
}

// Project is one smus_project with what it depends on.
type Project struct {
	Address     string `json:"address"`
	Name        string `json:"name"`
	ID          string `json:"id"`
	DomainID    string `json:"domain_id"`
	Description string `json:"description,omitempty"`
	// Profile is nil when the state does not hold the project's profile.
	Profile    *Profile    `json:"profile"`
	Blueprints []Blueprint `json:"blueprints"`
	// ExecutionRole is the project_execution_role ARN, if any.
	ExecutionRole string `json:"execution_role,omitempty"`
	// RoleArns lists every role the project uses; details are in
	// Evidence.Roles.
	RoleArns      []string `json:"role_arns"`
	LakeFormation []Grant  `json:"lake_formation"`
	Members       []Member `json:"members"`
}

// Profile is a smus_project_profile.
type Profile struct {
	Address                   string                     `json:"address"`
	Name                      string                     `json:"name"`
	ID                        string                     `json:"id"`
	Status                    string                     `json:"status,omitempty"`
	EnvironmentConfigurations []EnvironmentConfiguration `json:"environment_configurations"`
}

// EnvironmentConfiguration is one environment configuration of a profile.
type EnvironmentConfiguration struct {
	Name            string `json:"name"`
	BlueprintID     string `json:"blueprint_id"`
	BlueprintName   string `json:"blueprint_name,omitempty"`
	DeploymentMode  string `json:"deployment_mode,omitempty"`
	DeploymentOrder any    `json:"deployment_order,omitempty"`
	Region          string `json:"region,omitempty"`
	AccountID       string `json:"account_id,omitempty"`
}

// Blueprint is a smus_blueprint that a project's profile uses.
type Blueprint struct {
	Address             string   `json:"address"`
	Name                string   `json:"name"`
	ID                  string   `json:"id"`
	EnabledRegions      []string `json:"enabled_regions"`
	ProvisioningRoleArn string   `json:"provisioning_role_arn,omitempty"`
	ManageAccessRoleArn string   `json:"manage_access_role_arn,omitempty"`
}

// Role is one IAM role as read live.
type Role struct {
	Arn  string `json:"arn"`
	Name string `json:"name"`
	// UsedBy names the projects and how they use the role, such as
	// "fraud (execution role)".
	UsedBy []string `json:"used_by"`
	// Found is false when the role does not exist in the account; the
	// policy fields are then empty.
	Found               bool            `json:"found"`
	Path                string          `json:"path,omitempty"`
	Description         string          `json:"description,omitempty"`
	MaxSessionDuration  any             `json:"max_session_duration,omitempty"`
	TrustPolicy         any             `json:"trust_policy"`
	InlinePolicies      []Policy        `json:"inline_policies"`
	ManagedPolicies     []ManagedPolicy `json:"managed_policies"`
	PermissionsBoundary *ManagedPolicy  `json:"permissions_boundary,omitempty"`
}

// Policy is a named inline policy document.
type Policy struct {
	Name     string `json:"name"`
	Document any    `json:"document"`
}

// ManagedPolicy is a managed policy attached to a role. Document is nil
// when the policy could not be read, and Note gives the reason.
type ManagedPolicy struct {
	Arn              string `json:"arn"`
	AWSManaged       bool   `json:"aws_managed"`
	DefaultVersionID string `json:"default_version_id,omitempty"`
	Document         any    `json:"document"`
	Note             string `json:"note,omitempty"`
}

// Grant is a smus_lake_formation_permissions of a project, with its live
// status.
type Grant struct {
	Address                    string   `json:"address"`
	Principal                  string   `json:"principal"`
	Resource                   any      `json:"resource"`
	Permissions                []string `json:"permissions"`
	PermissionsWithGrantOption []string `json:"permissions_with_grant_option"`
	// Live is "present", "missing" or "not checked" (no identifier in
	// state); LivePermissions are the permissions read back.
	Live                           string   `json:"live"`
	LivePermissions                []string `json:"live_permissions,omitempty"`
	LivePermissionsWithGrantOption []string `json:"live_permissions_with_grant_option,omitempty"`
}

// Member is a smus_project_membership.
type Member struct {
	Address     string `json:"address"`
	User        string `json:"user,omitempty"`
	Group       string `json:"group,omitempty"`
	Designation string `json:"designation"`
}

// Role returns the role with arn, or nil.
func (e *Evidence) Role(arn string) *Role {
	for i := range e.Roles {
		if e.Roles[i].Arn == arn {
			return &e.Roles[i]
		}
	}

	return nil
}
