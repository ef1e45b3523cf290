module "sales" {
  source  = "aws-ia/sagemaker-unified-studio/aws//modules/project"
  version = "1.2.0"
}
