resource "smus_project" "sales" {
  domain_id          = var.domain_id
  name               = "sales"
  project_profile_id = var.profile_id
}
