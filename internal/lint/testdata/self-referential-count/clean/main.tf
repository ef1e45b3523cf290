data "aws_datazone_domain" "shared" {
  name = "shared-services"
}

resource "smus_domain" "main" {
  count                 = var.create_domain ? 1 : 0
  name                  = "analytics"
  domain_execution_role = var.domain_execution_role_arn
}

resource "smus_domain" "other" {
  count                 = data.aws_datazone_domain.shared.id == "" ? 0 : 1
  name                  = "analytics-replica"
  domain_execution_role = var.domain_execution_role_arn
}

data "smus_managed_blueprint" "tooling" {
  domain_id = var.domain_id
  name      = "Tooling"
}

resource "smus_blueprint" "tooling" {
  for_each        = toset([data.smus_managed_blueprint.tooling.id])
  domain_id       = var.domain_id
  blueprint_name  = "Tooling"
  enabled_regions = ["eu-west-1"]
}

module "domain" {
  source = "./modules/domain"
}

module "projects" {
  source     = "./modules/projects"
  depends_on = [module.domain]
}
