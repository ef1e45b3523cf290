mock_provider "smus" {}

variables {
  domain_id              = "dzd_4p9n6sw4qt9xgn"
  name                   = "Fraud detection"
  project_profile_id     = "n0f4f2ynyl2gc3"
  project_execution_role = "arn:aws:iam::111122223333:role/service-role/SMUSProject-fraud-detection"
  owners                 = ["arn:aws:iam::111122223333:role/fraud-team-lead"]
  contributors           = ["arn:aws:iam::111122223333:role/fraud-data-scientist"]
  catalog_id             = "111122223333"
  lake_formation_grants = {
    cards_transactions_pii = {
      database_permissions = ["DESCRIBE"]
      table_permissions    = ["SELECT", "DESCRIBE"]
    }
    fraud_features = {
      database_permissions = ["DESCRIBE", "CREATE_TABLE"]
    }
  }
}

run "valid_project_plans" {
  command = plan

  assert {
    condition     = length(smus_project_membership.owner) == 1 && length(smus_project_membership.contributor) == 1
    error_message = "expected one owner and one contributor membership"
  }

  assert {
    condition     = length(smus_lake_formation_permissions.database) == 2
    error_message = "expected a database grant per Glue database"
  }

  assert {
    condition     = keys(smus_lake_formation_permissions.tables) == ["cards_transactions_pii"]
    error_message = "expected a table grant only where table_permissions is set"
  }
}

run "no_owner_rejected" {
  command = plan

  variables {
    owners = []
  }

  expect_failures = [var.owners]
}

run "owner_and_contributor_rejected" {
  command = plan

  variables {
    contributors = ["arn:aws:iam::111122223333:role/fraud-team-lead"]
  }

  expect_failures = [smus_project.this]
}

run "bad_name_rejected" {
  command = plan

  variables {
    name = "Fraud/detection"
  }

  expect_failures = [var.name]
}

run "bad_role_arn_rejected" {
  command = plan

  variables {
    project_execution_role = "arn:aws:iam::1111:role/x"
  }

  expect_failures = [var.project_execution_role]
}

run "grants_without_role_rejected" {
  command = plan

  variables {
    project_execution_role = null
  }

  expect_failures = [smus_project.this]
}

run "unknown_permission_rejected" {
  command = plan

  variables {
    lake_formation_grants = {
      sales = { database_permissions = ["READ"] }
    }
  }

  expect_failures = [var.lake_formation_grants]
}
