#!/usr/bin/env node
// Removes the `target_features` custom section from a .wasm file, in place.
//
//   node scripts/strip-target-features.mjs target/wasm32-unknown-unknown/release/tuopin.wasm
//
// Why: the crate is built with `-C target-feature=-reference-types,-multivalue` so that
// Chromium 80–95 can compile it (issue 11 §3), but the prebuilt std still lists
// `+reference-types` in this section, and wasm-bindgen (0.2.130) reads the section and then
// attempts its externref transform, stopping with "failed to find the
// __wbindgen_externref_table_dealloc function". The section is metadata only: removing it changes
// no code. Every other section is copied byte for byte.

import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** Reads an unsigned LEB128 number at `pos`; returns [value, next position]. */
function leb(bytes, pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (pos >= bytes.length) throw new Error("truncated LEB128 number");
    const b = bytes[pos++];
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [value, pos];
    shift += 7;
    if (shift > 35) throw new Error("LEB128 number too long");
  }
}

/** Returns the module without its custom sections named `name`, and how many were removed. */
export function stripCustomSection(bytes, name) {
  const MAGIC = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new Error("not a WebAssembly binary (version 1)");
  }
  const keep = [bytes.subarray(0, 8)];
  let removed = 0;
  let pos = 8;
  while (pos < bytes.length) {
    const start = pos;
    const id = bytes[pos++];
    const [size, body] = leb(bytes, pos);
    const end = body + size;
    if (end > bytes.length) throw new Error(`section at byte ${start} runs past the end of the file`);
    let drop = false;
    if (id === 0) {
      const [len, at] = leb(bytes, body);
      const sectionName = Buffer.from(bytes.subarray(at, at + len)).toString("utf8");
      drop = sectionName === name;
    }
    if (drop) removed++;
    else keep.push(bytes.subarray(start, end));
    pos = end;
  }
  return { bytes: Buffer.concat(keep), removed };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("usage: strip-target-features.mjs FILE.wasm...");
    process.exit(2);
  }
  for (const file of files) {
    const { bytes, removed } = stripCustomSection(readFileSync(file), "target_features");
    writeFileSync(file, bytes);
    console.error(`[strip] ${file}: removed ${removed} target_features section(s)`);
  }
}
