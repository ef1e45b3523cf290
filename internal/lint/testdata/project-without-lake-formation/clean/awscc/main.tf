resource "awscc_datazone_project" "finance" {
  domain_identifier      = var.domain_id
  name                   = "finance"
  project_execution_role = awscc_iam_role.finance.arn
}

resource "awscc_lakeformation_principal_permissions" "finance" {
  principal = {
    data_lake_principal_identifier = awscc_iam_role.finance.arn
  }
  resource = {
    database = {
      catalog_id = var.account_id
      name       = "finance"
    }
  }
  permissions                   = ["DESCRIBE"]
  permissions_with_grant_option = []
}
