# Roles come from one of two places. In dev the platform team creates them here
# (create_roles = true). In staging and prod a security team owns them in the
# security-baseline stack and publishes their ARNs as SSM parameters, which this
# stack only reads.

module "roles" {
  source = "../../modules/iam-roles"
  count  = var.create_roles ? 1 : 0

  account_id = local.account_id
  region     = var.region
  # The domain module creates the domain roles itself when create_roles is true.
  create_domain_roles    = false
  create_blueprint_roles = true
  project_role_names     = toset(keys(local.projects))
  tags                   = local.tags
}

locals {
  role_parameter_path = coalesce(var.role_parameter_path, "/smus/${var.environment}/roles")
  published_roles = concat(
    ["domain-execution", "domain-service", "provisioning", "manage-access"],
    [for key in keys(local.projects) : "project-${key}"],
  )
}

data "smus_ssm_parameter" "role" {
  for_each = var.create_roles ? toset([]) : toset(local.published_roles)

  name = "${local.role_parameter_path}/${each.key}"
}

locals {
  # Role name (as in published_roles) => ARN, whichever way the roles came.
  role_arns = var.create_roles ? module.roles[0].role_arns : {
    for name, parameter in data.smus_ssm_parameter.role : name => parameter.value
  }
}
