module "domain" {
  source = "git::https://github.com/aws-ia/terraform-aws-sagemaker-unified-studio.git"
}

module "project" {
  source = "github.com/example/platform-modules//project?ref=main"
}

module "registry_range" {
  source  = "aws-ia/sagemaker-unified-studio/aws"
  version = "~> 1.0"
}

module "registry_none" {
  source = "aws-ia/sagemaker-unified-studio/aws"
}
