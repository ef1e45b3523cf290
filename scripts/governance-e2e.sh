#!/usr/bin/env bash
# End-to-end check of the governance commands on the environments that
# scripts/demo.sh deployed. It restarts `smus local` on the demo's data
# directory, so the first check also shows that the data survived the
# restart. Then it edits the accounts with `smus local console`, as people in
# the AWS console would, and checks what drift, compare and evidence report.
#
#   dev (111111111111), one actor per edit:
#     a. put an inline policy allowing s3:* on * on the credit-risk project
#        execution role, which the dev platform state manages;
#     b. create a project by hand in the dev domain;
#     c. disable us-east-1 in the DataLake blueprint configuration;
#     d. delete the marketing-analytics project. DataZone deletes a
#        project's memberships with it, so drift also reports the
#        memberships that the state declares for it as deleted.
#   prod (333333333333): widen the fraud-detection execution role, which the
#     security baseline owns, with the same s3:* statement.
#
# Usage: scripts/governance-e2e.sh [WORK_DIR]
#   WORK_DIR  the demo's working directory (default: $SMUS_DEMO_WORK_DIR,
#             else <repo>/.work). Its local cloud data is changed for good.
#
# It prints one line per check and stops at the first failed check with a
# message that names it. Needs jq, and the AWS-free settings of the demo.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work="${1:-${SMUS_DEMO_WORK_DIR:-$root/.work}}"
work=$(cd "$work" && pwd)
data_dir="$work/demo-data"
state_dir="$work/demo/state"
out="$work/governance-e2e"
smus="$root/.bin/smus"
region="us-east-1"
dev=111111111111 staging=222222222222 prod=333333333333

fail() {
  printf 'governance-e2e: %s\n' "$*" >&2
  exit 1
}
pass() { printf 'ok    %s\n' "$*"; }

# check NAME JQ_FILTER FILE fails the check NAME unless the filter is true
# on the JSON in FILE.
check() {
  local name=$1 filter=$2 file=$3
  shift 3
  if ! jq -e "$@" "$filter" "$file" >/dev/null; then
    fail "check \"$name\" failed: jq filter $filter is not true on $file"
  fi
  pass "$name"
}

# run_expect NAME CODE FILE CMD... runs CMD with stdout in FILE and fails
# the check NAME unless CMD exits with CODE.
run_expect() {
  local name=$1 want=$2 file=$3 rc=0
  shift 3
  "$@" >"$file" 2>"$file.stderr" || rc=$?
  if [[ $rc -ne $want ]]; then
    cat "$file.stderr" >&2
    fail "check \"$name\" failed: $* exited $rc, want $want; output in $file"
  fi
  pass "$name (exit $rc)"
}

command -v jq >/dev/null || fail "jq is missing; install it (Debian: apt-get install jq)"
[[ -x $smus ]] || fail "$smus is missing; run make build"
[[ -d $data_dir && -f $state_dir/platform-dev.tfstate ]] ||
  fail "no demo in $work (want $data_dir and $state_dir/platform-dev.tfstate); run scripts/demo.sh first"
rm -rf "$out"
mkdir -p "$out"

# Nothing may reach AWS: static local credentials, empty AWS files, and an
# explicit --endpoint on every command.
: >"$out/aws-config"
export AWS_CONFIG_FILE="$out/aws-config" AWS_SHARED_CREDENTIALS_FILE="$out/aws-config"
export AWS_EC2_METADATA_DISABLED=true AWS_SECRET_ACCESS_KEY=local AWS_REGION="$region"
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_DEFAULT_PROFILE AWS_ENDPOINT_URL

# --- restart the local cloud on the demo's data ----------------------------

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

"$smus" local --listen "127.0.0.1:$port" --data-dir "$data_dir" --time-scale 0.01 >"$out/local.log" 2>&1 &
local_pid=$!
trap 'kill "$local_pid" 2>/dev/null || true; wait "$local_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  kill -0 "$local_pid" 2>/dev/null || fail "smus local exited; see $out/local.log"
  port_in_use "$port" && break
  sleep 0.1
done
port_in_use "$port" || fail "smus local did not listen on $url within 10 seconds; see $out/local.log"
echo "local cloud restarted on $url (data: $data_dir, log: $out/local.log)"

# as ACCOUNT CMD... runs CMD with the credentials of ACCOUNT.
as() {
  local account=$1
  shift
  AWS_ACCESS_KEY_ID=$account "$@"
}
console() {
  local account=$1
  shift
  "$smus" local console --endpoint "$url" --account "$account" --format json "$@"
}

# --- what the states declare ----------------------------------------------

dev_state="$state_dir/platform-dev.tfstate"
staging_state="$state_dir/platform-staging.tfstate"
prod_state="$state_dir/platform-prod.tfstate"
attr() { jq -r "[.resources[] | select($2) | .instances[0].attributes.$3][0] // empty" "$1"; }
domain_id=$(attr "$dev_state" '.type == "smus_domain"' id)
# The hand-made project uses the profile of fraud-detection.
profile_id=$(attr "$dev_state" '.type == "smus_project" and .module == "module.project[\"fraud-detection\"]"' \
  project_profile_id)
deleted_project=$(attr "$dev_state" '.type == "smus_project" and .module == "module.project[\"marketing-analytics\"]"' \
  project_id)
deleted_memberships=$(jq '[.resources[] | select(.type == "smus_project_membership" and
  .module == "module.project[\"marketing-analytics\"]") | .instances[]] | length' "$dev_state")
managed=$(jq '[.resources[] | select(.mode == "managed" and (.type | startswith("smus_"))) | .instances[]] | length' \
  "$dev_state")
[[ -n $domain_id && -n $profile_id && -n $deleted_project ]] ||
  fail "the dev state lacks the domain, the fraud-detection project or the marketing-analytics project"
[[ $deleted_memberships -gt 0 ]] || fail "the dev state declares no membership of marketing-analytics"

drift_dev=(as "$dev" "$smus" drift --state "$dev_state" --endpoint "$url" --format json --quiet)

# --- before any edit -------------------------------------------------------

run_expect "drift dev after the restart: no drift" 0 "$out/drift-before.json" "${drift_dev[@]}"
check "drift dev after the restart: all $managed managed resources found" \
  ".summary.resources == $managed and .summary.deleted == 0 and (.errors | length) == 0" "$out/drift-before.json"

evidence_prod=(as "$prod" "$smus" evidence --state "$prod_state" --endpoint "$url" --format json)
run_expect "evidence prod before the edit" 0 "$out/evidence-before.json" \
  "${evidence_prod[@]}" --out "$out/evidence-before"
run_expect "evidence verify of an untouched bundle" 0 "$out/verify-intact.json" \
  "$smus" evidence verify "$out/evidence-before" --format json
check "evidence verify of an untouched bundle: intact" '.intact == true' "$out/verify-intact.json"

compare_live=("$smus" compare --from staging --to prod --from-state "$staging_state" --to-state "$prod_state"
  --live --endpoint "$url" --from-account-key "$staging" --to-account-key "$prod" --format json)
run_expect "compare staging prod --live before the edit" 2 "$out/compare-live-before.json" "${compare_live[@]}"
fraud_roles='[.roles[] | select(.to_role == "SMUSProject-fraud-detection")]'
check "compare --live before the edit: fraud-detection roles match" "$fraud_roles == []" \
  "$out/compare-live-before.json"

# --- console edits in dev --------------------------------------------------

widen='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'
added_statement='{"Action":["s3:*"],"Effect":"Allow","Resource":["*"]}'

console "$dev" --actor alice@example.com put-role-policy --role SMUSProject-credit-risk \
  --policy-name WidenS3 --document "$widen" >"$out/edit-role.json"
console "$dev" --actor bob@example.com create-project --domain "$domain_id" --name "Shadow analytics" \
  --profile "$profile_id" >"$out/edit-create.json"
console "$dev" --actor carol@example.com disable-blueprint-region --domain "$domain_id" --blueprint DataLake \
  --region "$region" >"$out/edit-blueprint.json"
console "$dev" --actor dave@example.com delete-project --domain "$domain_id" --project "$deleted_project" \
  >"$out/edit-delete.json"
created=$(jq -r .result.identifier "$out/edit-create.json")
pass "console edits in dev (role policy, new project $created, blueprint region, deleted project)"

run_expect "drift dev after the edits: drift found" 2 "$out/drift-after.json" "${drift_dev[@]}"
d="$out/drift-after.json"
check "drift: $((4 + deleted_memberships)) findings (4 edits, $deleted_memberships memberships deleted with the project)" \
  ".findings | length == $((4 + deleted_memberships))" "$d"
check "drift: every finding has an actor and a time" \
  'all(.findings[]; (.changed_by // "") != "" and (.changed_at // "") != "")' "$d"
check "drift: role policy changed, s3:* statement added, by alice" \
  '[.findings[] | select(.kind == "changed" and .type_name == "AWS::IAM::Role"
    and .identifier == "SMUSProject-credit-risk" and .changed_by == "alice@example.com"
    and any(.properties[]; .path == "/Policies/WidenS3/PolicyDocument"
      and any(.statements_added[]; . == $s)))] | length == 1' "$d" --argjson s "$added_statement"
check "drift: project created by hand, unmanaged, by bob" \
  '[.findings[] | select(.kind == "unmanaged" and .type_name == "AWS::DataZone::Project"
    and .identifier == $id and .changed_by == "bob@example.com")] | length == 1' "$d" --arg id "$created"
check "drift: DataLake EnabledRegions changed from [us-east-1] to [], by carol" \
  '[.findings[] | select(.kind == "changed" and .address == "module.blueprint[\"DataLake\"].smus_blueprint.this"
    and .changed_by == "carol@example.com"
    and .properties == [{"path": "/EnabledRegions", "declared": ["us-east-1"], "live": []}])] | length == 1' "$d"
check "drift: marketing-analytics project deleted, by dave" \
  '[.findings[] | select(.kind == "deleted"
    and .address == "module.project[\"marketing-analytics\"].smus_project.this"
    and .changed_by == "dave@example.com")] | length == 1' "$d"
check "drift: its $deleted_memberships memberships deleted with it, by dave" \
  '[.findings[] | select(.kind == "deleted" and .type_name == "AWS::DataZone::ProjectMembership"
    and (.address | startswith("module.project[\"marketing-analytics\"].smus_project_membership."))
    and .changed_by == "dave@example.com")] | length == $n' "$d" --argjson n "$deleted_memberships"
check "drift: summary 2 changed, $((1 + deleted_memberships)) deleted, 1 unmanaged, no errors" \
  '.summary.changed == 2 and .summary.deleted == 1 + $n and .summary.unmanaged == 1 and (.errors | length) == 0' \
  "$d" --argjson n "$deleted_memberships"

# --- console edit in prod: a role the security baseline owns --------------

console "$prod" --actor mallory@example.com put-role-policy --role SMUSProject-fraud-detection \
  --policy-name WidenS3 --document "$widen" >"$out/edit-prod-role.json"
pass "console edit in prod (SMUSProject-fraud-detection gets WidenS3)"

run_expect "compare staging prod state files" 2 "$out/compare-state.json" \
  "$smus" compare --from staging --to prod --from-state "$staging_state" --to-state "$prod_state" --format json
check "compare state files: no IAM statement differences (the states do not see the console)" \
  '.summary.statements == 0' "$out/compare-state.json"
run_expect "compare staging prod --live after the edit" 2 "$out/compare-live-after.json" "${compare_live[@]}"
check "compare --live: s3:* statement of inline policy WidenS3 only in prod" \
  "$fraud_roles | length == 1 and (.[0].statements | any(.policy == \"inline:WidenS3\"
    and .kind == \"only_in_to\" and .statement == \$s))" "$out/compare-live-after.json" \
  --argjson s "$added_statement"

run_expect "evidence prod after the edit" 0 "$out/evidence-after.json" \
  "${evidence_prod[@]}" --out "$out/evidence-after"
role='.roles[] | select(.name == "SMUSProject-fraud-detection")'
jq "$role" "$out/evidence-before/evidence.json" >"$out/fraud-role-before.json"
jq "$role" "$out/evidence-after/evidence.json" >"$out/fraud-role-after.json"
diff -u "$out/fraud-role-before.json" "$out/fraud-role-after.json" >"$out/fraud-role.diff" || true
check "evidence before/after: only the inline policy WidenS3 with s3:* was added (diff: $out/fraud-role.diff)" \
  '($b[0] | del(.inline_policies)) == ($a[0] | del(.inline_policies))
    and ([$a[0].inline_policies[]?.name] | index("WidenS3") | not)
    and ([$b[0].inline_policies[]? | select(.name == "WidenS3") | .document.Statement[]] == [$s])' \
  "$out/fraud-role-after.json" -n --slurpfile a "$out/fraud-role-before.json" \
  --slurpfile b "$out/fraud-role-after.json" --argjson s "$added_statement"

# --- evidence verify after a hand edit ---------------------------------------

echo "Edited by hand after collection." >>"$out/evidence-before/report.md"
run_expect "evidence verify after a hand edit of report.md" 2 "$out/verify-edited.json" \
  "$smus" evidence verify "$out/evidence-before" --format json
check "evidence verify names report.md as changed" '.intact == false and .changed == ["report.md"]' \
  "$out/verify-edited.json"

echo "governance-e2e: all checks passed (outputs in $out)"
