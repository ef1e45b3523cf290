data "smus_ssm_parameter" "domain_execution_role" {
  name = "/security/roles/domain-execution"
}

resource "smus_domain" "main" {
  name                  = "analytics"
  domain_execution_role = data.smus_ssm_parameter.domain_execution_role.value
}
