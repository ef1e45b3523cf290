resource "aws_datazone_project" "sales" {
  domain_identifier = var.domain_id
  name              = "sales"
}

module "marketing" {
  source                 = "aws-ia/sagemaker-unified-studio/aws//modules/project"
  version                = "1.2.0"
  project_execution_role = var.marketing_role_arn
}
