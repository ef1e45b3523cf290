package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/smus-dev/smus/internal/evidence/evidencetest"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

// TestEvidenceAndCompareCommands runs smus evidence, evidence verify and
// compare in process against a local cloud. It sets AWS variables, so it
// does not run in parallel.
func TestEvidenceAndCompareCommands(t *testing.T) {
	srv := localtest.Start(t, localcloud.Options{TimeScale: 0.0001})
	prod := evidencetest.Build(t.Context(), t, srv, evidencetest.Env{Name: "prod", Account: "111111111111",
		Projects: []evidencetest.Project{{Name: "fraud-detection", Actions: []string{"s3:GetObject", "s3:PutObject"}}}})
	staging := evidencetest.Build(t.Context(), t, srv, evidencetest.Env{Name: "staging", Account: "222222222222",
		Projects: []evidencetest.Project{{Name: "fraud-detection", Actions: []string{"s3:GetObject"}}}})
	t.Setenv("AWS_REGION", "us-east-1")
	t.Setenv("AWS_ACCESS_KEY_ID", "111111111111")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "local")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
	out := filepath.Join(t.TempDir(), "bundle")

	code, stdout, stderr := runGovernanceCLI("evidence", "--state", prod, "--project", "fraud-detection", "--out", out,
		"--endpoint", srv.URL, "--max-request-rate", "500")
	if code != exitOK {
		t.Fatalf("evidence exit %d, stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "inline policy access") || !strings.Contains(stdout, "AWS managed, document not read") {
		t.Errorf("evidence summary lacks the role's policies:\n%s", stdout)
	}
	if code, _, stderr = runGovernanceCLI("evidence", "--state", prod, "--out", out, "--endpoint", srv.URL); code != exitError ||
		!strings.Contains(stderr, "pass --force") {
		t.Errorf("evidence into a non-empty --out: exit %d, stderr %q; want 1 naming --force", code, stderr)
	}
	if code, stdout, _ = runGovernanceCLI("evidence", "verify", out); code != exitOK {
		t.Errorf("verify of a fresh bundle: exit %d, stdout %q", code, stdout)
	}
	md := filepath.Join(out, "report.md")
	data, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(md, bytes.Replace(data, []byte("s3:PutObject"), []byte("s3:ListBucket"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, _ = runGovernanceCLI("evidence", "verify", out); code != exitFindings || !strings.Contains(stdout, "changed: report.md") {
		t.Errorf("verify after an edit: exit %d, stdout %q; want 2 naming report.md", code, stdout)
	}
	if code, _, stderr = runGovernanceCLI("evidence", "verify", t.TempDir()); code != exitError {
		t.Errorf("verify without MANIFEST: exit %d, stderr %q; want 1", code, stderr)
	}

	code, stdout, stderr = runGovernanceCLI("compare", "--from", staging, "--to", prod, "--live", "--endpoint", srv.URL,
		"--from-account-key", "222222222222", "--to-account-key", "111111111111")
	if code != exitFindings {
		t.Fatalf("compare exit %d, stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "prod may also s3:PutObject") {
		t.Errorf("compare output lacks the IAM difference:\n%s", stdout)
	}
	if code, _, stderr = runGovernanceCLI("compare", "--from", prod, "--to", prod); code != exitOK {
		t.Errorf("compare of one state with itself: exit %d, stderr %q; want 0", code, stderr)
	}
}

func runGovernanceCLI(args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)

	return code, stdout.String(), stderr.String()
}
