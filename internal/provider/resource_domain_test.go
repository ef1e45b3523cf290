package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/smus-dev/smus/internal/awstype"
)

const (
	testKMSKeyA = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555"
	testKMSKeyB = "arn:aws:kms:us-east-1:123456789012:key/66666666-7777-8888-9999-000000000000"
)

func domainConfig(cloud *accCloud, description, kmsKey, extra string) string {
	return cloud.provider + fmt.Sprintf(`
resource "smus_domain" "test" {
  name                  = "analytics"
  description           = %q
  domain_execution_role = "arn:aws:iam::123456789012:role/AmazonSageMakerDomainExecution"
  service_role          = "arn:aws:iam::123456789012:role/AmazonSageMakerDomainService"
  kms_key_identifier    = %q
  tags = {
    team = "data"
    env  = "dev"
  }
  %s
}
`, description, kmsKey, extra)
}

func TestAccDomainLifecycle(t *testing.T) {
	cloud := startAccCloud(t, 0.001)
	address := "smus_domain.test"

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: domainConfig(cloud, "first", testKMSKeyA, ""),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestMatchResourceAttr(address, "id", regexp.MustCompile(`^dzd[-_]`)),
					resource.TestCheckResourceAttr(address, "status", "AVAILABLE"),
					resource.TestCheckResourceAttr(address, "domain_version", "V2"),
					resource.TestCheckResourceAttrSet(address, "root_domain_unit_id"),
					resource.TestCheckResourceAttrSet(address, "portal_url"),
				),
			},
			{
				ResourceName:            address,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"service_role"},
			},
			{
				Config: domainConfig(cloud, "second", testKMSKeyA, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate),
					},
				},
				Check: resource.TestCheckResourceAttr(address, "description", "second"),
			},
			{
				Config: domainConfig(cloud, "second", testKMSKeyB, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(address, plancheck.ResourceActionDestroyBeforeCreate),
					},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(address, "kms_key_identifier", testKMSKeyB),
					checkResourceCount(cloud, awstype.Domain.Name, nil, 1),
				),
			},
		},
	})
}

// TestAccDomainCreateTimeoutResumes runs a create that outlives its
// timeout, then a second apply that finishes the same request.
func TestAccDomainCreateTimeoutResumes(t *testing.T) {
	// A domain takes 10 simulated minutes: 6 seconds at this scale.
	cloud := startAccCloud(t, 0.01)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      domainConfig(cloud, "slow", testKMSKeyA, `timeouts { create = "2s" }`),
				ExpectError: regexp.MustCompile(`(?s)Operation Timed Out.*request token [0-9a-f-]{36}.*Run apply again`),
			},
			{
				Config: domainConfig(cloud, "slow", testKMSKeyA, ""),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("smus_domain.test", "status", "AVAILABLE"),
					checkResourceCount(cloud, awstype.Domain.Name, nil, 1),
				),
			},
		},
	})
}

// checkResourceCount checks how many resources of a type the local cloud
// holds.
func checkResourceCount(cloud *accCloud, typeName string, scope map[string]any, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got, err := cloud.countResources(typeName, scope)
		if err != nil {
			return err
		}
		if got != want {
			return fmt.Errorf("local cloud holds %d %s resources, want %d", got, typeName, want)
		}

		return nil
	}
}
