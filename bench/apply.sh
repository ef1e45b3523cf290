#!/usr/bin/env bash
# Applies examples/platform with 50 projects (the four standard ones plus
# 46 from additional_projects) to one account of a local cloud that throttles
# at 25 requests per second and runs at a time scale where a domain takes
# 10 seconds. Prints the wall time, the lower bound set by the dependency
# chain (role, domain, blueprint, profile, project, membership), their ratio,
# and the Cloud Control calls per created resource.
#
# Environment: PROJECTS (default 50), PARALLELISM (engine -parallelism,
# default 10, the engine's default).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
projects=${PROJECTS:-50}
parallelism=${PARALLELISM:-10}
work=$(mktemp -d)
trap 'kill "$cloud_pid" 2>/dev/null || true; wait "$cloud_pid" 2>/dev/null || true; [[ -n ${KEEP:-} ]] || rm -rf "$work"' EXIT

make -C "$root" --no-print-directory build >/dev/null
engine=$(SMUS_WORK_DIR="$work" "$root/scripts/engine.sh" --opentofu)

# A domain takes 10 simulated minutes; 10 s / 600 s is the time scale.
scale=$(echo "scale=6; 10 / 600" | bc)
port=$((20000 + RANDOM % 40000))
"$root/.bin/smus" local --listen "127.0.0.1:$port" --data-dir "$work/data" \
  --time-scale "$scale" --throttle-rps 25 --log-level debug 2>"$work/cloud.log" >/dev/null &
cloud_pid=$!
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

extra=$((projects - 4))
{
  echo "additional_projects = {"
  for i in $(seq 1 "$extra"); do
    profile=ml
    ((i % 2 == 0)) && profile=sql_analytics
    printf '  team-%02d = { name = "Team %02d analytics", description = "Load benchmark project %02d.", profile = "%s", owners = ["arn:aws:iam::444444444444:role/team-%02d-lead"], contributors = ["arn:aws:iam::444444444444:role/team-%02d-analyst"] }\n' \
      "$i" "$i" "$i" "$profile" "$i" "$i"
  done
  echo "}"
} >"$work/bench.tfvars"

export TF_CLI_CONFIG_FILE="$work/cli.tfrc" TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
export TF_DATA_DIR="$work/tf-data"
export AWS_ACCESS_KEY_ID=444444444444 AWS_SECRET_ACCESS_KEY=local AWS_REGION=us-east-1
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
export AWS_EC2_METADATA_DISABLED=true
: >"$AWS_CONFIG_FILE"
: >"$AWS_SHARED_CREDENTIALS_FILE"
tf() { "$engine" -chdir="$root/examples/platform" "$@"; }

tf init -input=false -reconfigure -backend-config="path=$work/state.tfstate" >/dev/null
start=$(date +%s.%N)
tf apply -input=false -auto-approve -no-color -parallelism="$parallelism" \
  -var-file=environments/dev.tfvars -var-file="$work/bench.tfvars" \
  -var="smus_endpoint=http://127.0.0.1:$port" >"$work/apply.log"
end=$(date +%s.%N)

# Simulated durations of the local cloud, in seconds before scaling: role
# 3, domain 600 (plus the 10 s role propagation window), blueprint 20,
# profile 5, project 60, membership 2.
bound=$(echo "scale=3; (3 + 10 + 600 + 20 + 5 + 60 + 2) * $scale" | bc)
wall=$(echo "scale=3; $end - $start" | bc)
created=$(grep -c 'Creation complete' "$work/apply.log" || true)
count() { grep 'msg=request' "$work/cloud.log" | grep -c "operation=$1 " || true; }
creates=$(count CreateResource)
polls=$(count GetResourceRequestStatus)
gets=$(count GetResource)
throttled=$(grep 'msg=request' "$work/cloud.log" | grep -c 'status=400' || true)

[[ -z ${KEEP:-} ]] || echo "work directory: $work"
echo "projects: $projects, resources created: $created, engine parallelism: $parallelism"
echo "wall time: ${wall}s; dependency chain lower bound: ${bound}s; ratio $(echo "scale=2; $wall / $bound" | bc)"
echo "calls: CreateResource $creates, GetResourceRequestStatus $polls, GetResource $gets, other $(($(grep -c 'msg=request' "$work/cloud.log") - creates - polls - gets))"
echo "per created resource: $(echo "scale=2; $creates / $created" | bc) creates, $(echo "scale=2; $polls / $created" | bc) status polls, $(echo "scale=2; $gets / $created" | bc) reads"
# Everything after the domain waits for it, so the calls made after the first
# blueprint configuration request cannot run faster than the account's 25
# requests per second: a second lower bound for the whole apply.
first_blueprint=$(grep -n 'operation=CreateResource type_name=AWS::DataZone::EnvironmentBlueprintConfiguration' \
  "$work/cloud.log" | head -1 | cut -d: -f1)
after=$(tail -n "+$first_blueprint" "$work/cloud.log" | grep -c 'msg=request' || true)
rate_bound=$(echo "scale=3; (3 + 10 + 600) * $scale + $after / 25" | bc)
echo "calls after the domain is ready: $after; rate-aware lower bound (chain to the domain, then $after calls at 25/s): ${rate_bound}s; ratio $(echo "scale=2; $wall / $rate_bound" | bc)"
echo "requests answered with HTTP 400 (throttling and other client errors): $throttled"
