#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`: Debian clang 14, AddressSanitizer) and runs each
# importer's target for SECONDS (default 10) on seeds from tests/io/fixtures. Exits non-zero
# when a target crashes, hangs (10 s per input), leaks or breaks the import contract (see
# fuzz/fuzz_support.hpp); the input that did it is kept in build/fuzz/artifacts/.
#   scripts/fuzz.sh            10 s per target (about 1.5 minutes with the build up to date)
#   scripts/fuzz.sh 600        longer, on demand
# New interesting inputs accumulate in build/fuzz/corpus/<target> between runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-10}"
targets=(gold brat doccano label_studio text)
fixtures=tests/io/fixtures

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
for t in "${targets[@]}"; do mkdir -p "$seeds/$t" "build/fuzz/corpus/$t"; done
mkdir -p build/fuzz/artifacts
cp "$fixtures"/*.gold.json "$seeds/gold/"
for ann in "$fixtures"/brat/*.ann; do
  # fuzz_brat reads the .txt, a NUL byte, then the .ann
  { cat "${ann%.ann}.txt"; printf '\0'; cat "$ann"; } > "$seeds/brat/$(basename "$ann" .ann)"
done
cp "$fixtures"/*.doccano.jsonl "$seeds/doccano/"
cp "$fixtures"/*.label-studio.json "$seeds/label_studio/"
cp "$fixtures"/*.corpus.jsonl assets/sample/*.txt "$seeds/text/"

status=0
for t in "${targets[@]}"; do
  echo "== fuzz_$t for ${seconds}s"
  if ! build/fuzz/bin/fuzz_"$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="build/fuzz/artifacts/$t-" "build/fuzz/corpus/$t" "$seeds/$t" 2> "build/fuzz/$t.log"; then
    echo "fuzz_$t FAILED (log: build/fuzz/$t.log)" >&2
    tail -30 "build/fuzz/$t.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "build/fuzz/$t.log" | tail -1
  fi
done
[ "$status" = 0 ] && echo "fuzzers: 5 passed, 0 failed" || echo "fuzzers: some failed" >&2
exit "$status"
