environment = "prod"
region      = "us-east-1"
domain_name = "Acme Data Platform"
# Roles come from the security baseline through SSM parameters /smus/prod/roles/*.
create_roles = false

data_bucket = "acme-smus-prod-333333333333-us-east-1"
vpc_id      = "vpc-0f3a4b5c6d7e8f9a0"
subnet_ids  = ["subnet-0e23f34a45b56c67d", "subnet-0f78a89b90c01d12e", "subnet-0a34b45c56d67e78f"]

# No sandbox in production.
sandbox_enabled = false

# Production projects have no individual contributors: changes arrive through
# pipelines whose roles are the owners.
project_members = {
  fraud-detection = {
    owners = [
      "arn:aws:iam::333333333333:role/fraud-team-lead",
      "arn:aws:iam::333333333333:role/fraud-deploy-pipeline",
    ]
  }
  credit-risk = {
    owners = [
      "arn:aws:iam::333333333333:role/risk-reporting-lead",
      "arn:aws:iam::333333333333:role/risk-deploy-pipeline",
    ]
  }
  marketing-analytics = {
    owners       = ["arn:aws:iam::333333333333:role/marketing-analytics-lead"]
    contributors = ["arn:aws:iam::333333333333:role/marketing-analyst"]
  }
}

tags = {
  CostCenter = "data-platform"
}
