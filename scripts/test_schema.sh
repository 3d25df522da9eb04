#!/usr/bin/env bash
# The JSON Schema of the gold format against `goldspan validate` (tests/schema, node + ajv).
# Needs the native build (build/native/bin/goldspan) and `scripts/setup.sh` (installs ajv).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../tests/schema"
[ -x ../../build/native/bin/goldspan ] || { echo "build/native/bin/goldspan missing: build the native preset first" >&2; exit 1; }
[ -d node_modules/ajv ] || { echo "tests/schema/node_modules missing: run scripts/setup.sh" >&2; exit 1; }
node --test --test-reporter=spec ./*.test.mjs
