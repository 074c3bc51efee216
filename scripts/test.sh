#!/usr/bin/env bash
# Runs the test suite once per SIMD path, on a fresh Debian 12 machine that has only the .NET 10 SDK:
#   avx512  as the machine is (the path is read from /proc/cpuinfo)
#   avx2    DOTNET_EnableAVX512=0
#   vec128  DOTNET_EnableAVX2=0
#   scalar  DOTNET_EnableHWIntrinsic=0                        Kernels.Tests minus slow ones (KERNEL_ONLY), and Mlp.Tests
#   arm64   AdvSimd: linux-arm64 self-contained build under qemu-aarch64-static, kernel tests only
#   aot     the simdmlp Native AOT binary (scripts/aot-check.sh): --version, a short training run, and a model and
#           predictions byte-identical to the JIT build's on the same SIMD path; each check counts as one test
# Each x64 leg runs Kernels.Tests and then Mlp.Tests (the MLP, its I/O and a short Fashion-MNIST training run).
# The first leg also runs Cli.Tests (the simdmlp command line: arguments, error paths, train/eval/predict round
# trips); the CLI adds no kernels of its own, so the other paths have nothing more to prove there.
# The first leg is named after the path it finds (avx512, avx2 or vec128).
# Each leg names the path it must run on in SIMDMLP_EXPECT_PATH and Kernels.Tests/Infrastructure/SimdPathLegTests.cs
# fails the leg if the switch did not take effect; this script also fails a leg in which those tests did not pass.
#
# Output: the test runner's output, one "leg NAME: N passed, N failed, N skipped (S s)" line per leg, and as the
# very last line "N passed, N failed" summed over the legs. The exit code is non-zero if a test failed or a leg
# (or the set-up) could not run; such a leg counts as one failed test, so that line never reads "0 failed" then.
#
# Set-up it does itself: apt-get (as root, or through sudo) dataset-fashion-mnist, clang (the Native AOT linker),
# and qemu-user-static and the arm64 libraries the Arm64 leg needs, skipped when installed; `dotnet restore`; a
# Release build of the whole solution (so a broken benchmark fails CI too); a linux-arm64 publish of the kernel
# tests; a Native AOT publish of the simdmlp command line.
# All build output goes to <repo>/artifacts (git-ignored), results to <repo>/artifacts/test-results/LEG.xml.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

tests_project=Kernels.Tests/Kernels.Tests.csproj
tests_assembly=SimdMlp.Kernels.Tests
mlp_tests_assembly=SimdMlp.Tests
cli_tests_assembly=SimdMlp.Cli.Tests
leg_test_class=SimdMlp.Kernels.Tests.SimdPathLegTests

# Legs that are slow (scalar, and above all arm64 under emulation) run only the kernel tests: everything but
# the MLP tests, which live in namespace SimdMlp.Kernels.Tests.Mlp (folder Kernels.Tests/Mlp), and any test
# marked [Trait("Category", "Slow")]. Exclusions, so that a new kernel test runs there with no tagging.
# (xunit ANDs the two kinds of exclusion: a test runs if it is in neither.)
KERNEL_ONLY=(-namespace- SimdMlp.Kernels.Tests.Mlp -namespace- 'SimdMlp.Kernels.Tests.Mlp.*'
  -trait- Category=Slow)

# A hung leg must not eat CI's budget silently: it fails after this many seconds.
leg_timeout=${SIMDMLP_LEG_TIMEOUT:-900}

# Build into <repo>/artifacts (git-ignored), whatever SIMDMLP_ARTIFACTS the caller has (Directory.Build.props reads it).
export SIMDMLP_ARTIFACTS="$repo/artifacts"
bin_dir="$SIMDMLP_ARTIFACTS/bin/Kernels.Tests/release"
mlp_bin_dir="$SIMDMLP_ARTIFACTS/bin/Mlp.Tests/release"
cli_bin_dir="$SIMDMLP_ARTIFACTS/bin/Cli.Tests/release"
arm64_dir="$SIMDMLP_ARTIFACTS/publish/Kernels.Tests/release_linux-arm64"
results_dir="$SIMDMLP_ARTIFACTS/test-results"
logs_dir="$SIMDMLP_ARTIFACTS/logs"

# The published Arm64 tests run from another folder, so the golden vectors need an absolute path.
SIMDMLP_GOLDEN_DIR=$(realpath -m "${SIMDMLP_GOLDEN_DIR:-$repo/../shared/golden}")
export SIMDMLP_GOLDEN_DIR
[[ -d $SIMDMLP_GOLDEN_DIR ]] || echo "warning: no golden vectors in $SIMDMLP_GOLDEN_DIR" >&2

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
export DEBIAN_FRONTEND=noninteractive

# Only the legs may choose the instruction sets: drop any such switch inherited from the caller's shell.
while read -r name; do unset "$name"; done < <(compgen -e | grep -E '^(DOTNET|COMPlus)_(Enable|PreferredVectorBitWidth)' || true)

total_passed=0
total_failed=0

# Whatever ends the script (a failed leg, a failed build, `set -e`), the sum is the last line printed.
finish() {
  local status=$1
  if ((status != 0 && total_failed == 0)); then total_failed=1; fi
  echo "$total_passed passed, $total_failed failed"
  exit $((total_failed > 0))
}
trap 'finish $?' EXIT

step() { printf '\n=== %s\n' "$*"; }

# Seconds since $1 (an $EPOCHREALTIME), with one decimal.
since() {
  local us=$((${EPOCHREALTIME//[!0-9]/} - ${1//[!0-9]/}))
  printf '%d.%d' $((us / 1000000)) $((us % 1000000 / 100000))
}

# Runs "$@" with its output in a log file that is shown only if it fails.
quietly() {
  local log
  log="$logs_dir/$1.log"
  shift
  if ! "$@" >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "failed: $* (log: $log)" >&2
    return 1
  fi
}

mkdir -p "$results_dir" "$logs_dir"
setup_start=$EPOCHREALTIME

# ---- Set-up ----------------------------------------------------------------------------------------------------

# Debian 12 packages: the Fashion-MNIST data set for the MLP's end-to-end test, and for the Arm64 leg (x64 only,
# since an Arm64 machine runs AdvSimd natively in its first leg) qemu and the arm64 libraries.
arch=$(uname -m)
packages=(dataset-fashion-mnist clang)
arm64_packages=(qemu-user-static libc6:arm64 libstdc++6:arm64 libssl3:arm64 libicu72:arm64)
if [[ $arch == x86_64 ]]; then packages+=("${arm64_packages[@]}"); fi
if ! dpkg -s "${packages[@]}" >/dev/null 2>&1; then
  step "apt-get install ${packages[*]}"
  sudo=()
  if ((EUID != 0)); then sudo=(sudo -n); fi
  if [[ $arch == x86_64 ]] && ! dpkg --print-foreign-architectures | grep -qx arm64; then
    "${sudo[@]}" dpkg --add-architecture arm64
  fi
  # An update is needed on a fresh machine (no package lists) and after adding the architecture.
  quietly apt-update "${sudo[@]}" apt-get update
  quietly apt-install "${sudo[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
fi

step "dotnet restore / build SimdMlp.sln (Release)"
dotnet restore SimdMlp.sln -v quiet
dotnet build SimdMlp.sln -c Release --no-restore -v quiet -nologo

if [[ $arch == x86_64 ]]; then
  step "dotnet publish $tests_project for linux-arm64 (self-contained)"
  # The runtime pack for linux-arm64 comes from NuGet with this restore.
  dotnet publish "$tests_project" -c Release -r linux-arm64 --self-contained -v quiet -nologo
fi

# Native AOT: the portable x86-64-v3 (AVX2+FMA) build that Directory.Build.targets makes by default; the JIT build
# is then run with AVX-512 off so that both take the Avx2 kernels. A CPU without AVX2 gets an x86-64-v2 build.
aot_dir="$SIMDMLP_ARTIFACTS/aot"
aot_jit_env=()
case $arch in
  x86_64)
    aot_rid=linux-x64 aot_isa=() aot_expect=Avx2
    if ! grep -m1 '^flags' /proc/cpuinfo | grep -qw avx2; then aot_isa=(-p:IlcInstructionSet=x86-64-v2) aot_expect=Vector128; fi
    if grep -m1 '^flags' /proc/cpuinfo | grep -qw avx512f; then aot_jit_env=(DOTNET_EnableAVX512=0); fi ;;
  aarch64) aot_rid=linux-arm64 aot_isa=() aot_expect=Vector128 ;;
  *) aot_rid="" ;;
esac
if [[ -n $aot_rid ]]; then
  step "dotnet publish Cli for $aot_rid (Native AOT${aot_isa[*]:+ ${aot_isa[*]}})"
  aot_start=$EPOCHREALTIME
  aot_published=1
  quietly aot-publish dotnet publish Cli -c Release -r "$aot_rid" "${aot_isa[@]}" -o "$aot_dir" -nologo || aot_published=0
  echo "published $aot_dir/simdmlp ($(stat -c %s "$aot_dir/simdmlp" 2>/dev/null || echo '?') bytes) in $(since "$aot_start") s"
fi

setup_seconds=$(since "$setup_start")

# ---- Legs ------------------------------------------------------------------------------------------------------

# The path this machine runs on natively, from the CPU flags rather than from .NET, so that the first leg
# checks .NET's detection too. (On Intel CPUs where .NET keeps Vector512 off because of down-clocking,
# such as Skylake-X, this expects Avx512 and the first leg fails: tell the runtime or this script.)
native_path() {
  if [[ $arch == aarch64 ]]; then echo Vector128; return; fi
  local flags
  flags=" $(grep -m1 '^flags' /proc/cpuinfo | cut -d: -f2) "
  if [[ $flags == *" avx512f "* ]]; then echo Avx512
  elif [[ $flags == *" avx2 "* && $flags == *" fma "* ]]; then echo Avx2
  else echo Vector128
  fi
}

# Paths from narrowest to widest: a leg whose switch would not narrow the native path would only repeat leg 1.
rank() { case $1 in Scalar) echo 0 ;; Vector128) echo 1 ;; Avx2) echo 2 ;; Avx512) echo 3 ;; esac; }
narrower_than_native() { (($(rank "$1") < $(rank "$native"))); }

# Value of attribute $2 in the <assembly ...> element of xunit's v2+ XML result file $1 (empty if absent).
assembly_attr() {
  sed -n 's/.*<assembly \([^>]*\)>.*/\1/p' "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]\+' || true
}

# run_leg NAME EXPECTED_PATH [VAR=VALUE ...] -- COMMAND... : runs the test executable COMMAND in one leg.
# With check_leg=0 the path check is not required of this run (Mlp.Tests runs after Kernels.Tests, which proves
# the path for the same switches).
check_leg=1
run_leg() {
  local name=$1 expect=$2
  shift 2
  local vars=()
  while [[ $1 != -- ]]; do vars+=("$1"); shift; done
  shift
  local xml="$results_dir/$name.xml"
  rm -f "$xml"
  step "leg $name: expects $expect${vars[*]:+ with ${vars[*]}}"

  local start=$EPOCHREALTIME status=0
  env "${vars[@]}" SIMDMLP_EXPECT_PATH="$expect" timeout --kill-after=30 "$leg_timeout" \
    "$@" -noLogo -noColor -noAutoReporters -result-xml "$xml" || status=$?
  local seconds
  seconds=$(since "$start")

  local passed=0 failed=0 skipped=0 errors=0 problem=""
  if [[ -s $xml ]]; then
    passed=$(assembly_attr "$xml" passed)
    failed=$(assembly_attr "$xml" failed)
    skipped=$(assembly_attr "$xml" skipped)
    errors=$(assembly_attr "$xml" errors)
    failed=$((${failed:-0} + ${errors:-0}))
    passed=${passed:-0} skipped=${skipped:-0}
  fi
  # xunit exits 0 when a filter leaves no test at all, so look for the path check itself among the passes.
  if ((status == 124)); then problem="timed out after $leg_timeout s"
  elif [[ ! -s $xml ]]; then problem="no result file (exit code $status)"
  elif ((check_leg)) && ! grep -q "<test [^>]*name=\"$leg_test_class\.[^\"]*\" result=\"Pass\"" "$xml"; then
    problem="$leg_test_class did not run and pass, so the path is unproven"
  elif ((status != 0 && failed == 0)); then problem="exit code $status"
  fi
  if [[ -n $problem ]] && ((failed == 0)); then failed=1; fi

  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  legs_summary+=("leg $name: $passed passed, $failed failed, $skipped skipped ($seconds s)${problem:+ -- $problem}")
  echo "${legs_summary[-1]}"
}

legs_summary=()
native=$(native_path)
tests=(dotnet "$bin_dir/$tests_assembly.dll")

mlp_tests=(dotnet "$mlp_bin_dir/$mlp_tests_assembly.dll")
cli_tests=(dotnet "$cli_bin_dir/$cli_tests_assembly.dll")

# One x64 leg: the kernel tests (which prove the path), then the MLP tests under the same switches.
run_both() {
  local name=$1 expect=$2
  shift 2
  local vars=("$@") kernel_filter=()
  if [[ $name == scalar ]]; then kernel_filter=("${KERNEL_ONLY[@]}"); fi
  check_leg=1 run_leg "$name" "$expect" "${vars[@]}" -- "${tests[@]}" "${kernel_filter[@]}"
  check_leg=0 run_leg "$name-mlp" "$expect" "${vars[@]}" -- "${mlp_tests[@]}"
}

case $native in Avx512) first=avx512 ;; Avx2) first=avx2 ;; *) first=vec128 ;; esac
run_both "$first" "$native"
check_leg=0 run_leg "$first-cli" "$native" -- "${cli_tests[@]}"

# .NET 10 switch names (DOTNET_EnableAVX512F is ignored). DOTNET_EnableAVX2=0 also turns off FMA and AVX-512.
if narrower_than_native Avx2; then
  run_both avx2 Avx2 DOTNET_EnableAVX512=0
fi
if narrower_than_native Vector128; then
  run_both vec128 Vector128 DOTNET_EnableAVX2=0
fi
run_both scalar Scalar DOTNET_EnableHWIntrinsic=0

if [[ $arch == x86_64 ]]; then
  # qemu runs the arm64 binary with the arm64 libraries that multiarch installed under /.
  # DOTNET_EnableWriteXorExecute=0: W^X (on by default) remaps every page of code the JIT writes, which under
  # emulation doubled the time of this leg when measured.
  run_leg arm64 Vector128 QEMU_LD_PREFIX=/ DOTNET_EnableWriteXorExecute=0 -- \
    qemu-aarch64-static "$arm64_dir/$tests_assembly" "${KERNEL_ONLY[@]}"
fi

if [[ -n $aot_rid ]]; then
  step "leg aot: the Native AOT simdmlp against the JIT build${aot_jit_env[*]:+ (JIT with ${aot_jit_env[*]})}"
  aot_start=$EPOCHREALTIME aot_passed=0 aot_failed=1 aot_problem="the Native AOT publish failed"
  if ((aot_published)); then
    aot_log="$logs_dir/aot-check.log"
    bash "$repo/scripts/aot-check.sh" "$aot_dir/simdmlp" "$SIMDMLP_ARTIFACTS/bin/Cli/release/SimdMlp.Cli.dll" \
      "$aot_expect" "$SIMDMLP_ARTIFACTS/aot-check" "${aot_jit_env[@]}" | tee "$aot_log" || true
    counts=$(grep -E '^aot: [0-9]+ passed, [0-9]+ failed$' "$aot_log" | tail -n 1)
    if [[ -n $counts ]]; then
      aot_passed=$(echo "$counts" | grep -o '[0-9]* passed' | grep -o '[0-9]*')
      aot_failed=$(echo "$counts" | grep -o '[0-9]* failed' | grep -o '[0-9]*')
      aot_problem=""
    else
      aot_problem="scripts/aot-check.sh printed no summary"
    fi
  fi
  total_passed=$((total_passed + aot_passed))
  total_failed=$((total_failed + aot_failed))
  legs_summary+=("leg aot: $aot_passed passed, $aot_failed failed, 0 skipped ($(since "$aot_start") s)${aot_problem:+ -- $aot_problem}")
  echo "${legs_summary[-1]}"
fi

step "summary"
echo "set-up (packages, restore, build, publish): $setup_seconds s"
printf '%s\n' "${legs_summary[@]}"
