resource "terraform_data" "notify" {
  provisioner "local-exec" {
    command = "echo domain ${var.domain_id} is ready"
  }
}

resource "terraform_data" "upload" {
  provisioner "local-exec" {
    command = "aws s3 cp report.json s3://analytics-reports/"
  }
}
