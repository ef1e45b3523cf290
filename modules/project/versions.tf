terraform {
  required_version = ">= 1.6"

  required_providers {
    smus = {
      source = "smus-dev/smus"
    }
  }
}
