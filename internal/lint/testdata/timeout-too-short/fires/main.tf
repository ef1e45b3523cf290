resource "smus_domain" "short" {
  name                  = "analytics"
  domain_execution_role = var.domain_execution_role_arn

  timeouts {
    create = "15m"
  }
}

resource "awscc_datazone_domain" "seconds" {
  name                  = "analytics-cc"
  domain_execution_role = var.domain_execution_role_arn

  timeouts {
    create = "600s"
  }
}

resource "aws_datazone_domain" "default" {
  name                  = "analytics-aws"
  domain_execution_role = var.domain_execution_role_arn
}

resource "aws_datazone_project" "default" {
  domain_identifier = aws_datazone_domain.default.id
  name              = "sales"
}

resource "smus_domain" "invalid" {
  name                  = "analytics-invalid"
  domain_execution_role = var.domain_execution_role_arn

  timeouts {
    create = "20 minutes"
  }
}
