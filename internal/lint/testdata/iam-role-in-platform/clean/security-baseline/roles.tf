resource "aws_iam_role" "domain_execution" {
  name               = "AmazonSageMakerDomainExecution"
  assume_role_policy = file("${path.module}/trust.json")
}
