data "smus_managed_blueprint" "tooling" {
  domain_id = var.domain_id
  name      = "Tooling"
}
