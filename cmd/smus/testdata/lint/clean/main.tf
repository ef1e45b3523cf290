variable "domain_id" {
  type = string
}
