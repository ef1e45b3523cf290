variable "domain_id" {
  description = "Id of the domain (dzd_...) in which to enable the blueprint. The domain must be AVAILABLE; pass the domain module's id output so that the blueprint waits for it."
  type        = string

  validation {
    condition     = can(regex("^dzd[-_][a-zA-Z0-9_-]{1,36}$", var.domain_id))
    error_message = "domain_id must be a domain id such as \"dzd_4p9n6sw4qt9xgn\"."
  }
}

variable "blueprint_name" {
  description = "Name of the managed blueprint to enable, such as \"Tooling\", \"DataLake\", \"LakehouseCatalog\" or \"MLExperiments\". The provider resolves it to the domain's blueprint id."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9_-]{1,36}$", var.blueprint_name))
    error_message = "blueprint_name must be a managed blueprint name of 1 to 36 letters, digits, underscores or hyphens, such as \"Tooling\"."
  }
}

variable "enabled_regions" {
  description = "Regions in which projects may deploy environments of this blueprint, such as [\"us-east-1\"]."
  type        = set(string)

  validation {
    condition     = length(var.enabled_regions) > 0
    error_message = "enabled_regions must list at least one region, such as [\"us-east-1\"]."
  }

  validation {
    condition     = alltrue([for r in var.enabled_regions : can(regex("^[a-z]{2}-?(iso|gov)?-{1}[a-z]*-{1}[0-9]$", r))])
    error_message = "Each enabled_regions entry must be an AWS region name such as \"us-east-1\"."
  }
}

variable "provisioning_role_arn" {
  description = "ARN of the role DataZone assumes to deploy this blueprint's environments."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[^:]*:iam::\\d{12}:role(/[a-zA-Z0-9+=,.@_-]+)*/[a-zA-Z0-9+=,.@_-]+$", var.provisioning_role_arn))
    error_message = "provisioning_role_arn must be an IAM role ARN such as \"arn:aws:iam::111122223333:role/service-role/AmazonSageMakerProvisioning-111122223333\"."
  }
}

variable "manage_access_role_arn" {
  description = "ARN of the role DataZone assumes to grant and revoke data access (Lake Formation, Glue, Redshift)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[^:]*:iam::\\d{12}:role(/[a-zA-Z0-9+=,.@_-]+)*/[a-zA-Z0-9+=,.@_-]+$", var.manage_access_role_arn))
    error_message = "manage_access_role_arn must be an IAM role ARN such as \"arn:aws:iam::111122223333:role/service-role/AmazonSageMakerManageAccess-us-east-1\"."
  }
}

variable "regional_parameters" {
  description = "Parameters per enabled region: region => parameter name => value. Keys the managed blueprints read include S3Location (\"s3://bucket\"), VpcId (\"vpc-...\") and Subnets (comma-separated subnet ids). Null for none."
  type        = map(map(string))
  default     = null

  validation {
    condition     = alltrue([for r in keys(coalesce(var.regional_parameters, {})) : can(regex("^[a-z]{2}-?(iso|gov)?-{1}[a-z]*-{1}[0-9]$", r))])
    error_message = "Each regional_parameters key must be an AWS region name such as \"us-east-1\"."
  }

  validation {
    condition     = alltrue([for p in values(coalesce(var.regional_parameters, {})) : try(p.S3Location, null) == null || can(regex("^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$", p.S3Location))])
    error_message = "S3Location must be an S3 URI such as \"s3://amazon-sagemaker-111122223333-us-east-1-data\"."
  }

  validation {
    condition     = alltrue([for p in values(coalesce(var.regional_parameters, {})) : try(p.VpcId, null) == null || can(regex("^vpc-[0-9a-f]{8,17}$", p.VpcId))])
    error_message = "VpcId must be a VPC id such as \"vpc-0a1b2c3d4e5f67890\"."
  }

  validation {
    condition     = alltrue([for p in values(coalesce(var.regional_parameters, {})) : try(p.Subnets, null) == null || can(regex("^subnet-[0-9a-f]{8,17}(,subnet-[0-9a-f]{8,17})*$", p.Subnets))])
    error_message = "Subnets must be comma-separated subnet ids without spaces, such as \"subnet-0a1b2c3d,subnet-4e5f6a7b\"."
  }
}

variable "global_parameters" {
  description = "Region-independent blueprint parameters. The API never returns them, so the provider keeps them from the configuration. Null for none."
  type        = map(string)
  default     = null
}

variable "environment_role_permission_boundary" {
  description = "Managed policy ARN set as permissions boundary on roles of this blueprint's environments. Null for none."
  type        = string
  default     = null

  validation {
    condition     = var.environment_role_permission_boundary == null || can(regex("^arn:aws[^:]*:iam::(aws|\\d{12}):policy/.+$", var.environment_role_permission_boundary))
    error_message = "environment_role_permission_boundary must be a managed policy ARN such as \"arn:aws:iam::aws:policy/SageMakerStudioProjectUserRolePermissionsBoundary\"."
  }
}

variable "lake_formation_configuration" {
  description = "For the DataLake blueprint: the role Lake Formation uses to register project S3 locations in hybrid access mode, and up to 20 S3 prefixes to leave unregistered. Null for none."
  type = object({
    location_registration_role                 = optional(string)
    location_registration_exclude_s3_locations = optional(set(string))
  })
  default = null

  validation {
    condition     = try(var.lake_formation_configuration.location_registration_role, null) == null || can(regex("^arn:aws[^:]*:iam::\\d{12}:role(/[a-zA-Z0-9+=,.@_-]+)*/[a-zA-Z0-9+=,.@_-]+$", var.lake_formation_configuration.location_registration_role))
    error_message = "lake_formation_configuration.location_registration_role must be an IAM role ARN."
  }

  validation {
    condition     = length(coalesce(try(var.lake_formation_configuration.location_registration_exclude_s3_locations, null), [])) <= 20
    error_message = "lake_formation_configuration.location_registration_exclude_s3_locations takes at most 20 S3 prefixes."
  }
}

variable "timeouts" {
  description = "Operation timeouts as durations such as \"15m\". Null fields keep the provider defaults (10m)."
  type = object({
    create = optional(string)
    update = optional(string)
    delete = optional(string)
  })
  default = {}

  validation {
    condition     = alltrue([for t in values(var.timeouts) : t == null || can(regex("^([0-9]+h)?([0-9]+m)?([0-9]+s)?$", t))])
    error_message = "Each timeout must be a duration such as \"15m\" or \"1h\"."
  }
}
