package drift

import "github.com/smus-dev/smus/internal/awstype"

// grantProperties lists, per type name, the top-level properties that grant
// permissions and that Compare reads as empty when the declared model
// omits them. The provider treats an unset inline_policies or
// managed_policy_arns of smus_iam_role as "none", so a refresh reports a
// policy added in the console and the next apply removes it; drift has to
// report it too, or a role widened by hand would pass as clean.
var grantProperties = map[string][]string{
	awstype.Role.Name: {"ManagedPolicyArns", "Policies"},
}

// withGrantsDeclared returns declared with an empty list for every grant
// property of t that it omits. It copies declared before adding to it.
func withGrantsDeclared(t *awstype.Type, declared map[string]any) map[string]any {
	var out map[string]any
	for _, name := range grantProperties[t.Name] {
		if _, ok := declared[name]; ok {
			continue
		}
		if out == nil {
			out = make(map[string]any, len(declared)+1)
			for k, v := range declared {
				out[k] = v
			}
		}
		out[name] = []any{}
	}
	if out == nil {
		return declared
	}

	return out
}
