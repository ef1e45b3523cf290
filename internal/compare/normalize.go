package compare

import (
	"regexp"
	"slices"
	"strings"
)

// Placeholders that the Normalizer puts in place of values that differ
// legitimately between environments.
const (
	PlaceholderAccount  = "<account>"
	PlaceholderRegion   = "<region>"
	PlaceholderDomainID = "<domain-id>"
	PlaceholderID       = "<id>"
	PlaceholderUniqueID = "<unique-id>"
	PlaceholderToken    = "<token>"
	PlaceholderEnv      = "<env>"
)

var (
	uuidPattern     = regexp.MustCompile(`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`)
	domainIDPattern = regexp.MustCompile(`dzd[-_][a-zA-Z0-9]+`)
	// IAM unique ids: AROA roles, ANPA policies, AIDA users, AGPA groups,
	// AIPA instance profiles.
	uniqueIDPattern = regexp.MustCompile(`\b(AROA|ANPA|AIDA|AGPA|AIPA)[A-Z0-9]{12,}\b`)
	arnRegion       = regexp.MustCompile(`(arn:aws[a-z-]*:[a-z0-9-]+:)([a-z]{2}(?:-[a-z]+)+-\d)(:)`)
	anyRegion       = regexp.MustCompile(`\b[a-z]{2}(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central|` +
		`northeast|southeast|northwest|southwest)-\d\b`)
	digitRun  = regexp.MustCompile(`\d+`)
	alnumRun  = regexp.MustCompile(`[a-z0-9]+`)
	letterRun = regexp.MustCompile(`[A-Za-z]+`)
)

// dataZoneIDLength is the length of the ids that DataZone generates for
// projects, profiles, blueprints, domain units and user profiles.
const dataZoneIDLength = 14

// Normalizer rewrites values so that two environments can be compared. It
// is safe for concurrent use once built.
type Normalizer struct {
	envNames     map[string]bool
	replacements []replacement
	regions      bool
}

type replacement struct{ old, new string }

// NewNormalizer returns a Normalizer for cfg and the names of the
// environments being compared, which are always treated as environment
// names.
func NewNormalizer(cfg Config, envs ...string) *Normalizer {
	n := &Normalizer{envNames: map[string]bool{}, regions: cfg.NormalizeRegions}
	for _, name := range append(append([]string{}, cfg.EnvironmentNames...), envs...) {
		if name = strings.ToLower(strings.TrimSpace(name)); name != "" {
			n.envNames[name] = true
		}
	}
	for old, repl := range cfg.Replacements {
		n.replacements = append(n.replacements, replacement{old: old, new: repl})
	}
	// Longer strings first, so that "fraud-prd-data" wins over "prd".
	slices.SortFunc(n.replacements, func(a, b replacement) int {
		if len(a.old) != len(b.old) {
			return len(b.old) - len(a.old)
		}

		return strings.Compare(a.old, b.old)
	})

	return n
}

// String returns s with the configured replacements applied, then request
// tokens, DataZone domain ids, IAM unique ids, regions inside ARNs (every
// region with Config.NormalizeRegions), 12-digit account ids, DataZone ids
// and environment names replaced by placeholders.
//
// NOTE: a DataZone id is recognized as a run of exactly 14 lowercase letters
// and digits with at least one of each, so an id made only of letters stays
// as it is, except in id attributes (see Value).
func (n *Normalizer) String(s string) string {
	return n.normalize(s, false)
}

func (n *Normalizer) normalize(s string, idValue bool) string {
	for _, r := range n.replacements {
		s = strings.ReplaceAll(s, r.old, r.new)
	}
	s = uuidPattern.ReplaceAllString(s, PlaceholderToken)
	s = domainIDPattern.ReplaceAllString(s, PlaceholderDomainID)
	s = uniqueIDPattern.ReplaceAllString(s, PlaceholderUniqueID)
	s = arnRegion.ReplaceAllString(s, "${1}"+PlaceholderRegion+"${3}")
	if n.regions {
		s = anyRegion.ReplaceAllString(s, PlaceholderRegion)
	}
	s = digitRun.ReplaceAllStringFunc(s, func(d string) string {
		if len(d) == 12 {
			return PlaceholderAccount
		}

		return d
	})
	s = alnumRun.ReplaceAllStringFunc(s, func(w string) string {
		if len(w) == dataZoneIDLength && (idValue || (hasDigit(w) && hasLetter(w))) {
			return PlaceholderID
		}

		return w
	})

	return letterRun.ReplaceAllStringFunc(s, func(w string) string {
		if n.envNames[strings.ToLower(w)] {
			return PlaceholderEnv
		}

		return w
	})
}

// Value returns a normalized deep copy of a JSON value. Strings under a
// member named "id", or whose name ends in "_id", "Id" or "identifier",
// also have 14-character DataZone ids without digits replaced.
func (n *Normalizer) Value(v any) any {
	return n.value(v, "")
}

func (n *Normalizer) value(v any, key string) any {
	switch x := v.(type) {
	case string:
		return n.normalize(x, isIDKey(key))
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[n.String(k)] = n.value(e, k)
		}

		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = n.value(e, key)
		}

		return out
	default:
		return x
	}
}

func isIDKey(key string) bool {
	lower := strings.ToLower(key)

	return lower == "id" || strings.HasSuffix(lower, "_id") || strings.HasSuffix(key, "Id") ||
		strings.HasSuffix(lower, "identifier")
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

func hasLetter(s string) bool { return strings.ContainsAny(s, "abcdefghijklmnopqrstuvwxyz") }
