package provider

import (
	"context"
	"fmt"
	"math/big"
	"sort"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// nullTimeouts is the value of an unset timeouts block.
func nullTimeouts() timeouts.Value {
	return timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{
		"create": types.StringType, "update": types.StringType, "delete": types.StringType,
	})}
}

// plainModel converts a resource model to plain Go values through the
// resource schema, so cmp.Diff can compare models and print the difference.
func plainModel[M any](t *testing.T, spec *resourceSpec[M], m *M) any {
	t.Helper()
	ctx := context.Background()
	state := tfsdk.State{Schema: spec.schema(ctx)}
	if diags := state.Set(ctx, m); diags.HasError() {
		t.Fatalf("set %s model: %v", spec.typeName(), diags)
	}

	return plain(state.Raw)
}

func plain(v tftypes.Value) any {
	if !v.IsKnown() {
		return "<unknown>"
	}
	if v.IsNull() {
		return nil
	}
	typ := v.Type()
	switch {
	case typ.Is(tftypes.Object{}), typ.Is(tftypes.Map{}):
		var members map[string]tftypes.Value
		_ = v.As(&members)
		out := make(map[string]any, len(members))
		for k, e := range members {
			out[k] = plain(e)
		}

		return out
	case typ.Is(tftypes.List{}), typ.Is(tftypes.Set{}), typ.Is(tftypes.Tuple{}):
		var elems []tftypes.Value
		_ = v.As(&elems)
		out := make([]any, len(elems))
		for i, e := range elems {
			out[i] = plain(e)
		}
		if typ.Is(tftypes.Set{}) {
			sort.Slice(out, func(a, b int) bool { return fmt.Sprint(out[a]) < fmt.Sprint(out[b]) })
		}

		return out
	case typ.Is(tftypes.Number):
		var n big.Float
		_ = v.As(&n)

		return n.String()
	case typ.Is(tftypes.Bool):
		var b bool
		_ = v.As(&b)

		return b
	default:
		var s string
		_ = v.As(&s)

		return s
	}
}

func stringSet(values ...string) types.Set {
	elems := make([]attr.Value, len(values))
	for i, v := range values {
		elems[i] = types.StringValue(v)
	}

	return types.SetValueMust(types.StringType, elems)
}

func stringMapValue(values map[string]string) types.Map {
	elems := make(map[string]attr.Value, len(values))
	for k, v := range values {
		elems[k] = types.StringValue(v)
	}

	return types.MapValueMust(types.StringType, elems)
}

// reverseArrays returns a copy of a model with every array reversed, which
// is how a test shows that element order carries no meaning.
func reverseArrays(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = reverseArrays(e)
		}

		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[len(x)-1-i] = reverseArrays(e)
		}

		return out
	default:
		return x
	}
}

// liveModel returns what a read returns for a desired state: the model
// without write-only values, plus the read-only values given.
func liveModel[M any](spec *resourceSpec[M], desired, readOnly map[string]any) map[string]any {
	live := spec.cfn.StripWriteOnly(desired)
	for k, v := range readOnly {
		live[k] = v
	}

	return live
}
