package importer

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// TestPolicyEvaluatesToStoredText checks that a generated policy
// expression evaluates to the text the provider stores after an import:
// the live text itself, or the compact JSON encoding of a decoded document.
func TestPolicyEvaluatesToStoredText(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		live any
	}{
		"decoded-document": {live: decode(t, `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",`+
			`"Principal":{"Service":"datazone.amazonaws.com"},"Action":["sts:AssumeRole"],`+
			`"Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"},"Bool":{"aws:SecureTransport":true}}}]}`)},
		"template-like-text": {live: decode(t, `{"Statement":[{"Resource":"arn:aws:s3:::b/${aws:username}/*",`+
			`"Sid":"%{x} <&>","Effect":"Allow","Action":"s3:*"}],"Version":"2012-10-17"}`)},
		"numbers-and-null": {live: decode(t, `{"Version":"2012-10-17","Statement":[],"X":1.5,"Y":3600,"Z":null}`)},
		"text":             {live: `{ "Version": "2012-10-17", "Statement": [] }`},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tokens, err := policy(tc.live)
			if err != nil {
				t.Fatalf("policy: %v", err)
			}
			expr, diags := hclsyntax.ParseExpression(tokens.Bytes(), "policy.tf", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatalf("parse %s: %v", tokens.Bytes(), diags)
			}
			ctx := &hcl.EvalContext{Functions: map[string]function.Function{"jsonencode": stdlib.JSONEncodeFunc}}
			value, diags := expr.Value(ctx)
			if diags.HasErrors() {
				t.Fatalf("evaluate %s: %v", tokens.Bytes(), diags)
			}
			want, ok := tc.live.(string)
			if !ok {
				b, err := json.Marshal(tc.live)
				if err != nil {
					t.Fatalf("encode: %v", err)
				}
				want = string(b)
			}
			if diff := cmp.Diff(want, value.AsString()); diff != "" {
				t.Errorf("evaluated policy (-want +got):\n%s", diff)
			}
		})
	}
}

func decode(t *testing.T, text string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(text), &v); err != nil {
		t.Fatalf("decode %s: %v", text, err)
	}

	return v
}
