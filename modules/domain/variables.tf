variable "name" {
  description = "Domain name: letters, digits, underscores, spaces and hyphens, at most 64 characters."
  type        = string

  validation {
    condition     = can(regex("^[\\w -]{1,64}$", var.name))
    error_message = "name must be 1 to 64 characters from letters, digits, underscore, space and hyphen, for example \"Acme Data Platform\"."
  }
}

variable "description" {
  description = "Domain description shown in the portal. Null for none."
  type        = string
  default     = null
}

variable "create_roles" {
  description = "true: create the domain execution and domain service roles here. false: pass existing roles in domain_execution_role_arn and service_role_arn (for roles a security team owns)."
  type        = bool
}

variable "domain_execution_role_arn" {
  description = "ARN of an existing domain execution role. Required when create_roles is false, and must be null when it is true."
  type        = string
  default     = null

  validation {
    condition     = var.domain_execution_role_arn == null || can(regex("^arn:aws[^:]*:iam::\\d{12}:role(/[a-zA-Z0-9+=,.@_-]+)*/[a-zA-Z0-9+=,.@_-]+$", var.domain_execution_role_arn))
    error_message = "domain_execution_role_arn must be an IAM role ARN such as \"arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainExecution\"."
  }
}

variable "service_role_arn" {
  description = "ARN of an existing domain service role. Required when create_roles is false, and must be null when it is true."
  type        = string
  default     = null

  validation {
    condition     = var.service_role_arn == null || can(regex("^arn:aws[^:]*:iam::\\d{12}:role(/[a-zA-Z0-9+=,.@_-]+)*/[a-zA-Z0-9+=,.@_-]+$", var.service_role_arn))
    error_message = "service_role_arn must be an IAM role ARN such as \"arn:aws:iam::111122223333:role/service-role/AmazonSageMakerDomainService\"."
  }
}

variable "role_name_suffix" {
  description = "Text appended to the names of roles this module creates, so that several domains can share an account. Used only when create_roles is true."
  type        = string
  default     = ""
}

variable "kms_key_identifier" {
  description = "ARN of a customer managed KMS key that encrypts domain metadata. Null uses an AWS owned key. Changing it replaces the domain."
  type        = string
  default     = null

  validation {
    condition     = var.kms_key_identifier == null || can(regex("^arn:aws(|-cn|-us-gov):kms:[a-zA-Z0-9-]*:[0-9]{12}:key/[a-zA-Z0-9-]{36}$", var.kms_key_identifier))
    error_message = "kms_key_identifier must be a KMS key ARN such as \"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\"."
  }
}

variable "single_sign_on" {
  description = "Sign-in settings: type IAM_IDC (IAM Identity Center) or DISABLED (IAM users and roles), user_assignment AUTOMATIC or MANUAL, and the Identity Center instance ARN. Null leaves the domain IAM-based."
  type = object({
    type             = string
    user_assignment  = optional(string)
    idc_instance_arn = optional(string)
  })
  default = null

  validation {
    condition     = var.single_sign_on == null || contains(["IAM_IDC", "DISABLED"], try(var.single_sign_on.type, ""))
    error_message = "single_sign_on.type must be \"IAM_IDC\" or \"DISABLED\"."
  }

  validation {
    condition     = try(var.single_sign_on.user_assignment, null) == null || try(contains(["AUTOMATIC", "MANUAL"], var.single_sign_on.user_assignment), false)
    error_message = "single_sign_on.user_assignment must be \"AUTOMATIC\", \"MANUAL\" or omitted."
  }
}

variable "tags" {
  description = "Tags for the domain and for the roles this module creates."
  type        = map(string)
  default     = {}
}

variable "timeouts" {
  description = "Operation timeouts as durations such as \"30m\". Null fields keep the provider defaults (create 20m, update and delete 10m); domains take 5 to 15 minutes to create."
  type = object({
    create = optional(string)
    update = optional(string)
    delete = optional(string)
  })
  default = {}

  validation {
    condition     = alltrue([for t in values(var.timeouts) : t == null || can(regex("^([0-9]+h)?([0-9]+m)?([0-9]+s)?$", t))])
    error_message = "Each timeout must be a duration such as \"45m\" or \"1h30m\"."
  }
}
