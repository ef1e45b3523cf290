terraform {
  backend "s3" {
    bucket       = "platform-state"
    key          = "smus.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}

provider "smus" {
  region = "eu-west-1"
}

module "legacy" {
  source = "../modules/legacy"
}
