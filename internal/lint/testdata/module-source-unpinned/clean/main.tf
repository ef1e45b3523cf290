module "domain" {
  source = "git::https://github.com/aws-ia/terraform-aws-sagemaker-unified-studio.git?ref=v1.2.0"
}

module "project" {
  source = "git@github.com:example/platform-modules.git//project?ref=9f1c2e7d4b3a5f6e8d7c9b0a1f2e3d4c5b6a7f8e"
}

module "registry" {
  source  = "aws-ia/sagemaker-unified-studio/aws"
  version = "1.2.0"
}

module "local" {
  source = "./modules/grants"
}
