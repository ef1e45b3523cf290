#!/usr/bin/env bash
# Times `smus lint` and, when it is on PATH or in $TFLINT, `tflint --recursive`
# on the same generated tree of 2,000 .tf files, five runs each, and prints
# the median of each and their ratio.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT

SMUS_LINT_TREE="$tree" go -C "$root" test ./internal/lint -run '^TestWriteBenchTree$' -count=1 >/dev/null
files=$(find "$tree" -name '*.tf' | wc -l)
make -C "$root" --no-print-directory build >/dev/null
smus="$root/.bin/smus"
tflint="${TFLINT:-$(command -v tflint || true)}"

# median_seconds CMD... runs CMD five times and prints the median wall time.
median_seconds() {
  local times=()
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

echo "tree: $files .tf files"
smus_time=$(median_seconds "$smus" lint --format json "$tree")
echo "smus lint: ${smus_time}s (median of 5)"
if [[ -n $tflint ]]; then
  tflint_time=$(median_seconds "$tflint" --recursive --chdir "$tree" --format json)
  echo "tflint --recursive ($("$tflint" --version | head -1)): ${tflint_time}s (median of 5)"
  echo "ratio tflint / smus: $(echo "scale=1; $tflint_time / $smus_time" | bc)"
else
  echo "tflint: not found; set TFLINT to compare"
fi
