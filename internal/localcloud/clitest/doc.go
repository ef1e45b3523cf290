// Package clitest checks the local cloud against the AWS CLI version 2, a
// client that shares no code with aws-sdk-go-v2: botocore serializes the
// requests, parses the JSON 1.0 responses and error shapes, and renders
// timestamps.
//
// Its tests run every Cloud Control operation through `aws cloudcontrol`:
// create, get, update with an RFC 6902 patch, list with scope and paging,
// delete, request status, request listing with filters, and cancellation.
// They also check ClientToken idempotency, the synchronous errors that the
// CLI names on stderr, throttling, and `aws sts get-caller-identity`.
//
// Each test starts its own local cloud on 127.0.0.1 and passes
// --endpoint-url on every invocation. The CLI runs with an environment that
// contains no AWS settings besides the test's own, so it never contacts AWS.
//
// The tests need the AWS CLI version 2 on PATH (Debian's awscli package)
// and skip when it is missing. Version 1 does not qualify, because it
// rejects --no-cli-pager, which every invocation passes. The package has no
// non-test code.
package clitest
