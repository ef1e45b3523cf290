resource "time_sleep" "wait_for_roles" {
  create_duration = "30s"
}

module "domain" {
  source = "git::https://github.com/example/platform-modules.git"
}
