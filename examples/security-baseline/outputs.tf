output "account_id" {
  description = "Account in which the roles were created."
  value       = data.smus_caller_identity.current.account_id
}

output "role_arns" {
  description = "Role ARNs by role name: domain-execution, domain-service, provisioning, manage-access and project-<name>."
  value       = module.roles.role_arns
}

output "ssm_parameters" {
  description = "SSM parameter name => role ARN, the values to publish for the platform stack."
  value       = { for name, arn in module.roles.role_arns : "${local.parameter_path}/${name}" => arn }
}

output "ssm_parameter_lines" {
  description = "The same parameters as lines of \"<name> <arn>\", for shell scripts that have no JSON parser."
  value       = join("", [for name, arn in module.roles.role_arns : "${local.parameter_path}/${name} ${arn}\n"])
}
