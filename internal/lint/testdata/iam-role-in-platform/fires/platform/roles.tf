resource "smus_iam_role" "domain_execution" {
  name               = "AmazonSageMakerDomainExecution"
  assume_role_policy = file("${path.module}/trust.json")
}

resource "aws_iam_role" "optional" {
  count              = var.create_roles ? 1 : 0
  name               = "AmazonSageMakerDomainService"
  assume_role_policy = file("${path.module}/trust.json")
}
