resource "smus_domain" "main" {
  name                  = "analytics"
  domain_execution_role = var.domain_execution_role_arn

  lifecycle {
    ignore_changes = [description, tags["owner"]]
  }
}

resource "smus_blueprint" "tooling" {
  domain_id       = smus_domain.main.id
  blueprint_name  = "Tooling"
  enabled_regions = ["eu-west-1"]

  lifecycle {
    ignore_changes = [enabled_regions]
  }
}

resource "awscc_datazone_project" "sales" {
  domain_identifier = smus_domain.main.id
  name              = "sales"

  lifecycle {
    ignore_changes = [name]
  }
}

resource "aws_datazone_domain" "other" {
  name                  = "other"
  domain_execution_role = var.domain_execution_role_arn

  lifecycle {
    ignore_changes = all
  }
}
