output "domain_id" {
  description = "Id of the domain."
  value       = module.domain.id
}

output "portal_url" {
  description = "SageMaker Unified Studio portal URL."
  value       = module.domain.portal_url
}

output "project_ids" {
  description = "Project id by project key."
  value       = { for key, project in module.project : key => project.project_id }
}

output "project_profile_ids" {
  description = "Project profile id by profile name."
  value = {
    "SQL analytics"      = module.profile_sql_analytics.profile_id
    "ML experimentation" = module.profile_ml_experimentation.profile_id
  }
}

output "blueprint_ids" {
  description = "Blueprint id by managed blueprint name."
  value       = { for name, blueprint in module.blueprint : name => blueprint.blueprint_id }
}

output "role_source" {
  description = "Where the IAM roles come from: \"created\" by this stack, or \"ssm:<path>\" for roles the security baseline published."
  value       = var.create_roles ? "created" : "ssm:${local.role_parameter_path}"
}
