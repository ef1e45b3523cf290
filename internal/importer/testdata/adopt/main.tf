terraform {
  required_providers {
    smus = { source = "smus-dev/smus" }
  }
}

resource "smus_domain" "main" {
  name                  = "Analytics Platform"
  domain_execution_role = smus_iam_role.exec.arn
}

resource "smus_iam_role" "exec" {
  name               = "SmusDomainExecution"
  assume_role_policy = "{}"
}

# Declared with a reference to the adopted domain: adopted.
resource "smus_project" "fraud" {
  domain_id          = smus_domain.main.id
  name               = "Fraud detection"
  project_profile_id = "unknown"
}

# Same name in another domain: not adopted.
resource "smus_project" "marketing" {
  domain_id          = "dzd_otherdomain"
  name               = "Marketing analytics"
  project_profile_id = "unknown"
}

# Another project that takes the name the console project would get.
resource "smus_project" "console_sandbox" {
  domain_id          = "dzd_2o95d79q552gxj"
  name               = "Planned project"
  project_profile_id = "unknown"
}
