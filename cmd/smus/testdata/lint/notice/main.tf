resource "aws_iam_role" "optional" {
  count              = var.create_roles ? 1 : 0
  name               = "optional"
  assume_role_policy = "{}"
}
