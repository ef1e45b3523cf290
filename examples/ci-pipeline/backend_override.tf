# Copied into examples/platform by plan.sh. Override files replace the local
# backend of the example with S3; environments/<env>.s3.tfbackend fills in
# bucket, key and encryption per environment.
terraform {
  backend "s3" {}
}
