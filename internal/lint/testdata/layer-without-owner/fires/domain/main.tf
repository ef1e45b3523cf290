resource "smus_domain" "main" {
  name                  = "analytics"
  domain_execution_role = var.domain_execution_role_arn
}
