terraform {
  backend "s3" {
    bucket       = "platform-state"
    key          = "smus/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}

variable "environment" {
  type = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "The environment must be dev, staging or prod."
  }
}

locals {
  domain_names = {
    dev  = "analytics-dev"
    prod = "analytics"
  }
  domain_name = lookup(local.domain_names, terraform.workspace)
}
