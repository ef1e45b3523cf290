resource "smus_blueprint" "this" {
  domain_id                            = var.domain_id
  blueprint_name                       = var.blueprint_name
  enabled_regions                      = var.enabled_regions
  provisioning_role_arn                = var.provisioning_role_arn
  manage_access_role_arn               = var.manage_access_role_arn
  regional_parameters                  = var.regional_parameters
  global_parameters                    = var.global_parameters
  environment_role_permission_boundary = var.environment_role_permission_boundary
  lake_formation_configuration         = var.lake_formation_configuration

  timeouts {
    create = var.timeouts.create
    update = var.timeouts.update
    delete = var.timeouts.delete
  }

  lifecycle {
    precondition {
      condition     = alltrue([for r in keys(coalesce(var.regional_parameters, {})) : contains(var.enabled_regions, r)])
      error_message = "Every region in regional_parameters must also be in enabled_regions: add the region to enabled_regions or remove its parameters."
    }
  }
}
