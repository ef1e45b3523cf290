terraform {
  backend "s3" {
    bucket       = "platform-state-prod"
    key          = "smus/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}

locals {
  name = "analytics-${terraform.workspace}"
}
