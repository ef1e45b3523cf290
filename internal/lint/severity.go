package lint

import (
	"fmt"
	"strings"
)

// Severity ranks a finding. The zero value is Notice, the lowest rank.
type Severity int

// Severities from lowest to highest.
const (
	Notice Severity = iota
	Warning
	Error
)

var severityNames = [...]string{Notice: "notice", Warning: "warning", Error: "error"}

// String returns the lowercase name used in output and configuration.
func (s Severity) String() string {
	if s < Notice || s > Error {
		return fmt.Sprintf("severity(%d)", int(s))
	}

	return severityNames[s]
}

// ParseSeverity returns the severity named s: "error", "warning" or "notice".
func ParseSeverity(s string) (Severity, error) {
	for i, name := range severityNames {
		if strings.EqualFold(s, name) {
			return Severity(i), nil
		}
	}

	return Notice, fmt.Errorf("invalid severity %q: use error, warning or notice", s)
}
