locals {
  # Every project starts with its Tooling environment (IAM role, S3 prefix,
  # security group), so it is deployed first.
  tooling = {
    blueprint_id     = module.blueprint["Tooling"].blueprint_id
    aws_region       = var.region
    aws_account_id   = local.account_id
    description      = "Project workspace: role, storage and network."
    deployment_mode  = "ON_CREATE"
    deployment_order = 0
    parameter_overrides = {
      enableSpaces         = { value = "true" }
      idleTimeoutInMinutes = { value = "60" }
    }
  }

  lakehouse_database = {
    blueprint_id     = module.blueprint["DataLake"].blueprint_id
    aws_region       = var.region
    aws_account_id   = local.account_id
    description      = "The project's own Glue database."
    deployment_mode  = "ON_CREATE"
    deployment_order = 1
    parameter_overrides = {
      glueDbName = { value = "project_db", is_editable = true }
    }
  }
}

module "profile_sql_analytics" {
  source = "../../modules/project-profile"

  domain_id   = module.domain.id
  name        = "SQL analytics"
  description = "Query and report on governed lakehouse data."

  environment_configurations = {
    "Tooling"            = local.tooling
    "Lakehouse Database" = local.lakehouse_database
    "Lakehouse Catalog" = {
      blueprint_id    = module.blueprint["LakehouseCatalog"].blueprint_id
      aws_region      = var.region
      aws_account_id  = local.account_id
      description     = "Federated catalog, deployed on request."
      deployment_mode = "ON_DEMAND"
      parameter_overrides = {
        catalogName = { value = "project_catalog", is_editable = true }
      }
    }
  }
}

module "profile_ml_experimentation" {
  source = "../../modules/project-profile"

  domain_id   = module.domain.id
  name        = "ML experimentation"
  description = "Train and track models in isolated notebooks with MLflow."

  environment_configurations = {
    "Tooling" = merge(local.tooling, {
      parameter_overrides = merge(local.tooling.parameter_overrides, {
        # Notebooks on regulated data get no internet access.
        enableNetworkIsolation = { value = "true" }
      })
    })
    "Lakehouse Database" = local.lakehouse_database
    "MLflow" = {
      blueprint_id     = module.blueprint["MLExperiments"].blueprint_id
      aws_region       = var.region
      aws_account_id   = local.account_id
      description      = "MLflow tracking server."
      deployment_mode  = "ON_CREATE"
      deployment_order = 2
      parameter_overrides = {
        mlflowTrackingServerSize = { value = "Small", is_editable = true }
      }
    }
  }
}

locals {
  profile_ids = {
    sql_analytics = module.profile_sql_analytics.profile_id
    ml            = module.profile_ml_experimentation.profile_id
  }
}
