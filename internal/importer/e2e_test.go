package importer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	tfjson "github.com/hashicorp/terraform-json"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/importer"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

// TestImportPlansWithoutChanges builds a domain by hand, imports it into a
// fresh directory, and checks with OpenTofu that the plan imports every
// resource and changes nothing. It imports twice: once reading the
// write-only values through DataZone, and once with those reads denied, so
// that they are input variables, set from the values the domain was built
// with.
func TestImportPlansWithoutChanges(t *testing.T) {
	engine := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if engine == "" {
		t.Skip("set TF_ACC_TERRAFORM_PATH to an OpenTofu binary, such as .bin/tofu built by `make tofu`, " +
			"to plan the generated configuration")
	}
	w := startWorld(t, localcloud.Options{})
	buildDomain(t, w)
	env := engineEnv(t, buildProvider(t))
	// Both imports need only the write-only values that no AWS API returns.
	noAPI := []string{"blueprint_data_lake_global_parameters", "blueprint_tooling_global_parameters",
		"project_console_sandbox_execution_role", "project_fraud_detection_execution_role",
		"project_marketing_analytics_execution_role"}
	denied := regexp.MustCompile(`^/v2/domains/[^/]+(/environment-blueprint-configurations/[^/]+|` +
		`/projects/[^/]+(/memberships)?)?$`)

	testCases := map[string]struct {
		server    string
		variables []string
		warnings  int
	}{
		"datazone-read": {variables: noAPI},
		"datazone-denied": {
			server: dataZoneFailingServer(t, w.server, denied, "AccessDeniedException", 403),
			variables: append([]string{"domain_analytics_platform_service_role",
				"blueprint_data_lake_lake_formation_configuration", "blueprint_data_lake_permission_boundary",
				"blueprint_tooling_lake_formation_configuration", "blueprint_tooling_permission_boundary",
				"project_console_sandbox_profile_id", "project_console_sandbox_user_parameters",
				"project_fraud_detection_profile_id", "project_fraud_detection_user_parameters",
				"project_marketing_analytics_profile_id", "project_marketing_analytics_user_parameters",
				fmt.Sprintf("membership_fraud_detection_user_%s_designation",
					w.props["membership:owner"]["MemberIdentifier"]),
				fmt.Sprintf("membership_marketing_analytics_group_%s_designation",
					w.props["membership:group"]["MemberIdentifier"]),
			}, noAPI...),
			warnings: 4,
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			client := w.client
			if tc.server != "" {
				client = newClient(&localtest.Server{URL: tc.server}, fastOptions(), &atomic.Int64{})
			}
			res := importDomain(t, client, w.domainID)
			if diff := cmp.Diff(sortedCopy(tc.variables), variableNames(res)); diff != "" {
				t.Errorf("variables (-want +got):\n%s", diff)
			}
			if len(res.Warnings) != tc.warnings {
				t.Errorf("%d warnings, want %d: %q", len(res.Warnings), tc.warnings, res.Warnings)
			}
			t.Logf("%d variables, %d of them required", len(res.Variables), requiredCount(res))
			planImport(t, engine, env, w, res)
		})
	}
}

// planImport writes the configuration, plans it with every variable that
// the world has a value for, and checks that the plan only imports.
func planImport(t *testing.T, engine string, env []string, w *world, res *importer.Result) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "platform")
	if err := importer.Write(out, res.Files, false); err != nil {
		t.Fatalf("write the configuration: %v", err)
	}
	writeProviderConfig(t, out, w.server.URL)
	values := map[string]any{}
	for _, v := range res.Variables {
		value, ok := w.values[v.Name]
		if !ok && v.Required {
			t.Fatalf("required variable %s has no value in the test domain", v.Name)
		}
		if ok {
			values[v.Name] = value
		}
	}
	varFile := writeVarFile(t, values)

	runEngine(t, engine, out, env, "init", "-input=false", "-no-color")
	code := runEngine(t, engine, out, env, "plan", "-input=false", "-no-color", "-detailed-exitcode",
		"-var-file="+varFile, "-out=import.tfplan")
	t.Logf("plan exit code %d (2 means the plan is not empty, which imports alone make it)", code)
	var plan tfjson.Plan
	show := runEngineOutput(t, engine, out, env, "show", "-json", "import.tfplan")
	if err := json.Unmarshal(show, &plan); err != nil {
		t.Fatalf("decode the plan: %v", err)
	}
	checkImportOnly(t, &plan, res)
}

func variableNames(res *importer.Result) []string {
	names := make([]string, 0, len(res.Variables))
	for _, v := range res.Variables {
		names = append(names, v.Name)
	}

	return sortedCopy(names)
}

func requiredCount(res *importer.Result) int {
	n := 0
	for _, v := range res.Variables {
		if v.Required {
			n++
		}
	}

	return n
}

// checkImportOnly fails unless every planned change imports a resource and
// changes nothing, apart from recording write-only values that a read
// could not restore: an update whose only differences are write-only
// attributes that were null in the imported state.
func checkImportOnly(t *testing.T, plan *tfjson.Plan, res *importer.Result) {
	t.Helper()
	imported, recorded := 0, 0
	for _, rc := range plan.ResourceChanges {
		if rc.Change.Importing == nil {
			t.Errorf("%s: planned %v without an import", rc.Address, rc.Change.Actions)

			continue
		}
		imported++
		if rc.Change.Actions.NoOp() {
			continue
		}
		changed := changedAttributes(rc.Change)
		if !rc.Change.Actions.Update() || !recordsWriteOnly(rc.Type, changed, rc.Change) {
			t.Errorf("%s: planned %v, changing %v; want no-op", rc.Address, rc.Change.Actions, changed)

			continue
		}
		recorded++
		t.Logf("%s: update records write-only %v that the provider could not read back", rc.Address, changed)
	}
	if imported != len(res.Imports) {
		t.Errorf("plan imports %d resources, want %d", imported, len(res.Imports))
	}
	t.Logf("%d resources imported, %d of them with write-only values recorded", imported, recorded)
}

func changedAttributes(c *tfjson.Change) []string {
	before, _ := c.Before.(map[string]any)
	after, _ := c.After.(map[string]any)
	var changed []string
	for name := range after {
		if string(awstype.CanonicalJSON(before[name])) != string(awstype.CanonicalJSON(after[name])) {
			changed = append(changed, name)
		}
	}
	sort.Strings(changed)

	return changed
}

// recordsWriteOnly reports whether every changed attribute is write-only
// in the registry and was null before.
func recordsWriteOnly(resourceType string, changed []string, c *tfjson.Change) bool {
	t, ok := awstype.TerraformType(resourceType)
	before, _ := c.Before.(map[string]any)
	if !ok || len(changed) == 0 {
		return false
	}
	for _, name := range changed {
		property, _ := awstype.TerraformProperty(resourceType, name)
		if !t.IsWriteOnly("/"+property) || before[name] != nil {
			return false
		}
	}

	return true
}

func importDomain(t *testing.T, client *cloudcontrol.Client, domainID string) *importer.Result {
	t.Helper()
	inv, err := importer.Discover(context.Background(), importer.DiscoverInput{
		Client: client, DomainID: domainID, Region: localtest.Region,
	})
	if err != nil {
		t.Fatalf("discover domain %s: %v", domainID, err)
	}
	res, err := importer.Generate(importer.GenerateInput{Inventory: inv})
	if err != nil {
		t.Fatalf("generate: %v", err)
	}

	return res
}

func writeProviderConfig(t *testing.T, dir, endpoint string) {
	t.Helper()
	config := fmt.Sprintf(`provider "smus" {
  region     = %q
  access_key = %q
  secret_key = "local"
  endpoints {
    cloudcontrol = %q
    sts          = %q
    datazone     = %q
  }
}
`, localtest.Region, testAccount, endpoint, endpoint, endpoint)
	if err := os.WriteFile(filepath.Join(dir, "provider.tf"), []byte(config), 0o600); err != nil {
		t.Fatalf("write provider configuration: %v", err)
	}
}

func writeVarFile(t *testing.T, values map[string]any) string {
	t.Helper()
	data, err := json.MarshalIndent(values, "", "  ")
	if err != nil {
		t.Fatalf("encode variables: %v", err)
	}
	path := filepath.Join(t.TempDir(), "write-only.tfvars.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatalf("write variables: %v", err)
	}

	return path
}

// buildProvider builds the provider into a temporary directory.
func buildProvider(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command("go", "build", "-o", filepath.Join(dir, "terraform-provider-smus"),
		"github.com/smus-dev/smus/cmd/terraform-provider-smus")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build the provider: %v\n%s", err, out)
	}

	return dir
}

// engineEnv returns the engine's environment: a CLI configuration that
// runs the provider from providerDir through dev_overrides, and no AWS
// settings that could reach a real endpoint. `init` still looks the
// provider up in an installation source, and a direct source would send
// that lookup to a public registry. So the only source is a local mirror
// with a placeholder package, which init records and nothing runs.
func engineEnv(t *testing.T, providerDir string) []string {
	t.Helper()
	mirror := t.TempDir()
	platform := runtime.GOOS + "_" + runtime.GOARCH
	for _, host := range []string{"registry.opentofu.org", "registry.terraform.io"} {
		dir := filepath.Join(mirror, host, "smus-dev", "smus", "0.0.1", platform)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatalf("create provider mirror: %v", err)
		}
		placeholder := "#!/bin/sh\necho 'placeholder: the smus provider runs through dev_overrides' >&2\nexit 1\n"
		if err := os.WriteFile(filepath.Join(dir, "terraform-provider-smus"), []byte(placeholder), 0o755); err != nil {
			t.Fatalf("write provider placeholder: %v", err)
		}
	}
	config := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %q = %q\n  }\n"+
		"  filesystem_mirror {\n    path    = %q\n    include = [%q]\n  }\n}\n",
		importer.ProviderSource, providerDir, mirror, importer.ProviderSource)
	path := filepath.Join(t.TempDir(), "cli.tfrc")
	if err := os.WriteFile(path, []byte(config), 0o600); err != nil {
		t.Fatalf("write CLI configuration: %v", err)
	}
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AWS_") && !strings.HasPrefix(kv, "TF_CLI_CONFIG_FILE=") {
			env = append(env, kv)
		}
	}

	return append(env, "TF_CLI_CONFIG_FILE="+path, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1",
		"AWS_EC2_METADATA_DISABLED=true")
}

// runEngine runs the engine in dir and returns its exit code; codes other
// than 0 and 2 fail the test.
func runEngine(t *testing.T, engine, dir string, env []string, args ...string) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, engine, args...)
	cmd.Dir, cmd.Env = dir, env
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	err := cmd.Run()
	code := cmd.ProcessState.ExitCode()
	if err != nil && code != 2 {
		t.Fatalf("%s %s: %v\n%s", engine, strings.Join(args, " "), err, output.String())
	}

	return code
}

func runEngineOutput(t *testing.T, engine, dir string, env []string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(engine, args...)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v", engine, strings.Join(args, " "), err)
	}

	return out
}
