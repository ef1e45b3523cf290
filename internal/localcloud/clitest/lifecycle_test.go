package clitest_test

import (
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/localcloud"
)

func trustPolicy(service string) map[string]any {
	return map[string]any{
		"Version": "2012-10-17",
		"Statement": []any{map[string]any{
			"Effect": "Allow", "Principal": map[string]any{"Service": service}, "Action": "sts:AssumeRole",
		}},
	}
}

// TestResourceLifecycle creates, reads, updates, lists and deletes one
// resource of each non-DataZone type through `aws cloudcontrol`.
func TestResourceLifecycle(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		typeName string
		model    map[string]any
		wantID   string
		// readOnly maps read-only properties to the pattern of their value.
		readOnly  map[string]*regexp.Regexp
		writeOnly []string
		patch     map[string]any
		// patched is a property and its value after the patch.
		patched      string
		patchedValue any
	}{
		"iam-role": {
			typeName: "AWS::IAM::Role",
			model:    map[string]any{"RoleName": "analyst", "AssumeRolePolicyDocument": trustPolicy("datazone.amazonaws.com")},
			wantID:   "analyst",
			readOnly: map[string]*regexp.Regexp{
				"Arn":    regexp.MustCompile(`^arn:aws:iam::` + account + `:role/analyst$`),
				"RoleId": regexp.MustCompile(`^AROA[A-Z0-9]{17}$`),
			},
			patch:        map[string]any{"op": "add", "path": "/Description", "value": "reads the lake"},
			patched:      "Description",
			patchedValue: "reads the lake",
		},
		"ssm-parameter": {
			typeName: "AWS::SSM::Parameter",
			model: map[string]any{"Name": "/smus/roles/provisioning", "Type": "String",
				"Value": "arn:aws:iam::" + account + ":role/provisioning", "Description": "published by security"},
			wantID: "/smus/roles/provisioning",
			readOnly: map[string]*regexp.Regexp{
				"Arn": regexp.MustCompile(`^arn:aws:ssm:us-east-1:` + account + `:parameter/smus/roles/provisioning$`),
			},
			writeOnly: []string{"Description"},
			// The path has no leading slash, a form Cloud Control accepts.
			patch:        map[string]any{"op": "replace", "path": "Value", "value": "arn:aws:iam::" + account + ":role/v2"},
			patched:      "Value",
			patchedValue: "arn:aws:iam::" + account + ":role/v2",
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := startCloud(t, localcloud.Options{})
			begin := time.Now()

			first := createResource(t, srv, tc.typeName, tc.model)
			if first.Operation != "CREATE" || first.TypeName != tc.typeName || first.RequestToken == "" {
				t.Errorf("first event = %+v, want a CREATE of %s with a request token", first, tc.typeName)
			}
			if !slices.Contains([]string{"PENDING", "IN_PROGRESS", "SUCCESS"}, first.OperationStatus) {
				t.Errorf("first OperationStatus = %s, want PENDING, IN_PROGRESS or SUCCESS", first.OperationStatus)
			}
			checkEventTime(t, first.EventTime, begin)
			done := mustSucceed(t, srv, first.RequestToken)
			if diff := cmp.Diff(tc.wantID, done.Identifier); diff != "" {
				t.Errorf("identifier (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(first.EventTime, done.EventTime); diff != "" {
				t.Errorf("EventTime changed while the request ran (-want +got):\n%s", diff)
			}

			model := getModel(t, srv, tc.typeName, tc.wantID)
			for prop, pattern := range tc.readOnly {
				if s, _ := model[prop].(string); !pattern.MatchString(s) {
					t.Errorf("read-only %s = %v, want a match of %s", prop, model[prop], pattern)
				}
			}
			for _, prop := range tc.writeOnly {
				if v, ok := model[prop]; ok {
					t.Errorf("get-resource returned write-only %s = %v", prop, v)
				}
			}

			update := decode[progressOutput](t, mustAWS(t, srv, "cloudcontrol", "update-resource",
				"--type-name", tc.typeName, "--identifier", tc.wantID,
				"--patch-document", patchArg(t, tc.patch))).ProgressEvent
			if update.Operation != "UPDATE" {
				t.Errorf("update Operation = %s, want UPDATE", update.Operation)
			}
			mustSucceed(t, srv, update.RequestToken)
			if got := getModel(t, srv, tc.typeName, tc.wantID)[tc.patched]; got != tc.patchedValue {
				t.Errorf("%s after update = %v, want %v", tc.patched, got, tc.patchedValue)
			}

			if diff := cmp.Diff([]string{tc.wantID}, listIdentifiers(t, srv, tc.typeName)); diff != "" {
				t.Errorf("list-resources identifiers (-want +got):\n%s", diff)
			}

			del := decode[progressOutput](t, mustAWS(t, srv, "cloudcontrol", "delete-resource",
				"--type-name", tc.typeName, "--identifier", tc.wantID)).ProgressEvent
			deleted := mustSucceed(t, srv, del.RequestToken)
			if deleted.Operation != "DELETE" || deleted.ResourceModel != "" {
				t.Errorf("delete ended as %s with model %q, want DELETE without a model",
					deleted.Operation, deleted.ResourceModel)
			}
			_, stderr, code := runAWS(t, srv, account, "cloudcontrol", "get-resource",
				"--type-name", tc.typeName, "--identifier", tc.wantID)
			wantServiceError(t, stderr, code, "ResourceNotFoundException", tc.wantID)
		})
	}
}

// TestClientTokenIdempotency sends one create twice with the same
// --client-token, then the same token with another body.
func TestClientTokenIdempotency(t *testing.T) {
	t.Parallel()
	srv := startCloud(t, localcloud.Options{})
	const token = "smus-cli-test-0001"
	model := map[string]any{"RoleName": "retried", "AssumeRolePolicyDocument": trustPolicy("glue.amazonaws.com")}

	first := createResource(t, srv, "AWS::IAM::Role", model, "--client-token", token)
	again := createResource(t, srv, "AWS::IAM::Role", model, "--client-token", token)

	if diff := cmp.Diff(first.RequestToken, again.RequestToken); diff != "" {
		t.Errorf("RequestToken of the retry (-want +got):\n%s", diff)
	}
	other := map[string]any{"RoleName": "other", "AssumeRolePolicyDocument": trustPolicy("glue.amazonaws.com")}
	_, stderr, code := runAWS(t, srv, account, "cloudcontrol", "create-resource", "--type-name", "AWS::IAM::Role",
		"--desired-state", mustJSON(t, other), "--client-token", token)
	wantServiceError(t, stderr, code, "ClientTokenConflictException", token)
	mustSucceed(t, srv, first.RequestToken)
	if diff := cmp.Diff([]string{"retried"}, listIdentifiers(t, srv, "AWS::IAM::Role")); diff != "" {
		t.Errorf("roles after the retried create (-want +got):\n%s", diff)
	}
}

// TestListResourcesPaging pages through list-resources by hand with
// --max-results and --next-token, and lets the CLI page with --page-size.
func TestListResourcesPaging(t *testing.T) {
	t.Parallel()
	srv := startCloud(t, localcloud.Options{})
	names := []string{"/paging/a", "/paging/b", "/paging/c"}
	var tokens []string
	for _, name := range names {
		ev := createResource(t, srv, "AWS::SSM::Parameter", map[string]any{"Name": name, "Type": "String", "Value": "v"})
		tokens = append(tokens, ev.RequestToken)
	}
	for _, token := range tokens {
		mustSucceed(t, srv, token)
	}

	// An explicit --max-results turns the CLI's own paging off.
	var got []string
	args := []string{"cloudcontrol", "list-resources", "--type-name", "AWS::SSM::Parameter", "--max-results", "2"}
	pages := 0
	for next := ""; pages == 0 || next != ""; pages++ {
		if pages == len(names) {
			t.Fatalf("still paging after %d pages", pages)
		}
		pageArgs := args
		if next != "" {
			pageArgs = append(slices.Clone(args), "--next-token", next)
		}
		page := decode[listResourcesOutput](t, mustAWS(t, srv, pageArgs...))
		if len(page.ResourceDescriptions) > 2 {
			t.Errorf("page %d has %d resources, want at most 2", pages, len(page.ResourceDescriptions))
		}
		for _, d := range page.ResourceDescriptions {
			got = append(got, d.Identifier)
		}
		next = page.NextToken
	}
	if diff := cmp.Diff(names, got); diff != "" {
		t.Errorf("identifiers over %d manual pages (-want +got):\n%s", pages, diff)
	}
	if pages != 2 {
		t.Errorf("manual paging took %d pages, want 2", pages)
	}

	if diff := cmp.Diff(names, listIdentifiers(t, srv, "AWS::SSM::Parameter", "--page-size", "1")); diff != "" {
		t.Errorf("identifiers with --page-size 1 (-want +got):\n%s", diff)
	}
}
