locals {
  # Regional parameters the managed blueprints read: where project data goes and
  # which network the project environments use.
  workload_parameters = {
    S3Location = "s3://${var.data_bucket}/projects"
    VpcId      = var.vpc_id
    Subnets    = join(",", var.subnet_ids)
  }

  # Blueprint name => regional parameters for var.region (empty: none).
  blueprints = {
    Tooling          = local.workload_parameters
    DataLake         = local.workload_parameters
    LakehouseCatalog = {}
    MLExperiments    = local.workload_parameters
  }
}

module "blueprint" {
  source   = "../../modules/blueprint"
  for_each = local.blueprints

  domain_id              = module.domain.id
  blueprint_name         = each.key
  enabled_regions        = [var.region]
  provisioning_role_arn  = local.role_arns["provisioning"]
  manage_access_role_arn = local.role_arns["manage-access"]
  regional_parameters    = length(each.value) == 0 ? null : { (var.region) = each.value }
}
