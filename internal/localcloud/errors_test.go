package localcloud_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/localcloud"
)

const signature = "AWS4-HMAC-SHA256 Credential=%s/20250101/us-east-1/cloudcontrolapi/aws4_request, " +
	"SignedHeaders=host;x-amz-date, Signature=0000"

// rawCall sends a JSON 1.0 request without the SDK and returns the status,
// the X-Amzn-ErrorType header and the decoded body.
func rawCall(t *testing.T, url, target, auth, body string) (int, string, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url+"/", strings.NewReader(body))
	if err != nil {
		t.Fatalf("build request: %v", err)
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	if target != "" {
		req.Header.Set("X-Amz-Target", target)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("send request: %v", err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read response: %v", err)
	}
	if resp.Header.Get("x-amzn-RequestId") == "" {
		t.Errorf("response has no x-amzn-RequestId header")
	}
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("response %q is not JSON: %v", data, err)
	}

	return resp.StatusCode, resp.Header.Get("X-Amzn-ErrorType"), out
}

func TestProtocolErrors(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	auth := strings.Replace(signature, "%s", account, 1)
	cases := map[string]struct {
		target, auth, body string
		wantCode           string
		wantStatus         int
		wantMessage        string
	}{
		"missing-authorization": {"CloudApiService.GetResource", "", `{}`,
			"MissingAuthenticationTokenException", 403, "Missing Authentication Token"},
		"non-numeric-access-key": {"CloudApiService.GetResource", strings.Replace(signature, "%s", "AKIAEXAMPLE", 1), `{}`,
			"UnrecognizedClientException", 400, "The security token included in the request is invalid."},
		"not-sigv4":         {"CloudApiService.GetResource", "Bearer x", `{}`, "IncompleteSignatureException", 400, ""},
		"unknown-target":    {"CloudApiService.DescribeEverything", auth, `{}`, "UnknownOperationException", 400, ""},
		"malformed-json":    {"CloudApiService.GetResource", auth, `{"TypeName":`, "SerializationException", 400, ""},
		"wrong-member-type": {"CloudApiService.GetResource", auth, `{"TypeName":7}`, "SerializationException", 400, ""},
		"missing-type-name": {"CloudApiService.GetResource", auth, `{"Identifier":"x"}`, "ValidationException", 400,
			"1 validation error detected: Value null at 'typeName' failed to satisfy constraint: Member must not be null"},
		"unknown-type": {"CloudApiService.GetResource", auth, `{"TypeName":"AWS::S3::Bucket","Identifier":"b"}`,
			"TypeNotFoundException", 404, "The type 'AWS::S3::Bucket' cannot be found."},
		"bad-identifier": {"CloudApiService.GetResource", auth,
			`{"TypeName":"AWS::DataZone::Project","Identifier":"only-one-part"}`, "ValidationException", 400, ""},
		"missing-resource": {"CloudApiService.GetResource", auth, `{"TypeName":"AWS::IAM::Role","Identifier":"nope"}`,
			"ResourceNotFoundException", 404, ""},
		"update-unsupported": {"CloudApiService.UpdateResource", auth,
			`{"TypeName":"AWS::LakeFormation::PrincipalPermissions","Identifier":"{}|{}","PatchDocument":"[]"}`,
			"UnsupportedActionException", 405,
			"Resource type AWS::LakeFormation::PrincipalPermissions does not support UPDATE action"},
		"list-unsupported": {"CloudApiService.ListResources", auth,
			`{"TypeName":"AWS::LakeFormation::PrincipalPermissions"}`, "UnsupportedActionException", 405, ""},
		"list-without-scope": {"CloudApiService.ListResources", auth, `{"TypeName":"AWS::DataZone::Project"}`,
			"InvalidRequestException", 400,
			"Missing or invalid ResourceModel property in AWS::DataZone::Project list handler request input." +
				"Required property: (#: required key [DomainIdentifier] not found)"},
		"unknown-request-token": {"CloudApiService.GetResourceRequestStatus", auth, `{"RequestToken":"abc"}`,
			"RequestTokenNotFoundException", 404, "Request with token abc was not found."},
		"cancel-unknown-token": {"CloudApiService.CancelResourceRequest", auth, `{"RequestToken":"abc"}`,
			"RequestTokenNotFoundException", 404, ""},
		"max-results-too-large": {"CloudApiService.ListResources", auth, `{"TypeName":"AWS::IAM::Role","MaxResults":101}`,
			"ValidationException", 400, ""},
		"update-missing-resource": {"CloudApiService.UpdateResource", auth,
			`{"TypeName":"AWS::IAM::Role","Identifier":"nope","PatchDocument":"[]"}`, "ResourceNotFoundException", 404, ""},
		"create-invalid-model": {"CloudApiService.CreateResource", auth,
			`{"TypeName":"AWS::SSM::Parameter","DesiredState":"{\"Name\":\"p\",\"Type\":\"Secure\"}"}`,
			"ValidationException", 400, ""},
		"desired-state-not-object": {"CloudApiService.CreateResource", auth,
			`{"TypeName":"AWS::SSM::Parameter","DesiredState":"[1]"}`, "ValidationException", 400, ""},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			status, header, body := rawCall(t, f.srv.URL, tc.target, tc.auth, tc.body)
			if status != tc.wantStatus {
				t.Errorf("status = %d, want %d (body %v)", status, tc.wantStatus, body)
			}
			if diff := cmp.Diff(tc.wantCode, body["__type"]); diff != "" {
				t.Errorf("__type (-want +got):\n%s", diff)
			}
			if header != tc.wantCode {
				t.Errorf("X-Amzn-ErrorType = %q, want %q", header, tc.wantCode)
			}
			msg, _ := body["Message"].(string)
			if msg == "" {
				t.Errorf("error has no Message")
			}
			if tc.wantMessage != "" && msg != tc.wantMessage {
				t.Errorf("Message = %q, want %q", msg, tc.wantMessage)
			}
		})
	}
}

func TestSDKSeesErrorCodes(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})

	_, err := f.cc.GetResource(context.Background(), &cloudcontrol.GetResourceInput{
		TypeName: aws.String("AWS::Example::Thing"), Identifier: aws.String("x"),
	})

	code, status := apiError(t, err)
	if code != "TypeNotFoundException" || status != 404 {
		t.Errorf("got %s %d, want TypeNotFoundException 404", code, status)
	}
}

func TestPatchChecks(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	f.mustCreate(t, "AWS::IAM::Role", roleModel("patched"))
	cases := map[string]struct {
		patch       []map[string]any
		wantCode    string
		wantMessage string
	}{
		"read-only": {[]map[string]any{{"op": "replace", "path": "/Arn", "value": "arn:aws:iam::1:role/x"}},
			"ValidationException", "Invalid patch update: readOnlyProperties [/properties/Arn] cannot be updated"},
		"create-only-changed": {[]map[string]any{{"op": "replace", "path": "/Path", "value": "/other/"}},
			"NotUpdatableException", "Invalid patch update: createOnlyProperties [/properties/Path] cannot be updated"},
		"required-removed": {[]map[string]any{{"op": "remove", "path": "/AssumeRolePolicyDocument"}},
			"ValidationException", "Model validation failed (#: required key [AssumeRolePolicyDocument] not found)"},
		"failed-test-op": {[]map[string]any{{"op": "test", "path": "/Path", "value": "/x/"}},
			"ValidationException", ""},
		"bad-op": {[]map[string]any{{"op": "merge", "path": "/Path", "value": "/x/"}}, "ValidationException", ""},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := f.cc.UpdateResource(context.Background(), &cloudcontrol.UpdateResourceInput{
				TypeName: aws.String("AWS::IAM::Role"), Identifier: aws.String("patched"),
				PatchDocument: aws.String(mustJSON(t, tc.patch)),
			})
			code, status := apiError(t, err)
			if code != tc.wantCode || status != 400 {
				t.Errorf("got %s %d, want %s 400 (%v)", code, status, tc.wantCode, err)
			}
			if tc.wantMessage != "" && !strings.Contains(err.Error(), tc.wantMessage) {
				t.Errorf("error %q does not contain %q", err, tc.wantMessage)
			}
		})
	}
}

func TestUnchangedCreateOnlyPasses(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	f.mustCreate(t, "AWS::IAM::Role", roleModel("same"))

	ev := f.update(t, "AWS::IAM::Role", "same", []map[string]any{
		{"op": "replace", "path": "/Path", "value": "/"},
		{"op": "add", "path": "/MaxSessionDuration", "value": 7200},
	})

	if ev.OperationStatus != "SUCCESS" {
		t.Fatalf("update = %s %s", ev.OperationStatus, aws.ToString(ev.StatusMessage))
	}
	if got := f.get(t, "AWS::IAM::Role", "same")["MaxSessionDuration"]; got != float64(7200) {
		t.Errorf("MaxSessionDuration = %v, want 7200", got)
	}
}

func TestConcurrentOperation(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{TimeScale: 1})
	ctx := context.Background()
	_, err := f.cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{
		TypeName: aws.String("AWS::IAM::Role"), DesiredState: aws.String(mustJSON(t, roleModel("busy"))),
	})
	if err != nil {
		t.Fatalf("create: %v", err)
	}

	_, err = f.cc.DeleteResource(ctx, &cloudcontrol.DeleteResourceInput{
		TypeName: aws.String("AWS::IAM::Role"), Identifier: aws.String("busy"),
	})

	if code, status := apiError(t, err); code != "ConcurrentOperationException" || status != 409 {
		t.Errorf("delete during create = %s %d, want ConcurrentOperationException 409", code, status)
	}
}
