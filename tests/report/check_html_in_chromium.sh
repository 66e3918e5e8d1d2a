#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Opens an HTML report in headless Chromium and fails if the page runs any script (it must
# not: run labels such as <script>alert(1)</script> have to show as text), logs a script
# error, or does not show the escaped text and the timeline.
#
#   tests/report/check_html_in_chromium.sh [BUILD_DIR | REPORT.html] [SCREENSHOT.png]
#
# Without a report file it writes the hostile sample report with
# BUILD_DIR/tests/tst_htmlreport --write-sample (BUILD_DIR defaults to ./build).
# Needs Chromium (Debian: apt-get install -y chromium); without it the check is skipped
# with exit status 0 and a SKIP line, so it can run anywhere.
set -euo pipefail

target="${1:-build}"
screenshot="${2:-}"

browser=""
for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$candidate" >/dev/null 2>&1; then
        browser="$(command -v "$candidate")"
        break
    fi
done
if [[ -z "$browser" ]]; then
    echo "SKIP: Chromium is not installed (Debian: apt-get install -y chromium)"
    exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -f "$target" && "$target" == *.html ]]; then
    report="$target"
    hostile=0
else
    generator="$target/tests/tst_htmlreport"
    if [[ ! -x "$generator" ]]; then
        echo "FAIL: $generator not found: build it first (ninja -C $target tst_htmlreport)" >&2
        exit 1
    fi
    report="$work/report.html"
    "$generator" --write-sample "$report"
    hostile=1
fi

flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run
       --disable-extensions --hide-scrollbars --user-data-dir="$work/profile" --enable-logging=stderr --v=0
       --virtual-time-budget=3000)
url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"

if ! timeout 120 "$browser" "${flags[@]}" --dump-dom "$url" >"$work/dom.html" 2>"$work/console.log"; then
    echo "FAIL: Chromium could not load $report" >&2
    tail -20 "$work/console.log" >&2
    exit 1
fi

status=0
fail() {
    echo "FAIL: $*" >&2
    status=1
}

# Page problems show up in Chromium's log as console messages from the file:// URL.
if grep -E "Uncaught|CONSOLE\([0-9]+\)|Refused to (execute|load)" "$work/console.log" | grep -v "dbus" >"$work/errors.log"; then
    fail "the page logged script errors or policy violations:"
    cat "$work/errors.log" >&2
fi
if grep -qi "<script" "$work/dom.html"; then
    fail "the rendered page contains a <script> element"
fi
if ! grep -q "<svg" "$work/dom.html" || ! grep -q 'class="lane"' "$work/dom.html"; then
    fail "the timeline (inline SVG with task lanes) is missing"
fi
if [[ "$hostile" == 1 ]]; then
    # Text nodes come back escaped in the serialised DOM: the labels are text, not markup.
    for text in '&lt;script&gt;alert(1)&lt;/script&gt;' '&lt;img src=x onerror=alert(2)&gt;' '&lt;/pre&gt;&lt;script&gt;alert(3)'; do
        grep -qF "$text" "$work/dom.html" || fail "escaped text $text not found in the page"
    done
    grep -q "<img" "$work/dom.html" && fail "an <img> element was injected"
fi

if [[ -n "$screenshot" ]]; then
    timeout 120 "$browser" "${flags[@]}" --window-size=1300,2400 --screenshot="$screenshot" "$url" >/dev/null 2>&1 ||
        fail "could not take a screenshot"
fi

if [[ "$status" == 0 ]]; then
    echo "OK: $report renders in $(basename "$browser") without scripts or errors"
fi
exit "$status"
