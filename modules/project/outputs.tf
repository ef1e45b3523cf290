output "id" {
  description = "Resource id: \"<domain id>|<project id>\"."
  value       = smus_project.this.id
}

output "project_id" {
  description = "Project id."
  value       = smus_project.this.project_id
}

output "project_status" {
  description = "Project status reported by DataZone, such as ACTIVE."
  value       = smus_project.this.project_status
}

output "members" {
  description = "Designation of every member, by user identifier."
  value = merge(
    { for id in var.owners : id => "PROJECT_OWNER" },
    { for id in var.contributors : id => "PROJECT_CONTRIBUTOR" },
  )
}

output "lake_formation_grant_ids" {
  description = "Ids of the Lake Formation grants, by Glue database name (database grant, then table grant)."
  value = {
    for db in keys(var.lake_formation_grants) : db => compact([
      smus_lake_formation_permissions.database[db].id,
      try(smus_lake_formation_permissions.tables[db].id, null),
    ])
  }
}
