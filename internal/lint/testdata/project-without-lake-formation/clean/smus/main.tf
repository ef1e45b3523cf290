resource "smus_project" "sales" {
  domain_id              = var.domain_id
  name                   = "sales"
  project_profile_id     = var.profile_id
  project_execution_role = var.sales_role_arn
}

resource "smus_lake_formation_permissions" "sales" {
  principal   = var.sales_role_arn
  permissions = ["DESCRIBE", "CREATE_TABLE"]

  database {
    name = "sales"
  }
}
