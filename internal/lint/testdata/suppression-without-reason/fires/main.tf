# smus:ignore fixed-sleep-and-cli
resource "time_sleep" "wait" {
  create_duration = "30s"
}
