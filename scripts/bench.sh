#!/usr/bin/env bash
# Main benchmark job: the GEMM comparison table (SimdMlp vs OpenBLAS vs Math.NET vs a naive loop).
# Works on a fresh Debian/Ubuntu machine that has only the .NET SDK: installs OpenBLAS if missing
# (without it the OpenBLAS columns read "n/a"), restores, and runs the quick console mode.
#
#   bash scripts/bench.sh                 # full table (a few minutes)
#   bash scripts/bench.sh --quick         # fewer, shorter samples
#   bash scripts/bench.sh --json out.json # also write the rows as JSON
#   bash scripts/bench.sh --filter B=64   # only matching shapes
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

# The normal bin/obj layout: SIMDMLP_ARTIFACTS is only for parallel work in one checkout.
unset SIMDMLP_ARTIFACTS
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

if ! command -v dotnet >/dev/null 2>&1; then
    echo "bench.sh: the .NET SDK (dotnet) is required; see global.json for the version" >&2
    exit 1
fi

# shellcheck source=lib/packages.sh
. "$repo_root/scripts/lib/packages.sh"
ensure_openblas bench.sh

dotnet restore Bench --verbosity quiet

# Printed under the table as the command to re-run.
SIMDMLP_BENCH_COMMAND="bash scripts/bench.sh${*:+ $*}"
export SIMDMLP_BENCH_COMMAND

exec dotnet run -c Release --no-restore --project Bench -- gemm "$@"
