resource "smus_domain" "main" {
  name                  = "analytics"
  domain_execution_role = var.domain_execution_role_arn
  service_role          = var.service_role_arn

  lifecycle {
    ignore_changes = [service_role]
  }
}

resource "smus_blueprint" "datalake" {
  domain_id       = smus_domain.main.id
  blueprint_name  = "DataLake"
  enabled_regions = ["eu-west-1"]

  lifecycle {
    ignore_changes = [global_parameters, lake_formation_configuration, environment_role_permission_boundary]
  }
}

resource "smus_project" "sales" {
  domain_id          = smus_domain.main.id
  name               = "sales"
  project_profile_id = var.profile_id

  lifecycle {
    ignore_changes = [project_profile_id, user_parameters, project_execution_role]
  }
}

resource "awscc_datazone_project" "finance" {
  domain_identifier = smus_domain.main.id
  name              = "finance"

  lifecycle {
    ignore_changes = [domain_identifier, user_parameters]
  }
}

resource "aws_s3_bucket" "data" {
  bucket = "analytics-data"

  lifecycle {
    ignore_changes = [tags]
  }
}
