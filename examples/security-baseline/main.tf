data "smus_caller_identity" "current" {}

module "roles" {
  source = "../../modules/iam-roles"

  account_id             = data.smus_caller_identity.current.account_id
  region                 = var.region
  create_domain_roles    = true
  create_blueprint_roles = true
  project_role_names     = var.project_role_names
  tags                   = merge(var.tags, { Environment = var.environment, Owner = "security" })
}

locals {
  parameter_path = "/smus/${var.environment}/roles"
}
