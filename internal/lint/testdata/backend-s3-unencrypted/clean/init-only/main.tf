# Completed at init time with options that are not in the repository.
terraform {
  backend "s3" {}
}
