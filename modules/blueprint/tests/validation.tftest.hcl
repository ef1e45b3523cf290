mock_provider "smus" {}

variables {
  domain_id              = "dzd_4p9n6sw4qt9xgn"
  blueprint_name         = "Tooling"
  enabled_regions        = ["us-east-1"]
  provisioning_role_arn  = "arn:aws:iam::111122223333:role/service-role/AmazonSageMakerProvisioning-111122223333"
  manage_access_role_arn = "arn:aws:iam::111122223333:role/service-role/AmazonSageMakerManageAccess-us-east-1"
  regional_parameters = {
    "us-east-1" = {
      S3Location = "s3://acme-smus-data/projects"
      VpcId      = "vpc-0d1e2a3b4c5d6e7f8"
      Subnets    = "subnet-0a11b22c33d44e55f,subnet-0b66c77d88e99f00a"
    }
  }
}

run "valid_blueprint_plans" {
  command = plan

  assert {
    condition     = smus_blueprint.this.blueprint_name == "Tooling"
    error_message = "expected the Tooling blueprint"
  }
}

run "bad_region_rejected" {
  command = plan

  variables {
    enabled_regions = ["US East"]
  }

  expect_failures = [var.enabled_regions]
}

run "parameters_for_disabled_region_rejected" {
  command = plan

  variables {
    enabled_regions = ["eu-west-1"]
  }

  expect_failures = [smus_blueprint.this]
}

run "spaces_in_subnets_rejected" {
  command = plan

  variables {
    regional_parameters = {
      "us-east-1" = { Subnets = "subnet-0a11b22c33d44e55f, subnet-0b66c77d88e99f00a" }
    }
  }

  expect_failures = [var.regional_parameters]
}

run "bad_provisioning_role_rejected" {
  command = plan

  variables {
    provisioning_role_arn = "AmazonSageMakerProvisioning"
  }

  expect_failures = [var.provisioning_role_arn]
}
