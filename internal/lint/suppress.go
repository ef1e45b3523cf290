package lint

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

const suppressionMarker = "smus:ignore"

// suppressionWithoutReason reports suppression comments that give no reason.
// Its findings come from parsing, so it has no check of its own.
var suppressionWithoutReason = registerRule(&Rule{
	Name:     "suppression-without-reason",
	Summary:  "A smus:ignore comment must say why the finding does not apply.",
	Severity: Error,
})

// suppression is one parsed "smus:ignore RULE reason" comment.
type suppression struct {
	rules  []string
	reason string
	// line is the line the comment covers: its own line for a comment at
	// the end of a line, the next line for a comment on a line of its own.
	line int
	rng  hcl.Range
}

// parseSuppressions finds the suppression comments of a native-syntax file.
// It returns findings for comments without a reason and errors for unknown
// rule names.
func parseSuppressions(f *File) ([]Finding, []ToolError) {
	if f.JSON || !bytes.Contains(f.Src, []byte(suppressionMarker)) {
		return nil, nil
	}
	tokens, _ := hclsyntax.LexConfig(f.Src, f.Path, hcl.InitialPos)
	var findings []Finding
	var errs []ToolError
	for _, tok := range tokens {
		if tok.Type != hclsyntax.TokenComment {
			continue
		}
		s, ok := parseSuppression(f, tok)
		if !ok {
			continue
		}
		if err := checkSuppressionRules(s); err != nil {
			errs = append(errs, *err)

			continue
		}
		if s.reason == "" {
			findings = append(findings, Finding{
				Rule:     suppressionWithoutReason.Name,
				Severity: suppressionWithoutReason.Severity,
				Message: fmt.Sprintf("suppression of %s gives no reason: write why the finding does "+
					"not apply after the rule name, as in \"# smus:ignore %s <reason>\"",
					strings.Join(s.rules, ","), s.rules[0]),
				Range: s.rng,
				block: s.rng,
			})

			continue
		}
		f.notes = append(f.notes, s)
	}

	return findings, errs
}

func parseSuppression(f *File, tok hclsyntax.Token) (suppression, bool) {
	text := string(tok.Bytes)
	switch {
	case strings.HasPrefix(text, "#"):
		text = text[1:]
	case strings.HasPrefix(text, "//"):
		text = text[2:]
	default:
		return suppression{}, false
	}
	fields := strings.Fields(text)
	if len(fields) == 0 || fields[0] != suppressionMarker {
		return suppression{}, false
	}
	rng := tok.Range
	rng.End = hcl.Pos{Line: rng.Start.Line, Column: rng.Start.Column + len(strings.TrimRight(string(tok.Bytes), "\r\n")),
		Byte: rng.Start.Byte + len(strings.TrimRight(string(tok.Bytes), "\r\n"))}
	s := suppression{line: rng.Start.Line, rng: rng}
	if ownLine(f.Src, rng.Start.Byte) {
		s.line++
	}
	if len(fields) > 1 {
		s.rules = strings.Split(fields[1], ",")
	}
	if len(fields) > 2 {
		s.reason = strings.Join(fields[2:], " ")
	}

	return s, true
}

// ownLine reports whether only white space precedes offset on its line.
func ownLine(src []byte, offset int) bool {
	start := bytes.LastIndexByte(src[:offset], '\n') + 1

	return len(bytes.TrimSpace(src[start:offset])) == 0
}

func checkSuppressionRules(s suppression) *ToolError {
	if len(s.rules) == 0 {
		return &ToolError{
			Message: "suppression names no rule: write \"smus:ignore RULE reason\" with one of " +
				strings.Join(RuleNames(), ", "),
			Range: s.rng,
		}
	}
	for _, name := range s.rules {
		if _, ok := ruleByName[name]; !ok {
			return &ToolError{
				Message: fmt.Sprintf("suppression names unknown lint rule %q: valid rules are %s",
					name, strings.Join(RuleNames(), ", ")),
				Range: s.rng,
			}
		}
	}

	return nil
}

// suppressed reports whether a suppression in f covers the finding.
func (f *File) suppressed(fd Finding) bool {
	for _, s := range f.notes {
		if !slices.Contains(s.rules, fd.Rule) {
			continue
		}
		if s.line == fd.Range.Start.Line || (fd.block.Filename != "" && s.line == fd.block.Start.Line) {
			return true
		}
	}

	return false
}
