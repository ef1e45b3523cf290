package lint

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

var projectWithoutLakeFormation = registerRule(&Rule{
	Name: "project-without-lake-formation",
	Summary: "A project's execution role needs Lake Formation permissions declared next to it, " +
		"or data access fails after deploy with catalog permission errors.",
	Severity: Warning,
	check:    checkProjectWithoutLakeFormation,
})

// projectRoleArguments are the arguments that carry a project's execution
// role: the resource attribute, and the names a project module takes.
var projectRoleArguments = []string{
	"project_execution_role", "project_execution_role_arn", "execution_role_arn", "project_role_arn",
	"user_role_arn", "role_arn",
}

// project is a project resource or a call of the public module's project
// submodule, with the expression of its execution role.
type project struct {
	block *Block
	role  *hcl.Attribute
}

func checkProjectWithoutLakeFormation(p *Project, r *reporter) {
	for _, m := range p.Modules {
		projects := projectsOf(m)
		if len(projects) == 0 {
			continue
		}
		grants := p.lakeFormationGrants(m)
		for _, pr := range projects {
			if pr.role == nil {
				if len(grants) == 0 {
					r.addBlock(pr.block, "%s sets no execution role and its directory declares no Lake "+
						"Formation permissions, so the project role can reach no existing catalog data: pass "+
						"the role with project_execution_role and grant it with smus_lake_formation_permissions",
						pr.block.Address())
				}

				continue
			}
			key := exprKey(pr.block.File, pr.role.Expr)
			if slices.ContainsFunc(grants, func(g grant) bool { return g.mentions(key) }) {
				continue
			}
			r.add(pr.role.Range, pr.block.DefRange, "%s runs as %s, but no Lake Formation permissions "+
				"are declared for that role, so catalog access fails after deploy: add a "+
				"smus_lake_formation_permissions resource with principal = %s, or pass the role to a Lake "+
				"Formation grants module", pr.block.Address(), key, key)
		}
	}
}

func projectsOf(m *Module) []project {
	var out []project
	for _, b := range m.Resources() {
		if objectKind(b.Label(0)) == kindProject {
			out = append(out, project{block: b, role: b.Attr("project_execution_role")})
		}
	}
	for _, b := range m.Calls() {
		source, ok := moduleSource(b)
		if !ok || !isSMUSProjectModule(source) {
			continue
		}
		pr := project{block: b}
		for _, name := range projectRoleArguments {
			if a := b.Attr(name); a != nil {
				pr.role = a

				break
			}
		}
		out = append(out, pr)
	}

	return out
}

func isSMUSProjectModule(source string) bool {
	s := strings.ToLower(source)

	return isSMUSModule(s) && strings.Contains(s, "project") && !strings.Contains(s, "profile")
}

// grant is an expression that gives a role Lake Formation permissions: the
// principal of a permissions resource, or an argument of a call to a module
// that declares them.
type grant struct {
	file *File
	expr hcl.Expression
}

// mentions reports whether the grant's expression is, or refers to, the
// role expression with the given key.
func (g grant) mentions(key string) bool {
	if exprKey(g.file, g.expr) == key || slices.Contains(references(g.expr), key) {
		return true
	}

	return slices.Contains(literalStrings(g.expr), key)
}

func (p *Project) lakeFormationGrants(m *Module) []grant {
	var out []grant
	for _, b := range m.Resources() {
		if objectKind(b.Label(0)) != kindLFPermission {
			continue
		}
		if a := b.Attr("principal"); a != nil {
			out = append(out, grant{file: b.File, expr: a.Expr})
		}
	}
	for _, b := range m.Calls() {
		if !p.declaresLakeFormation(m, b) {
			continue
		}
		for _, a := range bodyAttributes(b.Body) {
			out = append(out, grant{file: b.File, expr: a.Expr})
		}
	}

	return out
}

// declaresLakeFormation reports whether a module call's source names Lake
// Formation, or is a linted local module with Lake Formation permissions.
func (p *Project) declaresLakeFormation(m *Module, call *Block) bool {
	source, ok := moduleSource(call)
	if !ok {
		return false
	}
	s := strings.ToLower(source)
	if strings.Contains(s, "lake-formation") || strings.Contains(s, "lakeformation") ||
		strings.Contains(s, "lake_formation") {
		return true
	}
	if !isLocalSource(source) {
		return false
	}
	callee := p.module(filepath.Join(m.Dir, source))

	return callee != nil && slices.ContainsFunc(callee.Resources(), func(b *Block) bool {
		return objectKind(b.Label(0)) == kindLFPermission
	})
}
