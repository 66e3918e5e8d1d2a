#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets (tests/fuzz, clang-16, ASan+UBSan) and runs each one.
#   scripts/fuzz.sh [SECONDS] [TARGET...]   SECONDS per target (default 20); all targets by default
# A run starts from the committed seed corpus (tests/fuzz/corpus/NAME; for patterndata also the real
# files in resources/patterns) plus what earlier runs found (build/fuzz/corpus/NAME). A crash fails
# the script and leaves its input in build/fuzz/crashes/: fix the bug, then add that input to
# tests/fuzz/corpus/NAME.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-20}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(chrometrace httpresponse labfaults labrequest patterndata)
build="$here/build/fuzz"

CC=clang-16 CXX=clang++-16 cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCOROSCOPE_FUZZ=ON >/dev/null
cmake --build "$build" -j"$(nproc)"
mkdir -p "$build/crashes"
export ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1
for name in "${targets[@]}"; do
    mkdir -p "$build/corpus/$name"
    echo "fuzz_$name: ${seconds} s"
    seeds=("$here/tests/fuzz/corpus/$name")
    # The pattern data files are seeds as they are, so the corpus never falls behind them.
    [ "$name" != patterndata ] || seeds+=("$here/resources/patterns")
    if ! "$build/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$build/crashes/$name-" "$build/corpus/$name" "${seeds[@]}" \
        >"$build/fuzz_$name.log" 2>&1; then
        tail -n 60 "$build/fuzz_$name.log"
        echo "fuzz_$name: FAILED, input in $build/crashes/" >&2
        exit 1
    fi
    grep -a -E '^#[0-9]+[[:space:]]+DONE' "$build/fuzz_$name.log" | tail -n 1 | sed "s/^/fuzz_$name: /"
done
