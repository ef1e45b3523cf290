#!/usr/bin/env bash
# Print the path of a Terraform engine, building OpenTofu if there is none, and
# write the CLI configuration that installs the provider from .bin/.
#
# Usage: scripts/engine.sh [--opentofu]
#   --opentofu  use .bin/tofu (built from tools/go.mod if missing) even when
#               tofu or terraform is on PATH.
# Without the flag the order is: tofu on PATH, terraform on PATH, .bin/tofu.
#
# Environment:
#   SMUS_WORK_DIR  directory for cli.tfrc (default: <repo>/.work)
#
# The CLI configuration is written to $SMUS_WORK_DIR/cli.tfrc. Point
# TF_CLI_CONFIG_FILE at it so that the engine loads the smus provider from
# <repo>/.bin and never contacts a registry.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin="$root/.bin"
work="${SMUS_WORK_DIR:-$root/.work}"

only_opentofu=false
case "${1:-}" in
  --opentofu) only_opentofu=true ;;
  "") ;;
  *)
    echo "engine.sh: unknown argument \"$1\"; the only option is --opentofu" >&2
    exit 2
    ;;
esac

build_opentofu() {
  echo "engine.sh: building OpenTofu from tools/go.mod into $bin/tofu (about 3 to 4 minutes on 2 cores)" >&2
  mkdir -p "$bin"
  (cd "$root/tools" && go build -o "$bin/tofu" github.com/opentofu/opentofu/cmd/tofu)
}

engine=""
if [[ $only_opentofu == false ]]; then
  engine=$(command -v tofu || command -v terraform || true)
fi
if [[ -z $engine ]]; then
  [[ -x $bin/tofu ]] || build_opentofu
  engine="$bin/tofu"
fi

# dev_overrides makes plan and apply run the provider from $bin. `init` still
# looks the provider up in the installation sources before it configures the
# backend, and `direct {}` would send that lookup to a public registry. So the
# only source is a local mirror with a placeholder package: init records it in
# the lock file and never runs it. Its content is fixed, so the lock file stays
# valid when the provider is rebuilt.
mirror="$work/provider-mirror"
platform="$(go env GOOS)_$(go env GOARCH)"
for host in registry.opentofu.org registry.terraform.io; do
  package="$mirror/$host/smus-dev/smus/0.0.1/$platform"
  mkdir -p "$package"
  cat >"$package/terraform-provider-smus" <<'PLACEHOLDER'
#!/bin/sh
echo "placeholder for the smus provider: load it through dev_overrides (scripts/engine.sh)" >&2
exit 1
PLACEHOLDER
  chmod +x "$package/terraform-provider-smus"
done

mkdir -p "$work"
cat >"$work/cli.tfrc" <<TFRC
# Written by scripts/engine.sh: use the smus provider built into $bin.
provider_installation {
  dev_overrides {
    "smus-dev/smus" = "$bin"
  }
  filesystem_mirror {
    path    = "$mirror"
    include = ["smus-dev/smus"]
  }
}
TFRC

echo "$engine"
