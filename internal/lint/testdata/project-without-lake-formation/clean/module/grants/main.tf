resource "smus_lake_formation_permissions" "this" {
  principal   = var.role_arn
  permissions = ["DESCRIBE"]

  database {
    name = "marketing"
  }
}
