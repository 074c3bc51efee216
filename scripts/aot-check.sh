#!/usr/bin/env bash
# The Native AOT checks of the CI (called by scripts/test.sh after it has published the binary):
#   aot-check.sh AOT_BINARY JIT_DLL EXPECT_PATH WORK_DIR [VAR=VALUE ...]
# AOT_BINARY is the published simdmlp; JIT_DLL the JIT build's SimdMlp.Cli.dll; EXPECT_PATH the SIMD path the AOT
# binary must report (its IlcInstructionSet decides it); VAR=VALUE switches make the JIT take that same path, so that
# the two builds run the same kernels and must agree bit for bit.
# Prints "ok NAME" or "FAIL NAME: why" per check, and last "aot: N passed, N failed". Exit code 1 if any failed.
set -uo pipefail

aot=$1 jit_dll=$2 expect=$3 work=$4
shift 4
jit_env=("$@")
jit=(env "${jit_env[@]}" dotnet "$jit_dll")
mkdir -p "$work"
rm -f "$work"/*

passed=0 failed=0
ok() { echo "ok $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }

# 1. --version names the version, the SIMD path the instruction set gives, and the AOT build.
if version=$("$aot" --version 2>&1) && [[ $version == *"SIMD path: $expect"* && $version == *"Native AOT"* ]]; then
  ok "version ($(echo "$version" | tr '\n' ' '))"
else
  fail version "expected 'SIMD path: $expect' and 'Native AOT' in: $version"
fi

# 2. A short training run on the built-in data: it must learn something (0.80 measured after 2 epochs; 0.75 is
#    far above the 0.10 of chance and below any seed's variation).
train_args=(train --data builtin --epochs 2 --batch 64 --threads 2 --seed 7)
if "$aot" "${train_args[@]}" --out "$work/aot.smlp" --metrics "$work/aot.json" >"$work/aot-train.log" 2>&1; then
  accuracy=$(grep -o '"test_accuracy": *[0-9.]*' "$work/aot.json" | head -1 | grep -o '[0-9.]*$')
  if awk -v a="${accuracy:-0}" 'BEGIN { exit !(a >= 0.75) }'; then ok "train (test accuracy $accuracy)"
  else fail train "test accuracy ${accuracy:-missing} < 0.75"; fi
else
  fail train "exit code $? ($(tail -n 1 "$work/aot-train.log"))"
fi

# 3. The JIT build, on the same path, trains the same model byte for byte.
if "${jit[@]}" "${train_args[@]}" --out "$work/jit.smlp" >"$work/jit-train.log" 2>&1 && cmp -s "$work/aot.smlp" "$work/jit.smlp"; then
  ok "model equals the JIT build's"
else
  fail "model equals the JIT build's" "the JIT model differs or JIT training failed ($(tail -n 1 "$work/jit-train.log"))"
fi

# 4. Predictions of both builds from the AOT model on 200 rows of pixels are identical.
awk 'BEGIN { srand(11); for (r = 0; r < 200; r++) { line = ""; for (c = 0; c < 784; c++) line = line (c ? "," : "") int(rand() * 256); print line } }' \
  >"$work/x.csv"
if "$aot" predict --model "$work/aot.smlp" --input "$work/x.csv" --output "$work/aot.csv" >/dev/null 2>&1 &&
  "${jit[@]}" predict --model "$work/aot.smlp" --input "$work/x.csv" --output "$work/jit.csv" >/dev/null 2>&1 &&
  [[ $(wc -l <"$work/aot.csv") -eq 201 ]] && cmp -s "$work/aot.csv" "$work/jit.csv"; then
  ok "predict equals the JIT build's (200 rows)"
else
  fail "predict equals the JIT build's" "outputs differ, are short, or a predict failed"
fi

# 5. Bad input: one sentence naming the file, exit code 2, no stack trace, no output file.
"$aot" predict --model "$work/missing.smlp" --input "$work/x.csv" --output "$work/bad.csv" >/dev/null 2>"$work/bad.err"
status=$?
if ((status == 2)) && [[ $(wc -l <"$work/bad.err") -eq 1 ]] && grep -q "missing.smlp" "$work/bad.err" &&
  ! grep -q " at " "$work/bad.err" && [[ ! -e $work/bad.csv ]]; then
  ok "bad input exits 2 with one line ($(cat "$work/bad.err"))"
else
  fail "bad input" "exit code $status, stderr: $(head -c 300 "$work/bad.err")"
fi

echo "aot: $passed passed, $failed failed"
((failed == 0))
