locals {
  # Read-only access to curated data, and full control of a project's own output database.
  read_only = {
    database_permissions = ["DESCRIBE"]
    table_permissions    = ["SELECT", "DESCRIBE"]
  }
  read_write = {
    database_permissions = ["DESCRIBE", "CREATE_TABLE", "ALTER", "DROP"]
    table_permissions    = ["SELECT", "INSERT", "DELETE", "DESCRIBE", "ALTER", "DROP"]
  }

  all_projects = {
    fraud-detection = {
      name            = "Fraud detection"
      description     = "Card fraud models trained on transaction data with PII. PCI-DSS scope."
      profile         = "ml"
      user_parameters = { "Lakehouse Database" = { glueDbName = "fraud_detection" } }
      grants = {
        cards_transactions_pii = local.read_only
        fraud_features         = local.read_write
      }
    }
    credit-risk = {
      name            = "Credit risk reporting"
      description     = "Regulatory credit-risk reports from curated loan data. SOX scope."
      profile         = "sql_analytics"
      user_parameters = { "Lakehouse Database" = { glueDbName = "credit_risk" } }
      grants = {
        loans_curated       = local.read_only
        credit_bureau       = local.read_only
        credit_risk_reports = local.read_write
      }
    }
    marketing-analytics = {
      name            = "Marketing analytics"
      description     = "Campaign performance on pseudonymised customer data."
      profile         = "sql_analytics"
      user_parameters = { "Lakehouse Database" = { glueDbName = "marketing" } }
      grants = {
        customer_segments_pseudonymised = local.read_only
        campaigns                       = local.read_write
      }
    }
    sandbox = {
      name            = "Sandbox"
      description     = "Exploration on synthetic data only; no production data."
      profile         = "ml"
      user_parameters = null
      grants = {
        synthetic_data = local.read_write
      }
    }
  }

  # Further projects from var.additional_projects: each reads the curated data
  # and owns one output database named after its key.
  additional_projects = {
    for key, p in var.additional_projects : key => {
      name            = p.name
      description     = p.description
      profile         = p.profile
      user_parameters = null
      grants = {
        customer_segments_pseudonymised    = local.read_only
        "${replace(key, "-", "_")}_output" = local.read_write
      }
    }
  }

  projects = merge(
    { for key, p in local.all_projects : key => p if key != "sandbox" || var.sandbox_enabled },
    local.additional_projects,
  )
}

module "project" {
  source   = "../../modules/project"
  for_each = local.projects

  domain_id              = module.domain.id
  name                   = each.value.name
  description            = each.value.description
  project_profile_id     = local.profile_ids[each.value.profile]
  project_execution_role = local.role_arns["project-${each.key}"]
  user_parameters        = each.value.user_parameters

  owners       = try(var.project_members[each.key].owners, var.additional_projects[each.key].owners, [])
  contributors = try(var.project_members[each.key].contributors, var.additional_projects[each.key].contributors, [])

  catalog_id            = local.account_id
  lake_formation_grants = each.value.grants
}
