#!/usr/bin/env bash
# The README's main job: trains the 784-256-128-10 ReLU network on Fashion-MNIST for 10 epochs with the simdmlp
# command line, evaluates it, saves the model, the metrics and the loss/accuracy plot, and says what it reached and
# how long it took. Works on a fresh Debian machine that has only the .NET 10 SDK:
#   - installs dataset-fashion-mnist and clang through apt-get when it can (root or sudo);
#   - publishes simdmlp as a Native AOT binary (clang, or gcc when clang is missing) for this CPU's widest SIMD path;
#     without a C toolchain it runs the same program on the JIT instead;
#   - without the data set it trains on the 5,000 + 1,000 Fashion-MNIST images built into simdmlp (`--data builtin`).
#
#   bash scripts/train.sh                  # the main job; outputs in ./out
#   bash scripts/train.sh --epochs 3       # extra options go to `simdmlp train`
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
unset SIMDMLP_ARTIFACTS
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

say() { echo "train.sh: $*" >&2; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
seconds_since() { local ms=$(( $(now_ms) - $1 )); printf '%d.%02d' $(( ms / 1000 )) $(( ms % 1000 / 10 )); }

if ! command -v dotnet >/dev/null 2>&1; then
    say "the .NET 10 SDK (dotnet) is required; see global.json"
    exit 1
fi

data_dir=${SIMDMLP_FASHION_DIR:-/usr/share/datasets/fashion-mnist}  # overridable to try the fallback
out_dir="$repo_root/out"
mkdir -p "$out_dir"

as_root=()
can_install=false
if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then can_install=true
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then can_install=true; as_root=(sudo)
    fi
fi

missing=()
[ -d "$data_dir" ] || missing+=(dataset-fashion-mnist)
command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || missing+=(clang)
if [ "${#missing[@]}" -gt 0 ]; then
    if $can_install; then
        say "installing ${missing[*]} ..."
        "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || true
        "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 ||
            say "could not install ${missing[*]}; going on without"
    else
        say "cannot install ${missing[*]} (needs apt-get and root or sudo); going on without"
    fi
fi

# Native AOT for this machine: AVX-512 when the CPU has it (x86-64-v4), else AVX2+FMA (x86-64-v3, the portable
# default in Directory.Build.targets); Arm64 needs no setting.
case "$(uname -m)" in
    x86_64) rid=linux-x64
            if grep -q ' avx512f ' /proc/cpuinfo && grep -q ' avx512bw ' /proc/cpuinfo && grep -q ' avx512vl ' /proc/cpuinfo; then
                isa=(-p:IlcInstructionSet=x86-64-v4)
            else
                isa=(-p:IlcInstructionSet=x86-64-v3)
            fi ;;
    aarch64) rid=linux-arm64; isa=() ;;
    *) rid=""; isa=() ;;
esac

simdmlp=()
build_start=$(now_ms)
# SIMDMLP_JIT=1 skips Native AOT (to try the fallback, or to compare).
if [ -z "${SIMDMLP_JIT:-}" ] && [ -n "$rid" ] && { command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1; }; then
    say "publishing simdmlp (Native AOT, $rid ${isa[*]:-}) ..."
    if dotnet publish Cli -c Release -r "$rid" "${isa[@]}" -o "$out_dir/bin" --verbosity quiet -nologo >&2; then
        simdmlp=("$out_dir/bin/simdmlp")
    else
        say "Native AOT publish failed; running on the JIT instead"
    fi
fi
if [ "${#simdmlp[@]}" -eq 0 ]; then
    say "building simdmlp (JIT) ..."
    dotnet build Cli -c Release --verbosity quiet -nologo >&2
    simdmlp=(dotnet "$repo_root/Cli/bin/Release/net10.0/SimdMlp.Cli.dll")
fi
build_seconds=$(seconds_since "$build_start")

if [ -d "$data_dir" ]; then
    data="$data_dir"
else
    data=builtin
    say "Fashion-MNIST is not installed: training on the built-in subset (5,000 training + 1,000 test images)"
fi

"${simdmlp[@]}" --version
echo
train_start=$(now_ms)
# 10 epochs unless the caller's arguments say otherwise (simdmlp rejects an option given twice).
epochs=(--epochs 10)
for arg in "$@"; do [ "$arg" = --epochs ] && epochs=(); done
"${simdmlp[@]}" train --data "$data" "${epochs[@]}" --out "$out_dir/fashion.smlp" --metrics "$out_dir/metrics.json" \
    --plot "$out_dir/curves.svg" "$@"
wall_seconds=$(seconds_since "$train_start")
echo
"${simdmlp[@]}" eval --model "$out_dir/fashion.smlp" --data "$data"

accuracy=$(grep -o '"test_accuracy": *[0-9.]*' "$out_dir/metrics.json" | head -1 | grep -o '[0-9.]*$')
train_seconds=$(grep -o '"train_seconds": *[0-9.]*' "$out_dir/metrics.json" | head -1 | grep -o '[0-9.]*$')
train_seconds=$(printf "%.2f" "$train_seconds" 2>/dev/null || echo "$train_seconds")
echo
echo "Reached test accuracy $accuracy on $data after $train_seconds s of training (${wall_seconds} s for the whole train command, build ${build_seconds} s)."
echo "Model: $out_dir/fashion.smlp   metrics: $out_dir/metrics.json   plot: $out_dir/curves.svg"
