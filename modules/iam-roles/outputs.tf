output "domain_execution_role_arn" {
  description = "ARN of the domain execution role, or null when create_domain_roles is false."
  value       = one(smus_iam_role.domain_execution[*].arn)
}

output "domain_service_role_arn" {
  description = "ARN of the domain service role, or null when create_domain_roles is false."
  value       = one(smus_iam_role.domain_service[*].arn)
}

output "provisioning_role_arn" {
  description = "ARN of the provisioning role, or null when create_blueprint_roles is false."
  value       = one(smus_iam_role.provisioning[*].arn)
}

output "manage_access_role_arn" {
  description = "ARN of the manage-access role, or null when create_blueprint_roles is false."
  value       = one(smus_iam_role.manage_access[*].arn)
}

output "project_role_arns" {
  description = "ARNs of the project execution roles, by project short name."
  value       = { for name, role in smus_iam_role.project : name => role.arn }
}

output "role_arns" {
  description = "Every role this module created, by its parameter name: domain-execution, domain-service, provisioning, manage-access and project-<name>."
  value = merge(
    var.create_domain_roles ? {
      "domain-execution" = smus_iam_role.domain_execution[0].arn
      "domain-service"   = smus_iam_role.domain_service[0].arn
    } : {},
    var.create_blueprint_roles ? {
      "provisioning"  = smus_iam_role.provisioning[0].arn
      "manage-access" = smus_iam_role.manage_access[0].arn
    } : {},
    { for name, role in smus_iam_role.project : "project-${name}" => role.arn },
  )
}
