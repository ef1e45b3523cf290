package compare_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/compare"
)

func TestDiffPolicy(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		from, to string
		want     []compare.StatementDiff
	}{
		"equal-after-normalization": {
			from: `{"Statement":[{"Effect":"Allow","Action":["s3:PutObject","s3:GetObject"],"Resource":"r"}]}`,
			to:   `{"Statement":{"Resource":["r"],"Action":["s3:GetObject","s3:PutObject"],"Effect":"Allow"}}`,
		},
		"actions-by-resource": {
			from: `{"Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"r"}]}`,
			to:   `{"Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":"r"}]}`,
			want: []compare.StatementDiff{{Policy: "inline:access", Kind: compare.StatementChanged, Effect: "Allow",
				Resource: []any{"r"}, ActionsOnlyInFrom: []string{"s3:PutObject"}, ActionsOnlyInTo: []string{"s3:ListBucket"}}},
		},
		"actions-by-sid-with-condition": {
			from: `{"Statement":[{"Sid":"Data","Effect":"Allow","Action":"s3:GetObject","Resource":"a"}]}`,
			to: `{"Statement":[{"Sid":"Data","Effect":"Allow","Action":"s3:GetObject","Resource":"b",` +
				`"Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}`,
			want: []compare.StatementDiff{{Policy: "inline:access", Kind: compare.StatementChanged, Sid: "Data",
				Effect: "Allow", Resource: []any{"a"}, OtherMembers: []string{"Condition", "Resource"}}},
		},
		"statement-only-in-one": {
			from: `{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"a"}]}`,
			to: `{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"a"},` +
				`{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}`,
			want: []compare.StatementDiff{{Policy: "inline:access", Kind: compare.StatementOnlyInTo, Effect: "Deny",
				Resource: []any{"*"}, Statement: map[string]any{"Effect": "Deny", "Action": []any{"s3:DeleteObject"},
					"Resource": []any{"*"}}}},
		},
		"policy-only-in-one": {
			from: `{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"a"}]}`,
			want: []compare.StatementDiff{{Policy: "inline:access", Kind: compare.StatementOnlyInFrom, Effect: "Allow",
				Resource: []any{"a"}, Statement: map[string]any{"Effect": "Allow", "Action": []any{"s3:GetObject"},
					"Resource": []any{"a"}}}},
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var from, to any
			if tc.from != "" {
				from = tc.from
			}
			if tc.to != "" {
				to = tc.to
			}
			if diff := cmp.Diff(tc.want, compare.DiffPolicy("inline:access", from, to)); diff != "" {
				t.Errorf("DiffPolicy (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDiffManagedPolicies(t *testing.T) {
	t.Parallel()
	got := compare.DiffManagedPolicies([]string{"a", "b"}, []string{"b", "c"})
	want := []compare.StatementDiff{
		{Policy: "managed", Kind: compare.StatementOnlyInFrom, ManagedPolicyArn: "a"},
		{Policy: "managed", Kind: compare.StatementOnlyInTo, ManagedPolicyArn: "c"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("DiffManagedPolicies (-want +got):\n%s", diff)
	}
}
