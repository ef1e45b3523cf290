package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/importer"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

const importTestAccount = "123412341234"

// startImportCloud starts a local cloud with one domain and sets the AWS
// environment of the CLI to reach it. It returns the endpoint and the
// domain id.
func startImportCloud(t *testing.T) (string, string) {
	t.Helper()
	srv := localtest.Start(t, localcloud.Options{TimeScale: 0.0002})
	t.Setenv("AWS_ACCESS_KEY_ID", importTestAccount)
	t.Setenv("AWS_SECRET_ACCESS_KEY", "local")
	t.Setenv("AWS_REGION", localtest.Region)
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(t.TempDir(), "none"))
	endpoints := cloudcontrol.Endpoints{CloudControl: srv.URL, STS: srv.URL, DataZone: srv.URL}
	client := cloudcontrol.NewFromConfig(srv.Config(importTestAccount), endpoints, cloudcontrol.Options{
		Waiter: cloudcontrol.WaiterOptions{MinDelay: 2 * time.Millisecond, MaxDelay: 20 * time.Millisecond},
	})
	ctx := context.Background()
	role, err := client.Create(ctx, cloudcontrol.CreateInput{TypeName: "AWS::IAM::Role", DesiredState: map[string]any{
		"RoleName": "exec", "AssumeRolePolicyDocument": map[string]any{"Version": "2012-10-17", "Statement": []any{}},
	}})
	if err != nil {
		t.Fatalf("create role: %v", err)
	}
	dom, err := client.Create(ctx, cloudcontrol.CreateInput{TypeName: "AWS::DataZone::Domain", DesiredState: map[string]any{
		"Name": "Sales", "DomainExecutionRole": role.Properties["Arn"], "DomainVersion": "V2",
	}})
	if err != nil {
		t.Fatalf("create domain: %v", err)
	}

	return srv.URL, dom.Identifier
}

func TestImportCommand(t *testing.T) {
	endpoint, domainID := startImportCloud(t)
	out := filepath.Join(t.TempDir(), "out")

	code, stdout, stderr := runImportCLI("import", "--domain", domainID, "--out", out, "--dry-run", "--endpoint", endpoint)
	if code != exitOK {
		t.Fatalf("dry run exit code %d, want %d; stderr:\n%s", code, exitOK, stderr)
	}
	for _, want := range []string{"# --- domain.tf ---", `resource "smus_domain" "sales"`, "to = smus_domain.sales"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("dry-run output does not contain %q:\n%s", want, stdout)
		}
	}
	// DataZone GetDomain returns the domain's service role, so no variable
	// stands in for it.
	for _, want := range []string{"Would write", "no read returned: 0 variables"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("dry-run summary does not contain %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "Warning:") {
		t.Errorf("dry-run summary has warnings:\n%s", stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("dry run created %s (stat error %v)", out, err)
	}

	code, stdout, stderr = runImportCLI("import", "--domain", domainID, "--out", out, "--endpoint", endpoint)
	if code != exitOK {
		t.Fatalf("import exit code %d, want %d; stderr:\n%s", code, exitOK, stderr)
	}
	if !strings.Contains(stdout, "Wrote") {
		t.Errorf("summary lacks the written files:\n%s", stdout)
	}
	if _, err := os.Stat(filepath.Join(out, "domain.tf")); err != nil {
		t.Errorf("domain.tf not written: %v", err)
	}

	// A second run adopts the domain and role. Its imports.tf is the same
	// as the first run's, so the run succeeds without --force.
	code, stdout, stderr = runImportCLI("import", "--domain", domainID, "--out", out, "--endpoint", endpoint)
	if code != exitOK || !strings.Contains(stdout, "adopted smus_domain.sales") {
		t.Errorf("second import: exit code %d, stdout:\n%s\nstderr:\n%s\nwant the domain adopted", code, stdout, stderr)
	}

	// After a hand edit, imports.tf differs from what the run would write,
	// so the run fails without --force and names the file.
	importsPath := filepath.Join(out, "imports.tf")
	edited, err := os.ReadFile(importsPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(importsPath, append(edited, []byte("# reviewed\n")...), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runImportCLI("import", "--domain", domainID, "--out", out, "--endpoint", endpoint)
	if code != exitError || !strings.Contains(stderr, "already exist") || !strings.Contains(stderr, "imports.tf") {
		t.Errorf("import over an edited file: exit code %d, stderr:\n%s\nwant exit 1 naming imports.tf", code, stderr)
	}
	code, stdout, stderr = runImportCLI("import", "--domain", domainID, "--out", out, "--endpoint", endpoint, "--force")
	if code != exitOK || !strings.Contains(stdout, "adopted smus_domain.sales") {
		t.Errorf("forced import: exit code %d, stdout:\n%s\nstderr:\n%s\nwant the domain adopted", code, stdout, stderr)
	}
}

func TestImportCommandBadInput(t *testing.T) {
	endpoint, _ := startImportCloud(t)
	testCases := map[string]struct {
		args []string
		want string
	}{
		"missing-domain":   {args: []string{"import"}, want: `required flag(s) "domain" not set`},
		"unknown-domain":   {args: []string{"import", "--domain", "dzd_missing", "--endpoint", endpoint}, want: "domain dzd_missing not found in account " + importTestAccount},
		"invalid-endpoint": {args: []string{"import", "--domain", "dzd_x", "--endpoint", "127.0.0.1:1"}, want: "invalid --endpoint"},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			code, _, stderr := runImportCLI(append(tc.args, "--out", out)...)
			if code != exitError {
				t.Errorf("exit code %d, want %d", code, exitError)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr does not contain %q:\n%s", tc.want, stderr)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("a failed import created %s", out)
			}
		})
	}
}

func runImportCLI(args ...string) (int, string, string) {
	var stdout, stderr strings.Builder
	code := run(args, &stdout, &stderr)

	return code, stdout.String(), stderr.String()
}

func TestImportSummary(t *testing.T) {
	t.Parallel()
	profileID := importer.Variable{Name: "project_sales_profile_id", Type: "string",
		Description: "Project profile id of project \"Sales\".", Required: true}
	role := importer.Variable{Name: "project_sales_execution_role", Type: "string",
		Description: "ARN of the execution role of project \"Sales\"."}
	testCases := map[string]struct {
		res  importer.Result
		want string
	}{
		"warning-and-variables": {
			res: importer.Result{
				Files:     []importer.File{{Name: "projects.tf"}},
				Imports:   []importer.Import{{Address: "smus_project.sales", ID: "dzd_1|p1"}},
				Variables: []importer.Variable{role, profileID},
				Warnings:  []string{"The DataZone API did not return the project profile id of 1 of 1 projects."},
			},
			want: "Wrote 1 files to out: projects.tf\n" +
				"1 import blocks, 0 of them for resources the existing files already declare.\n\n" +
				"Warning: The DataZone API did not return the project profile id of 1 of 1 projects.\n\n" +
				"Write-only values that no read returned: 2 variables, 1 required (set them with -var or a " +
				".tfvars file before `tofu plan`):\n" +
				"  project_sales_profile_id (string, required)\n      Project profile id of project \"Sales\".\n" +
				"  project_sales_execution_role (string, optional, default null)\n" +
				"      ARN of the execution role of project \"Sales\".\n",
		},
		"nothing-to-set": {
			res: importer.Result{Files: []importer.File{{Name: "domain.tf"}}},
			want: "Wrote 1 files to out: domain.tf\n" +
				"0 import blocks, 0 of them for resources the existing files already declare.\n\n" +
				"Write-only values that no read returned: 0 variables, 0 required (set them with -var or a " +
				".tfvars file before `tofu plan`):\n",
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var out strings.Builder
			writeImportSummary(&out, &tc.res, "out", true)
			if diff := cmp.Diff(tc.want, out.String()); diff != "" {
				t.Errorf("summary (-want +got):\n%s", diff)
			}
		})
	}
}
