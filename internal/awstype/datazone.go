package awstype

// Patterns shared by the DataZone types, from their resource schemas.
const (
	domainIDPattern   = `^dzd[-_][a-zA-Z0-9_-]{1,36}$`
	dataZoneIDPattern = `^[a-zA-Z0-9_-]{1,36}$`
	roleARNPattern    = `^arn:aws[^:]*:iam::\d{12}:role(/[a-zA-Z0-9+=,.@_-]+)*/[a-zA-Z0-9+=,.@_-]+$`
	regionPattern     = `^[a-z]{2}-?(iso|gov)?-{1}[a-z]*-{1}[0-9]$`
	namePattern       = `^[\w -]+$`
	domainUnitPattern = `^[a-z0-9_\-]+$`
)

// Domain is AWS::DataZone::Domain.
var Domain = register(&Type{
	Name:              "AWS::DataZone::Domain",
	PrimaryIdentifier: []string{"Id"},
	IdentifierExample: "dzd_4p9n6sw4qt9xgn",
	Required:          []string{"Name"},
	ReadOnly: []string{"/RootDomainUnitId", "/Arn", "/CreatedAt", "/Id", "/LastUpdatedAt",
		"/ManagedAccountId", "/PortalUrl", "/Status"},
	WriteOnly:     []string{"/ServiceRole"},
	CreateOnly:    []string{"/KmsKeyIdentifier", "/DomainVersion"},
	Updatable:     true,
	Listable:      true,
	Keyed:         []KeyedList{{Path: "/Tags", Key: "Key"}},
	EmptyIsAbsent: []string{"/Tags", "/Description"},
	Patterns: []Pattern{
		pattern("/Id", domainIDPattern),
		pattern("/DomainExecutionRole", roleARNPattern),
		pattern("/ServiceRole", roleARNPattern),
		pattern("/KmsKeyIdentifier", `^arn:aws(|-cn|-us-gov):kms:[a-zA-Z0-9-]*:[0-9]{12}:key/[a-zA-Z0-9-]{36}$`),
	},
	Enums: []Enum{
		{Path: "/DomainVersion", Values: []string{"V1", "V2"}},
		{Path: "/Status", Values: []string{"CREATING", "AVAILABLE", "CREATION_FAILED", "DELETING", "DELETED", "DELETION_FAILED"}},
		{Path: "/SingleSignOn/Type", Values: []string{"IAM_IDC", "DISABLED"}},
		{Path: "/SingleSignOn/UserAssignment", Values: []string{"AUTOMATIC", "MANUAL"}},
	},
	NaturalKey: []string{"Name"},
})

// EnvironmentBlueprintConfiguration is
// AWS::DataZone::EnvironmentBlueprintConfiguration: a managed blueprint
// enabled in a domain.
var EnvironmentBlueprintConfiguration = register(&Type{
	Name:              "AWS::DataZone::EnvironmentBlueprintConfiguration",
	PrimaryIdentifier: []string{"DomainId", "EnvironmentBlueprintId"},
	IdentifierExample: "dzd_4p9n6sw4qt9xgn|cjegf7f6kky6w7",
	Required:          []string{"DomainIdentifier", "EnvironmentBlueprintIdentifier", "EnabledRegions"},
	ReadOnly:          []string{"/CreatedAt", "/DomainId", "/EnvironmentBlueprintId", "/UpdatedAt"},
	WriteOnly: []string{"/DomainIdentifier", "/EnvironmentBlueprintIdentifier",
		"/EnvironmentRolePermissionBoundary", "/GlobalParameters", "/ProvisioningConfigurations"},
	CreateOnly: []string{"/DomainIdentifier", "/EnvironmentBlueprintIdentifier"},
	ListScope:  []string{"DomainIdentifier"},
	Updatable:  true,
	Listable:   true,
	Sets:       []string{"/EnabledRegions", "/ProvisioningConfigurations/*/LakeFormationConfiguration/LocationRegistrationExcludeS3Locations"},
	Keyed:      []KeyedList{{Path: "/RegionalParameters", Key: "Region"}},
	EmptyIsAbsent: []string{"/RegionalParameters", "/GlobalParameters", "/ProvisioningConfigurations",
		"/RegionalParameters/*/Parameters"},
	Patterns: []Pattern{
		pattern("/DomainId", domainIDPattern),
		pattern("/DomainIdentifier", domainIDPattern),
		pattern("/EnvironmentBlueprintId", dataZoneIDPattern),
		pattern("/EnvironmentBlueprintIdentifier", dataZoneIDPattern),
		pattern("/EnabledRegions/*", regionPattern),
		pattern("/RegionalParameters/*/Region", regionPattern),
		pattern("/ProvisioningRoleArn", roleARNPattern),
		pattern("/ManageAccessRoleArn", roleARNPattern),
		pattern("/ProvisioningConfigurations/*/LakeFormationConfiguration/LocationRegistrationRole", roleARNPattern),
		pattern("/EnvironmentRolePermissionBoundary", `^arn:aws[^:]*:iam::(aws|\d{12}):policy/[\w+=,.@-]*$`),
	},
	NaturalKey: []string{"DomainIdentifier", "EnvironmentBlueprintIdentifier"},
	UpdateLimitation: "its required properties DomainIdentifier and EnvironmentBlueprintIdentifier " +
		"are write-only and create-only, so Cloud Control either misses them in the patched model " +
		"or reports them as changed create-only properties",
})

// ProjectProfile is AWS::DataZone::ProjectProfile.
var ProjectProfile = register(&Type{
	Name:              "AWS::DataZone::ProjectProfile",
	PrimaryIdentifier: []string{"DomainIdentifier", "Identifier"},
	IdentifierExample: "dzd_4p9n6sw4qt9xgn|5sdjm5pcqftwgn",
	Required:          []string{"Name"},
	ReadOnly: []string{"/CreatedAt", "/CreatedBy", "/DomainId", "/DomainUnitId", "/Id", "/Identifier",
		"/LastUpdatedAt", "/EnvironmentConfigurations/*/EnvironmentConfigurationId",
		"/EnvironmentConfigurations/*/ConfigurationParameters/ResolvedParameters"},
	WriteOnly:  []string{"/DomainUnitIdentifier", "/UseDefaultConfigurations"},
	CreateOnly: []string{"/DomainIdentifier", "/UseDefaultConfigurations"},
	Updatable:  true,
	Listable:   true,
	Keyed: []KeyedList{
		{Path: "/EnvironmentConfigurations", Key: "Name"},
		{Path: "/EnvironmentConfigurations/*/ConfigurationParameters/ParameterOverrides", Key: "Name"},
		{Path: "/EnvironmentConfigurations/*/ConfigurationParameters/ResolvedParameters", Key: "Name"},
		{Path: "/ProjectResourceTags", Key: "Key"},
	},
	EmptyIsAbsent: []string{"/Description", "/EnvironmentConfigurations", "/ProjectResourceTags",
		"/EnvironmentConfigurations/*/ConfigurationParameters/ParameterOverrides",
		"/EnvironmentConfigurations/*/ConfigurationParameters", "/EnvironmentConfigurations/*/Description"},
	Patterns: []Pattern{
		pattern("/DomainIdentifier", domainIDPattern),
		pattern("/DomainId", domainIDPattern),
		pattern("/Identifier", dataZoneIDPattern),
		pattern("/Name", namePattern),
		pattern("/DomainUnitIdentifier", domainUnitPattern),
		pattern("/EnvironmentConfigurations/*/Name", namePattern),
		pattern("/EnvironmentConfigurations/*/EnvironmentBlueprintId", dataZoneIDPattern),
		pattern("/EnvironmentConfigurations/*/AwsRegion/RegionName", regionPattern),
		pattern("/EnvironmentConfigurations/*/AwsAccount/AwsAccountId", `^\d{12}$`),
		pattern("/EnvironmentConfigurations/*/ConfigurationParameters/ParameterOverrides/*/Name", `^[a-zA-Z_][a-zA-Z0-9_]*$`),
	},
	Enums: []Enum{
		{Path: "/Status", Values: []string{"ENABLED", "DISABLED"}},
		{Path: "/EnvironmentConfigurations/*/DeploymentMode", Values: []string{"ON_CREATE", "ON_DEMAND"}},
	},
	NaturalKey: []string{"DomainIdentifier", "Name"},
})

// Project is AWS::DataZone::Project.
var Project = register(&Type{
	Name:              "AWS::DataZone::Project",
	PrimaryIdentifier: []string{"DomainId", "Id"},
	IdentifierExample: "dzd_4p9n6sw4qt9xgn|bnb0ax9dkmf5ah",
	Required:          []string{"DomainIdentifier", "Name"},
	ReadOnly:          []string{"/Id", "/CreatedAt", "/CreatedBy", "/DomainId", "/LastUpdatedAt", "/ProjectStatus"},
	WriteOnly: []string{"/DomainIdentifier", "/ProjectProfileVersion", "/ProjectProfileId", "/UserParameters",
		"/MembershipAssignments", "/ProjectExecutionRole"},
	CreateOnly: []string{"/ProjectProfileId", "/DomainIdentifier", "/MembershipAssignments",
		"/ProjectCategory", "/ProjectExecutionRole"},
	ListScope: []string{"DomainIdentifier"},
	Updatable: true,
	Listable:  true,
	Sets:      []string{"/GlossaryTerms"},
	Keyed: []KeyedList{
		{Path: "/UserParameters", Key: "EnvironmentConfigurationName"},
		{Path: "/UserParameters/*/EnvironmentParameters", Key: "Name"},
		{Path: "/ResourceTags", Key: "Key"},
	},
	EmptyIsAbsent: []string{"/Description", "/GlossaryTerms", "/UserParameters", "/ResourceTags",
		"/MembershipAssignments", "/UserParameters/*/EnvironmentParameters"},
	Patterns: []Pattern{
		pattern("/DomainIdentifier", domainIDPattern),
		pattern("/DomainId", domainIDPattern),
		pattern("/Id", dataZoneIDPattern),
		pattern("/Name", namePattern),
		pattern("/ProjectProfileId", dataZoneIDPattern),
		pattern("/DomainUnitId", domainUnitPattern),
		pattern("/GlossaryTerms/*", dataZoneIDPattern),
		pattern("/ProjectExecutionRole", `^arn:aws[^:]*:iam::\d{12}:role/[\w+=,.@/-]+$`),
		pattern("/UserParameters/*/EnvironmentConfigurationName", namePattern),
	},
	Enums: []Enum{
		{Path: "/ProjectStatus", Values: []string{"ACTIVE", "MOVING", "DELETING", "DELETE_FAILED", "UPDATING", "UPDATE_FAILED"}},
		{Path: "/MembershipAssignments/*/Designation", Values: []string{"PROJECT_OWNER", "PROJECT_CONTRIBUTOR"}},
		{Path: "/ProjectProfileVersion", Values: []string{"latest"}},
	},
	NaturalKey: []string{"DomainIdentifier", "Name"},
	UpdateLimitation: "its required property DomainIdentifier is write-only and create-only, " +
		"so Cloud Control rejects every patch with NotUpdatableException " +
		"(createOnlyProperties [/properties/DomainIdentifier] cannot be updated)",
})

// ProjectMembership is AWS::DataZone::ProjectMembership.
var ProjectMembership = register(&Type{
	Name: "AWS::DataZone::ProjectMembership",
	PrimaryIdentifier: []string{"DomainIdentifier", "MemberIdentifier", "MemberIdentifierType",
		"ProjectIdentifier"},
	IdentifierExample: "dzd_4p9n6sw4qt9xgn|4pmd8ygxa5fpav|USER_IDENTIFIER|bnb0ax9dkmf5ah",
	Required:          []string{"Designation", "DomainIdentifier", "ProjectIdentifier", "Member"},
	ReadOnly:          []string{"/MemberIdentifier", "/MemberIdentifierType"},
	WriteOnly:         []string{"/Designation", "/Member"},
	CreateOnly:        []string{"/DomainIdentifier", "/ProjectIdentifier", "/Member"},
	ListScope:         []string{"DomainIdentifier", "ProjectIdentifier"},
	Updatable:         true,
	Listable:          true,
	Patterns: []Pattern{
		pattern("/DomainIdentifier", domainIDPattern),
		pattern("/ProjectIdentifier", dataZoneIDPattern),
	},
	Enums: []Enum{
		{Path: "/Designation", Values: []string{"PROJECT_OWNER", "PROJECT_CONTRIBUTOR", "PROJECT_CATALOG_VIEWER",
			"PROJECT_CATALOG_CONSUMER", "PROJECT_CATALOG_STEWARD"}},
		{Path: "/MemberIdentifierType", Values: []string{"USER_IDENTIFIER", "GROUP_IDENTIFIER"}},
	},
	NaturalKey: []string{"DomainIdentifier", "ProjectIdentifier", "Member"},
	UpdateLimitation: "its required properties Member and Designation are write-only and Member is " +
		"create-only, so Cloud Control cannot build a valid patched model",
	DeleteBeforeCreate: true,
})
