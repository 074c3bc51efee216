#!/usr/bin/env bash
# The quick benchmark modes (gemm, mlp) compiled with Native AOT instead of the JIT.
# Works on a fresh Debian/Ubuntu machine that has only the .NET SDK: installs clang (the AOT linker; gcc is the
# fallback when clang cannot be installed) and OpenBLAS if missing, publishes Bench with -p:BenchAot=true, and runs
# the executable with the given arguments. The BenchmarkDotNet suites are JIT-only (see Bench/Bench.csproj).
#
#   bash scripts/bench-aot.sh                          # gemm --quick
#   bash scripts/bench-aot.sh gemm                     # the full GEMM table
#   bash scripts/bench-aot.sh mlp --quick --json m.json
#   bash scripts/bench-aot.sh --isa x86-64-v3 gemm     # instruction set (also SIMDMLP_AOT_ISA)
#
# Instruction set: an AOT binary only uses the instructions it was compiled for, whatever the CPU has. The default
# is `native` on a CPU with AVX-512 (the code then takes the same Avx512 path the JIT picks on this machine, so the
# two are comparable) and x86-64-v3 (AVX2+FMA, the portable default of Directory.Build.targets) otherwise.
# The executable lands in Bench/bin/aot/<isa>/SimdMlp.Bench; it runs on its own, without the .NET runtime.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

isa="${SIMDMLP_AOT_ISA:-}"
if [ "${1:-}" = "--isa" ]; then
  [ $# -ge 2 ] || { echo "bench-aot.sh: --isa needs a value (x86-64-v3, x86-64-v4, native, ...)" >&2; exit 2; }
  isa="$2"
  shift 2
fi
[ $# -gt 0 ] || set -- gemm --quick

# The normal bin/obj layout: SIMDMLP_ARTIFACTS is only for parallel work in one checkout.
unset SIMDMLP_ARTIFACTS
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "bench-aot.sh: the .NET SDK (dotnet) is required; see global.json for the version" >&2
  exit 1
fi

case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "bench-aot.sh: unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac

if [ -z "$isa" ] && [ "$rid" = linux-x64 ]; then
  if grep -qw avx512f /proc/cpuinfo 2>/dev/null; then isa=native; else isa=x86-64-v3; fi
fi

# shellcheck source=lib/packages.sh
. "$repo_root/scripts/lib/packages.sh"

# The linker. Directory.Build.targets picks gcc when /usr/bin/clang is absent.
if [ ! -x /usr/bin/clang ]; then
  echo "bench-aot.sh: installing clang (the Native AOT linker)..." >&2
  if ! apt_install clang >&2; then
    if command -v gcc >/dev/null 2>&1; then
      echo "bench-aot.sh: could not install clang; linking with gcc" >&2
    else
      echo "bench-aot.sh: Native AOT needs clang or gcc to link; install one (needs root or sudo)" >&2
      exit 1
    fi
  fi
fi

ensure_openblas bench-aot.sh

out="Bench/bin/aot/${isa:-default}"
publish=(dotnet publish Bench -c Release -r "$rid" -p:BenchAot=true -o "$out" --verbosity quiet)
[ -n "$isa" ] && publish+=("-p:IlcInstructionSet=$isa")
echo "bench-aot.sh: ${publish[*]}" >&2
"${publish[@]}" >&2

# Printed under the table as the command to re-run.
SIMDMLP_BENCH_COMMAND="bash scripts/bench-aot.sh${isa:+ --isa $isa} $*"
export SIMDMLP_BENCH_COMMAND

exec "$out/SimdMlp.Bench" "$@"
