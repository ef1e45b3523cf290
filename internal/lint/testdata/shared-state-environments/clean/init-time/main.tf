# The state path is given per environment at init time:
# tofu init -backend-config=path=state/prod.tfstate
terraform {
  backend "local" {}
}

variable "environment" {
  type = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "The environment must be dev, staging or prod."
  }
}
