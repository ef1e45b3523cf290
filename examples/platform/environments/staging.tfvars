environment = "staging"
region      = "us-east-1"
domain_name = "Acme Data Platform staging"
# Roles come from the security baseline through SSM parameters /smus/staging/roles/*.
create_roles = false

data_bucket = "acme-smus-staging-222222222222-us-east-1"
vpc_id      = "vpc-0e2f3a4b5c6d7e8f9"
subnet_ids  = ["subnet-0c12d23e34f45a56b", "subnet-0d67e78f89a90b01c"]

sandbox_enabled = true

project_members = {
  fraud-detection = {
    owners       = ["arn:aws:iam::222222222222:role/fraud-team-lead"]
    contributors = ["arn:aws:iam::222222222222:role/fraud-data-scientist"]
  }
  credit-risk = {
    owners       = ["arn:aws:iam::222222222222:role/risk-reporting-lead"]
    contributors = ["arn:aws:iam::222222222222:role/risk-analyst"]
  }
  marketing-analytics = {
    owners       = ["arn:aws:iam::222222222222:role/marketing-analytics-lead"]
    contributors = ["arn:aws:iam::222222222222:role/marketing-analyst"]
  }
  sandbox = {
    owners = ["arn:aws:iam::222222222222:role/platform-engineer"]
  }
}

tags = {
  CostCenter = "data-platform"
}
