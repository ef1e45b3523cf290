terraform {
  backend "s3" {
    bucket       = "platform-state"
    key          = "smus.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    kms_key_id   = "alias/terraform-state"
    use_lockfile = true
  }
}
