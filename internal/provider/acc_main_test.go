package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

// TestMain gives the engine an empty CLI configuration when none is set or
// the file set does not exist, because OpenTofu's version check fails on a warning about a missing one,
// and keeps the AWS SDK away from the instance metadata service.
func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	if _, err := os.Stat(os.Getenv("TF_CLI_CONFIG_FILE")); err != nil {
		dir, err := os.MkdirTemp("", "smus-provider-test")
		if err != nil {
			fmt.Fprintf(os.Stderr, "create CLI configuration directory: %v\n", err)

			return 1
		}
		defer os.RemoveAll(dir)
		name := filepath.Join(dir, "empty.tfrc")
		if err := os.WriteFile(name, nil, 0o600); err != nil {
			fmt.Fprintf(os.Stderr, "write empty CLI configuration: %v\n", err)

			return 1
		}
		os.Setenv("TF_CLI_CONFIG_FILE", name)
	}
	// The in-process provider is attached under registry.terraform.io with
	// this namespace. The configurations name that address in full, because
	// OpenTofu resolves short sources against its own registry.
	if os.Getenv("TF_ACC_PROVIDER_NAMESPACE") == "" {
		os.Setenv("TF_ACC_PROVIDER_NAMESPACE", "smus-dev")
	}
	os.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	os.Setenv("CHECKPOINT_DISABLE", "1")

	return m.Run()
}

// testProviderFactories serves the provider in-process.
var testProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"smus": providerserver.NewProtocol6WithError(New("test")()),
}

// accCloud is a local cloud for one acceptance test, with the provider
// block that points at it.
type accCloud struct {
	server   *localtest.Server
	account  string
	provider string
}

// startAccCloud skips the test unless acceptance tests are enabled and an
// engine is set, then starts a local cloud with the given time scale and
// throttling off.
func startAccCloud(t *testing.T, timeScale float64) *accCloud {
	t.Helper()

	return startAccCloudWith(t, localcloud.Options{TimeScale: timeScale})
}

// startAccCloudWith is startAccCloud with every local cloud option.
func startAccCloudWith(t *testing.T, opts localcloud.Options) *accCloud {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 to run it")
	}
	if os.Getenv("TF_ACC_TERRAFORM_PATH") == "" {
		t.Skip("acceptance test: set TF_ACC_TERRAFORM_PATH to an OpenTofu or Terraform binary, " +
			"such as .bin/tofu built from tools/")
	}
	server := localtest.Start(t, opts)
	account := "123456789012"

	return &accCloud{
		server:  server,
		account: account,
		provider: fmt.Sprintf(`
terraform {
  required_providers {
    smus = { source = "registry.terraform.io/smus-dev/smus" }
  }
}

provider "smus" {
  region     = "us-east-1"
  access_key = %q
  secret_key = "local"
  endpoints {
    cloudcontrol = %q
    sts          = %q
    datazone     = %q
  }
}
`, account, server.URL, server.URL, server.URL),
	}
}

// client returns a Cloud Control client of the test account, for checks
// and fixtures outside Terraform.
func (c *accCloud) client() *cloudcontrol.Client {
	endpoints := cloudcontrol.Endpoints{CloudControl: c.server.URL, STS: c.server.URL, DataZone: c.server.URL}

	return cloudcontrol.NewFromConfig(c.server.Config(c.account), endpoints, cloudcontrol.Options{})
}

// countResources returns how many resources of typeName the local cloud
// holds for model, a ListResources scope.
func (c *accCloud) countResources(typeName string, model map[string]any) (int, error) {
	list, err := c.client().List(context.Background(), typeName, model)
	if err != nil {
		return 0, fmt.Errorf("list %s: %w", typeName, err)
	}

	return len(list), nil
}
