package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/drift/drifttest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// setDriftEnv points the AWS configuration chain at static local-cloud
// credentials and away from shared files and instance metadata.
func setDriftEnv(t *testing.T) {
	t.Helper()
	t.Setenv("AWS_ACCESS_KEY_ID", drifttest.Account)
	t.Setenv("AWS_SECRET_ACCESS_KEY", "local")
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_REGION", drifttest.Region)
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "absent"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "absent"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	for _, name := range []string{"AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_CLOUDCONTROL", "AWS_ENDPOINT_URL_STS",
		"AWS_ENDPOINT_URL_DATAZONE"} {
		t.Setenv(name, "")
	}
}

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)

	return code, out.String(), errOut.String()
}

// timestamp matches RFC 3339 times in UTC, which change on every run.
var timestamp = regexp.MustCompile(`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z`)

// scrub replaces the random identifiers of w and every timestamp with
// fixed names, so that reports compare across runs.
func scrub(text string, w *drifttest.World, byHand string) string {
	names := map[string]string{
		w.IDs["smus_domain.main"]: "DOMAIN",
		w.Props["smus_blueprint.tooling"]["EnvironmentBlueprintId"].(string): "BLUEPRINT",
		w.Props["smus_project.churn"]["Id"].(string):                         "PROJECT_CHURN",
		strings.SplitN(byHand, "|", 2)[1]:                                    "PROJECT_BY_HAND",
	}
	ids := make([]string, 0, len(names))
	for id := range names {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return len(ids[i]) > len(ids[j]) })
	for _, id := range ids {
		text = strings.ReplaceAll(text, id, names[id])
	}

	return timestamp.ReplaceAllString(text, "TIME")
}

// checkGolden compares got with the JSON file testdata/drift/name
// structurally, or rewrites the file with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "drift", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatalf("write %s: %v", path, err)
		}

		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s (run go test -update to create it): %v", path, err)
	}
	var want, have any
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatalf("decode %s: %v", path, err)
	}
	if err := json.Unmarshal([]byte(got), &have); err != nil {
		t.Fatalf("decode output: %v\n%s", err, got)
	}
	if diff := cmp.Diff(want, have); diff != "" {
		t.Errorf("%s (-want +got):\n%s", name, diff)
	}
}

// TestDriftReports runs smus drift on the local cloud before and after
// four console edits and checks exit codes and the reports. It sets
// environment variables, so it does not run in parallel.
func TestDriftReports(t *testing.T) {
	setDriftEnv(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	w := drifttest.Build(ctx, t)
	state := w.WriteState(t)
	base := []string{"drift", "--state", state, "--endpoint", w.Server.URL}

	code, stdout, stderr := runCLI(base...)
	if code != exitOK {
		t.Fatalf("clean exit code = %d, want %d\nstdout:\n%s\nstderr:\n%s", code, exitOK, stdout, stderr)
	}
	if !strings.HasPrefix(stdout, "No drift: 7 resources match the state in account "+drifttest.Account) {
		t.Errorf("clean text report = %q, want it to start with the no-drift line", stdout)
	}
	// stderr is a buffer, not a terminal, so progress comes as plain lines.
	for _, want := range []string{"check managed resources: 0/7\n", "check managed resources: 7/7 done\n",
		"list project memberships: 2/2 done\n"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("progress on stderr does not contain %q:\n%s", want, stderr)
		}
	}
	code, _, stderr = runCLI(append(base, "--quiet")...)
	if code != exitOK || stderr != "" {
		t.Errorf("--quiet: exit code = %d, stderr = %q; want %d and nothing on stderr", code, stderr, exitOK)
	}

	byHand := w.EditAll(ctx, t)
	for format, golden := range map[string]string{"json": "report.json", "sarif": "report.sarif"} {
		code, stdout, stderr = runCLI(append(base, "--format", format)...)
		if code != exitFindings {
			t.Errorf("%s exit code = %d, want %d\nstderr:\n%s", format, code, exitFindings, stderr)
		}
		checkGolden(t, golden, scrub(stdout, w, byHand))
	}

	code, stdout, stderr = runCLI(base...)
	if code != exitFindings {
		t.Errorf("text exit code = %d, want %d\nstderr:\n%s", code, exitFindings, stderr)
	}
	for _, want := range []string{
		"~ smus_iam_role.project", `+ statement {"Action":["s3:*"],"Effect":"Allow","Resource":["*"]}`,
		"- smus_project.churn", "by " + drifttest.Actor, "created outside the state, in smus_domain.main",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("text report does not contain %q:\n%s", want, stdout)
		}
	}

	w.SetAttribute(t, "smus_iam_role.project", "assume_role_policy", "{not json")
	code, _, stderr = runCLI("drift", "--state", w.WriteState(t), "--endpoint", w.Server.URL)
	if code != exitError {
		t.Errorf("invalid policy exit code = %d, want %d", code, exitError)
	}
	if want := `smus_iam_role.project: assume_role_policy in state is not a valid JSON policy document`; !strings.Contains(stderr, want) {
		t.Errorf("stderr does not contain %q:\n%s", want, stderr)
	}

	t.Setenv("AWS_ACCESS_KEY_ID", "999988887777")
	code, _, stderr = runCLI(base...)
	if code != exitError {
		t.Errorf("other account exit code = %d, want %d", code, exitError)
	}
	if want := "the credentials are for account 999988887777, but the state's resources are in account " +
		drifttest.Account; !strings.Contains(stderr, want) {
		t.Errorf("stderr does not contain %q:\n%s", want, stderr)
	}
}

// TestDriftBadInput checks that unusable input exits 1 with a message that
// names the problem.
func TestDriftBadInput(t *testing.T) {
	setDriftEnv(t)
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatalf("write %s: %v", path, err)
		}

		return path
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close()
	role := write("role.tfstate", `{"version":4,"resources":[{"mode":"managed","type":"smus_iam_role","name":"r",
		"instances":[{"attributes":{"id":"r","name":"r","assume_role_policy":"{}"}}]}]}`)

	testCases := map[string]struct {
		args []string
		want string
	}{
		"missing-state":  {args: []string{"--state", filepath.Join(dir, "absent.tfstate")}, want: "not found"},
		"empty-state":    {args: []string{"--state", write("empty.tfstate", " \n")}, want: "state is empty"},
		"corrupt-state":  {args: []string{"--state", write("corrupt.tfstate", `{"version":4,`)}, want: "not valid JSON"},
		"invalid-format": {args: []string{"--state", role, "--format", "xml"}, want: `invalid --format "xml"`},
		"negative-request-rate": {
			args: []string{"--state", role, "--max-request-rate", "-1"},
			want: "invalid --max-request-rate -1",
		},
		"invalid-endpoint": {
			args: []string{"--state", role, "--endpoint", "127.0.0.1:4566"},
			want: `invalid --endpoint "127.0.0.1:4566"`,
		},
		"unreachable-endpoint": {
			args: []string{"--state", role, "--endpoint", closed},
			want: "endpoint " + closed + " could not be reached",
		},
		"state-and-dir": {args: []string{"--state", role, "--dir", dir}, want: "none of the others can be"},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			code, _, stderr := runCLI(append([]string{"drift"}, tc.args...)...)
			if code != exitError {
				t.Errorf("exit code = %d, want %d\nstderr:\n%s", code, exitError, stderr)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr does not contain %q:\n%s", tc.want, stderr)
			}
		})
	}
}

// TestDriftMissingWorkspace reads a workspace that does not exist through
// the engine on PATH.
func TestDriftMissingWorkspace(t *testing.T) {
	engine := ""
	for _, name := range []string{"tofu", "terraform"} {
		if p, err := exec.LookPath(name); err == nil {
			engine = p

			break
		}
	}
	if engine == "" {
		t.Skip("neither tofu nor terraform is on PATH")
	}
	setDriftEnv(t)
	dir := t.TempDir()
	cliConfig := filepath.Join(dir, "cli.tfrc")
	for path, text := range map[string]string{filepath.Join(dir, "main.tf"): "terraform {}\n", cliConfig: ""} {
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatalf("write %s: %v", path, err)
		}
	}
	t.Setenv("TF_CLI_CONFIG_FILE", cliConfig)
	t.Setenv("TF_IN_AUTOMATION", "1")
	init := exec.Command(engine, "init", "-input=false", "-backend=true")
	init.Dir = dir
	if out, err := init.CombinedOutput(); err != nil {
		t.Fatalf("%s init: %v\n%s", engine, err, out)
	}

	code, _, stderr := runCLI("drift", "--dir", dir, "--workspace", "absent")
	if code != exitError {
		t.Errorf("exit code = %d, want %d\nstderr:\n%s", code, exitError, stderr)
	}
	if !strings.Contains(stderr, `workspace "absent"`) {
		t.Errorf("stderr does not name the workspace:\n%s", stderr)
	}
}
