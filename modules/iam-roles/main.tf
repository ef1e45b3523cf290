locals {
  p = var.partition

  # An empty region only reaches the manage-access role, whose precondition rejects it.
  region = var.region == null ? "" : var.region

  # AWS managed policies named in the SageMaker Unified Studio administrator guide.
  # NOTE: only the domain execution policy's path (service-role/) was checked against
  # the AWS managed policy reference; confirm the others with `aws iam get-policy`
  # before the first apply against a real account.
  managed_policy = {
    domain_execution = "arn:${local.p}:iam::aws:policy/service-role/SageMakerStudioDomainExecutionRolePolicy"
    domain_service   = "arn:${local.p}:iam::aws:policy/service-role/SageMakerStudioDomainServiceRolePolicy"
    provisioning     = "arn:${local.p}:iam::aws:policy/service-role/SageMakerStudioProjectProvisioningRolePolicy"
    glue_access      = "arn:${local.p}:iam::aws:policy/service-role/AmazonDataZoneGlueManageAccessRolePolicy"
    redshift_access  = "arn:${local.p}:iam::aws:policy/service-role/AmazonDataZoneRedshiftManageAccessRolePolicy"
    sagemaker_access = "arn:${local.p}:iam::aws:policy/service-role/AmazonDataZoneSageMakerManageAccessRolePolicy"
    project_user     = "arn:${local.p}:iam::aws:policy/SageMakerStudioProjectUserRolePolicy"
    project_boundary = "arn:${local.p}:iam::aws:policy/SageMakerStudioProjectUserRolePermissionsBoundary"
  }

  source_account = { "aws:SourceAccount" = var.account_id }
  domain_arns    = "arn:${local.p}:datazone:${local.region}:${var.account_id}:domain/*"

  # DataZone assumes the domain execution role on behalf of signed-in users and
  # tags the session, so the trust also allows TagSession and SetContext, but
  # only for datazone* tag keys.
  domain_execution_trust = {
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datazone.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession", "sts:SetContext"]
      Condition = {
        StringEquals              = local.source_account
        "ForAllValues:StringLike" = { "aws:TagKeys" = "datazone*" }
      }
    }]
  }

  service_trust = {
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datazone.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = local.source_account }
    }]
  }

  # The manage-access role is bound to a domain by aws:SourceArn. Its domain is
  # created later, so the trust accepts any domain of this account and region.
  manage_access_trust = {
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datazone.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = local.source_account
        ArnLike      = { "aws:SourceArn" = local.domain_arns }
      }
    }]
  }

  # DataZone reads connection secrets only when they carry the AmazonDataZoneDomain tag.
  manage_access_secrets = {
    Version = "2012-10-17"
    Statement = [{
      Sid      = "ReadDataZoneConnectionSecrets"
      Effect   = "Allow"
      Action   = "secretsmanager:GetSecretValue"
      Resource = "*"
      Condition = {
        Null = { "secretsmanager:ResourceTag/AmazonDataZoneDomain" = "false" }
      }
    }]
  }

  project_trust = {
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datazone.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Condition = { StringEquals = local.source_account }
    }]
  }
}

resource "smus_iam_role" "domain_execution" {
  count = var.create_domain_roles ? 1 : 0

  name                = "AmazonSageMakerDomainExecution${var.name_suffix}"
  path                = var.path
  description         = "SageMaker Unified Studio domain execution role: calls APIs for signed-in users."
  assume_role_policy  = jsonencode(local.domain_execution_trust)
  managed_policy_arns = [local.managed_policy.domain_execution]
  tags                = var.tags
}

resource "smus_iam_role" "domain_service" {
  count = var.create_domain_roles ? 1 : 0

  name                = "AmazonSageMakerDomainService${var.name_suffix}"
  path                = var.path
  description         = "SageMaker Unified Studio domain service role: domain-level actions."
  assume_role_policy  = jsonencode(local.service_trust)
  managed_policy_arns = [local.managed_policy.domain_service]
  tags                = var.tags
}

resource "smus_iam_role" "provisioning" {
  count = var.create_blueprint_roles ? 1 : 0

  name                = "AmazonSageMakerProvisioning-${var.account_id}${var.name_suffix}"
  path                = var.path
  description         = "SageMaker Unified Studio provisioning role: deploys blueprint environments."
  assume_role_policy  = jsonencode(local.service_trust)
  managed_policy_arns = [local.managed_policy.provisioning]
  tags                = var.tags
}

resource "smus_iam_role" "manage_access" {
  count = var.create_blueprint_roles ? 1 : 0

  name               = "AmazonSageMakerManageAccess-${local.region}${var.name_suffix}"
  path               = var.path
  description        = "SageMaker Unified Studio manage-access role: grants and revokes data access."
  assume_role_policy = jsonencode(local.manage_access_trust)
  inline_policies = {
    DataZoneConnectionSecrets = jsonencode(local.manage_access_secrets)
  }
  managed_policy_arns = [
    local.managed_policy.glue_access,
    local.managed_policy.redshift_access,
    local.managed_policy.sagemaker_access,
  ]
  tags = var.tags

  lifecycle {
    precondition {
      condition     = var.region != null
      error_message = "Set region to the domain's region (for example \"us-east-1\"): the manage-access role name and trust policy need it."
    }
  }
}

resource "smus_iam_role" "project" {
  for_each = var.project_role_names

  name                 = "SMUSProject-${each.key}${var.name_suffix}"
  path                 = var.path
  description          = "Execution role of the ${each.key} project."
  assume_role_policy   = jsonencode(local.project_trust)
  managed_policy_arns  = [local.managed_policy.project_user]
  permissions_boundary = coalesce(var.project_permissions_boundary_arn, local.managed_policy.project_boundary)
  tags                 = merge(var.tags, { SmusProject = each.key })
}
