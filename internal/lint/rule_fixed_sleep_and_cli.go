package lint

import (
	"regexp"
)

var fixedSleepAndCLI = registerRule(&Rule{
	Name: "fixed-sleep-and-cli",
	Summary: "time_sleep and local-exec calls to aws datazone or aws cloudcontrol stand in for " +
		"resources that wait for readiness themselves.",
	Severity: Warning,
	check:    checkFixedSleepAndCLI,
})

// awsCLICall matches a shell command that runs the DataZone or Cloud
// Control commands of the AWS CLI.
var awsCLICall = regexp.MustCompile(`\baws\s+(?:--?[\w-]+(?:[ =][^\s-]\S*)?\s+)*(datazone|cloudcontrol)\b`)

func checkFixedSleepAndCLI(p *Project, r *reporter) {
	for _, m := range p.Modules {
		for _, b := range m.Resources() {
			if b.Label(0) == "time_sleep" {
				r.addBlock(b, "%s waits a fixed time, which is too long on a fast run and too short on a "+
					"slow one: depend on the resource itself, whose create waits until it is ready",
					b.Address())

				continue
			}
			checkLocalExec(r, b)
		}
	}
}

func checkLocalExec(r *reporter, b *Block) {
	for _, prov := range b.Blocks("provisioner", "type") {
		if prov.Label(0) != "local-exec" {
			continue
		}
		cmd := prov.Attr("command")
		if cmd == nil {
			continue
		}
		match := awsCLICall.FindStringSubmatch(sourceText(b.File, cmd.Expr.Range()))
		if match == nil {
			continue
		}
		r.add(cmd.Range, b.DefRange, "%s runs \"aws %s\" from local-exec, which Terraform neither "+
			"tracks in state nor retries: manage the object with a smus or awscc resource instead",
			b.Address(), match[1])
	}
}
