resource "awscc_iam_role" "scratch" {
  role_name                   = "scratch"
  assume_role_policy_document = file("${path.module}/trust.json")
}
