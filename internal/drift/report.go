package drift

import "time"

// FormatVersion is the format_version of the JSON report. It changes when a
// key is removed or changes meaning.
const FormatVersion = "1.0"

// Kind classifies a finding.
type Kind string

// Kinds of findings.
const (
	// KindChanged is a managed resource whose live properties differ from
	// the declared ones.
	KindChanged Kind = "changed"
	// KindDeleted is a managed resource that no longer exists.
	KindDeleted Kind = "deleted"
	// KindUnmanaged is a resource inside a managed domain that no state
	// address owns.
	KindUnmanaged Kind = "unmanaged"
)

// Report is the result of one drift run.
type Report struct {
	FormatVersion string `json:"format_version"`
	// Account is the AWS account that the credentials belong to.
	Account  string    `json:"account"`
	Findings []Finding `json:"findings"`
	Summary  Summary   `json:"summary"`
	// Errors lists the resources that could not be checked. A report with
	// errors is incomplete.
	Errors []Error `json:"errors"`
}

// Finding is one drifted resource.
type Finding struct {
	// Address is the state address; it is empty for unmanaged resources.
	Address    string `json:"address,omitempty"`
	TypeName   string `json:"type_name"`
	Identifier string `json:"identifier"`
	Kind       Kind   `json:"kind"`
	// Scope is the address of the managed resource (a domain or a project)
	// inside which an unmanaged resource was found.
	Scope string `json:"scope,omitempty"`
	// Properties lists the changed properties of a changed resource.
	Properties []PropertyDiff `json:"properties,omitempty"`
	// ChangedBy and ChangedAt name the latest change from the account's
	// activity log, when one is available (the local cloud keeps one).
	ChangedBy string     `json:"changed_by,omitempty"`
	ChangedAt *time.Time `json:"changed_at,omitempty"`
	// ChangeAction is the action of that latest change, such as
	// put-role-policy or DeleteResource.
	ChangeAction string `json:"change_action,omitempty"`
}

// PropertyDiff is one property whose live value differs from the declared
// one. Path is a JSON pointer into the Cloud Control model. Inside a list
// matched by a key, such as a role's Policies by PolicyName, the segment is
// the element's key. Declared or Live is nil when that side has no value.
type PropertyDiff struct {
	Path     string `json:"path"`
	Declared any    `json:"declared"`
	Live     any    `json:"live"`
	// StatementsAdded and StatementsRemoved list, for a policy document,
	// the statements that only the live or only the declared document has.
	StatementsAdded   []any `json:"statements_added,omitempty"`
	StatementsRemoved []any `json:"statements_removed,omitempty"`
}

// Summary counts what a run checked and found.
type Summary struct {
	// Resources is the number of managed resources compared.
	Resources int `json:"resources"`
	// Domains is the number of managed domains searched for unmanaged
	// resources.
	Domains   int `json:"domains"`
	Changed   int `json:"changed"`
	Deleted   int `json:"deleted"`
	Unmanaged int `json:"unmanaged"`
	// Requests counts the client operations the run issued (one per Get,
	// List and GetCallerIdentity). Calls counts the HTTP requests sent
	// for them, with list pages and retries, when the AWS configuration
	// went through CountCalls; otherwise it equals Requests.
	Requests int `json:"requests"`
	Calls    int `json:"calls"`
	// MaxCallsPerResource is the largest number of calls that reading one
	// managed resource with GetResource took; more than 1 means retries.
	// It is 0 when every resource was compared with a listed model.
	MaxCallsPerResource int `json:"max_calls_per_resource"`
	// FromLists is the number of managed resources compared with a model
	// from a ListResources page, or found deleted because a complete
	// listing lacked them, without a GetResource call of their own.
	FromLists int `json:"from_lists"`
}

// Error is a resource that could not be checked, or a problem that made
// the report incomplete. Address is empty when no resource is concerned.
type Error struct {
	Address string `json:"address,omitempty"`
	Message string `json:"message"`
}

// HasDrift reports whether the report has at least one finding.
func (r *Report) HasDrift() bool { return len(r.Findings) > 0 }
