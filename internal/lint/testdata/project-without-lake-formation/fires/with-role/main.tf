resource "smus_project" "sales" {
  domain_id              = var.domain_id
  name                   = "sales"
  project_profile_id     = var.profile_id
  project_execution_role = var.sales_role_arn
}

resource "smus_lake_formation_permissions" "finance" {
  principal   = var.finance_role_arn
  permissions = ["DESCRIBE"]

  database {
    name = "finance"
  }
}
