package localcloud

import (
	"fmt"
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

	return &change{identifier: name, final: m, summary: fmt.Sprintf("created role %s", m["Arn"])}, nil
}
