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

# OpenBLAS: either threading flavour provides libopenblas.so.0; pthread is preferred (openblas_set_num_threads
# then controls exactly the threads the table reports).
openblas_installed() {
    local pkg
    for pkg in libopenblas0-pthread libopenblas0-openmp libopenblas0-serial; do
        dpkg -s "$pkg" >/dev/null 2>&1 && return 0
    done
    return 1
}

install_openblas() {
    local as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || return 1
        as_root=(sudo)
    fi
    # env, not a prefix assignment: sudo resets the environment.
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libopenblas0-pthread
}

if command -v dpkg >/dev/null 2>&1 && ! openblas_installed; then
    echo "bench.sh: installing OpenBLAS (libopenblas0-pthread)..." >&2
    if ! install_openblas >&2; then
        echo "bench.sh: could not install OpenBLAS (needs root or sudo); its columns will read n/a" >&2
    fi
fi

dotnet restore Bench --verbosity quiet

# Printed under the table as the command to re-run.
SIMDMLP_BENCH_COMMAND="bash scripts/bench.sh${*:+ $*}"
export SIMDMLP_BENCH_COMMAND

exec dotnet run -c Release --no-restore --project Bench -- gemm "$@"
