variable "environment" {
  description = "Environment this state describes: dev, staging or prod."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.environment))
    error_message = "environment must be 2 to 16 lowercase letters, digits or hyphens, starting with a letter, such as \"staging\"."
  }
}

variable "region" {
  description = "Region of the domain and of every project environment, for example \"us-east-1\"."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}-?(iso|gov)?-{1}[a-z]*-{1}[0-9]$", var.region))
    error_message = "region must be an AWS region name such as \"us-east-1\"."
  }
}

variable "smus_endpoint" {
  description = "Endpoint URL for Cloud Control, STS and DataZone, such as \"http://127.0.0.1:4566\" for `smus local`. Null uses AWS."
  type        = string
  default     = null

  validation {
    condition     = var.smus_endpoint == null || can(regex("^https?://", var.smus_endpoint))
    error_message = "smus_endpoint must be an http:// or https:// URL, or null for AWS."
  }
}

variable "create_roles" {
  description = "true: this stack creates every IAM role (for dev). false: it reads role ARNs from the SSM parameters <role_parameter_path>/<role name> that the security baseline published."
  type        = bool
}

variable "role_parameter_path" {
  description = "SSM path under which the security baseline published role ARNs. Null uses /smus/<environment>/roles."
  type        = string
  default     = null

  validation {
    condition     = var.role_parameter_path == null || can(regex("^/[a-zA-Z0-9_.\\-/]*[^/]$", var.role_parameter_path))
    error_message = "role_parameter_path must start with \"/\" and not end with \"/\", for example \"/smus/prod/roles\"."
  }
}

variable "domain_name" {
  description = "Domain name: letters, digits, underscores, spaces and hyphens, at most 64 characters."
  type        = string

  validation {
    condition     = can(regex("^[\\w -]{1,64}$", var.domain_name))
    error_message = "domain_name must be 1 to 64 characters from letters, digits, underscore, space and hyphen."
  }
}

variable "data_bucket" {
  description = "S3 bucket (name only) that holds project data and artefacts; blueprints get s3://<data_bucket>/projects."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.data_bucket))
    error_message = "data_bucket must be an S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens."
  }
}

variable "vpc_id" {
  description = "VPC in which project environments run, such as \"vpc-0a1b2c3d4e5f67890\"."
  type        = string

  validation {
    condition     = can(regex("^vpc-[0-9a-f]{8,17}$", var.vpc_id))
    error_message = "vpc_id must be a VPC id such as \"vpc-0a1b2c3d4e5f67890\"."
  }
}

variable "subnet_ids" {
  description = "Private subnets of vpc_id for project environments, at least two in different availability zones."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2 && alltrue([for s in var.subnet_ids : can(regex("^subnet-[0-9a-f]{8,17}$", s))])
    error_message = "subnet_ids must list at least two subnet ids such as \"subnet-0a1b2c3d4e5f67890\"."
  }
}

variable "sandbox_enabled" {
  description = "Whether the sandbox project exists in this environment."
  type        = bool
}

variable "additional_projects" {
  description = "Projects beyond the four standard ones, keyed by a project key of lowercase letters, digits and hyphens. Each names its profile (\"ml\" or \"sql_analytics\") and its members. Empty by default; the load benchmark adds 50."
  type = map(object({
    name         = string
    description  = string
    profile      = string
    owners       = set(string)
    contributors = optional(set(string), [])
  }))
  default = {}

  validation {
    condition = alltrue([
      for key, p in var.additional_projects :
      can(regex("^[a-z0-9][a-z0-9-]{0,40}$", key)) &&
      !contains(["fraud-detection", "credit-risk", "marketing-analytics", "sandbox"], key) &&
      contains(["ml", "sql_analytics"], p.profile) && length(p.owners) > 0
    ])
    error_message = "additional_projects: each key must be lowercase letters, digits and hyphens and differ from the standard project keys, each profile \"ml\" or \"sql_analytics\", and each project needs at least one owner."
  }
}

variable "project_members" {
  description = "Owners and contributors of each project, keyed by project key (fraud-detection, credit-risk, marketing-analytics, sandbox). Every project needs at least one owner."
  type = map(object({
    owners       = set(string)
    contributors = optional(set(string), [])
  }))

  validation {
    condition     = alltrue([for k in keys(var.project_members) : contains(["fraud-detection", "credit-risk", "marketing-analytics", "sandbox"], k)])
    error_message = "project_members keys must be project keys: fraud-detection, credit-risk, marketing-analytics or sandbox."
  }
}

variable "tags" {
  description = "Tags for the domain and for roles this stack creates."
  type        = map(string)
  default     = {}
}
