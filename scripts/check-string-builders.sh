#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when any variable, member or function of ours has a QStringBuilder type.
#
# Under QT_USE_QSTRINGBUILDER, `auto path = dir + QStringLiteral("/x")` deduces a QStringBuilder
# that points at temporaries destroyed at the end of the statement: reading it later is undefined
# behaviour that Debug and ASan builds may not show, but the optimised build does. The check asks
# clang for the *type* of every declaration (clang-query on the build's compile_commands.json), so
# it does not depend on how the expression is spelt: `auto`, `const auto &`, a lambda or function
# with a deduced return type, a structured member, `+` or `%`, in any file we compile.
#   scripts/check-string-builders.sh BUILD_DIR
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:?usage: scripts/check-string-builders.sh BUILD_DIR}"
query_tool="$(command -v clang-query-16 || command -v clang-query || true)"
[ -n "$query_tool" ] || { echo "check-string-builders: clang-query not found (apt-get install clang-tools-16)" >&2; exit 2; }
[ -f "$build/compile_commands.json" ] || { echo "check-string-builders: no $build/compile_commands.json" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
builder='hasUnqualifiedDesugaredType(recordType(hasDeclaration(classTemplateSpecializationDecl(hasName("::QStringBuilder")))))'
cat >"$work/query" <<QUERY
set output diag
match namedDecl(anyOf(varDecl(hasType($builder)), varDecl(hasType(references($builder))), fieldDecl(hasType($builder)), functionDecl(returns($builder)), functionDecl(returns(references($builder)))), unless(isExpansionInSystemHeader())).bind("string_builder")
QUERY

# Our own translation units: src/, tests/, bench/ (not moc's or rcc's generated files).
python3 - "$build/compile_commands.json" "$here" >"$work/files" <<'PY'
import json, os, sys
root = os.path.realpath(sys.argv[2])
seen = set()
for entry in json.load(open(sys.argv[1])):
    path = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
    rel = os.path.relpath(path, root)
    if rel.split(os.sep)[0] in ("src", "tests", "bench") and "_autogen" not in path and path not in seen:
        seen.add(path)
        print(path)
PY
count=$(wc -l <"$work/files")
[ "$count" -gt 0 ] || { echo "check-string-builders: no source files in $build" >&2; exit 2; }

# clang does not know GCC's -fcoroutines (C++20 has coroutines anyway); any other error means a
# file was not fully parsed, and the check would be blind there, so it fails too.
# Warnings are GCC's business (the build has -Werror for them); clang's own would stop a file.
xargs -a "$work/files" -P "$(nproc)" -I{} sh -c '"$0" -p "$1" --extra-arg=-w -f "$2" "$3" >"$4/$(echo "$3" | md5sum | cut -c1-16).out" 2>&1 || true' \
    "$query_tool" "$build" "$work/query" {} "$work"
cat "$work"/*.out >"$work/all"
status=0
if grep -q 'binds here' "$work/all"; then
    echo "A QStringBuilder outlives its statement (declare the variable or return type as QString):"
    grep -A1 '"string_builder" binds here' "$work/all" | grep -v '^--$' | sed 's/ note: "string_builder" binds here//' || true
    status=1
fi
if grep -v "unknown argument: '-fcoroutines'" "$work/all" | grep -q 'error:'; then
    echo "check-string-builders: clang could not parse every file, so the check is incomplete:"
    grep -v "unknown argument: '-fcoroutines'" "$work/all" | grep 'error:' | sort -u | head -20
    status=1
fi
[ "$status" -ne 0 ] || echo "check-string-builders: no QStringBuilder variables or return types in $count files"
exit "$status"
