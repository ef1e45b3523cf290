package lint

import "strings"

// Kinds of object that the rules recognise, whichever provider manages them.
const (
	kindDomain       = "domain"
	kindBlueprint    = "blueprint"
	kindProfile      = "project profile"
	kindProject      = "project"
	kindIAMRole      = "IAM role"
	kindLFPermission = "Lake Formation permissions"
)

// objectKinds maps resource and data source types of the smus, awscc and
// aws providers to the kind of object they manage.
var objectKinds = map[string]string{
	"smus_domain":           kindDomain,
	"awscc_datazone_domain": kindDomain,
	"aws_datazone_domain":   kindDomain,
	"smus_blueprint":        kindBlueprint,
	"awscc_datazone_environment_blueprint_configuration": kindBlueprint,
	"aws_datazone_environment_blueprint_configuration":   kindBlueprint,
	"smus_project_profile":                               kindProfile,
	"awscc_datazone_project_profile":                     kindProfile,
	"aws_datazone_project_profile":                       kindProfile,
	"smus_project":                                       kindProject,
	"awscc_datazone_project":                             kindProject,
	"aws_datazone_project":                               kindProject,
	"smus_iam_role":                                      kindIAMRole,
	"awscc_iam_role":                                     kindIAMRole,
	"aws_iam_role":                                       kindIAMRole,
	"smus_lake_formation_permissions":                    kindLFPermission,
	"awscc_lakeformation_principal_permissions":          kindLFPermission,
	"aws_lakeformation_permissions":                      kindLFPermission,
}

// objectKind returns the kind of object a resource or data source type
// manages or reads, or "". Plural data sources such as
// awscc_datazone_projects have the kind of their singular.
func objectKind(typ string) string {
	if k, ok := objectKinds[typ]; ok {
		return k
	}
	if single, ok := strings.CutSuffix(typ, "s"); ok {
		return objectKinds[single]
	}

	return ""
}

// isSMUSModule reports whether a module source is the public SageMaker
// Unified Studio module or one of its submodules.
func isSMUSModule(source string) bool {
	s := strings.ToLower(source)

	return strings.Contains(s, "sagemaker-unified-studio") || strings.Contains(s, "smus")
}

// moduleSource returns the constant source of a module call.
func moduleSource(b *Block) (string, bool) {
	a := b.Attr("source")
	if a == nil {
		return "", false
	}

	return literalString(a.Expr)
}

// isLocalSource reports whether a module source is a local path.
func isLocalSource(source string) bool {
	return strings.HasPrefix(source, "./") || strings.HasPrefix(source, "../")
}

// smusModuleKind returns the layer a call of the public module provisions,
// judged by the submodule path in its source; the root module is the domain.
func smusModuleKind(source string) string {
	s := strings.ToLower(source)
	switch {
	case strings.Contains(s, "profile"):
		return kindProfile
	case strings.Contains(s, "project"):
		return kindProject
	case strings.Contains(s, "blueprint"):
		return kindBlueprint
	}

	return kindDomain
}
