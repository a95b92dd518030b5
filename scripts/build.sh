#!/usr/bin/env bash
# Builds the npm-style package into pkg/: the wasm module for browsers (--target web), the same
# API for Node (pkg/node/), the <tuopin-assessment> element, and the TypeScript types.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

log() { printf '[build] %s\n' "$*" >&2; }
log "wasm-pack (node target)"
rm -rf pkg pkg-node
wasm-pack build --release --target nodejs --out-dir pkg-node --out-name tuopin --no-pack >/dev/null
log "wasm-pack (batch page: web target with the CSV reader, --features files)"
rm -rf pkg-batch
wasm-pack build --release --target web --out-dir pkg-batch --out-name tuopin --no-pack -- --features files >/dev/null
log "wasm-pack (web target)"
wasm-pack build --release --target web --out-dir pkg --out-name tuopin
mkdir -p pkg/node
cp pkg-node/tuopin.js pkg-node/tuopin.d.ts pkg-node/tuopin_bg.wasm pkg/node/
[ -f pkg-node/tuopin_bg.wasm.d.ts ] && cp pkg-node/tuopin_bg.wasm.d.ts pkg/node/
rm -rf pkg-node
mkdir -p pkg/batch
cp pkg-batch/tuopin.js pkg-batch/tuopin.d.ts pkg-batch/tuopin_bg.wasm pkg/batch/
rm -rf pkg-batch
# The element and its styles import the package as ./tuopin.js.
if [ -d js ]; then cp js/*.js pkg/ 2>/dev/null || true; cp js/*.css pkg/ 2>/dev/null || true; cp js/*.d.ts pkg/ 2>/dev/null || true; fi
node scripts/finish-pkg.mjs
log "pkg/ ready: $(du -sh pkg | cut -f1)"
