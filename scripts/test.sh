#!/usr/bin/env bash
# Quick start 2: set up, build everything (native and wasm) and run all tests.
#   scripts/test.sh            everything
#   scripts/test.sh --no-e2e   skip the browser tests (no Chromium needed)
# FUZZ_SECONDS (default 10) sets how long each importer's fuzzer runs; 0 skips fuzzing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
E2E=1
[ "${1:-}" = "--no-e2e" ] && E2E=0
if [ "$E2E" = 1 ]; then bash scripts/setup.sh; else bash scripts/setup.sh --no-browser; fi
export NODE_PATH=/usr/share/nodejs
jobs=$(nproc)

echo "== native build and tests"
cmake --preset native >/dev/null
cmake --build --preset native -j "$jobs"
ctest --preset native -j "$jobs"

echo "== gold JSON Schema against the importer (node + ajv)"
bash scripts/test_schema.sh

if [ "${FUZZ_SECONDS:-10}" != 0 ]; then
  echo "== importer fuzzers (libFuzzer, ${FUZZ_SECONDS:-10} s each)"
  bash scripts/fuzz.sh "${FUZZ_SECONDS:-10}"
fi

echo "== wasm build and tests (node)"
cmake --preset wasm >/dev/null
cmake --build --preset wasm -j "$jobs"
ctest --preset wasm

if [ "$E2E" = 1 ]; then
  echo "== browser end-to-end tests (headless Chromium)"
  # One file at a time (each starts its own Chromium; 2 cores), on node 18 and 20 alike.
  for f in tests/e2e/*.test.mjs; do
    (cd tests/e2e && node --test --test-reporter=spec "./$(basename "$f")")
  done
fi
echo "== all tests passed"
