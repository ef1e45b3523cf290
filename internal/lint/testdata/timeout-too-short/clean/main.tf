resource "smus_domain" "default" {
  name                  = "analytics"
  domain_execution_role = var.domain_execution_role_arn
}

resource "smus_domain" "long" {
  name                  = "analytics-long"
  domain_execution_role = var.domain_execution_role_arn

  timeouts {
    create = "1h"
  }
}

resource "aws_datazone_domain" "main" {
  name                  = "analytics-aws"
  domain_execution_role = var.domain_execution_role_arn

  timeouts {
    create = "30m"
  }
}

resource "aws_datazone_project" "main" {
  domain_identifier = aws_datazone_domain.main.id
  name              = "sales"

  timeouts {
    create = "20m"
  }
}
