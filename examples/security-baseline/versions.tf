terraform {
  required_version = ">= 1.6"

  required_providers {
    smus = {
      source = "smus-dev/smus"
    }
  }

  # One state per environment: `init -reconfigure -backend-config=environments/<env>.tfbackend`.
  # Real accounts keep this state in an encrypted, versioned and locked backend
  # (for example "s3" with use_lockfile) that only the security pipeline can write.
  # smus:ignore backend-local the demo runs on the local cloud; examples/ci-pipeline swaps in S3
  backend "local" {}
}
