package provider

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// TestAccLiveNaturalKey plans projects and a role in a domain built
// outside Terraform: a name that a live resource has is rejected at plan
// time with that resource's identifier, and a free name plans a create.
func TestAccLiveNaturalKey(t *testing.T) {
	cloud := startAccCloud(t, 0.001)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	client := cloud.client()
	create := func(typ *awstype.Type, desired map[string]any) *cloudcontrol.Resource {
		res, err := client.Create(ctx, cloudcontrol.CreateInput{TypeName: typ.Name, DesiredState: desired})
		if err != nil {
			t.Fatalf("create %s outside Terraform: %v", typ.Name, err)
		}

		return res
	}
	domainID := create(awstype.Domain, map[string]any{
		"Name": "shared", "DomainExecutionRole": "arn:aws:iam::444455556666:role/exec",
	}).Identifier
	profile := create(awstype.ProjectProfile, map[string]any{"DomainIdentifier": domainID, "Name": "Standard"})
	profileID, _ := profile.Properties["Id"].(string)
	alpha := create(awstype.Project, map[string]any{
		"DomainIdentifier": domainID, "Name": "Alpha", "ProjectProfileId": profileID,
	})
	create(awstype.Role, map[string]any{
		"RoleName": "hand-made", "AssumeRolePolicyDocument": map[string]any{"Version": "2012-10-17"},
	})

	project := func(name string) string {
		return cloud.provider + fmt.Sprintf(`
resource "smus_project" "alpha" {
  domain_id          = %q
  name               = %q
  project_profile_id = %q
}
`, domainID, name, profileID)
	}
	role := cloud.provider + `
resource "smus_iam_role" "hand_made" {
  name               = "hand-made"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:   project("Alpha"),
				PlanOnly: true,
				ExpectError: regexp.MustCompile(`(?s)Resource Already Exists.*` +
					regexp.QuoteMeta(alpha.Identifier) + `.*tofu\s+import.*choose\s+another\s+name`),
			},
			{
				Config:      role,
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)Resource Already Exists.*"hand-made".*import\s+block`),
			},
			{
				Config:           project("Beta"),
				ConfigPlanChecks: expectAction("smus_project.alpha", plancheck.ResourceActionCreate),
			},
		},
	})
}
