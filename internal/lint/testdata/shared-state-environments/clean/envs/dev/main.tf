terraform {
  backend "s3" {
    bucket       = "platform-state-dev"
    key          = "smus/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}

variable "environment" {
  type    = string
  default = "dev"
}
