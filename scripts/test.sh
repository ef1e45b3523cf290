#!/usr/bin/env bash
# Run every check of the repository:
#   1. go vet and the Go tests, with provider acceptance tests (TF_ACC=1)
#      against the local cloud, run by the OpenTofu build in .bin/tofu;
#   2. format and validation of every module and example, `tofu test`
#      (validation rules, against a mock provider) where a module has tests/,
#      and `smus lint` on them, which must find nothing;
#   3. the demo (scripts/demo.sh) in a temporary directory, which fails when a
#      second plan of any example environment reports changes;
#   4. scripts/governance-e2e.sh on the demo's environments: console edits,
#      then smus drift, compare and evidence.
# .bin/tofu is built from tools/go.mod when missing (about 3 to 4 minutes).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
work="$root/.work"
mkdir -p "$work"

step() { printf '\n==> %s\n' "$*"; }

tofu="$root/.bin/tofu"
if [[ ! -x $tofu ]]; then
  step "Building OpenTofu into .bin/tofu"
  (cd tools && go build -o "$tofu" github.com/opentofu/opentofu/cmd/tofu)
fi

# The plugin-testing harness runs `tofu version` and fails on any warning, so
# it gets an existing, empty CLI configuration.
: >"$work/test-empty.tfrc"
export TF_ACC=1
export TF_ACC_TERRAFORM_PATH="$tofu"
export TF_ACC_PROVIDER_NAMESPACE=smus-dev
export TF_CLI_CONFIG_FILE="$work/test-empty.tfrc"
export CHECKPOINT_DISABLE=1

step "go vet ./... and gofmt"
go vet ./...
unformatted=$(gofmt -l $(git ls-files --cached --others --exclude-standard '*.go'))
if [[ -n $unformatted ]]; then
  echo "test: these files need gofmt -w:" >&2
  echo "$unformatted" >&2
  exit 1
fi

step "go test ./... -count=1 -timeout 40m"
go_log="$work/go-test.log"
rc=0
go test ./... -count=1 -timeout 40m 2>&1 | tee "$go_log" || rc=$?
step "Go test summary"
grep -E '^(ok|FAIL|---|panic:|\?)' "$go_log" || true
[[ $rc -eq 0 ]] || {
  echo "test: go test failed with exit code $rc; full output in $go_log" >&2
  exit "$rc"
}

step "HCL format, validation and module tests"
make --no-print-directory build
SMUS_WORK_DIR="$work" scripts/engine.sh --opentofu >/dev/null
"$tofu" fmt -check -recursive -diff modules examples
validate_dir=$(mktemp -d)
trap 'rm -rf "$validate_dir"' EXIT

# check_config DIR runs init and validate in DIR and prints their output only on failure.
check_config() {
  local dir=$1 out
  local -a env=(TF_CLI_CONFIG_FILE="$work/cli.tfrc" TF_DATA_DIR="$validate_dir/${dir//\//-}")
  if ! out=$(env "${env[@]}" "$tofu" -chdir="$dir" init -backend=false -input=false -no-color 2>&1) ||
    ! out=$(env "${env[@]}" "$tofu" -chdir="$dir" validate -no-color 2>&1); then
    echo "$out" >&2
    echo "test: $dir is invalid; the engine output is above" >&2
    return 1
  fi
  if [[ -d $dir/tests ]]; then
    # Module tests plan against a mock provider: no local cloud needed.
    if ! out=$(env "${env[@]}" "$tofu" -chdir="$dir" test -no-color 2>&1); then
      echo "$out" >&2
      echo "test: tofu test failed in $dir; the engine output is above" >&2
      return 1
    fi
    echo "$dir: valid, $(grep -m 1 -E '^Success!' <<<"$out")"
  else
    echo "$dir: valid"
  fi
}

for dir in modules/* examples/security-baseline examples/platform; do
  rm -f "$dir/.terraform.lock.hcl" # may come from the other engine's demo run
  check_config "$dir"
done

step "smus lint on the modules and examples"
.bin/smus lint modules examples

step "Demo in a temporary directory"
demo_dir=$(mktemp -d)
echo "demo directory: $demo_dir (removed when the demo and the governance checks succeed)"
SMUS_DEMO_WORK_DIR="$demo_dir" SMUS_ENGINE=opentofu scripts/demo.sh

step "Governance commands on the demo's environments"
scripts/governance-e2e.sh "$demo_dir"
rm -rf "$demo_dir"

step "All checks passed"
