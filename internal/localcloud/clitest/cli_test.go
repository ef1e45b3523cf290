package clitest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

const (
	account = "111111111111"
	region  = "us-east-1"
	// fastScale makes a ten-minute domain creation take 600 ms.
	fastScale = 0.001
	// exitServiceError is the AWS CLI v2 exit code for an error response
	// from the service.
	exitServiceError = 254
	// cliTimeout bounds one CLI invocation.
	cliTimeout = 60 * time.Second
)

var awsCLI struct {
	once sync.Once
	path string
	// missing explains why no usable CLI was found.
	missing string
}

// findAWSCLI returns the first `aws` on PATH whose major version is 2.
// Other installations, such as a pip-installed version 1 earlier on PATH,
// are passed over.
func findAWSCLI() (path, missing string) {
	const install = "install the AWS CLI version 2 (Debian: apt-get install awscli)"
	first, err := exec.LookPath("aws")
	if err != nil {
		return "", "aws is not on PATH; " + install
	}
	candidates := []string{first}
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if p, err := exec.LookPath(filepath.Join(dir, "aws")); err == nil && p != first {
			candidates = append(candidates, p)
		}
	}
	var seen []string
	for _, p := range candidates {
		ctx, cancel := context.WithTimeout(context.Background(), cliTimeout)
		out, _ := exec.CommandContext(ctx, p, "--version").CombinedOutput()
		cancel()
		version := strings.TrimSpace(string(out))
		if strings.HasPrefix(version, "aws-cli/2.") {
			return p, ""
		}
		seen = append(seen, p+" ("+version+")")
	}

	return "", "no AWS CLI version 2 on PATH, found " + strings.Join(seen, ", ") + "; " + install
}

// cliPath returns the AWS CLI to run, or skips the test when there is none.
func cliPath(t *testing.T) string {
	t.Helper()
	awsCLI.once.Do(func() { awsCLI.path, awsCLI.missing = findAWSCLI() })
	if awsCLI.path == "" {
		t.Skip(awsCLI.missing)
	}

	return awsCLI.path
}

// startCloud starts a local cloud for one test, at fastScale unless opts
// sets a time scale. It skips the test when the AWS CLI is missing.
func startCloud(t *testing.T, opts localcloud.Options) *localtest.Server {
	t.Helper()
	cliPath(t)
	if opts.TimeScale == 0 {
		opts.TimeScale = fastScale
	}

	return localtest.Start(t, opts)
}

// runAWS runs the AWS CLI with args against srv as account, whose value is
// the access key id. The environment holds only PATH and the settings
// below, and every call gets --endpoint-url, so nothing reaches AWS.
// AWS_MAX_ATTEMPTS=1 turns retries off, so each error comes from one request.
func runAWS(t *testing.T, srv *localtest.Server, account string, args ...string) (stdout []byte, stderr string, exitCode int) {
	t.Helper()
	bin := cliPath(t)
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
		t.Fatalf("local cloud URL %s is not on 127.0.0.1; so the AWS CLI is not run against it", srv.URL)
	}
	dir := t.TempDir()
	config, credentials := filepath.Join(dir, "config"), filepath.Join(dir, "credentials")
	for _, p := range []string{config, credentials} {
		if err := os.WriteFile(p, nil, 0o600); err != nil {
			t.Fatalf("write empty AWS CLI file: %v", err)
		}
	}
	args = append(args, "--endpoint-url", srv.URL, "--output", "json", "--no-cli-pager")
	ctx, cancel := context.WithTimeout(t.Context(), cliTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + dir,
		"AWS_ACCESS_KEY_ID=" + account,
		"AWS_SECRET_ACCESS_KEY=local",
		"AWS_DEFAULT_REGION=" + region,
		"AWS_CONFIG_FILE=" + config,
		"AWS_SHARED_CREDENTIALS_FILE=" + credentials,
		"AWS_PAGER=",
		"AWS_MAX_ATTEMPTS=1",
		"AWS_EC2_METADATA_DISABLED=true",
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exitErr):
		exitCode = exitErr.ExitCode()
	default:
		t.Fatalf("run aws %s: %v", strings.Join(args, " "), err)
	}

	return out.Bytes(), errOut.String(), exitCode
}

// mustAWS runs the CLI and fails the test unless it exits 0.
func mustAWS(t *testing.T, srv *localtest.Server, args ...string) []byte {
	t.Helper()
	stdout, stderr, code := runAWS(t, srv, account, args...)
	if code != 0 {
		t.Fatalf("aws %s exited %d: %s", strings.Join(args, " "), code, stderr)
	}

	return stdout
}

// wantServiceError checks that a CLI call failed with exception: exit code
// 254 and stderr naming the exception and containing each of messageParts.
func wantServiceError(t *testing.T, stderr string, code int, exception string, messageParts ...string) {
	t.Helper()
	if code != exitServiceError {
		t.Errorf("exit code = %d, want %d; stderr: %s", code, exitServiceError, stderr)
	}
	if !strings.Contains(stderr, "An error occurred ("+exception+")") {
		t.Errorf("stderr does not name %s: %s", exception, stderr)
	}
	for _, part := range messageParts {
		if !strings.Contains(stderr, part) {
			t.Errorf("stderr does not contain %q: %s", part, stderr)
		}
	}
}

func decode[T any](t *testing.T, stdout []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(stdout, &v); err != nil {
		t.Fatalf("decode CLI output %s: %v", stdout, err)
	}

	return v
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("encode %v: %v", v, err)
	}

	return string(b)
}

// decodeModel decodes a model that the CLI prints as JSON text.
func decodeModel(t *testing.T, text string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(text), &m); err != nil {
		t.Fatalf("decode model %q: %v", text, err)
	}

	return m
}
