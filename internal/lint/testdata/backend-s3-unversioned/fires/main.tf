terraform {
  backend "s3" {
    bucket       = "platform-state"
    key          = "smus.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
