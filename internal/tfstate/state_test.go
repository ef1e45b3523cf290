package tfstate_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/tfstate"
)

func TestLoadRawState(t *testing.T) {
	t.Parallel()
	st, err := tfstate.Load(context.Background(), tfstate.Source{File: "testdata/raw-v4.json"})
	if err != nil {
		t.Fatal(err)
	}
	if st.Serial != 7 {
		t.Errorf("serial = %d, want 7", st.Serial)
	}
	if st.Lineage != "5f0b0a52-8a0e-4f7a-9d0e-1c2b3a4d5e6f" {
		t.Errorf("lineage = %q", st.Lineage)
	}
	var addrs []string
	for _, r := range st.Managed("smus_") {
		addrs = append(addrs, r.Address)
	}
	want := []string{"module.domain.smus_domain.this", `module.project["fraud"].smus_project.this[0]`}
	if diff := cmp.Diff(want, addrs); diff != "" {
		t.Errorf("managed addresses (-want +got):\n%s", diff)
	}
	if got := st.Outputs["domain_id"]; got != "dzd_abc123" {
		t.Errorf("output domain_id = %v", got)
	}
}

func TestLoadShowJSON(t *testing.T) {
	t.Parallel()
	st, err := tfstate.Load(context.Background(), tfstate.Source{File: "testdata/show.json"})
	if err != nil {
		t.Fatal(err)
	}
	var addrs []string
	for _, r := range st.Managed("smus_") {
		addrs = append(addrs, r.Address)
	}
	want := []string{"module.domain.smus_domain.this", "smus_iam_role.exec"}
	if diff := cmp.Diff(want, addrs); diff != "" {
		t.Errorf("managed addresses (-want +got):\n%s", diff)
	}
	if st.Resources[0].Module != "module.domain" {
		t.Errorf("module = %q, want module.domain", st.Resources[0].Module)
	}
}

func TestLoadBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}

		return p
	}
	testCases := map[string]struct {
		src  tfstate.Source
		want string
	}{
		"missing-file":   {tfstate.Source{File: filepath.Join(dir, "nope.tfstate")}, "not found"},
		"empty-file":     {tfstate.Source{File: write("empty.tfstate", " \n")}, "state is empty"},
		"corrupt-file":   {tfstate.Source{File: write("bad.tfstate", `{"version": 4, "resources": [`)}, "not valid JSON"},
		"old-format":     {tfstate.Source{File: write("v3.tfstate", `{"version": 3}`)}, "format version 3"},
		"unknown-json":   {tfstate.Source{File: write("other.json", `{"hello": 1}`)}, "neither a state file"},
		"json-array":     {tfstate.Source{File: write("array.json", `[1, 2]`)}, "not a JSON object"},
		"missing-dir":    {tfstate.Source{Dir: filepath.Join(dir, "nope")}, "configuration directory"},
		"missing-engine": {tfstate.Source{Dir: dir, Engine: filepath.Join(dir, "no-tofu")}, "no-tofu"},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, err := tfstate.Load(context.Background(), tc.src)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestParseEmptyIsErrEmpty(t *testing.T) {
	t.Parallel()
	_, err := tfstate.Parse("x", nil)
	if !errors.Is(err, tfstate.ErrEmpty) {
		t.Errorf("error = %v, want ErrEmpty", err)
	}
}
