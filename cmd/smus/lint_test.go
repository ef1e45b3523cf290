package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func lintCase(name string) string { return filepath.Join("testdata", "lint", name) }

func TestLintExitCodes(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		opts lintOptions
		want int
	}{
		"clean":                {opts: lintOptions{Paths: []string{lintCase("clean")}}, want: exitOK},
		"findings":             {opts: lintOptions{Paths: []string{lintCase("findings")}}, want: exitFindings},
		"no-fail":              {opts: lintOptions{Paths: []string{lintCase("findings")}, NoFail: true}, want: exitOK},
		"notice-below-default": {opts: lintOptions{Paths: []string{lintCase("notice")}}, want: exitOK},
		"notice-threshold": {
			opts: lintOptions{Paths: []string{lintCase("notice")}, MinimumFailureSeverity: "notice"},
			want: exitFindings,
		},
		"error-threshold": {
			opts: lintOptions{Paths: []string{lintCase("findings")}, MinimumFailureSeverity: "error"},
			want: exitFindings,
		},
		"parse-error":         {opts: lintOptions{Paths: []string{lintCase("broken")}}, want: exitError},
		"parse-error-no-fail": {opts: lintOptions{Paths: []string{lintCase("broken")}, NoFail: true}, want: exitError},
		"missing-path":        {opts: lintOptions{Paths: []string{lintCase("absent")}}, want: exitError},
		"invalid-format":      {opts: lintOptions{Paths: []string{lintCase("clean")}, Format: "xml"}, want: exitError},
		"invalid-severity": {
			opts: lintOptions{Paths: []string{lintCase("clean")}, MinimumFailureSeverity: "fatal"},
			want: exitError,
		},
		"missing-config": {
			opts: lintOptions{Paths: []string{lintCase("clean")}, ConfigFile: lintCase("absent.hcl")},
			want: exitError,
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			opts := tc.opts
			if opts.Format == "" {
				opts.Format = "text"
			}
			if opts.MinimumFailureSeverity == "" {
				opts.MinimumFailureSeverity = "warning"
			}
			var out, errOut bytes.Buffer
			if got := runLint(context.Background(), &opts, &out, &errOut); got != tc.want {
				t.Errorf("exit code = %d, want %d\nstdout:\n%s\nstderr:\n%s", got, tc.want, out.String(), errOut.String())
			}
		})
	}
}

func TestLintText(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	opts := &lintOptions{Paths: []string{lintCase("findings")}, Format: "text", MinimumFailureSeverity: "warning"}
	runLint(context.Background(), opts, &out, &errOut)
	file := filepath.Join(lintCase("findings"), "main.tf")
	want := []string{
		file + ":1:1: warning fixed-sleep-and-cli: ",
		file + ":6:3: error module-source-unpinned: ",
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), out.String())
	}
	for i, prefix := range want {
		if !strings.HasPrefix(lines[i], prefix) {
			t.Errorf("line %d = %q, want prefix %q", i+1, lines[i], prefix)
		}
	}
}

func TestLintTextErrors(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	opts := &lintOptions{Paths: []string{lintCase("broken")}, Format: "text", MinimumFailureSeverity: "warning"}
	runLint(context.Background(), opts, &out, &errOut)
	wantErr := filepath.Join(lintCase("broken"), "main.tf") + ":2:"
	if !strings.Contains(errOut.String(), wantErr) {
		t.Errorf("stderr %q does not name %s", errOut.String(), wantErr)
	}
	if !strings.Contains(out.String(), "good.tf:1:1: warning fixed-sleep-and-cli") {
		t.Errorf("stdout %q lacks the finding in good.tf", out.String())
	}
}

func TestLintJSON(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	opts := &lintOptions{Paths: []string{lintCase("broken")}, Format: "json", MinimumFailureSeverity: "warning"}
	if code := runLint(context.Background(), opts, &out, &errOut); code != exitError {
		t.Fatalf("exit code = %d, want %d", code, exitError)
	}
	var got map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	finding := got["findings"].([]any)[0].(map[string]any)
	lintErr := got["errors"].([]any)[0].(map[string]any)
	want := map[string]any{
		"format_version": "1.0",
		"finding": map[string]any{
			"rule": "fixed-sleep-and-cli", "severity": "warning", "file": filepath.Join(lintCase("broken"), "good.tf"),
			"line": 1.0, "column": 1.0, "end_line": 1.0, "end_column": 30.0,
		},
		"error": map[string]any{"file": filepath.Join(lintCase("broken"), "main.tf"), "line": 2.0, "column": 20.0},
	}
	delete(finding, "message")
	msg, _ := lintErr["message"].(string)
	delete(lintErr, "message")
	delete(lintErr, "end_line")
	delete(lintErr, "end_column")
	gotSummary := map[string]any{"format_version": got["format_version"], "finding": finding, "error": lintErr}
	if diff := cmp.Diff(want, gotSummary); diff != "" {
		t.Errorf("JSON report (-want +got):\n%s", diff)
	}
	if !strings.Contains(msg, "invalid HCL") {
		t.Errorf("error message %q does not say the HCL is invalid", msg)
	}
}

func TestLintSARIF(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	opts := &lintOptions{Paths: []string{lintCase("broken")}, Format: "sarif", MinimumFailureSeverity: "warning"}
	runLint(context.Background(), opts, &out, &errOut)
	var log sarifLog
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if log.Version != "2.1.0" || !strings.Contains(log.Schema, "sarif-2.1.0") {
		t.Errorf("version %q, $schema %q; want 2.1.0", log.Version, log.Schema)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("got %d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	if len(run.Results) != 1 {
		t.Fatalf("got %d results, want 1", len(run.Results))
	}
	res := run.Results[0]
	if res.RuleID != "fixed-sleep-and-cli" || run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
		t.Errorf("result rule %q at index %d does not match the driver's rules", res.RuleID, res.RuleIndex)
	}
	wantLoc := sarifPhysicalLocation{
		ArtifactLocation: sarifArtifactLocation{URI: "testdata/lint/broken/good.tf"},
		Region:           &sarifRegion{StartLine: 1, StartColumn: 1, EndLine: 1, EndColumn: 30},
	}
	if diff := cmp.Diff(wantLoc, res.Locations[0].PhysicalLocation); diff != "" {
		t.Errorf("location (-want +got):\n%s", diff)
	}
	rule := run.Tool.Driver.Rules[res.RuleIndex]
	if !strings.HasSuffix(rule.HelpURI, "docs/lint/fixed-sleep-and-cli.md") {
		t.Errorf("helpUri = %q", rule.HelpURI)
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 {
		t.Errorf("invocation = %+v, want one notification and executionSuccessful false", inv)
	}
}

func TestLintCommandFlags(t *testing.T) {
	t.Parallel()
	cmd := newLintCmd()
	var out, errOut bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	cmd.SetArgs([]string{"--format", "json", "--no-fail", lintCase("findings")})
	if err := cmd.Execute(); err != nil {
		t.Fatalf("Execute: %v", err)
	}
	if !strings.Contains(out.String(), `"format_version": "1.0"`) {
		t.Errorf("output is not the JSON report:\n%s", out.String())
	}
	cmd = newLintCmd()
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	cmd.SetArgs([]string{lintCase("findings")})
	if code := exitCode(cmd.Execute()); code != exitFindings {
		t.Errorf("exit code = %d, want %d", code, exitFindings)
	}
}
