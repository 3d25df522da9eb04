#!/usr/bin/env bash
# Quick start 1: set up, build the web app and serve it on http://127.0.0.1:${PORT:-8080}/
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
export NODE_PATH=/usr/share/nodejs
cmake --preset wasm >/dev/null
cmake --build --preset wasm
exec node scripts/serve.mjs build/wasm/dist "${PORT:-8080}"
