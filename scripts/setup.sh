#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping what is already there.
# Idempotent: safe to run on every invocation of scripts/demo.sh and scripts/test.sh.
# Build machines may reach only the package registries, so nothing
# is downloaded from anywhere else: wasm-bindgen and wasm-pack come from crates.io,
# wasm-opt from the npm `binaryen` package, Chromium from Debian.
set -euo pipefail
# When everything is there this only looks (well under a second: no apt-get, no cargo install,
# no npm), so scripts/demo.sh starts serving at once on a second run (issue 11 §6).
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

# 4. Node packages: binaryen (wasm-opt), playwright-core, axe-core, json-rules-engine (benchmark
#    baseline), and for the browser floor (issue 11 §3) wabt (wasm-validate), eslint with
#    eslint-plugin-compat, puppeteer-core 5.5.0 (drives the old Chromium builds).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.setup-stamp ]; then
  log "installing node packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.setup-stamp
fi

# 5. From Debian: Chromium and its driver, a CJK font so pages and screenshots show Chinese, and
#    Firefox ESR (tests/old-browsers/firefox.mjs). Checked with dpkg-query: fast, and exact (a
#    `fc-list | grep -q` under pipefail can fail on SIGPIPE and reinstall every time).
missing=()
for p in chromium chromium-driver fonts-noto-cjk firefox-esr; do
  [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing from Debian: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# The old Chromium builds of tests/old-browsers/ (80 and 92, from npm chrome-aws-lambda) are
# fetched and cached by the tests themselves on first use (~/.cache/tuopin-browsers).
log "tools ready"
