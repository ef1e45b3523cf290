package compare

// FormatVersion is the version of the JSON report layout. A change that
// removes or renames keys increments the major part.
const FormatVersion = "1.0"

// Sources of a difference.
const (
	SourceState = "state"
	SourceLive  = "live"
)

// Side names the environment that has something the other lacks.
type Side string

// Sides of a one-sided difference.
const (
	OnlyInFrom Side = "only_in_from"
	OnlyInTo   Side = "only_in_to"
)

// Report is the result of comparing two environments. Every value in it is
// in normalized form.
type Report struct {
	FormatVersion string             `json:"format_version"`
	From          EnvironmentSummary `json:"from"`
	To            EnvironmentSummary `json:"to"`
	Live          bool               `json:"live"`
	// Resources lists the addresses present in one environment only.
	Resources []ResourceDiff `json:"resources"`
	// Properties lists attribute (state) and property (live) differences
	// of resources present in both.
	Properties []PropertyDiff `json:"properties"`
	// Roles lists IAM differences per role at statement level.
	Roles []RoleDiff `json:"roles"`
	// Errors lists problems that left part of the comparison undone.
	Errors  []Error `json:"errors"`
	Summary Summary `json:"summary"`
}

// EnvironmentSummary describes one side of the comparison.
type EnvironmentSummary struct {
	Name string `json:"name"`
	// Source is the origin of the state: a file path or a workspace.
	Source string `json:"source"`
	// Account is the caller's account, set with Options.Live.
	Account   string `json:"account,omitempty"`
	Resources int    `json:"resources"`
}

// ResourceDiff is a resource that only one environment has.
type ResourceDiff struct {
	Address string `json:"address"`
	Type    string `json:"type"`
	Side    Side   `json:"side"`
	// Source is "state", or "live" for a resource in both states that one
	// live account no longer has.
	Source string `json:"source"`
}

// PropertyDiff is one attribute path whose normalized values differ. A nil
// value means the attribute is absent or empty on that side.
type PropertyDiff struct {
	Address string `json:"address"`
	Type    string `json:"type"`
	Source  string `json:"source"`
	// Path is the attribute path, such as
	// environment_configurations["Tooling"].aws_region for a state, or the
	// JSON pointer of the Cloud Control property for a live model.
	Path string `json:"path"`
	From any    `json:"from"`
	To   any    `json:"to"`
}

// RoleDiff lists the IAM differences of one role.
type RoleDiff struct {
	// Address is the smus_iam_role address, or the smus_project address
	// for a project execution role that the state does not manage.
	Address string `json:"address"`
	Source  string `json:"source"`
	// FromRole and ToRole are the role names on each side.
	FromRole string `json:"from_role"`
	ToRole   string `json:"to_role"`
	// Projects names the projects that run with this role, on either side.
	Projects   []string        `json:"projects,omitempty"`
	Statements []StatementDiff `json:"statements"`
}

// Error is a problem with one resource or environment.
type Error struct {
	Environment string `json:"environment,omitempty"`
	Address     string `json:"address,omitempty"`
	Message     string `json:"message"`
}

// Summary counts the differences.
type Summary struct {
	OnlyInFrom int `json:"only_in_from"`
	OnlyInTo   int `json:"only_in_to"`
	Properties int `json:"properties"`
	Roles      int `json:"roles"`
	Statements int `json:"statements"`
}

// HasDifferences reports whether the environments differ after
// normalization.
func (r *Report) HasDifferences() bool {
	return len(r.Resources) > 0 || len(r.Properties) > 0 || len(r.Roles) > 0
}

func (r *Report) summarize() {
	r.Summary = Summary{Properties: len(r.Properties), Roles: len(r.Roles)}
	for _, d := range r.Resources {
		if d.Side == OnlyInFrom {
			r.Summary.OnlyInFrom++
		} else {
			r.Summary.OnlyInTo++
		}
	}
	for _, d := range r.Roles {
		r.Summary.Statements += len(d.Statements)
	}
}
