package awstype

// Role is AWS::IAM::Role.
var Role = register(&Type{
	Name:              "AWS::IAM::Role",
	PrimaryIdentifier: []string{"RoleName"},
	IdentifierExample: "AmazonSageMakerDomainExecution",
	Required:          []string{"AssumeRolePolicyDocument"},
	ReadOnly:          []string{"/Arn", "/RoleId"},
	CreateOnly:        []string{"/Path", "/RoleName"},
	Updatable:         true,
	Listable:          true,
	Sets:              []string{"/ManagedPolicyArns"},
	Keyed: []KeyedList{
		{Path: "/Policies", Key: "PolicyName"},
		{Path: "/Tags", Key: "Key"},
	},
	EmptyIsAbsent:   []string{"/ManagedPolicyArns", "/Policies", "/Tags", "/Description", "/PermissionsBoundary"},
	PolicyDocuments: []string{"/AssumeRolePolicyDocument", "/Policies/*/PolicyDocument"},
	Patterns: []Pattern{
		pattern("/RoleName", `^[\w+=,.@-]{1,64}$`),
		pattern("/Path", `^(/|/[\x21-\x7E]+/)$`),
		pattern("/PermissionsBoundary", `^arn:aws[^:]*:iam::(aws|\d{12}):policy/.+$`),
		pattern("/ManagedPolicyArns/*", `^arn:aws[^:]*:iam::(aws|\d{12}):policy/.+$`),
	},
	NaturalKey: []string{"RoleName"},
})

// PrincipalPermissions is AWS::LakeFormation::PrincipalPermissions: one
// principal's grants on one Data Catalog resource.
var PrincipalPermissions = register(&Type{
	Name:              "AWS::LakeFormation::PrincipalPermissions",
	PrimaryIdentifier: []string{"PrincipalIdentifier", "ResourceIdentifier"},
	IdentifierExample: `{"DataLakePrincipalIdentifier":"arn:aws:iam::111122223333:role/analyst"}|` +
		`{"Database":{"CatalogId":"111122223333","Name":"sales"}}`,
	Required:   []string{"Principal", "Resource", "Permissions", "PermissionsWithGrantOption"},
	ReadOnly:   []string{"/PrincipalIdentifier", "/ResourceIdentifier"},
	CreateOnly: []string{"/Catalog", "/Principal", "/Resource", "/Permissions", "/PermissionsWithGrantOption"},
	Sets:       []string{"/Permissions", "/PermissionsWithGrantOption"},
	Patterns: []Pattern{
		pattern("/Catalog", `^\d{12}$`),
		pattern("/Resource/*/CatalogId", `^\d{12}$`),
	},
	Enums: []Enum{
		{Path: "/Permissions/*", Values: lakeFormationPermissions},
		{Path: "/PermissionsWithGrantOption/*", Values: lakeFormationPermissions},
	},
	NaturalKey:         []string{"Principal", "Resource"},
	DeleteBeforeCreate: true,
})

var lakeFormationPermissions = []string{"ALL", "SELECT", "ALTER", "DROP", "DELETE", "INSERT", "DESCRIBE",
	"CREATE_DATABASE", "CREATE_TABLE", "DATA_LOCATION_ACCESS", "CREATE_LF_TAG", "ASSOCIATE",
	"GRANT_WITH_LF_TAG_EXPRESSION"}

// Parameter is AWS::SSM::Parameter, used to read role ARNs that another team
// publishes.
var Parameter = register(&Type{
	Name:              "AWS::SSM::Parameter",
	PrimaryIdentifier: []string{"Name"},
	IdentifierExample: "/platform/prod/roles/domain-execution",
	Required:          []string{"Value", "Type"},
	ReadOnly:          []string{"/Arn"},
	WriteOnly:         []string{"/Description", "/Tier", "/AllowedPattern", "/Policies"},
	CreateOnly:        []string{"/Name"},
	Updatable:         true,
	Listable:          true,
	EmptyIsAbsent:     []string{"/Tags"},
	Patterns: []Pattern{
		pattern("/Name", `^[a-zA-Z0-9_.\-/]+$`),
	},
	Enums: []Enum{
		{Path: "/Type", Values: []string{"String", "StringList"}},
		{Path: "/Tier", Values: []string{"Standard", "Advanced", "Intelligent-Tiering"}},
	},
	NaturalKey: []string{"Name"},
})
