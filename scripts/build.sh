#!/usr/bin/env bash
# Builds the npm-style package into pkg/: the wasm module for browsers (--target web), the same
# API for Node (pkg/node/), the batch page's build with the file reader (pkg/batch/), the
# <tuopin-assessment> element, and the TypeScript types.
#
#   bash scripts/build.sh           # rebuilds only what changed since the last build
#   bash scripts/build.sh --force   # rebuilds everything
#
# Browser floor (issue 11 §3): Chromium ≥ 80 and Firefox ESR ≥ 91. Current rustc turns on
# reference types and multi-value for wasm32, and wasm-bindgen then emits `externref` and
# multi-value returns, which Chromium < 96 refuses. So each wasm is built here as a direct
# sequence instead of wasm-pack (which runs wasm-bindgen right after cargo, with no step between):
#   1. cargo build with `-C target-feature=-reference-types,-multivalue`;
#   2. scripts/strip-target-features.mjs removes the `target_features` custom section (the
#      prebuilt std still lists +reference-types there, and wasm-bindgen would act on it);
#   3. wasm-bindgen --target web | nodejs;
#   4. wasm-opt with the features of the floor only (no reference types, no multi-value).
# tests/old-browsers/ checks the result with `wasm-validate --disable-reference-types
# --disable-multi-value` and runs it in real Chromium 80 and 92.
#
# Profiles (issue 8 item 4, Cargo.toml): the core module pkg/tuopin_bg.wasm is size-optimised
# (profile wasm-core, opt-level "z", wasm-opt -Oz): it is what every page downloads. The Node
# build and the batch build are speed-optimised (profile release, opt-level 3, wasm-opt -O3):
# they run whole files.
#
# Rebuilding only what changed (issue 11 §6): a hash of the inputs of the wasm builds (src/,
# Cargo.toml, Cargo.lock, build.rs, packs/, this script and the strip script, the tool versions)
# and one of what goes around them (js/, the manifest scripts, README.md) are kept in
# target/tuopin-build/ with the three built modules. When both match and pkg/ is complete,
# nothing runs; when only the second changed, pkg/ is reassembled from the kept modules (a few
# file copies, no cargo).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

force=0
[ "${1:-}" = "--force" ] && force=1

log() { printf '[build] %s\n' "$*" >&2; }
stamps="target/tuopin-build"
mkdir -p "$stamps"

# The floor's wasm features. Only the wasm32 target gets them (host build scripts do not). A
# RUSTFLAGS from the caller's environment would override them: it is dropped here.
unset RUSTFLAGS CARGO_ENCODED_RUSTFLAGS
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=-reference-types,-multivalue"
# wasm-opt: start from the MVP and enable exactly what Chromium 80 / Firefox 79 have.
WASM_OPT_FEATURES=(--mvp-features --enable-bulk-memory --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-mutable-globals)

# wasm-opt for the core module (size first; BENCHMARKS.md "Core package size" has what each part
# saved, measured): -Oz to a fixed point; --low-memory-unused lets constant offsets fold into
# loads and stores (true of Rust's layout: the stack fills the first 1 MiB from the top down, data
# follows, so the low 1 KiB is reached only by a stack already overflowing); the producers section
# names the compilers only; --flatten --rereloop then -Oz again rebuilds the control flow smaller.
# Same speed measured (assessMany and assess in Node, CPU time, side by side).
CORE_OPT="-Oz --converge --low-memory-unused --strip-producers --flatten --rereloop -Oz -Oz"

# Hash of the files under the given paths (those that exist), in a stable order.
hash_of() {
  local paths=() p
  for p in "$@"; do [ -e "$p" ] && paths+=("$p"); done
  find "${paths[@]}" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64
}

wasm_inputs="$(
  {
    hash_of src Cargo.toml Cargo.lock build.rs scripts/build.sh scripts/wasm-binary.mjs scripts/strip-target-features.mjs \
      scripts/pkg-short-imports.mjs
    wasm-bindgen --version 2>/dev/null || echo "no wasm-bindgen"
    wasm-opt --version 2>/dev/null || echo "no wasm-opt"
    terser --version 2>/dev/null || echo "no terser"
    rustc --version
    echo "$CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS"
  } | sha256sum | cut -c1-64
)"
# What goes around the modules: the element, the manifest scripts, the README copied into pkg/.
js_inputs="$( { hash_of js scripts/finish-pkg.mjs scripts/pkg-base.mjs README.md; echo "$wasm_inputs"; } | sha256sum | cut -c1-64)"

complete() {
  local f
  for f in pkg/package.json pkg/tuopin.js pkg/tuopin_bg.wasm pkg/tuopin.d.ts pkg/batch/tuopin.js \
    pkg/batch/tuopin_bg.wasm pkg/node/tuopin_bg.wasm; do
    [ -f "$f" ] || return 1
  done
}

if [ "$force" = 0 ] && complete && [ "$(cat "$stamps/wasm" 2>/dev/null)" = "$wasm_inputs" ] &&
  [ "$(cat "$stamps/js" 2>/dev/null)" = "$js_inputs" ]; then
  log "pkg/ is up to date (inputs unchanged); nothing to build"
  # The demo's service worker lists www/ and pkg/ with a content hash (www/ may have changed).
  node scripts/sw-manifest.mjs
  exit 0
fi

# One wasm build: cargo (profile, features) → strip → wasm-bindgen (target) → wasm-opt (level).
#   wasm_build PROFILE PROFILE_DIR "FEATURES" BINDGEN_TARGET OUT_DIR OPT_LEVEL
wasm_build() {
  local profile="$1" dir="$2" features="$3" target="$4" out="$5" level="$6"
  local work="$stamps/$(basename "$out")-$target"
  log "cargo build --profile $profile $features (wasm32, floor features) → $out ($target, wasm-opt $level)"
  # shellcheck disable=SC2086
  cargo build --quiet --lib --target wasm32-unknown-unknown --profile "$profile" $features
  rm -rf "$work"
  mkdir -p "$work"
  cp "target/wasm32-unknown-unknown/$dir/tuopin.wasm" "$work/tuopin.wasm"
  node scripts/strip-target-features.mjs "$work/tuopin.wasm"
  rm -rf "$out"
  mkdir -p "$out"
  wasm-bindgen --target "$target" --out-dir "$out" --out-name tuopin "$work/tuopin.wasm"
  # shellcheck disable=SC2086
  wasm-opt $level "${WASM_OPT_FEATURES[@]}" "$out/tuopin_bg.wasm" -o "$out/tuopin_bg.wasm"
}

built() {
  local d
  for d in out-node out-batch out-core; do [ -f "$stamps/$d/tuopin_bg.wasm" ] || return 1; done
}
if [ "$force" = 1 ] || ! built || [ "$(cat "$stamps/wasm" 2>/dev/null)" != "$wasm_inputs" ]; then
  rm -f "$stamps/wasm" "$stamps/js"
  wasm_build release release "" nodejs "$stamps/out-node" -O3
  wasm_build release release "--features files" web "$stamps/out-batch" -O3
  wasm_build wasm-core wasm-core "" web "$stamps/out-core" "$CORE_OPT"
  # The core's imports get short names in the module and its glue together (size; the script
  # says why and what it checks).
  node scripts/pkg-short-imports.mjs "$stamps/out-core"
  # The core's glue minified (size: 3.4 → 2.1 KB gzipped, BENCHMARKS.md "Core package size",
  # fifth round): wasm-bindgen's generated code, which nobody edits; its types are tuopin.d.ts,
  # and the `@ts-self-types` comment that points to them is kept. ES2020 is the browser floor's.
  terser "$stamps/out-core/tuopin.js" --module --ecma 2020 --compress --mangle \
    --comments '/@ts-self-types/' -o "$stamps/out-core/tuopin.js"
  echo "$wasm_inputs" >"$stamps/wasm"
else
  log "wasm modules up to date (inputs unchanged); assembling pkg/ from them"
fi

# Assembling pkg/ from the three builds is a few file copies.
rm -rf pkg
mkdir -p pkg/node pkg/batch
cp "$stamps/out-core"/tuopin.js "$stamps/out-core"/tuopin.d.ts "$stamps/out-core"/tuopin_bg.wasm pkg/
if [ -f "$stamps/out-core/tuopin_bg.wasm.d.ts" ]; then cp "$stamps/out-core/tuopin_bg.wasm.d.ts" pkg/; fi
cp "$stamps/out-node"/tuopin.js "$stamps/out-node"/tuopin.d.ts "$stamps/out-node"/tuopin_bg.wasm pkg/node/
if [ -f "$stamps/out-node/tuopin_bg.wasm.d.ts" ]; then cp "$stamps/out-node/tuopin_bg.wasm.d.ts" pkg/node/; fi
cp "$stamps/out-batch"/tuopin.js "$stamps/out-batch"/tuopin.d.ts "$stamps/out-batch"/tuopin_bg.wasm pkg/batch/
# What wasm-pack used to write around the module: the package manifest's base (completed by
# scripts/finish-pkg.mjs), the README, and a .gitignore that keeps pkg/ out of git.
node scripts/pkg-base.mjs
# The element and its styles import the package as ./tuopin.js.
if [ -d js ]; then cp js/*.js pkg/ 2>/dev/null || true; cp js/*.css pkg/ 2>/dev/null || true; cp js/*.d.ts pkg/ 2>/dev/null || true; fi
node scripts/finish-pkg.mjs
echo "$js_inputs" >"$stamps/js"
log "pkg/ ready: $(du -sh pkg | cut -f1)"
# The demo site's service worker: its precache list and version (a hash of www/ and pkg/).
node scripts/sw-manifest.mjs
