package localcloud

import (
	"fmt"
	"strings"
	"time"

	"github.com/smus-dev/smus/internal/awstype"
)

var parameterHandler = &handler{
	create:     createParameter,
	update:     defaultUpdate,
	remove:     defaultRemove,
	createTime: time.Second,
	updateTime: defaultUpdateTime,
	deleteTime: defaultDeleteTime,
}

func createParameter(o *operation, desired map[string]any) (*change, *handlerError) {
	m := awstype.CloneModel(desired)
	name := stringAt(m, "Name")
	if name == "" {
		name = "smus-parameter-" + randomString(upperAlnum, 12)
		m["Name"] = name
	}
	m["Arn"] = parameterARN(o.region, o.account, name)

	return &change{identifier: name, final: m, summary: fmt.Sprintf("created parameter %s", name)}, nil
}

// parameterARN builds an SSM parameter ARN. A name with a leading slash is
// a hierarchy path and joins "parameter" directly; other names get a slash.
func parameterARN(region, account, name string) string {
	if !strings.HasPrefix(name, "/") {
		name = "/" + name
	}

	return fmt.Sprintf("arn:aws:ssm:%s:%s:parameter%s", region, account, name)
}
