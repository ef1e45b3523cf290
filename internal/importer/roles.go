package importer

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// roleARNs returns the role ARNs that the domain and its blueprint
// configurations name, in their read models and in the write-only values
// DataZone returned, sorted and without duplicates.
func roleARNs(inv *Inventory) []string {
	seen := map[string]bool{}
	add := func(v any) {
		if s, ok := v.(string); ok && s != "" {
			seen[s] = true
		}
	}
	add(inv.Domain.Properties["DomainExecutionRole"])
	if values, ok := inv.writeOnlyValues(awstype.Domain.Name, inv.Domain.Identifier); ok {
		add(values["ServiceRole"])
	}
	for _, b := range inv.Blueprints {
		add(b.Properties["ProvisioningRoleArn"])
		add(b.Properties["ManageAccessRoleArn"])
		values, _ := inv.writeOnlyValues(awstype.EnvironmentBlueprintConfiguration.Name, b.Identifier)
		if conf := lakeFormationConfiguration(values["ProvisioningConfigurations"]); conf != nil {
			add(conf["LocationRegistrationRole"])
		}
	}
	out := make([]string, 0, len(seen))
	for arn := range seen {
		out = append(out, arn)
	}
	sort.Strings(out)

	return out
}

// roleName returns the name of the role an ARN names, and false when the
// ARN is not a role ARN of account.
func roleName(arn, account string) (string, bool) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[2] != "iam" || parts[4] != account || !strings.HasPrefix(parts[5], "role/") {
		return "", false
	}
	path := parts[5]

	return path[strings.LastIndex(path, "/")+1:], true
}

// roles reads the roles the inventory names. A role of another account, or
// one that cannot be read, is noted and stays a literal ARN.
func (d *discovery) roles(ctx context.Context) {
	arns := roleARNs(d.inv)
	found := make([]*cloudcontrol.Resource, len(arns))
	notes := make([]string, len(arns))
	_ = runAll(ctx, d.in.Concurrency, len(arns), func(i int) error {
		name, ok := roleName(arns[i], d.inv.Account)
		if !ok {
			notes[i] = fmt.Sprintf("Role %s is not a role of account %s, so it stays a literal ARN.",
				arns[i], d.inv.Account)

			return nil
		}
		res, err := d.in.Client.Get(ctx, awstype.Role.Name, name)
		switch {
		case errors.Is(err, cloudcontrol.ErrNotFound):
			notes[i] = fmt.Sprintf("Role %s does not exist, so it stays a literal ARN; create it or fix the "+
				"configuration that names it.", arns[i])
		case err != nil:
			notes[i] = fmt.Sprintf("Role %s could not be read, so it stays a literal ARN: %v.", arns[i],
				readError(awstype.Role, name, err))
		default:
			found[i] = res
		}

		return nil
	})
	for i := range arns {
		if found[i] != nil {
			d.inv.Roles = append(d.inv.Roles, *found[i])
		}
		if notes[i] != "" {
			d.inv.Notes = append(d.inv.Notes, notes[i])
		}
	}
}
