package importer

import (
	"strconv"
	"strings"
	"unicode"
)

// snakeCase turns an object's name into a Terraform identifier: lowercase
// words joined by "_", camel-case humps split ("MLExperiments" becomes
// "ml_experiments"), and a leading "r_" when the result would start with a
// digit. It returns fallback when the name has no letter or digit.
func snakeCase(name, fallback string) string {
	out := snakeWords(name)
	if out == "" {
		return fallback
	}
	if unicode.IsDigit(rune(out[0])) {
		return "r_" + out
	}

	return out
}

// snakeWords returns the lowercase ASCII words of name joined by "_",
// which may start with a digit or be empty.
func snakeWords(name string) string {
	runes := []rune(name)
	var b strings.Builder
	pendingSep := false
	for i, r := range runes {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			pendingSep = b.Len() > 0

			continue
		}
		if unicode.IsUpper(r) && i > 0 && startsWord(runes, i) {
			pendingSep = b.Len() > 0
		}
		if pendingSep {
			b.WriteByte('_')
			pendingSep = false
		}
		if r > unicode.MaxASCII {
			// Identifiers may hold Unicode letters, but ASCII names read and
			// type better; anything else becomes a separator.
			pendingSep = b.Len() > 0

			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.Trim(b.String(), "_")
}

// startsWord reports whether the upper-case rune at i starts a new word:
// after a lower-case letter or digit, or as the last capital of an acronym
// that a lower-case letter follows ("ML" + "Experiments").
func startsWord(runes []rune, i int) bool {
	prev := runes[i-1]
	if unicode.IsLower(prev) || unicode.IsDigit(prev) {
		return true
	}

	return unicode.IsUpper(prev) && i+1 < len(runes) && unicode.IsLower(runes[i+1])
}

// namer hands out unique names per resource type. The first object of a
// base name gets the base itself, and later ones get base_2, base_3 and so
// on. Callers sort objects first, so the result is deterministic.
type namer struct {
	reserved map[string]map[string]bool
}

func newNamer() *namer { return &namer{reserved: map[string]map[string]bool{}} }

// reserve marks a name of a resource type as used, such as the label of a
// resource block that already exists.
func (n *namer) reserve(resourceType, name string) {
	if n.reserved[resourceType] == nil {
		n.reserved[resourceType] = map[string]bool{}
	}
	n.reserved[resourceType][name] = true
}

// next returns a free name derived from base and reserves it.
func (n *namer) next(resourceType, base string) string {
	name := base
	for i := 2; n.reserved[resourceType][name]; i++ {
		name = base + "_" + strconv.Itoa(i)
	}
	n.reserve(resourceType, name)

	return name
}
