package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

const testAccount = "111111111111"

func TestLoopbackAddress(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		addr    string
		want    string
		wantErr bool
	}{
		"ipv4-loopback":  {"127.0.0.1:4566", "127.0.0.1:4566", false},
		"ipv6-loopback":  {"[::1]:4566", "[::1]:4566", false},
		"localhost":      {"localhost:0", "127.0.0.1:0", false},
		"all-interfaces": {":4566", "", true},
		"wildcard":       {"0.0.0.0:4566", "", true},
		"public":         {"192.0.2.10:4566", "", true},
		"no-port":        {"127.0.0.1", "", true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := loopbackAddress(tc.addr)
			if (err != nil) != tc.wantErr {
				t.Fatalf("loopbackAddress(%q) error = %v, want error %v", tc.addr, err, tc.wantErr)
			}
			if got != tc.want {
				t.Errorf("loopbackAddress(%q) = %q, want %q", tc.addr, got, tc.want)
			}
		})
	}
}

func TestParseSince(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 1, 2, 12, 0, 0, 0, time.UTC)
	cases := map[string]struct {
		value   string
		want    time.Time
		wantErr bool
	}{
		"empty":     {"", time.Time{}, false},
		"rfc3339":   {"2025-01-01T00:00:00Z", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), false},
		"duration":  {"2h", now.Add(-2 * time.Hour), false},
		"negative":  {"-2h", time.Time{}, true},
		"malformed": {"yesterday", time.Time{}, true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := parseSince(tc.value, now)
			if (err != nil) != tc.wantErr {
				t.Fatalf("parseSince(%q) error = %v, want error %v", tc.value, err, tc.wantErr)
			}
			if !got.Equal(tc.want) {
				t.Errorf("parseSince(%q) = %v, want %v", tc.value, got, tc.want)
			}
		})
	}
}

func TestLocalRejectsPublicAddress(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer

	code := run([]string{"local", "--listen", "0.0.0.0:0", "--data-dir", t.TempDir()}, &out, &errOut)

	if code != exitError {
		t.Errorf("exit code = %d, want %d", code, exitError)
	}
	if !strings.Contains(errOut.String(), "not a loopback address") {
		t.Errorf("stderr %q does not explain the loopback rule", errOut.String())
	}
}

func TestVersionCommand(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer

	code := run([]string{"version"}, &out, &errOut)

	if code != exitOK || !strings.HasPrefix(out.String(), "smus ") {
		t.Errorf("version = %d %q, want 0 and a line starting with smus", code, out.String())
	}
}

func TestConsoleCommands(t *testing.T) {
	t.Parallel()
	srv := localtest.Start(t, localcloud.Options{TimeScale: 0.001})
	cc := cloudcontrol.NewFromConfig(srv.Config(testAccount))
	created, err := cc.CreateResource(context.Background(), &cloudcontrol.CreateResourceInput{
		TypeName:     aws.String("AWS::IAM::Role"),
		DesiredState: aws.String(`{"RoleName":"ops","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[]}}`),
	})
	if err != nil {
		t.Fatalf("create role: %v", err)
	}
	waitFor(t, cc, created.ProgressEvent.RequestToken)
	policy := filepath.Join(t.TempDir(), "policy.json")
	if err := os.WriteFile(policy, []byte(`{"Version":"2012-10-17","Statement":[]}`), 0o600); err != nil {
		t.Fatalf("write policy: %v", err)
	}
	common := []string{"local", "console", "--endpoint", srv.URL, "--account", testAccount, "--actor", "console:bob"}

	steps := map[string][]string{
		"put":    {"put-role-policy", "--role", "ops", "--policy-name", "p", "--document", "@" + policy},
		"set":    {"set-property", "--type", "AWS::IAM::Role", "--identifier", "ops", "--patch", `[{"op":"add","path":"/Description","value":"x"}]`},
		"delete": {"delete-role-policy", "--role", "ops", "--policy-name", "p"},
	}
	for _, name := range []string{"put", "set", "delete"} {
		var out, errOut bytes.Buffer
		if code := run(append(common, steps[name]...), &out, &errOut); code != exitOK {
			t.Fatalf("%s: exit %d: %s", name, code, errOut.String())
		}
	}
	var out, errOut bytes.Buffer
	if code := run(append(common, "activity", "--format", "json"), &out, &errOut); code != exitOK {
		t.Fatalf("activity: exit %d: %s", code, errOut.String())
	}
	var listing struct {
		FormatVersion int `json:"format_version"`
		Entries       []struct {
			Actor  string `json:"actor"`
			Action string `json:"action"`
		} `json:"entries"`
	}
	if err := json.Unmarshal(out.Bytes(), &listing); err != nil {
		t.Fatalf("activity output %q is not JSON: %v", out.String(), err)
	}
	var actions []string
	for _, e := range listing.Entries {
		actions = append(actions, e.Actor+" "+e.Action)
	}
	want := []string{"arn:aws:iam::111111111111:user/smus-local CreateResource", "console:bob put-role-policy",
		"console:bob set-property", "console:bob delete-role-policy"}
	if diff := cmp.Diff(want, actions); diff != "" {
		t.Errorf("activity (-want +got):\n%s", diff)
	}

	errOut.Reset()
	code := run(append(common, "delete-role-policy", "--role", "ops", "--policy-name", "p"), &out, &errOut)
	if code != exitError || !strings.Contains(errOut.String(), "ResourceNotFoundException") {
		t.Errorf("deleting a missing policy = %d %q, want exit 1 naming ResourceNotFoundException", code, errOut.String())
	}
}

func waitFor(t *testing.T, cc *cloudcontrol.Client, token *string) *types.ProgressEvent {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		out, err := cc.GetResourceRequestStatus(context.Background(),
			&cloudcontrol.GetResourceRequestStatusInput{RequestToken: token})
		if err == nil {
			switch ev := out.ProgressEvent; ev.OperationStatus {
			case types.OperationStatusSuccess, types.OperationStatusFailed, types.OperationStatusCancelComplete:
				return ev
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("request %s did not finish", aws.ToString(token))

	return nil
}

// startLocal runs the smus binary's local command and returns its URL.
func startLocal(t *testing.T, bin, dataDir string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, "local", "--listen", "127.0.0.1:0", "--data-dir", dataDir,
		"--time-scale", "0.005", "--throttle-rps", "0", "--log-level", "debug")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatalf("stdout pipe: %v", err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start smus local: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("read URL from smus local: %v (stderr: %s)", err, stderr.String())
	}

	return cmd, strings.TrimSpace(line)
}

func TestLocalSurvivesKill(t *testing.T) {
	t.Parallel()
	bin := filepath.Join(t.TempDir(), "smus")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dataDir := t.TempDir()
	proc, url := startLocal(t, bin, dataDir)
	cc := cloudcontrol.NewFromConfig((&localtest.Server{URL: url}).Config(testAccount))
	ctx := context.Background()
	role, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{
		TypeName:     aws.String("AWS::IAM::Role"),
		DesiredState: aws.String(`{"RoleName":"durable","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[]}}`),
	})
	if err != nil {
		t.Fatalf("create role: %v", err)
	}
	waitFor(t, cc, role.ProgressEvent.RequestToken)
	// A domain cannot name a role in its first 10 simulated seconds: 50 ms.
	time.Sleep(50 * time.Millisecond)
	// At time scale 0.005 the domain takes 3 s, so the kill lands mid-operation.
	domain, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{
		TypeName:     aws.String("AWS::DataZone::Domain"),
		DesiredState: aws.String(`{"Name":"corp","DomainExecutionRole":"arn:aws:iam::111111111111:role/durable"}`),
	})
	if err != nil {
		t.Fatalf("create domain: %v", err)
	}

	if err := proc.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill: %v", err)
	}
	_ = proc.Wait()
	_, url = startLocal(t, bin, dataDir)
	cc = cloudcontrol.NewFromConfig((&localtest.Server{URL: url}).Config(testAccount))

	if _, err := cc.GetResource(ctx, &cloudcontrol.GetResourceInput{
		TypeName: aws.String("AWS::IAM::Role"), Identifier: aws.String("durable"),
	}); err != nil {
		t.Errorf("role created before the kill is gone: %v", err)
	}
	ev := waitFor(t, cc, domain.ProgressEvent.RequestToken)
	if ev.OperationStatus != types.OperationStatusSuccess {
		t.Errorf("domain creation after restart = %s %s, want SUCCESS", ev.OperationStatus, aws.ToString(ev.StatusMessage))
	}
}

func TestLocalStopsOnSIGTERM(t *testing.T) {
	t.Parallel()
	bin := filepath.Join(t.TempDir(), "smus")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	proc, _ := startLocal(t, bin, t.TempDir())

	if err := proc.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatalf("signal: %v", err)
	}
	err := proc.Wait()

	if err != nil {
		t.Errorf("smus local exited with %v after SIGTERM, want status 0", err)
	}
}
