package localcloud

import (
	"fmt"
	"time"
)

// ActivityEntry is one change in the persistent activity log: a finished
// Cloud Control mutation or a console edit. Summaries name properties but
// never their values, because write-only values can be secrets.
type ActivityEntry struct {
	// Sequence orders entries; it increases by one per entry.
	Sequence uint64    `json:"sequence"`
	Time     time.Time `json:"time"`
	Account  string    `json:"account"`
	// Region is empty for global types such as IAM roles.
	Region string `json:"region,omitempty"`
	// Actor is the caller's ARN for API changes and the console actor name
	// for console edits.
	Actor string `json:"actor"`
	// Action is the API operation (CreateResource, UpdateResource,
	// DeleteResource) or the console action (put-role-policy, ...).
	Action       string `json:"action"`
	TypeName     string `json:"type_name"`
	Identifier   string `json:"identifier"`
	Summary      string `json:"summary"`
	RequestToken string `json:"request_token,omitempty"`
}

var operationActions = map[string]string{
	opCreate: "CreateResource",
	opUpdate: "UpdateResource",
	opDelete: "DeleteResource",
}

// activityFor returns the entry for a Cloud Control request whose change
// lands now; its time is when the change was due.
func (c *Cloud) activityFor(r *request) *ActivityEntry {
	return &ActivityEntry{
		Time:         r.DueAt.UTC(),
		Account:      r.Account,
		Region:       r.Key.Region,
		Actor:        r.Caller,
		Action:       operationActions[r.Operation],
		TypeName:     r.TypeName,
		Identifier:   r.Identifier,
		Summary:      r.Summary,
		RequestToken: r.Token,
	}
}

// Activity returns the activity log entries of account (all accounts when
// empty) at or after since, oldest first.
func (c *Cloud) Activity(account string, since time.Time) ([]ActivityEntry, error) {
	entries, err := c.store.activity(account, since)
	if err != nil {
		return nil, fmt.Errorf("read activity log for account %q: %w", account, err)
	}

	return entries, nil
}
