terraform {
  required_version = ">= 1.6"

  required_providers {
    smus = {
      source = "smus-dev/smus"
    }
  }

  # One state per environment: `init -reconfigure -backend-config=environments/<env>.tfbackend`.
  # Real accounts keep each environment's state in its own encrypted, versioned
  # and locked backend (for example "s3" with use_lockfile), writable only by
  # that environment's pipeline; see examples/ci-pipeline.
  # smus:ignore backend-local the demo runs on the local cloud; examples/ci-pipeline swaps in S3
  backend "local" {}
}
