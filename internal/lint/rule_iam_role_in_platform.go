package lint

var iamRoleInPlatform = registerRule(&Rule{
	Name: "iam-role-in-platform",
	Summary: "IAM roles belong to the security team's stack and are passed in by ARN; the platform " +
		"configuration creates them only under allow_iam_roles paths.",
	Severity: Error,
	check:    checkIAMRoleInPlatform,
})

func checkIAMRoleInPlatform(p *Project, r *reporter) {
	for _, m := range p.Modules {
		for _, b := range m.Resources() {
			if objectKind(b.Label(0)) != kindIAMRole || matchAnyGlob(p.Config.AllowIAMRoles, p.relPath(b.File.Path)) {
				continue
			}
			if conditional := conditionalOnVariable(b); conditional != "" {
				r.addSeverity(Notice, b.DefRange, b.DefRange, "%s creates an IAM role when %s selects it: "+
					"make sure the security team reviews the role, and prefer passing an existing role ARN",
					b.Address(), conditional)

				continue
			}
			r.addBlock(b, "%s creates an IAM role inside the platform configuration, outside the security "+
				"team's review: create it in the security stack and pass its ARN in (for example through an "+
				"SSM parameter), or add this path to allow_iam_roles in %s", b.Address(), DefaultConfigFile)
		}
	}
}

// conditionalOnVariable returns "count" or "for_each" when that argument
// of b refers to an input variable, so that callers can choose not to
// create the resource.
func conditionalOnVariable(b *Block) string {
	for _, name := range []string{"count", "for_each"} {
		if a := b.Attr(name); a != nil && refersToRoot(a.Expr, "var") {
			return name
		}
	}

	return ""
}
