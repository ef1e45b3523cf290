data "smus_caller_identity" "current" {}

locals {
  account_id = data.smus_caller_identity.current.account_id
  tags       = merge(var.tags, { Environment = var.environment, ManagedBy = "smus" })
}

module "domain" {
  source = "../../modules/domain"

  name                      = var.domain_name
  description               = "Data and AI platform (${var.environment})."
  create_roles              = var.create_roles
  domain_execution_role_arn = var.create_roles ? null : local.role_arns["domain-execution"]
  service_role_arn          = var.create_roles ? null : local.role_arns["domain-service"]
  single_sign_on            = { type = "DISABLED" }
  tags                      = local.tags

  # Domains take 5 to 15 minutes to create; leave headroom.
  timeouts = { create = "30m" }
}

check "domain_available" {
  assert {
    condition     = module.domain.status == "AVAILABLE"
    error_message = "Domain ${module.domain.id} is ${module.domain.status}, not AVAILABLE: check it in the DataZone console before changing blueprints or projects."
  }
}
