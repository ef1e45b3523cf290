package awstype

import (
	"regexp"
	"sort"
	"strings"
)

// arnAccount matches the account field of an ARN: the fifth colon-separated
// field, 12 digits, as in arn:aws:iam::111122223333:role/x.
var arnAccount = regexp.MustCompile(`arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\d{12}):`)

// ARNAccounts returns the sorted, distinct account ids of every ARN found in
// the strings of v, a JSON value built from maps, slices and scalars.
// Strings that are JSON documents, such as policy documents, are searched as
// text.
func ARNAccounts(v any) []string {
	seen := map[string]bool{}
	walkStrings(v, func(s string) {
		for _, m := range arnAccount.FindAllStringSubmatch(s, -1) {
			seen[m[1]] = true
		}
	})
	out := make([]string, 0, len(seen))
	for a := range seen {
		out = append(out, a)
	}
	sort.Strings(out)

	return out
}

// RoleNameFromARN returns the role name of an IAM role ARN, the part after
// the last slash, or "" when arn is not a role ARN.
func RoleNameFromARN(arn string) string {
	_, rest, ok := strings.Cut(arn, ":role/")
	if !ok || !strings.HasPrefix(arn, "arn:") {
		return ""
	}

	return rest[strings.LastIndex(rest, "/")+1:]
}

func walkStrings(v any, fn func(string)) {
	switch x := v.(type) {
	case string:
		fn(x)
	case map[string]any:
		for _, e := range x {
			walkStrings(e, fn)
		}
	case []any:
		for _, e := range x {
			walkStrings(e, fn)
		}
	}
}
