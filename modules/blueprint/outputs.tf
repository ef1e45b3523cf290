output "id" {
  description = "Resource id: \"<domain id>|<blueprint id>\"."
  value       = smus_blueprint.this.id
}

output "blueprint_id" {
  description = "The domain's id of the managed blueprint, for project profile environment configurations."
  value       = smus_blueprint.this.blueprint_id
}

output "blueprint_name" {
  description = "Managed blueprint name."
  value       = smus_blueprint.this.blueprint_name
}
