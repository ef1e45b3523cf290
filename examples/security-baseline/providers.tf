provider "smus" {
  region = var.region

  # Without smus_endpoint the provider talks to AWS. The local cloud serves
  # all three APIs on one URL.
  dynamic "endpoints" {
    for_each = var.smus_endpoint == null ? [] : [var.smus_endpoint]

    content {
      cloudcontrol = endpoints.value
      sts          = endpoints.value
      datazone     = endpoints.value
    }
  }
}
