#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping what is already there.
# Idempotent: safe to run on every invocation of scripts/demo.sh and scripts/test.sh.
# Build machines may reach only the package registries, so nothing
# is downloaded from anywhere else: wasm-bindgen and wasm-pack come from crates.io,
# wasm-opt from the npm `binaryen` package, Chromium from Debian.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
log() { printf '[setup] %s\n' "$*" >&2; }

export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

# 1. The wasm target for the Rust toolchain.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen CLI, pinned to the exact library version in Cargo.lock (a mismatch makes
#    wasm-pack try to download its own copy, which fails here).
want_bindgen="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)"
have_bindgen="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$want_bindgen" != "$have_bindgen" ]; then
  log "installing wasm-bindgen-cli $want_bindgen (have: ${have_bindgen:-none}); takes a few minutes"
  # Not --locked: some locked transitive versions are not served by the registry mirror.
  cargo install wasm-bindgen-cli --version "$want_bindgen" --force
fi

# 3. wasm-pack.
if ! command -v wasm-pack >/dev/null 2>&1; then
  log "installing wasm-pack; takes a few minutes"
  cargo install wasm-pack --locked --version 0.15.1
fi

# 4. Node packages: binaryen (wasm-opt), playwright-core, axe-core, json-rules-engine (benchmark baseline).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.setup-stamp ]; then
  log "installing node packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.setup-stamp
fi

# 5. Chromium and its driver, from Debian, and a CJK font so pages and screenshots show Chinese.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing from Debian: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
log "tools ready"
