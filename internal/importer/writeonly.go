package importer

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// writeOnlyRead is one DataZone read of the write-only values of a
// discovered resource.
type writeOnlyRead struct {
	typeName   string
	identifier string
	values     map[string]any
	err        error
}

// writeOnlySubjects names, per type, the resources and the values that a
// failed read leaves as input variables, for warnings.
var writeOnlySubjects = map[string]struct{ resources, values string }{
	awstype.Domain.Name: {resources: "domains", values: "service role"},
	awstype.EnvironmentBlueprintConfiguration.Name: {resources: "blueprint configurations",
		values: "permissions boundary and Lake Formation configuration"},
	awstype.Project.Name:           {resources: "projects", values: "project profile id and user parameters"},
	awstype.ProjectMembership.Name: {resources: "project memberships", values: "designation"},
}

// writeOnlyOrder is the order of the warnings, parents first.
var writeOnlyOrder = []string{awstype.Domain.Name, awstype.EnvironmentBlueprintConfiguration.Name,
	awstype.Project.Name, awstype.ProjectMembership.Name}

// writeOnly reads, through the DataZone API, the write-only values of the
// domain, its managed blueprint configurations, projects and memberships.
// A failed read does not fail the import. The resource gets no entry in
// Inventory.WriteOnly and the failure becomes a warning. Only the end of
// ctx stops the reads with an error.
// NOTE: a membership's values come from ListProjectMemberships, so a
// project with n members costs n list calls (more when they page).
func (d *discovery) writeOnly(ctx context.Context) error {
	reads := d.writeOnlyReads()
	err := runAll(ctx, d.in.Concurrency, len(reads), func(i int) error {
		r := &reads[i]
		r.values, r.err = d.in.Client.DataZoneWriteOnly(ctx, r.typeName, r.identifier)

		return nil
	})
	if err != nil {
		return fmt.Errorf("read write-only values through the DataZone API: %w", err)
	}
	d.inv.WriteOnly = map[string]map[string]map[string]any{}
	for _, r := range reads {
		if r.err != nil {
			continue
		}
		if d.inv.WriteOnly[r.typeName] == nil {
			d.inv.WriteOnly[r.typeName] = map[string]map[string]any{}
		}
		d.inv.WriteOnly[r.typeName][r.identifier] = r.values
	}
	d.inv.Warnings = append(d.inv.Warnings, readWarnings(reads)...)

	return nil
}

// writeOnlyReads lists the resources whose write-only values Generate
// writes. Blueprint configurations of other than managed blueprints are
// left out because Generate skips them.
func (d *discovery) writeOnlyReads() []writeOnlyRead {
	reads := []writeOnlyRead{{typeName: awstype.Domain.Name, identifier: d.inv.Domain.Identifier}}
	for _, b := range d.inv.Blueprints {
		if b.Name != "" {
			reads = append(reads, writeOnlyRead{
				typeName: awstype.EnvironmentBlueprintConfiguration.Name, identifier: b.Identifier,
			})
		}
	}
	for _, p := range d.inv.Projects {
		reads = append(reads, writeOnlyRead{typeName: awstype.Project.Name, identifier: p.Identifier})
	}
	for _, m := range d.inv.Memberships {
		reads = append(reads, writeOnlyRead{typeName: awstype.ProjectMembership.Name, identifier: m.Identifier})
	}

	return reads
}

// readFailure is the failed reads of one type that share a cause.
type readFailure struct {
	count int
	first error
}

// readWarnings returns one warning per type and cause of failure, with the
// count and the first error, so that a denial on every project is one line.
func readWarnings(reads []writeOnlyRead) []string {
	totals := map[string]int{}
	failures := map[string]map[string]*readFailure{}
	for _, r := range reads {
		totals[r.typeName]++
		if r.err == nil {
			continue
		}
		cause := failureCause(r.err)
		if failures[r.typeName] == nil {
			failures[r.typeName] = map[string]*readFailure{}
		}
		f := failures[r.typeName][cause]
		if f == nil {
			f = &readFailure{first: r.err}
			failures[r.typeName][cause] = f
		}
		f.count++
	}
	var warnings []string
	for _, typeName := range writeOnlyOrder {
		for _, cause := range sortedKeys(failures[typeName]) {
			f := failures[typeName][cause]
			warnings = append(warnings, readWarning(typeName, cause, f, totals[typeName]))
		}
	}

	return warnings
}

// Causes of a failed DataZone read.
const (
	causeAccessDenied = "access denied"
	causeNotFound     = "not found"
	causeOther        = "failed"
)

func failureCause(err error) string {
	switch {
	case isAccessDenied(err):
		return causeAccessDenied
	case errors.Is(err, cloudcontrol.ErrNotFound):
		return causeNotFound
	default:
		return causeOther
	}
}

func readWarning(typeName, cause string, f *readFailure, total int) string {
	subject := writeOnlySubjects[typeName]
	head := fmt.Sprintf("The DataZone API did not return the %s of %d of %d %s", subject.values, f.count,
		total, subject.resources)
	first := strings.TrimSuffix(f.first.Error(), ".")
	switch cause {
	case causeAccessDenied:
		return fmt.Sprintf("%s because access was denied, so these values are input variables; grant the "+
			"caller %s and run the import again to read them (first error: %s).", head,
			dataZoneAction(f.first), first)
	case causeNotFound:
		return fmt.Sprintf("%s because DataZone reported the resources as not found, perhaps deleted during "+
			"the import, so these values are input variables (first error: %s).", head, first)
	default:
		return fmt.Sprintf("%s, so these values are input variables; run the import again to retry "+
			"(first error: %s).", head, first)
	}
}

// dataZoneAction returns the IAM action of the DataZone operation that
// failed, whose name the API error carries. DataZone names its IAM actions
// after its operations.
func dataZoneAction(err error) string {
	var apiErr *cloudcontrol.APIError
	if errors.As(err, &apiErr) && apiErr.Operation != "" {
		return "datazone:" + apiErr.Operation
	}

	return "the DataZone read permissions"
}
