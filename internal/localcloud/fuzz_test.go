package localcloud_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/smus-dev/smus/internal/localcloud"
)

var operations = []string{"CreateResource", "GetResource", "UpdateResource", "DeleteResource", "ListResources",
	"GetResourceRequestStatus", "ListResourceRequests", "CancelResourceRequest"}

// serve sends one request to the handler in-process; a panic inside the
// handler would surface here as a 500 with InternalFailure.
func serve(t testing.TB, h http.Handler, target, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	req.Header.Set("X-Amz-Target", target)
	req.Header.Set("Authorization", strings.Replace(signature, "%s", account, 1))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)

	return rec
}

func TestMalformedBodiesNeverFail500(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	h := f.srv.Cloud.Handler()
	bodies := map[string]string{
		"empty":               ``,
		"null":                `null`,
		"array":               `[]`,
		"string":              `"x"`,
		"trailing-data":       `{} {}`,
		"null-members":        `{"TypeName":null,"Identifier":null,"DesiredState":null,"PatchDocument":null}`,
		"desired-null":        `{"TypeName":"AWS::IAM::Role","DesiredState":"null"}`,
		"desired-number":      `{"TypeName":"AWS::IAM::Role","DesiredState":"5"}`,
		"patch-object":        `{"TypeName":"AWS::IAM::Role","Identifier":"r","PatchDocument":"{}"}`,
		"patch-null-op":       `{"TypeName":"AWS::IAM::Role","Identifier":"r","PatchDocument":"[null]"}`,
		"identifier-pipes":    `{"TypeName":"AWS::DataZone::Project","Identifier":"|||"}`,
		"identifier-json":     `{"TypeName":"AWS::LakeFormation::PrincipalPermissions","Identifier":"{\"a\":|{"}`,
		"resource-model-junk": `{"TypeName":"AWS::DataZone::Project","ResourceModel":"{{"}`,
		"filter-wrong-type":   `{"ResourceRequestStatusFilter":{"Operations":"CREATE"}}`,
		"max-results-string":  `{"TypeName":"AWS::IAM::Role","MaxResults":"5"}`,
		"next-token-junk":     `{"TypeName":"AWS::IAM::Role","NextToken":"%%%"}`,
		"huge-number":         `{"TypeName":"AWS::IAM::Role","MaxResults":1e400}`,
	}
	for name, body := range bodies {
		for _, op := range operations {
			t.Run(name+"/"+op, func(t *testing.T) {
				rec := serve(t, h, "CloudApiService."+op, body)
				if rec.Code >= 500 {
					t.Errorf("status %d: %s", rec.Code, rec.Body)
				}
			})
		}
	}
}

func FuzzCloudControlBody(f *testing.F) {
	f.Add("CreateResource", `{"TypeName":"AWS::IAM::Role","DesiredState":"{\"RoleName\":\"r\"}"}`)
	f.Add("UpdateResource", `{"TypeName":"AWS::IAM::Role","Identifier":"r","PatchDocument":"[{\"op\":\"add\"}]"}`)
	f.Add("ListResources", `{"TypeName":"AWS::DataZone::Project","ResourceModel":"{}"}`)
	f.Add("GetResource", `{"TypeName":"AWS::LakeFormation::PrincipalPermissions","Identifier":"{}|[]"}`)
	cloud, err := localcloud.Open(localcloud.Options{DataDir: f.TempDir(), TimeScale: fastScale})
	if err != nil {
		f.Fatalf("open: %v", err)
	}
	f.Cleanup(func() { _ = cloud.Close() })
	h := cloud.Handler()
	f.Fuzz(func(t *testing.T, op, body string) {
		rec := serve(t, h, "CloudApiService."+op, body)
		if rec.Code >= 500 {
			t.Errorf("status %d for %s %q: %s", rec.Code, op, body, rec.Body)
		}
	})
}
