environment  = "dev"
region       = "us-east-1"
domain_name  = "Acme Data Platform dev"
create_roles = true

data_bucket = "acme-smus-dev-111111111111-us-east-1"
vpc_id      = "vpc-0d1e2a3b4c5d6e7f8"
subnet_ids  = ["subnet-0a11b22c33d44e55f", "subnet-0b66c77d88e99f00a"]

sandbox_enabled = true

project_members = {
  fraud-detection = {
    owners       = ["arn:aws:iam::111111111111:role/fraud-team-lead"]
    contributors = ["arn:aws:iam::111111111111:role/fraud-data-scientist"]
  }
  credit-risk = {
    owners       = ["arn:aws:iam::111111111111:role/risk-reporting-lead"]
    contributors = ["arn:aws:iam::111111111111:role/risk-analyst"]
  }
  marketing-analytics = {
    owners       = ["arn:aws:iam::111111111111:role/marketing-analytics-lead"]
    contributors = ["arn:aws:iam::111111111111:role/marketing-analyst"]
  }
  sandbox = {
    owners = ["arn:aws:iam::111111111111:role/platform-engineer"]
    contributors = [
      "arn:aws:iam::111111111111:role/fraud-data-scientist",
      "arn:aws:iam::111111111111:role/risk-analyst",
    ]
  }
}

tags = {
  CostCenter = "data-platform"
}
