#!/usr/bin/env node
// Gives the JS functions the core module imports short names, in the .wasm and in its JS glue
// together, in place:
//
//   node scripts/pkg-short-imports.mjs DIR     # DIR holds tuopin_bg.wasm and tuopin.js
//
// Why (issue 8 item 6, core package size): wasm-bindgen names each import after its Rust name
// and a 16-hex-digit hash (`__wbg_get_unchecked_e6325ad374eff861`), and each name is written
// twice, once in the module's import section and once as a key of the glue's import object.
// Random hex does not compress, so the names cost ~0.5 KB of the gzipped package
// (BENCHMARKS.md "Core package size"). The names are only the link between the two files: the
// module calls imports by index, and the glue's object is read only by the instantiation. This
// is what any minifier does to private names; nothing else in either file changes.
//
// Checked here, or the script stops and the build fails: every renamed name is a key of the
// glue's import object exactly once and appears nowhere else in the glue, and no new name was
// already a key there. Only wasm-bindgen's names are renamed, so running it twice changes
// nothing the second time.

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { leb, sections } from "./wasm-binary.mjs";

const MODULE = "./tuopin_bg.js";

function uleb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return Buffer.from(out);
}

const name = (s) => {
  const b = Buffer.from(s, "utf8");
  return Buffer.concat([uleb(b.length), b]);
};

/** Short identifiers: a … z, A … Z, then a0, a1 … */
function shortName(i) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  if (i < letters.length) return letters[i];
  return letters[Math.floor(i / letters.length) - 1] + (i % letters.length).toString(36);
}

/** Reads past one import's description (after its kind byte); returns the next position. */
function skipDesc(bytes, kind, pos) {
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = leb(bytes, p);
    if (flags & 1) [, p] = leb(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: // function: type index
      return leb(bytes, pos)[1];
    case 1: // table: element type, limits
      return limits(pos + 1);
    case 2: // memory: limits
      return limits(pos);
    case 3: // global: value type, mutability
      return pos + 2;
    default:
      throw new Error(`import of unknown kind ${kind}`);
  }
}

/** Renames the imports of MODULE; returns the new module and the map old name → new name. */
export function renameImports(bytes, taken) {
  const parts = [bytes.subarray(0, 8)];
  const renamed = new Map();
  let next = 0;
  for (const { id, start, body, end } of sections(bytes)) {
    if (id !== 2) {
      parts.push(bytes.subarray(start, end));
      continue;
    }
    const [count, first] = leb(bytes, body);
    const entries = [uleb(count)];
    let p = first;
    for (let i = 0; i < count; i++) {
      const [mlen, mat] = leb(bytes, p);
      const module = Buffer.from(bytes.subarray(mat, mat + mlen)).toString("utf8");
      const [flen, fat] = leb(bytes, mat + mlen);
      const field = Buffer.from(bytes.subarray(fat, fat + flen)).toString("utf8");
      const kind = bytes[fat + flen];
      const descEnd = skipDesc(bytes, kind, fat + flen + 1);
      let newField = field;
      // Only wasm-bindgen's own names (`__wbg_…`, `__wbindgen_…`): a second run finds none.
      if (module === MODULE && field.startsWith("__wb")) {
        if (!renamed.has(field)) {
          let candidate;
          do candidate = shortName(next++);
          while (taken.has(candidate));
          renamed.set(field, candidate);
        }
        newField = renamed.get(field);
      }
      entries.push(name(module), name(newField), bytes.subarray(fat + flen, descEnd));
      p = descEnd;
    }
    if (p !== end) throw new Error("import section has bytes after its entries");
    const content = Buffer.concat(entries);
    parts.push(Buffer.from([2]), uleb(content.length), content);
  }
  return { bytes: Buffer.concat(parts), renamed };
}

/** The glue with each import object key renamed; throws unless each is found exactly as expected. */
export function renameInGlue(js, renamed) {
  let out = js;
  for (const [old, short] of renamed) {
    const key = new RegExp(`\\n(\\s+)${old}: function`, "g");
    const keys = out.match(key) ?? [];
    const all = out.split(old).length - 1;
    if (keys.length !== 1 || all !== 1) {
      throw new Error(`import ${old}: expected once as a key of the import object, found ${keys.length} key(s), ${all} mention(s)`);
    }
    out = out.replace(key, (_, indent) => `\n${indent}${short}: function`);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error("usage: pkg-short-imports.mjs DIR   (DIR holds tuopin_bg.wasm and tuopin.js)");
    process.exit(2);
  }
  const wasmFile = path.join(dir, "tuopin_bg.wasm");
  const jsFile = path.join(dir, "tuopin.js");
  const js = readFileSync(jsFile, "utf8");
  // Keys already in the glue's import object (`name: function`), which no new name may take.
  const taken = new Set([...js.matchAll(/\n\s+([A-Za-z_$][\w$]*): function/g)].map((m) => m[1]));
  const { bytes, renamed } = renameImports(readFileSync(wasmFile), taken);
  const glue = renameInGlue(js, renamed);
  writeFileSync(wasmFile, bytes);
  writeFileSync(jsFile, glue);
  console.error(`[short-imports] ${dir}: ${renamed.size} imports renamed`);
}
