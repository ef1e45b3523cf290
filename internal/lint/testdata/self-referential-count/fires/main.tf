data "awscc_datazone_projects" "existing" {
  domain_identifier = var.domain_id
}

resource "smus_project" "sales" {
  count              = length(data.awscc_datazone_projects.existing.ids) == 0 ? 1 : 0
  domain_id          = var.domain_id
  name               = "sales"
  project_profile_id = var.profile_id
}

data "aws_datazone_domain" "current" {
  name = var.domain_name
}

resource "smus_domain" "main" {
  count                 = data.aws_datazone_domain.current.id == "" ? 1 : 0
  name                  = var.domain_name
  domain_execution_role = var.domain_execution_role_arn
}

module "domain" {
  source = "./modules/domain"
}

module "projects" {
  source     = "./modules/projects"
  depends_on = [module.domain]
}
