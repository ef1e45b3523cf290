mock_provider "smus" {
  mock_data "smus_caller_identity" {
    defaults = {
      account_id = "111122223333"
    }
  }

  # The provider checks role ARNs at plan time, so the roles the module
  # creates need ARN-shaped mock values.
  mock_resource "smus_iam_role" {
    defaults = {
      arn = "arn:aws:iam::111122223333:role/service-role/MockRole"
    }
  }
}

variables {
  name                      = "Acme Data Platform"
  create_roles              = false
  domain_execution_role_arn = "arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution"
  service_role_arn          = "arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainService"
}

run "existing_roles_are_used" {
  command = plan

  assert {
    condition     = smus_domain.this.domain_execution_role == var.domain_execution_role_arn
    error_message = "expected the passed-in domain execution role"
  }

  assert {
    condition     = smus_domain.this.domain_version == "V2"
    error_message = "expected a V2 (SageMaker Unified Studio) domain"
  }

  assert {
    condition     = length(module.roles) == 0
    error_message = "expected no roles to be created"
  }
}

run "created_roles_plan" {
  command = plan

  variables {
    create_roles              = true
    domain_execution_role_arn = null
    service_role_arn          = null
  }

  assert {
    condition     = length(module.roles) == 1
    error_message = "expected the roles module"
  }
}

run "missing_roles_rejected" {
  command = plan

  variables {
    service_role_arn = null
  }

  expect_failures = [smus_domain.this]
}

run "roles_and_create_roles_rejected" {
  command = plan

  variables {
    create_roles = true
  }

  expect_failures = [smus_domain.this]
}

run "bad_role_arn_rejected" {
  command = plan

  variables {
    service_role_arn = "arn:aws:iam::111122223333:user/alice"
  }

  expect_failures = [var.service_role_arn]
}

run "long_name_rejected" {
  command = plan

  variables {
    name = "a name that is much longer than the sixty-four characters a domain name may have"
  }

  expect_failures = [var.name]
}
