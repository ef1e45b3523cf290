package awstype_test

import (
	"slices"
	"testing"

	"github.com/smus-dev/smus/internal/awstype"
)

func TestDataZoneReadableAreWriteOnly(t *testing.T) {
	t.Parallel()
	for _, name := range awstype.Names() {
		typ := awstype.MustLookup(name)
		readable := typ.DataZoneReadable()
		if !slices.IsSorted(readable) {
			t.Errorf("%s: DataZoneReadable %v is not sorted", name, readable)
		}
		for _, property := range readable {
			if !slices.Contains(typ.WriteOnly, "/"+property) {
				t.Errorf("%s: %s is DataZone-readable but not a write-only top-level property", name, property)
			}
		}
	}
}

func TestDataZoneReadableReturnsCopy(t *testing.T) {
	t.Parallel()
	first := awstype.Domain.DataZoneReadable()
	first[0] = "Changed"

	if got := awstype.Domain.DataZoneReadable(); got[0] != "ServiceRole" {
		t.Errorf("DataZoneReadable()[0] = %q after a caller changed its copy, want ServiceRole", got[0])
	}
}
