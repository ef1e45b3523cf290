package lint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/smus-dev/smus/internal/lint"
)

// benchFiles are the templates of one generated environment directory, in
// which "{{n}}" stands for the directory number. Together they mix backends,
// providers, the resource hierarchy, module calls, suppressions and variables.
var benchFiles = map[string]string{
	"backend.tf": `terraform {
  backend "s3" {
    bucket       = "platform-state-{{n}}"
    key          = "smus/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}

provider "smus" {
  region = "eu-west-1"
}
`,
	"domain.tf": `resource "smus_domain" "main" {
  name                  = "analytics-{{n}}"
  domain_execution_role = data.smus_ssm_parameter.execution.value
  service_role          = data.smus_ssm_parameter.service.value

  timeouts {
    create = "30m"
  }

  lifecycle {
    ignore_changes = [service_role]
  }
}
`,
	"ssm.tf": `data "smus_ssm_parameter" "execution" {
  name = "/security/roles/domain-execution"
}

data "smus_ssm_parameter" "service" {
  name = "/security/roles/domain-service"
}
`,
	"blueprints.tf": `resource "smus_blueprint" "tooling" {
  domain_id             = smus_domain.main.id
  blueprint_name        = "Tooling"
  enabled_regions       = ["eu-west-1"]
  provisioning_role_arn = var.provisioning_role_arn
  regional_parameters = {
    "eu-west-1" = { S3Location = "s3://bucket-{{n}}", VpcId = var.vpc_id }
  }
}

resource "smus_blueprint" "datalake" {
  domain_id       = smus_domain.main.id
  blueprint_name  = "DataLake"
  enabled_regions = ["eu-west-1"]
  depends_on      = [smus_blueprint.tooling]
}
`,
	"profiles.tf": `resource "smus_project_profile" "all" {
  domain_id = smus_domain.main.id
  name      = "All capabilities"
  environment_configurations = {
    Tooling = {
      blueprint_id     = smus_blueprint.tooling.blueprint_id
      aws_region       = "eu-west-1"
      deployment_mode  = "ON_CREATE"
      deployment_order = 0
    }
  }
}
`,
	"projects.tf": `resource "smus_project" "sales" {
  domain_id              = smus_domain.main.id
  name                   = "sales-{{n}}"
  project_profile_id     = smus_project_profile.all.profile_id
  project_execution_role = var.sales_role_arn
}

resource "smus_lake_formation_permissions" "sales" {
  principal   = var.sales_role_arn
  permissions = ["DESCRIBE"]

  database {
    name = "sales"
  }
}
`,
	"modules.tf": `module "grants" {
  source  = "aws-ia/sagemaker-unified-studio/aws//modules/lake-formation"
  version = "~> 1.2"
}
`,
	"wait.tf": `# smus:ignore fixed-sleep-and-cli the role needs time to propagate
resource "time_sleep" "roles" {
  create_duration = "10s"
}
`,
	"variables.tf": `variable "provisioning_role_arn" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "sales_role_arn" {
  type = string
}
`,
	"outputs.tf": `output "domain_id" {
  value = smus_domain.main.id
}

output "portal_url" {
  value = smus_domain.main.portal_url
}
`,
}

// writeBenchTree writes dirs directories of len(benchFiles) files each under
// root, or under a new temporary directory when root is empty.
func writeBenchTree(b testing.TB, root string, dirs int) string {
	b.Helper()
	if root == "" {
		root = b.TempDir()
	}
	for i := range dirs {
		dir := filepath.Join(root, "envs", fmt.Sprintf("account-%03d", i))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		for name, tmpl := range benchFiles {
			src := strings.ReplaceAll(tmpl, "{{n}}", strconv.Itoa(i))
			if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}

	return root
}

func BenchmarkLintTree(b *testing.B) {
	root := writeBenchTree(b, "", 2000/len(benchFiles))
	b.ResetTimer()
	for b.Loop() {
		res, err := lint.Lint(b.Context(), lint.Options{Paths: []string{root}})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Errors) > 0 || len(res.Findings) == 0 {
			b.Fatalf("unexpected result: %d findings, %d errors", len(res.Findings), len(res.Errors))
		}
	}
}

// TestWriteBenchTree writes the benchmark tree to $SMUS_LINT_TREE, so that
// bench/lint.sh can time smus lint and tflint on the same files.
func TestWriteBenchTree(t *testing.T) {
	root := os.Getenv("SMUS_LINT_TREE")
	if root == "" {
		t.Skip("SMUS_LINT_TREE is not set; bench/lint.sh sets it")
	}
	writeBenchTree(t, root, 2000/len(benchFiles))
}
