data "smus_caller_identity" "current" {
  count = var.create_roles ? 1 : 0
}

module "roles" {
  source = "../iam-roles"
  count  = var.create_roles ? 1 : 0

  account_id             = data.smus_caller_identity.current[0].account_id
  create_domain_roles    = true
  create_blueprint_roles = false
  name_suffix            = var.role_name_suffix
  tags                   = var.tags
}

locals {
  domain_execution_role_arn = var.create_roles ? module.roles[0].domain_execution_role_arn : var.domain_execution_role_arn
  service_role_arn          = var.create_roles ? module.roles[0].domain_service_role_arn : var.service_role_arn
}

resource "smus_domain" "this" {
  name                  = var.name
  description           = var.description
  domain_version        = "V2"
  domain_execution_role = local.domain_execution_role_arn
  service_role          = local.service_role_arn
  kms_key_identifier    = var.kms_key_identifier
  single_sign_on        = var.single_sign_on
  tags                  = var.tags

  timeouts {
    create = var.timeouts.create
    update = var.timeouts.update
    delete = var.timeouts.delete
  }

  lifecycle {
    precondition {
      condition     = var.create_roles || (var.domain_execution_role_arn != null && var.service_role_arn != null)
      error_message = "create_roles is false, so set both domain_execution_role_arn and service_role_arn to existing role ARNs, or set create_roles = true."
    }

    precondition {
      condition     = !var.create_roles || (var.domain_execution_role_arn == null && var.service_role_arn == null)
      error_message = "create_roles is true, so remove domain_execution_role_arn and service_role_arn, or set create_roles = false to use those roles."
    }
  }
}
