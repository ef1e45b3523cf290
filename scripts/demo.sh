#!/usr/bin/env bash
# Build smus, start the local cloud and deploy the examples to three accounts:
#
#   1. examples/security-baseline for staging and prod, then publish its role
#      ARNs as SSM parameters /smus/<env>/roles/<name> with the AWS CLI;
#   2. examples/platform for dev (roles created), staging and prod (roles read
#      from SSM), each environment with its own state and account;
#   3. a second plan of every stack, which must report no changes.
#
# Accounts: dev 111111111111, staging 222222222222, prod 333333333333.
#
# Environment:
#   SMUS_DEMO_WORK_DIR  working directory (default: <repo>/.work). The local
#                       cloud's data goes to <dir>/demo-data, states to
#                       <dir>/demo/state. Both are emptied at the start.
#   SMUS_ENGINE         "opentofu" to use .bin/tofu even when tofu or
#                       terraform is on PATH.
#   SMUS_TIME_SCALE     local cloud time scale (default 0.01: a 10-minute
#                       domain creation takes 6 seconds).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work="${SMUS_DEMO_WORK_DIR:-$root/.work}"
mkdir -p "$work"
work=$(cd "$work" && pwd)
data_dir="$work/demo-data"
demo_dir="$work/demo"
region="us-east-1"

declare -A account=([dev]=111111111111 [staging]=222222222222 [prod]=333333333333)

step() { printf '\n==> %s\n' "$*"; }
fail() {
  printf 'demo: %s\n' "$*" >&2
  exit 1
}

# --- build -----------------------------------------------------------------

step "Building smus and terraform-provider-smus into .bin/"
make -C "$root" --no-print-directory build

engine_args=()
[[ ${SMUS_ENGINE:-} == opentofu ]] && engine_args=(--opentofu)
engine=$(SMUS_WORK_DIR="$work" "$root/scripts/engine.sh" "${engine_args[@]}")

# --- isolated settings: nothing may reach AWS or a registry -----------------

rm -rf "$data_dir" "$demo_dir"
mkdir -p "$data_dir" "$demo_dir/state" "$demo_dir/tf-data"
: >"$demo_dir/aws-config"
: >"$demo_dir/aws-credentials"

export TF_CLI_CONFIG_FILE="$work/cli.tfrc"
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
export AWS_CONFIG_FILE="$demo_dir/aws-config"
export AWS_SHARED_CREDENTIALS_FILE="$demo_dir/aws-credentials"
export AWS_EC2_METADATA_DISABLED=true
export AWS_SECRET_ACCESS_KEY=local AWS_REGION="$region" AWS_DEFAULT_REGION="$region"
export AWS_PAGER=""
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_DEFAULT_PROFILE
if [[ ! -t 1 ]]; then
  export TF_CLI_ARGS_init=-no-color TF_CLI_ARGS_apply=-no-color TF_CLI_ARGS_plan=-no-color \
    TF_CLI_ARGS_output=-no-color
fi
echo "engine: $engine ($("$engine" version | grep -m 1 -E '^(OpenTofu|Terraform) v' || true))"

# --- local cloud -----------------------------------------------------------

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 40000))
  if ! port_in_use "$candidate"; then
    port=$candidate
    break
  fi
done
[[ -n $port ]] || fail "found no free loopback port between 20000 and 60000"

url="http://127.0.0.1:$port"
export AWS_ENDPOINT_URL="$url"
local_log="$demo_dir/local.log"

step "Starting smus local on $url (data: $data_dir, log: $local_log)"
"$root/.bin/smus" local --listen "127.0.0.1:$port" --data-dir "$data_dir" \
  --time-scale "${SMUS_TIME_SCALE:-0.01}" >"$local_log" 2>&1 &
local_pid=$!

stop_local() {
  if kill -0 "$local_pid" 2>/dev/null; then
    kill "$local_pid"
    wait "$local_pid" 2>/dev/null || true
  fi
  echo "Local cloud data directory: $data_dir"
}
trap stop_local EXIT

for _ in $(seq 1 100); do
  kill -0 "$local_pid" 2>/dev/null || fail "smus local exited; see $local_log"
  port_in_use "$port" && break
  sleep 0.1
done
port_in_use "$port" || fail "smus local did not listen on $url within 10 seconds; see $local_log"

# --- helpers ---------------------------------------------------------------

# run_stack EXAMPLE ENV ARGS... runs the engine in examples/EXAMPLE with the
# working data and state of that environment, as that environment's account.
run_stack() {
  local example=$1 env=$2
  shift 2
  AWS_ACCESS_KEY_ID="${account[$env]}" TF_DATA_DIR="$demo_dir/tf-data/$example-$env" \
    "$engine" -chdir="$root/examples/$example" "$@"
}

deploy() {
  local example=$1 env=$2
  step "$example: apply $env (account ${account[$env]})"
  # The lock file records the engine's registry host (registry.opentofu.org or
  # registry.terraform.io), so one left by the other engine would fail init.
  rm -f "$root/examples/$example/.terraform.lock.hcl"
  # The environment's backend file, with the state moved into the demo directory.
  run_stack "$example" "$env" init -input=false -reconfigure \
    -backend-config="environments/$env.tfbackend" \
    -backend-config="path=$demo_dir/state/$example-$env.tfstate" >/dev/null
  run_stack "$example" "$env" apply -input=false -auto-approve \
    -var-file="environments/$env.tfvars" -var="smus_endpoint=$url"
}

# expect_no_changes EXAMPLE ENV fails the demo unless a second plan is empty.
expect_no_changes() {
  local example=$1 env=$2 rc=0
  run_stack "$example" "$env" plan -input=false -detailed-exitcode \
    -var-file="environments/$env.tfvars" -var="smus_endpoint=$url" >"$demo_dir/plan-$example-$env.txt" 2>&1 || rc=$?
  case $rc in
    0) echo "$example $env: no changes" ;;
    2)
      cat "$demo_dir/plan-$example-$env.txt"
      fail "$example $env: the second plan wants changes (exit code 2); the plan is above"
      ;;
    *)
      cat "$demo_dir/plan-$example-$env.txt"
      fail "$example $env: plan failed with exit code $rc"
      ;;
  esac
}

# publish_roles ENV stores each role ARN of the security baseline as an SSM
# parameter, through Cloud Control and the AWS CLI.
publish_roles() {
  local env=$1 name arn token lines
  local -a tokens=()
  step "security-baseline: publish role ARNs of $env as SSM parameters"
  lines=$(run_stack security-baseline "$env" output -raw ssm_parameter_lines)
  while read -r name arn; do
    [[ -n $name ]] || continue
    token=$(AWS_ACCESS_KEY_ID="${account[$env]}" aws cloudcontrol create-resource \
      --endpoint-url "$url" --region "$region" --type-name AWS::SSM::Parameter \
      --desired-state "{\"Name\":\"$name\",\"Type\":\"String\",\"Value\":\"$arn\"}" \
      --query ProgressEvent.RequestToken --output text)
    tokens+=("$token")
    echo "$name = $arn"
  done <<<"$lines"
  for token in "${tokens[@]}"; do
    AWS_ACCESS_KEY_ID="${account[$env]}" aws cloudcontrol wait resource-request-success \
      --endpoint-url "$url" --region "$region" --request-token "$token"
  done
}

# --- deploy ----------------------------------------------------------------

command -v aws >/dev/null || fail "the AWS CLI (aws) is missing; install it (Debian: apt-get install awscli)"

for env in staging prod; do
  deploy security-baseline "$env"
  publish_roles "$env"
done

for env in dev staging prod; do
  deploy platform "$env"
done

step "Outputs"
for env in dev staging prod; do
  printf -- '--- platform %s (account %s)\n' "$env" "${account[$env]}"
  run_stack platform "$env" output
done

step "Second plan of every stack (must report no changes)"
for env in staging prod; do
  expect_no_changes security-baseline "$env"
done
for env in dev staging prod; do
  expect_no_changes platform "$env"
done

step "Done. States: $demo_dir/state"
