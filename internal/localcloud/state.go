package localcloud

import (
	"encoding/json"
	"time"

	"github.com/smus-dev/smus/internal/awstype"
)

// resourceKey locates one resource. Region is empty for global types (IAM).
type resourceKey struct {
	Account    string
	Region     string
	TypeName   string
	Identifier string
}

// typeScope locates every resource of one type in one account and region.
type typeScope struct {
	Account  string
	Region   string
	TypeName string
}

func (k resourceKey) scope() typeScope { return typeScope{k.Account, k.Region, k.TypeName} }

// resource is the stored state of one resource. Model is the full model,
// write-only values included, and must only change through setModel.
type resource struct {
	Key   resourceKey
	Model map[string]any
	// Hidden is service-side state that no read returns, such as the ids of
	// a domain's managed blueprints (blueprint name to id).
	Hidden map[string]string `json:",omitempty"`
	// Busy is the request token of the operation in flight on the resource.
	Busy string `json:",omitempty"`

	readJSON []byte
}

// setModel replaces the model and refreshes the cached read view.
func (r *resource) setModel(t *awstype.Type, model map[string]any) {
	r.Model = model
	r.readJSON = marshalModel(t.StripWriteOnly(model))
}

// str returns the string value of a top-level property, or "".
func (r *resource) str(name string) string {
	s, _ := r.Model[name].(string)

	return s
}

// request is one Cloud Control resource operation request. It is persisted
// with everything needed to finish it after a restart.
type request struct {
	Token       string
	Account     string
	Region      string
	ClientToken string `json:",omitempty"`
	Fingerprint string `json:",omitempty"`
	Operation   string
	TypeName    string
	Identifier  string `json:",omitempty"`
	Key         resourceKey
	Caller      string

	EventTime time.Time
	StartAt   time.Time
	DueAt     time.Time
	// CancelDueAt is when a cancelled request reaches CANCEL_COMPLETE.
	CancelDueAt time.Time `json:",omitzero"`

	// Status is the terminal status once the request has finished, else "".
	Status        string `json:",omitempty"`
	ErrorCode     string `json:",omitempty"`
	StatusMessage string `json:",omitempty"`

	// Model is the read view sent in progress events: the model while the
	// operation runs, then the result.
	Model json.RawMessage `json:",omitempty"`
	// Final is the full model to store on success of a create or update.
	Final map[string]any `json:",omitempty"`
	// Hidden is the service-side state to store with Final.
	Hidden map[string]string `json:",omitempty"`
	// Removes lists the resources a successful delete removes.
	Removes []resourceKey `json:",omitempty"`
	// Failure, when set, is how the request ends at DueAt.
	Failure *handlerError `json:",omitempty"`
	// Revert is the full model to restore when a pending create or delete
	// is cancelled; nil for a create.
	Revert map[string]any `json:",omitempty"`
	// Summary describes the change for the activity log.
	Summary string `json:",omitempty"`
}

// active reports whether the request still has a change to apply.
func (r *request) active() bool { return r.Status == "" }

// clientTokenKey scopes a ClientToken to one account and region.
type clientTokenKey struct {
	Account     string
	Region      string
	ClientToken string
}

// state is the in-memory copy of the store, guarded by Cloud.mu.
type state struct {
	resources map[resourceKey]*resource
	byType    map[typeScope]map[string]*resource
	requests  map[string]*request
	active    map[string]*request
	tokens    map[clientTokenKey]*request
}

func newState() *state {
	return &state{
		resources: map[resourceKey]*resource{},
		byType:    map[typeScope]map[string]*resource{},
		requests:  map[string]*request{},
		active:    map[string]*request{},
		tokens:    map[clientTokenKey]*request{},
	}
}

func (s *state) putResource(r *resource) {
	s.resources[r.Key] = r
	m := s.byType[r.Key.scope()]
	if m == nil {
		m = map[string]*resource{}
		s.byType[r.Key.scope()] = m
	}
	m[r.Key.Identifier] = r
}

func (s *state) removeResource(k resourceKey) {
	delete(s.resources, k)
	if m := s.byType[k.scope()]; m != nil {
		delete(m, k.Identifier)
	}
}

func (s *state) putRequest(r *request) {
	s.requests[r.Token] = r
	if r.active() {
		s.active[r.Token] = r
	} else {
		delete(s.active, r.Token)
	}
	if r.ClientToken != "" {
		s.tokens[clientTokenKey{r.Account, r.Region, r.ClientToken}] = r
	}
}

func (s *state) removeRequest(r *request) {
	delete(s.requests, r.Token)
	delete(s.active, r.Token)
	k := clientTokenKey{r.Account, r.Region, r.ClientToken}
	if s.tokens[k] == r {
		delete(s.tokens, k)
	}
}

// marshalModel encodes a model; models come from JSON, so this cannot fail.
func marshalModel(m map[string]any) []byte {
	b, err := json.Marshal(m)
	if err != nil {
		return []byte("{}")
	}

	return b
}
