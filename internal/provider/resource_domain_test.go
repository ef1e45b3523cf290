package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdkcloudcontrol "github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	cctypes "github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/localcloud"
)

const (
	testKMSKeyA = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555"
	testKMSKeyB = "arn:aws:kms:us-east-1:123456789012:key/66666666-7777-8888-9999-000000000000"
)

// execRoleConfig declares the domain execution role smus_iam_role.exec.
const execRoleConfig = `
resource "smus_iam_role" "exec" {
  name = "AmazonSageMakerDomainExecution"
  path = "/service-role/"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Principal = { Service = "datazone.amazonaws.com" }
    }]
  })
}
`

func domainConfig(cloud *accCloud, description, kmsKey, extra string) string {
	return cloud.provider + execRoleConfig + fmt.Sprintf(`
resource "smus_domain" "test" {
  name                  = "analytics"
  description           = %q
  domain_execution_role = smus_iam_role.exec.arn
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
	// A domain takes 10 simulated minutes: 6 seconds at this scale. The
	// role is ready at once, so the short timeout hits the domain create
	// itself rather than the wait for IAM propagation.
	cloud := startAccCloudWith(t, localcloud.Options{TimeScale: 0.01, RolePropagation: time.Millisecond})

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

// TestAccDomainWaitsForNewRole creates a role and a domain that names it in
// one apply, with no wait between them. The local cloud rejects the domain
// until the role is 1250 simulated seconds old (2.5 s here), so the first
// create fails and the provider must create it again.
func TestAccDomainWaitsForNewRole(t *testing.T) {
	cloud := startAccCloudWith(t, localcloud.Options{TimeScale: 0.002, RolePropagation: 1250 * time.Second})

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: domainConfig(cloud, "new role", testKMSKeyA, ""),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("smus_domain.test", "status", "AVAILABLE"),
					resource.TestCheckResourceAttrPair("smus_domain.test", "domain_execution_role",
						"smus_iam_role.exec", "arn"),
					checkResourceCount(cloud, awstype.Domain.Name, nil, 1),
					checkFailedDomainCreates(cloud, 1),
				),
			},
		},
	})
}

// TestAccDomainMissingRole names a role that does not exist in the
// caller's account, which DataZone can never assume.
func TestAccDomainMissingRole(t *testing.T) {
	cloud := startAccCloud(t, 0.001)
	config := cloud.provider + `
resource "smus_domain" "test" {
  name                  = "analytics"
  domain_execution_role = "arn:aws:iam::123456789012:role/service-role/Missing"
  timeouts { create = "5s" }
}
`

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ExpectError: regexp.MustCompile(`(?s)Domain Execution Role Not Assumable.*` +
					`arn:aws:iam::123456789012:role/service-role/Missing.*datazone\.amazonaws\.com`),
			},
		},
	})
}

// checkFailedDomainCreates checks that at least want domain creates ended
// FAILED with "Unable to assume role".
func checkFailedDomainCreates(cloud *accCloud, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		api := sdkcloudcontrol.NewFromConfig(cloud.server.Config(cloud.account))
		pages := sdkcloudcontrol.NewListResourceRequestsPaginator(api, &sdkcloudcontrol.ListResourceRequestsInput{
			ResourceRequestStatusFilter: &cctypes.ResourceRequestStatusFilter{
				Operations:        []cctypes.Operation{cctypes.OperationCreate},
				OperationStatuses: []cctypes.OperationStatus{cctypes.OperationStatusFailed},
			},
		})
		got := 0
		for pages.HasMorePages() {
			page, err := pages.NextPage(context.Background())
			if err != nil {
				return fmt.Errorf("list failed create requests: %w", err)
			}
			for _, ev := range page.ResourceRequestStatusSummaries {
				if aws.ToString(ev.TypeName) == awstype.Domain.Name &&
					strings.Contains(aws.ToString(ev.StatusMessage), "Unable to assume role") {
					got++
				}
			}
		}
		if got < want {
			return fmt.Errorf("local cloud holds %d failed domain creates for the role, want at least %d", got, want)
		}

		return nil
	}
}
