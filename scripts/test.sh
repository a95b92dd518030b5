#!/usr/bin/env bash
# Runs every test: formatting and lints, the native suite (unit, golden cases natively and
# through the CLI, packs, no-panic property test), the golden cases through wasm in headless
# Chromium, the Node build and README example, and the browser end-to-end suite.
# Installs whatever is missing first (scripts/setup.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
step() { printf '\n==> %s\n' "$*"; }

step "setup"
bash scripts/setup.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets --quiet -- -D warnings

step "native tests (unit, golden, CLI, packs, property)"
cargo test --quiet

step "build pkg/"
bash scripts/build.sh

step "golden cases through wasm in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome -- --test web

step "browser floor: every wasm validates without reference types / multi-value (wabt) (issue 11 §3)"
node --test tests/old-browsers/wasm-floor.test.mjs

step "browser floor: APIs and syntax of js/ and www/ for chrome >= 80, firefox >= 91 (eslint-plugin-compat, ES2020)"
eslint -c tests/old-browsers/eslint.config.mjs js www

step "browser floor: real headless Chromium 80 and 92 (engine, element, batch Worker; cached download)"
node tests/old-browsers/run.mjs

step "browser floor: Firefox ESR headless (engine, element, batch Worker)"
node --experimental-websocket --no-warnings=ExperimentalWarning tests/old-browsers/firefox.mjs

step "Node build and README example"
node --test tests/node/

step "bundlers: Vite, webpack 5 and webpack 4 builds of a tiny app from the packed pkg/, in headless Chromium"
node --test tests/bundlers/

if [ -f tests/e2e/run.mjs ]; then
  step "browser end-to-end tests"
  node tests/e2e/run.mjs
fi
