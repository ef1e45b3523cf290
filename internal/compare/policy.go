package compare

import (
	"bytes"
	"slices"
	"sort"

	"github.com/smus-dev/smus/internal/awstype"
)

// StatementKind is the way a statement differs between the environments.
type StatementKind string

// Kinds of statement differences.
const (
	// StatementOnlyInFrom is a statement, or a managed policy, that only
	// the From environment has.
	StatementOnlyInFrom StatementKind = "only_in_from"
	// StatementOnlyInTo is a statement, or a managed policy, that only the
	// To environment has.
	StatementOnlyInTo StatementKind = "only_in_to"
	// StatementChanged is a pair of statements with the same Sid, or the
	// same Effect, Principal and Resource, that differ.
	StatementChanged StatementKind = "changed"
)

// Policy names used in StatementDiff.Policy besides "inline:<name>".
const (
	PolicyTrust   = "trust"
	PolicyManaged = "managed"
)

// StatementDiff is one difference between the policies of a role in two
// environments. Values are in normalized form.
type StatementDiff struct {
	// Policy is "trust", "managed" or "inline:<policy name>".
	Policy string        `json:"policy"`
	Kind   StatementKind `json:"kind"`
	// Sid, Effect, Principal and Resource identify the statement.
	Sid       string `json:"sid,omitempty"`
	Effect    string `json:"effect,omitempty"`
	Principal any    `json:"principal,omitempty"`
	Resource  any    `json:"resource,omitempty"`
	// Statement is the whole statement when only one side has it.
	Statement map[string]any `json:"statement,omitempty"`
	// ActionsOnlyInFrom and ActionsOnlyInTo list the actions that one side
	// of a changed pair allows (or denies) and the other does not.
	ActionsOnlyInFrom []string `json:"actions_only_in_from,omitempty"`
	ActionsOnlyInTo   []string `json:"actions_only_in_to,omitempty"`
	// OtherMembers names the other statement members that differ in a
	// changed pair, such as Condition.
	OtherMembers []string `json:"other_members,omitempty"`
	// ManagedPolicyArn is the policy attached on one side only.
	ManagedPolicyArn string `json:"managed_policy_arn,omitempty"`
}

// DiffPolicy compares two policy documents statement by statement after
// awstype.NormalizePolicy. Statements equal on both sides are dropped; the
// rest are paired by Sid, then by Effect, Principal and Resource, and the
// pairs are reported as changed with the actions only one side has;
// statements without a partner are reported whole. A nil document has no
// statements.
func DiffPolicy(policy string, from, to any) []StatementDiff {
	fs, ts := statements(from), statements(to)
	fs, ts = dropEqual(fs, ts)
	var out []StatementDiff
	pair := func(key func(map[string]any) string) {
		for i := 0; i < len(fs); i++ {
			k := key(fs[i])
			if k == "" {
				continue
			}
			j := slices.IndexFunc(ts, func(t map[string]any) bool { return key(t) == k })
			if j < 0 {
				continue
			}
			out = append(out, changedStatement(policy, fs[i], ts[j]))
			fs, ts = slices.Delete(fs, i, i+1), slices.Delete(ts, j, j+1)
			i--
		}
	}
	pair(func(s map[string]any) string {
		sid, _ := s["Sid"].(string)

		return sid
	})
	pair(matchKey)
	for _, s := range fs {
		out = append(out, wholeStatement(policy, StatementOnlyInFrom, s))
	}
	for _, s := range ts {
		out = append(out, wholeStatement(policy, StatementOnlyInTo, s))
	}

	return out
}

// DiffManagedPolicies reports the managed policy ARNs attached on one side
// only.
func DiffManagedPolicies(from, to []string) []StatementDiff {
	var out []StatementDiff
	for _, arn := range minus(from, to) {
		out = append(out, StatementDiff{Policy: PolicyManaged, Kind: StatementOnlyInFrom, ManagedPolicyArn: arn})
	}
	for _, arn := range minus(to, from) {
		out = append(out, StatementDiff{Policy: PolicyManaged, Kind: StatementOnlyInTo, ManagedPolicyArn: arn})
	}

	return out
}

func statements(doc any) []map[string]any {
	if doc == nil {
		return nil
	}
	norm, ok := awstype.NormalizePolicy(doc).(map[string]any)
	if !ok {
		return nil
	}
	var out []map[string]any
	switch s := norm["Statement"].(type) {
	case []any:
		for _, e := range s {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
		}
	case map[string]any:
		out = append(out, s)
	}

	return out
}

// dropEqual removes the statements that both sides have, once per copy.
func dropEqual(fs, ts []map[string]any) ([]map[string]any, []map[string]any) {
	var restFrom []map[string]any
	ts = slices.Clone(ts)
	for _, f := range fs {
		cf := awstype.CanonicalJSON(f)
		j := slices.IndexFunc(ts, func(t map[string]any) bool { return bytes.Equal(cf, awstype.CanonicalJSON(t)) })
		if j < 0 {
			restFrom = append(restFrom, f)

			continue
		}
		ts = slices.Delete(ts, j, j+1)
	}

	return restFrom, ts
}

// matchKey identifies a statement by what it applies to: its effect,
// principal and resource.
func matchKey(s map[string]any) string {
	key := map[string]any{}
	for _, m := range []string{"Effect", "Principal", "NotPrincipal", "Resource", "NotResource"} {
		if v, ok := s[m]; ok {
			key[m] = v
		}
	}

	return string(awstype.CanonicalJSON(key))
}

func changedStatement(policy string, f, t map[string]any) StatementDiff {
	d := StatementDiff{Policy: policy, Kind: StatementChanged}
	d.Sid, _ = f["Sid"].(string)
	d.Effect, _ = f["Effect"].(string)
	d.Principal, d.Resource = f["Principal"], f["Resource"]
	fa, ta := stringList(f["Action"]), stringList(t["Action"])
	d.ActionsOnlyInFrom, d.ActionsOnlyInTo = minus(fa, ta), minus(ta, fa)
	members := map[string]bool{}
	for k := range f {
		members[k] = true
	}
	for k := range t {
		members[k] = true
	}
	for k := range members {
		if k == "Action" || k == "Sid" {
			continue
		}
		if !bytes.Equal(awstype.CanonicalJSON(f[k]), awstype.CanonicalJSON(t[k])) {
			d.OtherMembers = append(d.OtherMembers, k)
		}
	}
	sort.Strings(d.OtherMembers)

	return d
}

func wholeStatement(policy string, kind StatementKind, s map[string]any) StatementDiff {
	d := StatementDiff{Policy: policy, Kind: kind, Statement: s, Principal: s["Principal"], Resource: s["Resource"]}
	d.Sid, _ = s["Sid"].(string)
	d.Effect, _ = s["Effect"].(string)

	return d
}

func stringList(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}

		return out
	case []string:
		return x
	}

	return nil
}

// minus returns the sorted, distinct strings of a that b lacks.
func minus(a, b []string) []string {
	in := make(map[string]bool, len(b))
	for _, s := range b {
		in[s] = true
	}
	var out []string
	for _, s := range a {
		if !in[s] {
			out = append(out, s)
			in[s] = true
		}
	}
	sort.Strings(out)

	return out
}
