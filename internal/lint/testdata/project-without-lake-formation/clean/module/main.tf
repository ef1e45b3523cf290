resource "smus_project" "marketing" {
  domain_id              = var.domain_id
  name                   = "marketing"
  project_profile_id     = var.profile_id
  project_execution_role = var.marketing_role_arn
}

module "grants" {
  source   = "./grants"
  role_arn = var.marketing_role_arn
}
