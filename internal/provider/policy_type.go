package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/smus-dev/smus/internal/awstype"
)

// policyType is a string attribute type that holds an IAM policy document
// as JSON text. Two values are semantically equal when awstype normalizes
// them to the same document, so formatting, key order, statement order and
// a single string versus a one-element array never show a diff.
type policyType struct {
	basetypes.StringType
}

var _ basetypes.StringTypable = policyType{}

func (t policyType) Equal(o attr.Type) bool {
	_, ok := o.(policyType)

	return ok
}

func (t policyType) String() string { return "policyType" }

func (t policyType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable,
	diag.Diagnostics,
) {
	return policyValue{StringValue: in}, nil
}

func (t policyType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("policy document: unexpected value type %T", v)
	}

	return policyValue{StringValue: s}, nil
}

func (t policyType) ValueType(_ context.Context) attr.Value { return policyValue{} }

// policyValue is a value of policyType.
type policyValue struct {
	basetypes.StringValue
}

var (
	_ basetypes.StringValuableWithSemanticEquals = policyValue{}
	_ xattr.ValidateableAttribute                = policyValue{}
)

func policyNull() policyValue { return policyValue{StringValue: basetypes.NewStringNull()} }

func policyString(s string) policyValue { return policyValue{StringValue: basetypes.NewStringValue(s)} }

func (v policyValue) Type(_ context.Context) attr.Type { return policyType{} }

func (v policyValue) Equal(o attr.Value) bool {
	other, ok := o.(policyValue)

	return ok && v.StringValue.Equal(other.StringValue)
}

// StringSemanticEquals reports whether both values are the same policy.
func (v policyValue) StringSemanticEquals(_ context.Context, newValuable basetypes.StringValuable) (bool,
	diag.Diagnostics,
) {
	other, ok := newValuable.(policyValue)
	if !ok {
		return false, nil
	}

	return samePolicy(v.ValueString(), other.ValueString()), nil
}

// ValidateAttribute rejects text that is not a JSON object.
func (v policyValue) ValidateAttribute(_ context.Context, req xattr.ValidateAttributeRequest,
	resp *xattr.ValidateAttributeResponse,
) {
	if v.IsNull() || v.IsUnknown() {
		return
	}
	if _, err := awstype.ParsePolicy(v.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid Policy Document",
			fmt.Sprintf("The value is not a JSON policy document: %v. "+
				"Write it with jsonencode({...}) or as a JSON object in a heredoc.", err))
	}
}

// samePolicy reports whether two policy documents, as JSON text or decoded
// objects, normalize to the same document.
func samePolicy(a, b any) bool {
	pa, errA := awstype.ParsePolicy(a)
	pb, errB := awstype.ParsePolicy(b)
	if errA != nil || errB != nil {
		return false
	}

	return bytes.Equal(awstype.CanonicalJSON(awstype.NormalizePolicy(pa)),
		awstype.CanonicalJSON(awstype.NormalizePolicy(pb)))
}

// readPolicy returns the prior document when the live one is the same
// policy, so the state keeps the configuration's formatting, and the live
// document as JSON text otherwise.
func readPolicy(live any, prior policyValue) (policyValue, error) {
	if live == nil {
		return policyNull(), nil
	}
	if known(prior) && samePolicy(live, prior.ValueString()) {
		return prior, nil
	}
	if s, ok := live.(string); ok {
		return policyString(s), nil
	}
	b, err := json.Marshal(live)
	if err != nil {
		return policyNull(), fmt.Errorf("encode policy document: %w", err)
	}

	return policyString(string(b)), nil
}

// policyDocument decodes a document for a desired state, which carries
// policies as JSON objects.
func policyDocument(v policyValue) (map[string]any, error) {
	return awstype.ParsePolicy(v.ValueString())
}
