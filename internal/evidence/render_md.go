package evidence

import (
	"fmt"
	"io"
	"strings"
)

// RenderMarkdown writes the evidence as a Markdown report with the same
// sections as RenderHTML.
func RenderMarkdown(w io.Writer, ev *Evidence) error {
	var b strings.Builder
	p := ev.Provenance
	fmt.Fprintf(&b, "# Access evidence for account %s\n\n## Contents\n\n- [Provenance](#provenance)\n", p.Account)
	for _, pr := range ev.Projects {
		fmt.Fprintf(&b, "- [Project %s](#project-%s)\n", md(pr.Name), anchorText(pr.Name))
	}
	fmt.Fprintf(&b, "\n## Provenance\n\n| Field | Value |\n| --- | --- |\n")
	row(&b, "Generated at", p.GeneratedAt.Format("2006-01-02 15:04:05 UTC"))
	row(&b, "Account", p.Account)
	row(&b, "Caller", p.CallerArn)
	row(&b, "Region", p.Region)
	row(&b, "State", fmt.Sprintf("%s (serial %d, lineage %s)", p.StateSource, p.StateSerial, p.StateLineage))
	row(&b, "Git commit", gitText(p))
	row(&b, "smus version", p.SmusVersion)
	for _, pr := range ev.Projects {
		writeProjectMarkdown(&b, ev, pr)
	}
	_, err := io.WriteString(w, b.String())

	return err
}

func writeProjectMarkdown(b *strings.Builder, ev *Evidence, p Project) {
	fmt.Fprintf(b, "\n## Project %s\n\n| Field | Value |\n| --- | --- |\n", md(p.Name))
	row(b, "Address", "`"+p.Address+"`")
	row(b, "Project id", p.ID)
	row(b, "Domain id", p.DomainID)
	row(b, "Execution role", p.ExecutionRole)

	if p.Profile != nil {
		row(b, "Project profile", fmt.Sprintf("%s (%s)", p.Profile.Name, p.Profile.ID))
		b.WriteString("\n### Environment configurations\n\n| Name | Blueprint | Deployment | Region |\n| --- | --- | --- | --- |\n")
		for _, c := range p.Profile.EnvironmentConfigurations {
			fmt.Fprintf(b, "| %s | %s (%s) | %s %v | %s |\n", md(c.Name), md(c.BlueprintName), md(c.BlueprintID),
				md(c.DeploymentMode), orEmpty(c.DeploymentOrder), md(c.Region))
		}
	}

	b.WriteString("\n### Blueprints\n\n")
	for _, bp := range p.Blueprints {
		fmt.Fprintf(b, "- %s (%s): regions %s; provisioning role %s; manage access role %s\n", md(bp.Name), md(bp.ID),
			md(strings.Join(bp.EnabledRegions, ", ")), md(bp.ProvisioningRoleArn), md(bp.ManageAccessRoleArn))
	}

	b.WriteString("\n### Members\n\n")
	for _, m := range p.Members {
		fmt.Fprintf(b, "- %s%s: %s\n", md(m.User), md(m.Group), md(m.Designation))
	}

	b.WriteString("\n### Lake Formation permissions\n\n")
	for _, g := range p.LakeFormation {
		fmt.Fprintf(b, "- %s on `%s`: %s (with grant option: %s); live: %s\n", md(g.Principal), compact(g.Resource),
			md(strings.Join(g.Permissions, ", ")), md(joinOrNone(g.PermissionsWithGrantOption)), md(g.Live))
	}

	b.WriteString("\n### IAM roles\n")
	for _, arn := range p.RoleArns {
		if r := ev.Role(arn); r != nil {
			writeRoleMarkdown(b, r)
		}
	}
}

func writeRoleMarkdown(b *strings.Builder, r *Role) {
	fmt.Fprintf(b, "\n#### %s\n\n`%s`, used by %s\n", md(r.Name), r.Arn, md(strings.Join(r.UsedBy, "; ")))
	if !r.Found {
		b.WriteString("\nThe role does not exist in the account.\n")

		return
	}
	block(b, "Trust policy", r.TrustPolicy)
	for _, p := range r.InlinePolicies {
		block(b, "Inline policy "+p.Name, p.Document)
	}
	policies := r.ManagedPolicies
	if r.PermissionsBoundary != nil {
		policies = append(policies[:len(policies):len(policies)], *r.PermissionsBoundary)
	}
	for _, m := range policies {
		title := "Managed policy " + m.Arn
		if r.PermissionsBoundary != nil && m.Arn == r.PermissionsBoundary.Arn {
			title = "Permissions boundary " + m.Arn
		}
		if m.Note != "" {
			fmt.Fprintf(b, "\n##### %s\n\n%s\n", md(title), md(m.Note))
		}
		if m.Document != nil {
			block(b, title, m.Document)
		}
	}
}

func block(b *strings.Builder, title string, v any) {
	fmt.Fprintf(b, "\n##### %s\n\n```json\n%s\n```\n", md(title), pretty(v))
}

func row(b *strings.Builder, name, value string) {
	fmt.Fprintf(b, "| %s | %s |\n", name, mdCell(value))
}

func gitText(p Provenance) string {
	switch {
	case p.GitCommit == "":
		return p.GitNote
	case p.GitDirty:
		return p.GitCommit + " (uncommitted changes)"
	}

	return p.GitCommit
}

// joinOrNone joins values with commas, or returns "none" for an empty list.
func joinOrNone(values []string) string {
	if len(values) == 0 {
		return "none"
	}

	return strings.Join(values, ", ")
}

func compact(v any) string {
	return strings.Join(strings.Fields(pretty(v)), " ")
}

func orEmpty(v any) any {
	if v == nil {
		return ""
	}

	return v
}

// md escapes the characters that Markdown would read as markup.
func md(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "*", "\\*", "_", "\\_", "`", "\\`", "[", "\\[", "]", "\\]",
		"<", "&lt;", ">", "&gt;", "|", "\\|", "\n", " ")

	return r.Replace(s)
}

func mdCell(s string) string {
	if strings.HasPrefix(s, "`") && strings.HasSuffix(s, "`") {
		return strings.ReplaceAll(s, "|", "\\|")
	}

	return md(s)
}

func anchorText(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch {
		case (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteRune('-')
		}
	}

	return b.String()
}
