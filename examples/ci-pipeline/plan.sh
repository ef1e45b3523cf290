#!/usr/bin/env bash
# Example CI step: plan examples/platform for every environment against AWS
# and report which environments differ from their code. Not run by the tests.
#
# Expects, per environment, an AWS profile smus-<env> that the CI runner can
# use (for example through OIDC), and the smus provider installed through a
# CLI configuration (TF_CLI_CONFIG_FILE) with a filesystem mirror or
# dev_overrides.
#
# Exit codes follow `plan -detailed-exitcode`: 0 no changes anywhere, 1 error,
# 2 at least one environment has changes. Plans are saved as plans/<env>.tfplan
# so that an approved plan can be applied unchanged.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
platform="$here/../platform"
engine="${ENGINE:-tofu}"
environments=(${ENVIRONMENTS:-dev staging prod})

# This changes the checkout: the override switches the backend to S3.
cp "$here/backend_override.tf" "$platform/backend_override.tf"
mkdir -p "$here/plans"

status=0
for env in "${environments[@]}"; do
  echo "==> $env"
  export AWS_PROFILE="smus-$env"
  export TF_DATA_DIR="$here/.terraform/$env"
  "$engine" -chdir="$platform" init -input=false -reconfigure \
    -backend-config="$here/backends/$env.s3.tfbackend"
  rc=0
  "$engine" -chdir="$platform" plan -input=false -lock-timeout=5m -detailed-exitcode \
    -var-file="environments/$env.tfvars" -out="$here/plans/$env.tfplan" || rc=$?
  case $rc in
    0) echo "$env: no changes" ;;
    2)
      echo "$env: changes pending (plans/$env.tfplan)"
      [[ $status -eq 1 ]] || status=2
      ;;
    *)
      echo "$env: plan failed with exit code $rc" >&2
      status=1
      ;;
  esac
done
exit "$status"
