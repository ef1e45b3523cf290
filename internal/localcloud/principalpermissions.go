package localcloud

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/smus-dev/smus/internal/awstype"
)

// Lake Formation grants have no update or list handler, so Cloud Control
// rejects those actions before a handler would run.
var principalPermissionsHandler = &handler{
	create:     createPrincipalPermissions,
	remove:     defaultRemove,
	createTime: 2 * time.Second,
	deleteTime: defaultDeleteTime,
}

func createPrincipalPermissions(_ *operation, desired map[string]any) (*change, *handlerError) {
	m := awstype.CloneModel(desired)
	principal, err := json.Marshal(m["Principal"])
	if err != nil {
		return nil, failf(codeInvalidRequest, "Principal cannot be encoded as JSON: %v", err)
	}
	res, err := json.Marshal(m["Resource"])
	if err != nil {
		return nil, failf(codeInvalidRequest, "Resource cannot be encoded as JSON: %v", err)
	}
	m["PrincipalIdentifier"] = string(principal)
	m["ResourceIdentifier"] = string(res)

	return &change{identifier: string(principal) + "|" + string(res), final: m,
		summary: fmt.Sprintf("granted %v on %s to %s", m["Permissions"], res, principal)}, nil
}
