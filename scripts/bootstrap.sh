#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One entry point for a fresh Debian 12 machine:
#   scripts/bootstrap.sh run    install what is missing, build, launch the app
#   scripts/bootstrap.sh test   install what is missing, build, run every test: the format check,
#                               the Debug suite and the string-builder check, the same suite under AddressSanitizer +
#                               UndefinedBehaviorSanitizer, then on the optimised build `run` launches;
#                               and each libFuzzer target for a short, bounded time
#   scripts/bootstrap.sh asan   only the sanitizer suite
#   scripts/bootstrap.sh bench  install what is missing, build optimised, run coroscope-bench
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-run}"
shift || true

install_missing() {
    local wanted missing=()
    mapfile -t wanted < <(grep -v '^\s*#' "$here/packaging/debian-packages.txt" | sed '/^\s*$/d')
    for package in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if ((${#missing[@]})); then
        echo "Installing: ${missing[*]}"
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -q
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
}

build() { # build DIR [cmake options...]
    local dir="$1"
    shift
    cmake -S "$here" -B "$dir" -G Ninja "$@" >/dev/null
    cmake --build "$dir" -j"$(nproc)"
}

# Leaks fail a test too: the tests run with detect_leaks=1 (tests/CMakeLists.txt).
sanitized_suite() {
    build "$here/build/asan" -DCMAKE_BUILD_TYPE=Debug -DCOROSCOPE_SANITIZE=ON -DCOROSCOPE_BUILD_BENCH=OFF
    ctest --test-dir "$here/build/asan" --output-on-failure --no-tests=error -j2
}

# The optimised build users run: `run` launches its binary, `test` runs the suite on it, `bench`
# measures it. One tree, one set of flags.
release_options=(-DCMAKE_BUILD_TYPE=Release)

install_missing
case "$mode" in
run)
    cmake -S "$here" -B "$here/build/release" -G Ninja "${release_options[@]}" >/dev/null
    cmake --build "$here/build/release" -j"$(nproc)" --target coroscope
    exec "$here/build/release/src/coroscope" "$@"
    ;;
test)
    "$here/scripts/check-format.sh"
    build "$here/build/dev" -DCMAKE_BUILD_TYPE=Debug -DCOROSCOPE_WERROR=ON -DCOROSCOPE_BUILD_BENCH=OFF
    "$here/scripts/check-string-builders.sh" "$here/build/dev"
    ctest --test-dir "$here/build/dev" --output-on-failure --no-tests=error -j2
    "$here/scripts/fuzz.sh" 20 # every parser of outside input, 20 s each (scripts/fuzz.sh 600 for longer)
    sanitized_suite
    build "$here/build/release" "${release_options[@]}"
    ctest --test-dir "$here/build/release" --output-on-failure --no-tests=error -j2
    ;;
asan)
    sanitized_suite
    ;;
bench)
    build "$here/build/release" "${release_options[@]}"
    exec "$here/build/release/bench/coroscope-bench" "$@"
    ;;
*)
    echo "usage: scripts/bootstrap.sh run|test|asan|bench [arguments...]" >&2
    exit 2
    ;;
esac
