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
import { leb, sections } from "./wasm-binary.mjs";

/** Returns the module without its custom sections named `name`, and how many were removed. */
export function stripCustomSection(bytes, name) {
  const keep = [bytes.subarray(0, 8)];
  let removed = 0;
  for (const { id, start, body, end } of sections(bytes)) {
    let drop = false;
    if (id === 0) {
      const [len, at] = leb(bytes, body);
      const sectionName = Buffer.from(bytes.subarray(at, at + len)).toString("utf8");
      drop = sectionName === name;
    }
    if (drop) removed++;
    else keep.push(bytes.subarray(start, end));
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
