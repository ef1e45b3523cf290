resource "smus_project_profile" "this" {
  domain_id                  = var.domain_id
  name                       = var.name
  description                = var.description
  status                     = var.enabled ? "ENABLED" : "DISABLED"
  domain_unit_id             = var.domain_unit_id
  environment_configurations = var.environment_configurations

  timeouts {
    create = var.timeouts.create
    update = var.timeouts.update
    delete = var.timeouts.delete
  }
}
