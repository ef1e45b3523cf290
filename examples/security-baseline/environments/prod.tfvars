environment = "prod"
region      = "us-east-1"

# No sandbox project in production.
project_role_names = ["fraud-detection", "credit-risk", "marketing-analytics"]

tags = {
  CostCenter = "platform-security"
}
