variable "domain_id" {
  description = "Id of the domain (dzd_...) that owns the project."
  type        = string

  validation {
    condition     = can(regex("^dzd[-_][a-zA-Z0-9_-]{1,36}$", var.domain_id))
    error_message = "domain_id must be a domain id such as \"dzd_4p9n6sw4qt9xgn\"."
  }
}

variable "name" {
  description = "Project name: letters, digits, underscores, spaces and hyphens, at most 64 characters. Changing it is rejected at plan time, because Cloud Control cannot update projects."
  type        = string

  validation {
    condition     = can(regex("^[\\w -]{1,64}$", var.name))
    error_message = "name must be 1 to 64 characters from letters, digits, underscore, space and hyphen, for example \"Fraud detection\"."
  }
}

variable "description" {
  description = "Project description. Null for none."
  type        = string
  default     = null

  validation {
    condition     = try(length(var.description), 0) <= 2048
    error_message = "description must be at most 2048 characters."
  }
}

variable "project_profile_id" {
  description = "Id of the project profile to create the project from (the project-profile module's profile_id output). Changing it replaces the project."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9_-]{1,36}$", var.project_profile_id))
    error_message = "project_profile_id must be a profile id (1 to 36 letters, digits, underscores or hyphens); pass the project-profile module's profile_id output."
  }
}

variable "project_execution_role" {
  description = "ARN of the IAM role the project runs as, and the Lake Formation principal of lake_formation_grants. Null lets DataZone choose; then lake_formation_grants must be empty. Changing it replaces the project."
  type        = string
  default     = null

  validation {
    condition     = var.project_execution_role == null || can(regex("^arn:aws[^:]*:iam::\\d{12}:role/[\\w+=,.@/-]+$", var.project_execution_role))
    error_message = "project_execution_role must be an IAM role ARN such as \"arn:aws:iam::111122223333:role/service-role/SMUSProject-fraud-detection\"."
  }
}

variable "domain_unit_id" {
  description = "Domain unit of the project. Null uses the domain's root unit."
  type        = string
  default     = null

  validation {
    condition     = var.domain_unit_id == null || can(regex("^[a-z0-9_-]+$", var.domain_unit_id))
    error_message = "domain_unit_id must be a domain unit id of lowercase letters, digits, underscores and hyphens."
  }
}

variable "user_parameters" {
  description = "Values for the profile's editable parameters: environment configuration name => parameter name => value. Null for none."
  type        = map(map(string))
  default     = null

  validation {
    condition     = alltrue([for name in keys(coalesce(var.user_parameters, {})) : can(regex("^[\\w -]{1,64}$", name))])
    error_message = "Each user_parameters key must be an environment configuration name of the profile, such as \"Lakehouse Database\"."
  }
}

variable "glossary_terms" {
  description = "Ids of business glossary terms attached to the project (at most 20). Null for none."
  type        = set(string)
  default     = null

  validation {
    condition     = length(coalesce(var.glossary_terms, [])) <= 20
    error_message = "glossary_terms takes at most 20 term ids."
  }
}

variable "owners" {
  description = "User identifiers (IAM Identity Center user ids or IAM principal ARNs) that become project owners. At least one."
  type        = set(string)

  validation {
    condition     = length(var.owners) > 0
    error_message = "owners must contain at least one user identifier, so that someone can administer the project."
  }

  validation {
    condition     = alltrue([for o in var.owners : length(trimspace(o)) > 0 && trimspace(o) == o])
    error_message = "Each owner must be a non-empty user identifier without leading or trailing spaces."
  }
}

variable "contributors" {
  description = "User identifiers that become project contributors. Must not repeat an owner."
  type        = set(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.contributors : length(trimspace(c)) > 0 && trimspace(c) == c])
    error_message = "Each contributor must be a non-empty user identifier without leading or trailing spaces."
  }
}

variable "catalog_id" {
  description = "Account id (12 digits) of the Glue Data Catalog that holds the databases in lake_formation_grants. Required when a grant sets no catalog_id of its own."
  type        = string
  default     = null

  validation {
    condition     = var.catalog_id == null || can(regex("^\\d{12}$", var.catalog_id))
    error_message = "catalog_id must be exactly 12 digits, for example \"111122223333\"."
  }
}

variable "lake_formation_grants" {
  description = <<-EOT
    Lake Formation permissions for project_execution_role, keyed by Glue database name.
    database_permissions apply to the database (for example DESCRIBE, CREATE_TABLE);
    table_permissions, when set, apply to all its tables (for example SELECT, DESCRIBE).
    The *_with_grant_option sets let the role pass the permission on.
  EOT
  type = map(object({
    catalog_id                             = optional(string)
    database_permissions                   = set(string)
    database_permissions_with_grant_option = optional(set(string), [])
    table_permissions                      = optional(set(string), [])
    table_permissions_with_grant_option    = optional(set(string), [])
  }))
  default = {}

  validation {
    condition     = alltrue([for db in keys(var.lake_formation_grants) : can(regex("^[a-z0-9_]{1,255}$", db))])
    error_message = "Each lake_formation_grants key must be a Glue database name of lowercase letters, digits and underscores."
  }

  validation {
    condition     = alltrue([for g in values(var.lake_formation_grants) : g.catalog_id == null || can(regex("^\\d{12}$", g.catalog_id))])
    error_message = "Each grant's catalog_id must be exactly 12 digits, or omitted to use catalog_id."
  }

  validation {
    condition = alltrue(flatten([
      for g in values(var.lake_formation_grants) : [
        for p in setunion(g.database_permissions, g.database_permissions_with_grant_option, g.table_permissions, g.table_permissions_with_grant_option) :
        contains(["ALL", "SELECT", "ALTER", "DROP", "DELETE", "INSERT", "DESCRIBE", "CREATE_TABLE"], p)
      ]
    ]))
    error_message = "Lake Formation permissions on databases and tables must be among ALL, SELECT, ALTER, DROP, DELETE, INSERT, DESCRIBE and CREATE_TABLE."
  }

  validation {
    condition     = alltrue([for g in values(var.lake_formation_grants) : length(g.database_permissions) > 0])
    error_message = "Each grant needs at least one database permission, usually DESCRIBE."
  }
}
