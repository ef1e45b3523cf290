output "id" {
  description = "Domain id (dzd_...)."
  value       = smus_domain.this.id
}

output "arn" {
  description = "Domain ARN."
  value       = smus_domain.this.arn
}

output "portal_url" {
  description = "URL of the SageMaker Unified Studio portal of the domain."
  value       = smus_domain.this.portal_url
}

output "root_domain_unit_id" {
  description = "Id of the root domain unit, the default parent of project profiles and projects."
  value       = smus_domain.this.root_domain_unit_id
}

output "domain_execution_role_arn" {
  description = "ARN of the domain execution role in use, created or passed in."
  value       = local.domain_execution_role_arn
}

output "service_role_arn" {
  description = "ARN of the domain service role in use, created or passed in."
  value       = local.service_role_arn
}

output "status" {
  description = "Domain status; AVAILABLE once creation finished."
  value       = smus_domain.this.status
}
