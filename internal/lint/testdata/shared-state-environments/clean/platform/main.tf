terraform {
  backend "s3" {}
}

variable "environment" {
  type = string
}
