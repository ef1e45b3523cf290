package awstype_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/awstype"
)

func TestStatusProperties(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		typ  *awstype.Type
		want []string
	}{
		"domain":  {typ: awstype.Domain, want: []string{"Status"}},
		"project": {typ: awstype.Project, want: nil},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tc.want, tc.typ.StatusProperties()); diff != "" {
				t.Errorf("StatusProperties (-want +got):\n%s", diff)
			}
			deleted := tc.typ.IsDeleted(map[string]any{"Status": "DELETED"})
			if deleted != (tc.want != nil) {
				t.Errorf("IsDeleted with Status DELETED = %v, want it to match the status properties %v",
					deleted, tc.want)
			}
		})
	}
}

func TestEmptyMeansAbsent(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		typ  *awstype.Type
		path string
		want bool
	}{
		"role-policies":   {typ: awstype.Role, path: "/Policies", want: true},
		"role-name":       {typ: awstype.Role, path: "/RoleName", want: false},
		"nested-wildcard": {typ: awstype.Project, path: "/UserParameters/0/EnvironmentParameters", want: true},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := tc.typ.EmptyMeansAbsent(tc.path); got != tc.want {
				t.Errorf("EmptyMeansAbsent(%q) = %v, want %v", tc.path, got, tc.want)
			}
		})
	}
}
