variable "account_id" {
  description = "AWS account id (12 digits) that hosts the domain. Trust policies allow DataZone to assume the roles only for requests from this account (aws:SourceAccount)."
  type        = string

  validation {
    condition     = can(regex("^\\d{12}$", var.account_id))
    error_message = "account_id must be exactly 12 digits, for example \"111122223333\"."
  }
}

variable "region" {
  description = "Region of the domain, for example \"us-east-1\". It names the manage-access role and scopes its trust to domains of this region. Required when create_blueprint_roles is true."
  type        = string
  default     = null

  validation {
    condition     = var.region == null || can(regex("^[a-z]{2}-?(iso|gov)?-{1}[a-z]*-{1}[0-9]$", var.region))
    error_message = "region must be an AWS region name such as \"us-east-1\" or \"eu-central-1\"."
  }
}

variable "partition" {
  description = "AWS partition of the account: \"aws\", \"aws-cn\" or \"aws-us-gov\"."
  type        = string
  default     = "aws"

  validation {
    condition     = contains(["aws", "aws-cn", "aws-us-gov"], var.partition)
    error_message = "partition must be one of \"aws\", \"aws-cn\" or \"aws-us-gov\"."
  }
}

variable "create_domain_roles" {
  description = "Whether to create the domain execution role and the domain service role."
  type        = bool
  default     = true
}

variable "create_blueprint_roles" {
  description = "Whether to create the provisioning role and the manage-access role that blueprint configurations use."
  type        = bool
  default     = true
}

variable "project_role_names" {
  description = "Short names of projects that get an execution role each, for example [\"fraud-detection\"]. Each role is named SMUSProject-<name><name_suffix>."
  type        = set(string)
  default     = []

  validation {
    condition     = alltrue([for n in var.project_role_names : can(regex("^[a-zA-Z0-9-]{1,40}$", n))])
    error_message = "Each project_role_names entry must be 1 to 40 letters, digits or hyphens, such as \"credit-risk\"."
  }
}

variable "name_suffix" {
  description = "Text appended to every role name, so that several domains can share one account, for example \"-analytics\". Empty for the default names."
  type        = string
  default     = ""

  validation {
    condition     = can(regex("^[\\w+=,.@-]{0,16}$", var.name_suffix))
    error_message = "name_suffix must be at most 16 characters from letters, digits and +=,.@_- so that role names stay within 64 characters."
  }
}

variable "path" {
  description = "IAM path of every role. The SageMaker Unified Studio defaults live under /service-role/."
  type        = string
  default     = "/service-role/"

  validation {
    condition     = can(regex("^(/|/[\\x21-\\x7E]+/)$", var.path))
    error_message = "path must be \"/\" or start and end with \"/\", for example \"/service-role/\"."
  }
}

variable "project_permissions_boundary_arn" {
  description = "Managed policy ARN set as permissions boundary on project execution roles. Null uses SageMakerStudioProjectUserRolePermissionsBoundary."
  type        = string
  default     = null

  validation {
    condition     = var.project_permissions_boundary_arn == null || can(regex("^arn:aws[^:]*:iam::(aws|\\d{12}):policy/.+$", var.project_permissions_boundary_arn))
    error_message = "project_permissions_boundary_arn must be a managed policy ARN such as \"arn:aws:iam::111122223333:policy/ProjectBoundary\"."
  }
}

variable "tags" {
  description = "Tags for every role."
  type        = map(string)
  default     = {}
}
