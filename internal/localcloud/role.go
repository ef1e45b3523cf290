package localcloud

import (
	"fmt"
	"slices"
	"time"

	"github.com/smus-dev/smus/internal/awstype"
)

var roleHandler = &handler{
	create:     createRole,
	update:     defaultUpdate,
	remove:     defaultRemove,
	createTime: 3 * time.Second,
	updateTime: defaultUpdateTime,
	deleteTime: defaultDeleteTime,
}

func createRole(o *operation, desired map[string]any) (*change, *handlerError) {
	m := awstype.CloneModel(desired)
	name := stringAt(m, "RoleName")
	if name == "" {
		// CloudFormation names an unnamed role after its stack; Cloud
		// Control has no stack, so the name only gets a random suffix.
		name = "smus-role-" + randomString(upperAlnum, 12)
		m["RoleName"] = name
	}
	path := stringAt(m, "Path")
	if path == "" {
		path = "/"
		m["Path"] = path
	}
	m["Arn"] = fmt.Sprintf("arn:aws:iam::%s:role%s%s", o.account, path, name)
	m["RoleId"] = "AROA" + randomString(upperAlnum, 17)
	hidden := map[string]string{roleCreatedAtKey: o.finish.UTC().Format(time.RFC3339Nano)}

	return &change{identifier: name, final: m, hidden: hidden,
		summary: fmt.Sprintf("created role %s", m["Arn"])}, nil
}

// roleCreatedAtKey is the key in a role's hidden state of the time its
// create landed, from which DataZone's wait for IAM propagation is counted.
const roleCreatedAtKey = "created_at"

// requireAssumableRole fails unless DataZone could assume the role arn:
// it must exist in the caller's account and have been created at least
// Options.RolePropagation (simulated) ago, because IAM is eventually
// consistent. A role in another account is accepted unchecked, as its
// account is not emulated here. A role without a creation time, such as
// one stored before the time was recorded, counts as propagated.
func (o *operation) requireAssumableRole(arn string) *handlerError {
	if !slices.Equal(awstype.ARNAccounts(arn), []string{o.account}) {
		return nil
	}
	notAssumable := failf(codeInvalidRequest, "Unable to assume role %s. Check that the role exists "+
		"and its trust policy allows datazone.amazonaws.com.", arn)
	role := o.lookup(awstype.Role, awstype.RoleNameFromARN(arn))
	if role == nil || role.str("Arn") != arn {
		return notAssumable
	}
	created, err := time.Parse(time.RFC3339Nano, role.Hidden[roleCreatedAtKey])
	if err != nil {
		return nil
	}
	if o.now.Sub(created) < o.c.opts.scale(o.c.opts.RolePropagation) {
		return notAssumable
	}

	return nil
}
