#!/usr/bin/env bash
# Runs the native and the wasm `goldspan tokenize` over the same inputs with several
# locales and options, and fails on the first difference.
#   compare_native_wasm.sh NATIVE_CLI WASM_CLI_JS
set -euo pipefail
native="$1"; wasm="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ -x "$native" ] || { echo "native CLI not built: $native (run cmake --build --preset native first)" >&2; exit 1; }
inputs=("$root"/assets/sample/*.txt)
if ls "$root"/../shared/corpus/*.txt >/dev/null 2>&1; then
  inputs+=("$root"/../shared/corpus/*.txt)
else
  echo "note: ../shared/corpus not present; comparing on shipped samples only"
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=0
for locale in root en fr ja th zh sv; do
  for opts in "--sentences --kinds" "--boundaries"; do
    # shellcheck disable=SC2086
    (cd / && "$native" tokenize --locale "$locale" $opts "${inputs[@]}") > "$tmp/native.jsonl"
    # shellcheck disable=SC2086
    (cd / && node --no-experimental-fetch "$wasm" tokenize --locale "$locale" $opts "${inputs[@]}") > "$tmp/wasm.jsonl"
    if ! cmp -s "$tmp/native.jsonl" "$tmp/wasm.jsonl"; then
      echo "DIFFERENT: locale=$locale options=$opts" >&2
      diff <(tr ']' '\n' < "$tmp/native.jsonl") <(tr ']' '\n' < "$tmp/wasm.jsonl") | head -20 >&2
      exit 1
    fi
    n=$((n + $(wc -l < "$tmp/native.jsonl")))
  done
done
echo "native and wasm identical on $n outputs (${#inputs[@]} files x 5 locales x 2 modes)"
