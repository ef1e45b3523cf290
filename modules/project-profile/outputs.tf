output "id" {
  description = "Resource id: \"<domain id>|<profile id>\"."
  value       = smus_project_profile.this.id
}

output "profile_id" {
  description = "Project profile id, for the project module's project_profile_id."
  value       = smus_project_profile.this.profile_id
}

output "domain_unit_id" {
  description = "Domain unit that owns the profile."
  value       = smus_project_profile.this.domain_unit_id
}
