resource "time_sleep" "wait_for_domain" {
  create_duration = "300s"
}

resource "terraform_data" "enable_blueprint" {
  provisioner "local-exec" {
    command = "aws datazone put-environment-blueprint-configuration --domain-identifier ${var.domain_id}"
  }
}

resource "null_resource" "poll" {
  provisioner "local-exec" {
    command = <<-EOT
      aws --region eu-west-1 cloudcontrol get-resource-request-status --request-token ${var.token}
    EOT
  }
}
