// Issue 11 §3: every wasm module of the package validates with the features Chromium 80 and
// Firefox 79 lack turned off (reference types, multi-value; SIMD too, which Chromium has from 91
// only), using wabt's wasm-validate (npm `wabt`). And the build's strip step removes exactly the
// `target_features` section.
//
//   node --test tests/old-browsers/wasm-floor.test.mjs      (after scripts/build.sh)

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stripCustomSection } from "../../scripts/strip-target-features.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const validator = path.join(root, "node_modules/.bin/wasm-validate");
const FLOOR = ["--disable-reference-types", "--disable-multi-value", "--disable-simd"];

/** wasm-validate with the floor's features; returns "" when valid, else its message. */
function validate(file) {
  try {
    execFileSync(validator, [...FLOOR, file], { stdio: ["ignore", "pipe", "pipe"] });
    return "";
  } catch (e) {
    return String(e.stderr || e.stdout || e.message) || "invalid";
  }
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "tuopin-floor-"));
const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const section = (id, body) => [id, body.length, ...body]; // bodies here are < 128 bytes
const custom = (name, data) => section(0, [name.length, ...Buffer.from(name), ...data]);
const write = (name, bytes) => {
  const file = path.join(tmp, name);
  writeFileSync(file, Buffer.from(bytes));
  return file;
};

for (const rel of ["pkg/tuopin_bg.wasm", "pkg/node/tuopin_bg.wasm", "pkg/batch/tuopin_bg.wasm"]) {
  test(`issue 11 §3: ${rel} validates without reference types, multi-value and SIMD`, () => {
    assert.equal(validate(path.join(root, rel)), "");
  });
}

test("issue 11 §3: the check fails on a module that needs multi-value or externref (control)", () => {
  // type section: one function type () -> (i32, i32): two results need multi-value.
  const multi = write("multi.wasm", [...HEADER, ...section(1, [0x01, 0x60, 0x00, 0x02, 0x7f, 0x7f])]);
  assert.match(validate(multi), /error/);
  // type section: one function type (externref) -> (): needs reference types.
  const ext = write("externref.wasm", [...HEADER, ...section(1, [0x01, 0x60, 0x01, 0x6f, 0x00])]);
  assert.match(validate(ext), /error/);
  // The MVP form of the same type, (i32) -> (), is valid: the failures above are the features.
  const mvp = write("mvp.wasm", [...HEADER, ...section(1, [0x01, 0x60, 0x01, 0x7f, 0x00])]);
  assert.equal(validate(mvp), "");
});

test("issue 11 §3: strip-target-features removes that custom section only, byte for byte", () => {
  const types = section(1, [0x01, 0x60, 0x00, 0x00]);
  const features = custom("target_features", [0x01, 0x2b, 0x0f, ...Buffer.from("reference-types")]);
  const producers = custom("producers", [0x00]);
  const input = Buffer.from([...HEADER, ...types, ...features, ...producers]);
  const { bytes, removed } = stripCustomSection(input, "target_features");
  assert.equal(removed, 1);
  assert.deepEqual([...bytes], [...HEADER, ...types, ...producers]);
  // Nothing to remove: unchanged.
  const again = stripCustomSection(bytes, "target_features");
  assert.equal(again.removed, 0);
  assert.deepEqual([...again.bytes], [...bytes]);
  // Not wasm, or a section running past the end: a clear error, never a silently cut file.
  assert.throws(() => stripCustomSection(Buffer.from("not wasm"), "target_features"), /not a WebAssembly binary/);
  assert.throws(() => stripCustomSection(Buffer.from([...HEADER, 0x01, 0x10, 0x01]), "target_features"), /runs past the end/);
});

test("issue 11 §3: the built core module carries no target_features section", () => {
  const { removed } = stripCustomSection(readFileSync(path.join(root, "pkg/tuopin_bg.wasm")), "target_features");
  assert.equal(removed, 0);
});
