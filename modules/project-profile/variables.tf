variable "domain_id" {
  description = "Id of the domain (dzd_...) that owns the profile."
  type        = string

  validation {
    condition     = can(regex("^dzd[-_][a-zA-Z0-9_-]{1,36}$", var.domain_id))
    error_message = "domain_id must be a domain id such as \"dzd_4p9n6sw4qt9xgn\"."
  }
}

variable "name" {
  description = "Profile name shown to project creators: letters, digits, underscores, spaces and hyphens, at most 64 characters."
  type        = string

  validation {
    condition     = can(regex("^[\\w -]{1,64}$", var.name))
    error_message = "name must be 1 to 64 characters from letters, digits, underscore, space and hyphen, for example \"SQL analytics\"."
  }
}

variable "description" {
  description = "Profile description. Null for none."
  type        = string
  default     = null

  validation {
    condition     = try(length(var.description), 0) <= 2048
    error_message = "description must be at most 2048 characters."
  }
}

variable "enabled" {
  description = "Whether project creators may use the profile (status ENABLED) or not (DISABLED)."
  type        = bool
  default     = true
}

variable "domain_unit_id" {
  description = "Domain unit that owns the profile. Null uses the domain's root unit."
  type        = string
  default     = null

  validation {
    condition     = var.domain_unit_id == null || can(regex("^[a-z0-9_-]+$", var.domain_unit_id))
    error_message = "domain_unit_id must be a domain unit id of lowercase letters, digits, underscores and hyphens."
  }
}

variable "environment_configurations" {
  description = <<-EOT
    Environments of projects created from this profile, keyed by configuration name
    (projects refer to it in user_parameters). Each entry: blueprint_id (from the
    blueprint module), aws_region, optional aws_account_id, description,
    deployment_mode (ON_CREATE or ON_DEMAND), deployment_order (0 to 16, lower first;
    the Tooling environment must come first) and parameter_overrides
    (name => { value, is_editable }).
  EOT
  type = map(object({
    blueprint_id     = string
    aws_region       = string
    aws_account_id   = optional(string)
    description      = optional(string)
    deployment_mode  = optional(string)
    deployment_order = optional(number)
    parameter_overrides = optional(map(object({
      value       = string
      is_editable = optional(bool, false)
    })))
  }))

  validation {
    condition     = length(var.environment_configurations) > 0
    error_message = "environment_configurations must contain at least one configuration, usually a Tooling environment with deployment_order 0."
  }

  validation {
    condition     = alltrue([for name in keys(var.environment_configurations) : can(regex("^[\\w -]{1,64}$", name))])
    error_message = "Each environment_configurations key must be 1 to 64 characters from letters, digits, underscore, space and hyphen, for example \"Lakehouse Database\"."
  }

  validation {
    condition     = alltrue([for c in values(var.environment_configurations) : can(regex("^[a-zA-Z0-9_-]{1,36}$", c.blueprint_id))])
    error_message = "Each blueprint_id must be a blueprint id (1 to 36 letters, digits, underscores or hyphens); pass the blueprint module's blueprint_id output, not the blueprint name."
  }

  validation {
    condition     = alltrue([for c in values(var.environment_configurations) : can(regex("^[a-z]{2}-?(iso|gov)?-{1}[a-z]*-{1}[0-9]$", c.aws_region))])
    error_message = "Each aws_region must be an AWS region name such as \"us-east-1\"."
  }

  validation {
    condition     = alltrue([for c in values(var.environment_configurations) : c.aws_account_id == null || can(regex("^\\d{12}$", c.aws_account_id))])
    error_message = "Each aws_account_id must be exactly 12 digits, or omitted."
  }

  validation {
    condition     = alltrue([for c in values(var.environment_configurations) : c.deployment_mode == null || contains(["ON_CREATE", "ON_DEMAND"], coalesce(c.deployment_mode, "-"))])
    error_message = "Each deployment_mode must be \"ON_CREATE\", \"ON_DEMAND\" or omitted."
  }

  validation {
    condition     = alltrue([for c in values(var.environment_configurations) : c.deployment_order == null || (coalesce(c.deployment_order, 0) >= 0 && coalesce(c.deployment_order, 0) <= 16)])
    error_message = "Each deployment_order must be a whole number from 0 to 16, or omitted."
  }

  validation {
    condition = alltrue(flatten([
      for c in values(var.environment_configurations) : [
        for name in keys(coalesce(c.parameter_overrides, {})) : can(regex("^[a-zA-Z_][a-zA-Z0-9_]*$", name))
      ]
    ]))
    error_message = "Each parameter_overrides key must be a blueprint parameter name such as \"glueDbName\" (a letter or underscore, then letters, digits or underscores)."
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
