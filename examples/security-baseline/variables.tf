variable "environment" {
  description = "Environment whose roles this stack owns: dev, staging or prod. It is part of every SSM parameter name."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.environment))
    error_message = "environment must be 2 to 16 lowercase letters, digits or hyphens, starting with a letter, such as \"staging\"."
  }
}

variable "region" {
  description = "Region of the SageMaker Unified Studio domain, for example \"us-east-1\"."
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

variable "project_role_names" {
  description = "Short names of the projects that get an execution role, such as [\"fraud-detection\"]. They must match the platform's project keys."
  type        = set(string)
}

variable "tags" {
  description = "Tags for every role."
  type        = map(string)
  default     = {}
}
