package lint

import (
	"time"
)

var timeoutTooShort = registerRule(&Rule{
	Name: "timeout-too-short",
	Summary: "A DataZone domain create timeout must be at least 20 minutes, and aws_datazone " +
		"domains and projects need a timeouts block because the provider's 10-minute default is too short.",
	Severity: Error,
	check:    checkTimeoutTooShort,
})

// minDomainCreate is the create timeout a domain needs: creation takes 5 to
// 15 minutes, and 20 minutes is the common advice.
const minDomainCreate = 20 * time.Minute

// timeoutDomainTypes lists the domain resource types that take a timeouts
// block. timeoutDefaultTypes lists the aws provider types whose 10-minute
// default is too short when the block is missing.
var (
	timeoutDomainTypes  = map[string]bool{"smus_domain": true, "awscc_datazone_domain": true, "aws_datazone_domain": true}
	timeoutDefaultTypes = map[string]bool{"aws_datazone_domain": true, "aws_datazone_project": true}
)

func checkTimeoutTooShort(p *Project, r *reporter) {
	for _, m := range p.Modules {
		for _, b := range m.Resources() {
			typ := b.Label(0)
			timeouts := b.Blocks("timeouts")
			if len(timeouts) == 0 {
				if timeoutDefaultTypes[typ] {
					r.addBlock(b, "%s has no timeouts block, so create waits only the provider's 10-minute "+
						"default while DataZone can take 15 minutes or more: add timeouts { create = \"30m\" }",
						b.Address())
				}

				continue
			}
			if timeoutDomainTypes[typ] {
				checkCreateTimeout(r, b, timeouts[0])
			}
		}
	}
}

func checkCreateTimeout(r *reporter, b, timeouts *Block) {
	a := timeouts.Attr("create")
	if a == nil {
		return
	}
	text, ok := literalString(a.Expr)
	if !ok {
		return
	}
	d, err := time.ParseDuration(text)
	if err != nil {
		r.add(a.Range, b.DefRange, "%s has create timeout %q, which is not a duration: write it as "+
			"\"30m\" or \"1h\"", b.Address(), text)

		return
	}
	if d < minDomainCreate {
		r.add(a.Range, b.DefRange, "%s waits only %q for create, but a domain takes 5 to 15 minutes to "+
			"become AVAILABLE and a shorter wait reports a result while it is still being created: "+
			"set create to at least \"20m\"", b.Address(), text)
	}
}
