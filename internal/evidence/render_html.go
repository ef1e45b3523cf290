package evidence

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"
)

// pretty renders a JSON value indented by two spaces, for <pre> blocks.
func pretty(v any) string {
	if v == nil {
		return "(none)"
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Sprint(v)
	}

	return string(b)
}

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"pretty": pretty,
	"join":   strings.Join,
	"role":   func(ev *Evidence, arn string) *Role { return ev.Role(arn) },
	"anchor": func(i int) string { return fmt.Sprintf("project-%d", i+1) },
	"time":   func(p Provenance) string { return p.GeneratedAt.Format("2006-01-02 15:04:05 UTC") },
}).Parse(htmlSource))

// RenderHTML writes the evidence as one self-contained HTML page: a table
// of contents, the provenance, and a section per project. Every value is
// escaped by html/template.
func RenderHTML(w io.Writer, ev *Evidence) error {
	return htmlTemplate.Execute(w, ev)
}

const htmlSource = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>smus evidence: account {{.Provenance.Account}}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2em; max-width: 72em; color: #222; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
th { background: #eee; }
pre { background: #f6f6f6; border: 1px solid #ddd; padding: 0.6em; overflow-x: auto; }
code { font-size: 0.95em; }
.note { color: #8a5a00; }
</style>
</head>
<body>
<h1>Access evidence for account {{.Provenance.Account}}</h1>
<nav>
<h2>Contents</h2>
<ol>
<li><a href="#provenance">Provenance</a></li>
{{- range $i, $p := .Projects}}
<li><a href="#{{anchor $i}}">Project {{$p.Name}}</a></li>
{{- end}}
</ol>
</nav>
<section id="provenance">
<h2>Provenance</h2>
{{with .Provenance}}
<table>
<tr><th>Generated at</th><td>{{time .}}</td></tr>
<tr><th>Account</th><td>{{.Account}}</td></tr>
<tr><th>Caller</th><td>{{.CallerArn}}</td></tr>
<tr><th>Region</th><td>{{.Region}}</td></tr>
{{- if .Endpoint}}<tr><th>Endpoint</th><td>{{.Endpoint}}</td></tr>{{end}}
<tr><th>State</th><td>{{.StateSource}} (serial {{.StateSerial}}, lineage {{.StateLineage}})</td></tr>
<tr><th>Git commit</th><td>{{if .GitCommit}}{{.GitCommit}}{{if .GitDirty}} (uncommitted changes){{end}}{{else}}<span class="note">{{.GitNote}}</span>{{end}}</td></tr>
<tr><th>smus version</th><td>{{.SmusVersion}}</td></tr>
{{- if .Project}}<tr><th>Project filter</th><td>{{.Project}}</td></tr>{{end}}
</table>
{{end}}
</section>
{{- $ev := .}}
{{- range $i, $p := .Projects}}
<section id="{{anchor $i}}">
<h2>Project {{$p.Name}}</h2>
<table>
<tr><th>Address</th><td><code>{{$p.Address}}</code></td></tr>
<tr><th>Project id</th><td>{{$p.ID}}</td></tr>
<tr><th>Domain id</th><td>{{$p.DomainID}}</td></tr>
<tr><th>Execution role</th><td>{{$p.ExecutionRole}}</td></tr>
{{- if $p.Profile}}<tr><th>Project profile</th><td>{{$p.Profile.Name}} ({{$p.Profile.ID}})</td></tr>{{end}}
</table>
{{- with $p.Profile}}
<h3>Environment configurations</h3>
<table>
<tr><th>Name</th><th>Blueprint</th><th>Deployment</th><th>Region</th></tr>
{{- range .EnvironmentConfigurations}}
<tr><td>{{.Name}}</td><td>{{.BlueprintName}} ({{.BlueprintID}})</td><td>{{.DeploymentMode}} {{.DeploymentOrder}}</td><td>{{.Region}}</td></tr>
{{- end}}
</table>
{{- end}}
<h3>Blueprints</h3>
{{- if $p.Blueprints}}
<table>
<tr><th>Name</th><th>Id</th><th>Enabled regions</th><th>Provisioning role</th><th>Manage access role</th></tr>
{{- range $p.Blueprints}}
<tr><td>{{.Name}}</td><td>{{.ID}}</td><td>{{join .EnabledRegions ", "}}</td><td>{{.ProvisioningRoleArn}}</td><td>{{.ManageAccessRoleArn}}</td></tr>
{{- end}}
</table>
{{- else}}<p>None in the state.</p>{{end}}
<h3>Members</h3>
{{- if $p.Members}}
<table>
<tr><th>User</th><th>Group</th><th>Designation</th></tr>
{{- range $p.Members}}<tr><td>{{.User}}</td><td>{{.Group}}</td><td>{{.Designation}}</td></tr>{{end}}
</table>
{{- else}}<p>None in the state.</p>{{end}}
<h3>Lake Formation permissions</h3>
{{- if $p.LakeFormation}}
<table>
<tr><th>Principal</th><th>Resource</th><th>Permissions</th><th>With grant option</th><th>Live</th></tr>
{{- range $p.LakeFormation}}
<tr><td>{{.Principal}}</td><td><pre>{{pretty .Resource}}</pre></td><td>{{join .Permissions ", "}}</td><td>{{join .PermissionsWithGrantOption ", "}}</td><td>{{.Live}}</td></tr>
{{- end}}
</table>
{{- else}}<p>None in the state.</p>{{end}}
<h3>IAM roles</h3>
{{- range $arn := $p.RoleArns}}{{with role $ev $arn}}
<h4>{{.Name}}</h4>
<p><code>{{.Arn}}</code>, used by {{join .UsedBy "; "}}</p>
{{- if not .Found}}<p class="note">The role does not exist in the account.</p>{{else}}
<h5>Trust policy</h5>
<pre>{{pretty .TrustPolicy}}</pre>
{{- range .InlinePolicies}}
<h5>Inline policy {{.Name}}</h5>
<pre>{{pretty .Document}}</pre>
{{- end}}
{{- range .ManagedPolicies}}
<h5>Managed policy {{.Arn}}</h5>
{{- if .Note}}<p class="note">{{.Note}}</p>{{end}}
{{- if .Document}}<pre>{{pretty .Document}}</pre>{{end}}
{{- end}}
{{- with .PermissionsBoundary}}
<h5>Permissions boundary {{.Arn}}</h5>
{{- if .Note}}<p class="note">{{.Note}}</p>{{end}}
{{- if .Document}}<pre>{{pretty .Document}}</pre>{{end}}
{{- end}}
{{- end}}
{{- end}}{{end}}
</section>
{{- end}}
</body>
</html>
`
