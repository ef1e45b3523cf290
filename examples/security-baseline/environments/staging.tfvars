environment = "staging"
region      = "us-east-1"

project_role_names = ["fraud-detection", "credit-risk", "marketing-analytics", "sandbox"]

tags = {
  CostCenter = "platform-security"
}
