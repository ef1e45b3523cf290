package awstype

import "regexp"

// ManagedPolicy is AWS::IAM::ManagedPolicy: a customer managed IAM policy,
// identified by its ARN. AWS managed policies (arn:aws:iam::aws:policy/...)
// are not resources of this type and cannot be read through Cloud Control.
var ManagedPolicy = register(&Type{
	Name:              "AWS::IAM::ManagedPolicy",
	PrimaryIdentifier: []string{"PolicyArn"},
	IdentifierExample: "arn:aws:iam::111122223333:policy/fraud-detection-data",
	Required:          []string{"PolicyDocument"},
	ReadOnly: []string{"/PolicyArn", "/AttachmentCount", "/CreateDate", "/DefaultVersionId",
		"/IsAttachable", "/PermissionsBoundaryUsageCount", "/PolicyId", "/UpdateDate"},
	CreateOnly:      []string{"/ManagedPolicyName", "/Description", "/Path"},
	Updatable:       true,
	Listable:        true,
	Sets:            []string{"/Groups", "/Roles", "/Users"},
	EmptyIsAbsent:   []string{"/Groups", "/Roles", "/Users", "/Description"},
	PolicyDocuments: []string{"/PolicyDocument"},
	Patterns: []Pattern{
		pattern("/Path", `^(/|/[\x21-\x7E]+/)$`),
	},
	NaturalKey: []string{"ManagedPolicyName"},
})

// IsAWSManagedPolicy reports whether arn names a policy that AWS owns, such
// as arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess. Such policies have no
// AWS::IAM::ManagedPolicy resource to read.
func IsAWSManagedPolicy(arn string) bool {
	return awsManagedPolicyARN.MatchString(arn)
}

var awsManagedPolicyARN = regexp.MustCompile(`^arn:aws[^:]*:iam::aws:policy/`)
