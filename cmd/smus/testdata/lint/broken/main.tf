resource "time_sleep" "wait" {
  create_duration =
}
