# Settings of `smus lint` for this repository's modules and examples.

# The state buckets of examples/ci-pipeline, which that example's README
# requires to have versioning on.
versioned_buckets = ["acme-tfstate-111111111111", "acme-tfstate-222222222222", "acme-tfstate-333333333333"]
