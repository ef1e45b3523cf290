#!/usr/bin/env bash
# Times `smus drift` against `tofu plan -refresh-only` on one state of about
# 1,000 managed resources, in a local cloud that throttles at 25 requests per
# second per account and adds 50 ms to every call.
#
# The environment is examples/platform (dev settings, roles created by the
# stack) with PROJECTS projects: the 4 standard ones and PROJECTS - 4 from
# additional_projects. Each additional project adds 8 resources: an
# execution role, the project, an owner and a contributor membership, and
# 4 Lake Formation permissions. The standard stack has 44 resources, so the
# default of 124 projects gives 44 + 120 × 8 = 1,004.
#
# The environment is built with throttling and latency off, so that the
# build takes about a minute; the local cloud is then restarted on the same
# data directory with --throttle-rps 25 --latency 50ms --log-level debug, and
# both measurements run against that restarted cloud.
#
# It prints the exact commands, both wall times and their ratio, drift's calls
# per resource, drift's request rate as a fraction of 25/s, and the throttled
# calls of each run.
#
# Environment: PROJECTS (default 124), KEEP=1 keeps the work directory.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
projects=${PROJECTS:-124}
throttle_rps=25
latency=50ms
account=444444444444
work=$(mktemp -d)
cloud_pid=""

stop_cloud() {
  if [[ -n $cloud_pid ]] && kill -0 "$cloud_pid" 2>/dev/null; then
    kill "$cloud_pid"
    wait "$cloud_pid" 2>/dev/null || true
  fi
  cloud_pid=""
}
cleanup() {
  stop_cloud
  if [[ -n ${KEEP:-} ]]; then
    echo "work directory: $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

fail() {
  echo "bench/drift.sh: $*" >&2
  exit 1
}

make -C "$root" --no-print-directory build >/dev/null
engine=$(SMUS_WORK_DIR="$work" "$root/scripts/engine.sh" --opentofu)
smus="$root/.bin/smus"

port=$((20000 + RANDOM % 40000))
url="http://127.0.0.1:$port"

# start_cloud LOG ARGS... starts smus local on the bench data directory.
start_cloud() {
  local log=$1
  shift
  "$smus" local --listen "127.0.0.1:$port" --data-dir "$work/data" "$@" 2>"$log" >/dev/null &
  cloud_pid=$!
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    kill -0 "$cloud_pid" 2>/dev/null || fail "smus local exited; see $log"
    sleep 0.1
  done
  fail "smus local did not listen on $url within 10 seconds; see $log"
}

extra=$((projects - 4))
{
  echo "additional_projects = {"
  for i in $(seq 1 "$extra"); do
    profile=ml
    ((i % 2 == 0)) && profile=sql_analytics
    printf '  team-%03d = { name = "Team %03d analytics", description = "Drift benchmark project %03d.", ' "$i" "$i" "$i"
    printf 'profile = "%s", owners = ["arn:aws:iam::%s:role/team-%03d-lead"], ' "$profile" "$account" "$i"
    printf 'contributors = ["arn:aws:iam::%s:role/team-%03d-analyst"] }\n' "$account" "$i"
  done
  echo "}"
} >"$work/bench.tfvars"

export TF_CLI_CONFIG_FILE="$work/cli.tfrc" TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
export TF_DATA_DIR="$work/tf-data"
export AWS_ACCESS_KEY_ID=$account AWS_SECRET_ACCESS_KEY=local AWS_REGION=us-east-1
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
export AWS_EC2_METADATA_DISABLED=true
: >"$AWS_CONFIG_FILE"
: >"$AWS_SHARED_CREDENTIALS_FILE"
state="$work/state.tfstate"
tf_vars=(-var-file=environments/dev.tfvars -var-file="$work/bench.tfvars" -var="smus_endpoint=$url")
tf() { "$engine" -chdir="$root/examples/platform" "$@"; }

echo "building the environment: examples/platform with $projects projects (throttling and latency off)"
start_cloud "$work/build.log" --time-scale 0.001 --throttle-rps 0
tf init -input=false -reconfigure -backend-config="path=$state" >/dev/null
build_start=$(date +%s.%N)
tf apply -input=false -auto-approve -no-color -parallelism=20 "${tf_vars[@]}" >"$work/apply.log" ||
  fail "apply failed; rerun with KEEP=1 and read $work/apply.log"
echo "built in $(echo "$(date +%s.%N) - $build_start" | bc | xargs printf '%.1f')s"
stop_cloud

cloud_log="$work/cloud.log"
start_cloud "$cloud_log" --time-scale 0.001 --throttle-rps "$throttle_rps" --latency "$latency" --log-level debug
echo "local cloud: $smus local --listen 127.0.0.1:$port --data-dir $work/data --time-scale 0.001" \
  "--throttle-rps $throttle_rps --latency $latency --log-level debug"

# requests_since LINE counts the request lines of the cloud log after LINE,
# and those that got HTTP 400 (ThrottlingException on this clean
# environment, where no read misses).
log_lines() { wc -l <"$cloud_log"; }
requests_since() { tail -n "+$(($1 + 1))" "$cloud_log" | grep -c 'msg=request' || true; }
status400_since() { tail -n "+$(($1 + 1))" "$cloud_log" | grep 'msg=request' | grep -c 'status=400' || true; }
seconds_since() { echo "$(date +%s.%N) - $1" | bc; }

# --- smus drift ------------------------------------------------------------

drift_cmd=("$smus" drift --state "$state" --endpoint "$url" --format json --quiet --log-level debug)
echo
echo "command: ${drift_cmd[*]}"
mark=$(log_lines)
start=$(date +%s.%N)
rc=0
"${drift_cmd[@]}" >"$work/drift.json" 2>"$work/drift.err" || rc=$?
drift_wall=$(seconds_since "$start")
drift_requests=$(requests_since "$mark")
drift_400=$(status400_since "$mark")
[[ $rc -eq 0 ]] || fail "smus drift exited $rc, want 0 on an untouched environment; see $work/drift.json and $work/drift.err"
drift_errors=$(jq '.errors | length' "$work/drift.json")
[[ $drift_errors -eq 0 ]] || fail "smus drift reported $drift_errors errors: $(jq -c .errors "$work/drift.json")"
resources=$(jq '.summary.resources' "$work/drift.json")
calls=$(jq '.summary.calls' "$work/drift.json")
drift_retries=$(grep -c 'retrying call.*error=ThrottlingException' "$work/drift.err" || true)

# Let the account's token bucket refill before the second run.
sleep 2

# --- tofu plan -refresh-only ----------------------------------------------

plan_cmd=("$engine" -chdir="$root/examples/platform" plan -refresh-only -input=false -no-color
  -detailed-exitcode "${tf_vars[@]}")
echo "command: TF_DATA_DIR=$TF_DATA_DIR ${plan_cmd[*]}"
mark=$(log_lines)
start=$(date +%s.%N)
rc=0
"${plan_cmd[@]}" >"$work/plan.log" 2>&1 || rc=$?
plan_wall=$(seconds_since "$start")
plan_requests=$(requests_since "$mark")
plan_400=$(status400_since "$mark")
[[ $rc -eq 0 ]] || fail "tofu plan -refresh-only exited $rc, want 0 (no changes); see $work/plan.log"

# --- results ---------------------------------------------------------------

echo
echo "resources in the state: $resources (drift summary)"
printf 'smus drift:                 %6.2fs, %d requests at the local cloud\n' "$drift_wall" "$drift_requests"
printf 'tofu plan -refresh-only:    %6.2fs, %d requests at the local cloud\n' "$plan_wall" "$plan_requests"
printf 'ratio plan / drift:         %6.2f (target: at least 1.50)\n' "$(echo "scale=4; $plan_wall / $drift_wall" | bc)"
printf 'drift calls per resource:   %6.3f (%d calls)\n' "$(echo "scale=4; $calls / $resources" | bc)" "$calls"
rate=$(echo "scale=4; $drift_requests / $drift_wall" | bc)
printf 'drift request rate:         %6.2f/s = %.0f%% of %d/s (target: at least 80%%)\n' \
  "$rate" "$(echo "scale=4; 100 * $rate / $throttle_rps" | bc)" "$throttle_rps"
echo "throttling: drift $drift_400 HTTP 400 responses, $drift_retries ThrottlingException retries in its debug log;" \
  "plan $plan_400 HTTP 400 responses"
echo "drift exit code 0, errors in its JSON: $drift_errors"
