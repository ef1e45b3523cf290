package cloudcontrol_test

import (
	"testing"

	"github.com/google/uuid"

	"github.com/smus-dev/smus/internal/cloudcontrol"
)

func TestClientToken(t *testing.T) {
	t.Parallel()
	base := cloudcontrol.ClientToken(roleType, roleDesired(), "")
	reordered := roleDesired()
	reordered["ManagedPolicyArns"] = []any{
		"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess",
	}
	changed := roleDesired()
	changed["Description"] = "x"
	testCases := map[string]struct {
		token string
		same  bool
	}{
		"same-state-same-token":   {token: cloudcontrol.ClientToken(roleType, roleDesired(), ""), same: true},
		"set-order-ignored":       {token: cloudcontrol.ClientToken(roleType, reordered, ""), same: true},
		"other-state-other-token": {token: cloudcontrol.ClientToken(roleType, changed, "")},
		"other-type-other-token":  {token: cloudcontrol.ClientToken("AWS::SSM::Parameter", roleDesired(), "")},
		"salt-changes-token":      {token: cloudcontrol.ClientToken(roleType, roleDesired(), "second")},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := tc.token == base; got != tc.same {
				t.Errorf("token %s == %s is %v, want %v", tc.token, base, got, tc.same)
			}
			id, err := uuid.Parse(tc.token)
			if err != nil {
				t.Fatalf("token %q is not a UUID: %v", tc.token, err)
			}
			if id.Version() != 8 || id.Variant() != uuid.RFC4122 {
				t.Errorf("token version %d variant %v, want 8 and RFC 4122", id.Version(), id.Variant())
			}
		})
	}
}
