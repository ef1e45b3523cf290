variable "name" {
  type    = string
  default = "analytics"
}
