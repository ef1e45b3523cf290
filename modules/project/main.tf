resource "smus_project" "this" {
  domain_id              = var.domain_id
  name                   = var.name
  description            = var.description
  project_profile_id     = var.project_profile_id
  project_execution_role = var.project_execution_role
  user_parameters        = var.user_parameters
  glossary_terms         = var.glossary_terms
  domain_unit_id         = var.domain_unit_id

  lifecycle {
    precondition {
      condition     = length(setintersection(var.owners, var.contributors)) == 0
      error_message = "These users are both owners and contributors: ${join(", ", setintersection(var.owners, var.contributors))}. Keep each user in one list only."
    }

    precondition {
      condition     = length(var.lake_formation_grants) == 0 || var.project_execution_role != null
      error_message = "lake_formation_grants needs a principal: set project_execution_role to the project's role ARN, or remove the grants."
    }

    precondition {
      condition     = var.catalog_id != null || alltrue([for g in values(var.lake_formation_grants) : g.catalog_id != null])
      error_message = "Set catalog_id (the account id of the Glue Data Catalog), or a catalog_id in every entry of lake_formation_grants."
    }
  }
}

resource "smus_project_membership" "owner" {
  for_each = var.owners

  domain_id       = var.domain_id
  project_id      = smus_project.this.project_id
  user_identifier = each.key
  designation     = "PROJECT_OWNER"
}

resource "smus_project_membership" "contributor" {
  for_each = var.contributors

  domain_id       = var.domain_id
  project_id      = smus_project.this.project_id
  user_identifier = each.key
  designation     = "PROJECT_CONTRIBUTOR"
}

locals {
  grant_catalog_ids = { for db, g in var.lake_formation_grants : db => g.catalog_id != null ? g.catalog_id : var.catalog_id }
  table_grants      = { for db, g in var.lake_formation_grants : db => g if length(g.table_permissions) > 0 }
}

resource "smus_lake_formation_permissions" "database" {
  for_each = var.lake_formation_grants

  principal  = var.project_execution_role
  catalog_id = local.grant_catalog_ids[each.key]
  database = {
    catalog_id = local.grant_catalog_ids[each.key]
    name       = each.key
  }
  permissions                   = each.value.database_permissions
  permissions_with_grant_option = each.value.database_permissions_with_grant_option

  # Grants wait for the project, so a project that fails to create leaves its
  # role without data access.
  depends_on = [smus_project.this]
}

resource "smus_lake_formation_permissions" "tables" {
  for_each = local.table_grants

  principal  = var.project_execution_role
  catalog_id = local.grant_catalog_ids[each.key]
  table = {
    catalog_id     = local.grant_catalog_ids[each.key]
    database_name  = each.key
    table_wildcard = true
  }
  permissions                   = each.value.table_permissions
  permissions_with_grant_option = each.value.table_permissions_with_grant_option

  depends_on = [smus_project.this]
}
