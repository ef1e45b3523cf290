provider "smus" {
  region = "eu-west-1"
}
