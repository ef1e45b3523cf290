package localcloud

import (
	"fmt"
	"time"

	"github.com/smus-dev/smus/internal/awstype"
)

var managedPolicyHandler = &handler{
	create:     createManagedPolicy,
	update:     updateManagedPolicy,
	remove:     defaultRemove,
	createTime: 3 * time.Second,
	updateTime: defaultUpdateTime,
	deleteTime: defaultDeleteTime,
}

func createManagedPolicy(o *operation, desired map[string]any) (*change, *handlerError) {
	if herr := checkManagedPolicy(o, desired); herr != nil {
		return nil, herr
	}
	m := awstype.CloneModel(desired)
	name := stringAt(m, "ManagedPolicyName")
	if name == "" {
		name = "smus-policy-" + randomString(upperAlnum, 12)
		m["ManagedPolicyName"] = name
	}
	path := stringAt(m, "Path")
	if path == "" {
		path = "/"
		m["Path"] = path
	}
	arn := fmt.Sprintf("arn:aws:iam::%s:policy%s%s", o.account, path, name)
	for _, p := range o.all(awstype.ManagedPolicy) {
		if p.str("ManagedPolicyName") == name {
			return nil, failf(codeAlreadyExists, "A policy called %s already exists. Duplicate names are not allowed.", name)
		}
	}
	m["PolicyArn"] = arn
	m["PolicyId"] = "ANPA" + randomString(upperAlnum, 17)
	m["DefaultVersionId"] = "v1"
	m["IsAttachable"] = true
	m["PermissionsBoundaryUsageCount"] = 0
	m["AttachmentCount"] = attachmentCount(m)
	m["CreateDate"] = timestamp(o.finish)
	m["UpdateDate"] = timestamp(o.finish)

	return &change{identifier: arn, final: m, summary: fmt.Sprintf("created managed policy %s", arn)}, nil
}

// updateManagedPolicy applies the default update and, as IAM does when a
// policy document changes, makes a new default version.
func updateManagedPolicy(o *operation, res *resource, desired map[string]any) (*change, *handlerError) {
	if herr := checkManagedPolicy(o, desired); herr != nil {
		return nil, herr
	}
	ch, herr := defaultUpdate(o, res, desired)
	if herr != nil {
		return nil, herr
	}
	ch.final["AttachmentCount"] = attachmentCount(ch.final)
	ch.final["UpdateDate"] = timestamp(o.finish)
	if !awstype.ManagedPolicy.EqualAt("/PolicyDocument", res.Model["PolicyDocument"], desired["PolicyDocument"]) {
		var n int
		if _, err := fmt.Sscanf(res.str("DefaultVersionId"), "v%d", &n); err != nil {
			n = 1
		}
		ch.final["DefaultVersionId"] = fmt.Sprintf("v%d", n+1)
	}

	return ch, nil
}

// checkManagedPolicy rejects a document that is not JSON and attachments to
// roles that do not exist, as IAM's CreatePolicy and AttachRolePolicy do.
func checkManagedPolicy(o *operation, desired map[string]any) *handlerError {
	if _, err := awstype.ParsePolicy(desired["PolicyDocument"]); err != nil {
		return failf(codeInvalidRequest, "MalformedPolicyDocument: %v", err)
	}
	for _, r := range listAt(desired, "Roles") {
		name, _ := r.(string)
		if o.lookup(awstype.Role, name) == nil {
			return failf(codeNotFound, "The role with name %s cannot be found.", name)
		}
	}

	return nil
}

func attachmentCount(m map[string]any) int {
	return len(listAt(m, "Roles")) + len(listAt(m, "Groups")) + len(listAt(m, "Users"))
}
