# smus:ignore fixed-sleep-and-cli the IAM role needs 10 seconds to propagate before domain creation
resource "time_sleep" "wait" {
  create_duration = "10s"
}
