package tfstate_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/smus-dev/smus/internal/tfstate"
)

// engineForTest returns the engine that the acceptance tests use, or skips.
func engineForTest(t *testing.T) string {
	t.Helper()
	engine := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if engine == "" {
		t.Skip("TF_ACC_TERRAFORM_PATH is not set; `make test` sets it to the OpenTofu build")
	}

	return engine
}

func TestLoadWorkspaceNotFound(t *testing.T) {
	engine := engineForTest(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte("terraform {}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cliConfig := filepath.Join(dir, "cli.tfrc")
	if err := os.WriteFile(cliConfig, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TF_CLI_CONFIG_FILE", cliConfig)
	t.Setenv("TF_DATA_DIR", filepath.Join(dir, ".terraform"))
	init := exec.Command(engine, "init", "-input=false", "-no-color")
	init.Dir = dir
	if out, err := init.CombinedOutput(); err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}

	_, err := tfstate.Load(context.Background(), tfstate.Source{Dir: dir, Workspace: "prod", Engine: engine})
	if err == nil {
		t.Fatal("Load succeeded for a workspace that does not exist")
	}
	for _, want := range []string{`workspace "prod" does not exist`, "default"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}

	st, err := tfstate.Load(context.Background(), tfstate.Source{Dir: dir, Workspace: "default", Engine: engine})
	if err == nil {
		t.Fatalf("Load of an empty default workspace returned %d resources, want the empty-state error",
			len(st.Resources))
	}
	if !strings.Contains(err.Error(), "state is empty") {
		t.Errorf("error %q does not say the state is empty", err)
	}
}
