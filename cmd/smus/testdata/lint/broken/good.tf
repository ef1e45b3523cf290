resource "time_sleep" "other" {
  create_duration = "30s"
}
