package lint

import (
	"fmt"
	"slices"

	"github.com/hashicorp/hcl/v2"
)

// Rule is one check with its metadata.
type Rule struct {
	// Name is the kebab-case name used in output, suppressions and
	// configuration; docs/lint/<Name>.md describes the rule.
	Name string
	// Summary is one sentence on what the rule reports.
	Summary string
	// Severity is the default severity of the rule's findings. A check can
	// report a lower severity for a milder variant; a severity set in the
	// configuration replaces both.
	Severity Severity

	check func(p *Project, r *reporter)
}

var ruleByName = map[string]*Rule{}

func registerRule(r *Rule) *Rule {
	if _, ok := ruleByName[r.Name]; ok {
		panic("lint: rule registered twice: " + r.Name)
	}
	ruleByName[r.Name] = r

	return r
}

// Rules returns every rule, sorted by name.
func Rules() []Rule {
	out := make([]Rule, 0, len(ruleByName))
	for _, r := range ruleByName {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b Rule) int {
		if a.Name < b.Name {
			return -1
		}
		if a.Name > b.Name {
			return 1
		}

		return 0
	})

	return out
}

// RuleNames returns the names of every rule, sorted.
func RuleNames() []string {
	names := make([]string, 0, len(ruleByName))
	for name := range ruleByName {
		names = append(names, name)
	}
	slices.Sort(names)

	return names
}

// reporter collects the findings of one rule.
type reporter struct {
	rule     *Rule
	findings []Finding
}

// add reports a finding at rng inside the block whose header is block, with
// the rule's default severity.
func (r *reporter) add(rng, block hcl.Range, format string, args ...any) {
	r.addSeverity(r.rule.Severity, rng, block, format, args...)
}

func (r *reporter) addSeverity(sev Severity, rng, block hcl.Range, format string, args ...any) {
	r.findings = append(r.findings, Finding{
		Rule:     r.rule.Name,
		Severity: sev,
		Message:  fmt.Sprintf(format, args...),
		Range:    rng,
		block:    block,
	})
}

// addBlock reports a finding at a block's header.
func (r *reporter) addBlock(b *Block, format string, args ...any) {
	r.add(b.DefRange, b.DefRange, format, args...)
}
