#!/usr/bin/env node
// Writes what wasm-pack used to write around the wasm module, now that scripts/build.sh runs
// cargo, wasm-bindgen and wasm-opt itself (issue 11 §3): the base of pkg/package.json (name,
// version, licence, description, repository from Cargo.toml), the README and pkg/.gitignore.
// scripts/finish-pkg.mjs then completes package.json (exports, files, types).
import { readFileSync, writeFileSync, copyFileSync, existsSync } from "node:fs";

const root = new URL("../", import.meta.url);
const cargo = readFileSync(new URL("Cargo.toml", root), "utf8");
// The [package] table only: the first section of Cargo.toml, up to the next [header].
const pkgTable = cargo.split(/^\[package\]\s*$/m)[1]?.split(/^\[/m)[0] ?? "";
const field = (name) => {
  const m = pkgTable.match(new RegExp(`^${name}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`, "m"));
  return m ? JSON.parse(`"${m[1]}"`) : undefined;
};
const name = field("name");
if (!name) throw new Error("Cargo.toml: no [package] name");

const pkg = {
  name,
  type: "module",
  description: field("description"),
  version: field("version"),
  license: field("license"),
  repository: field("repository") ? { type: "git", url: field("repository") } : undefined,
  files: [`${name}_bg.wasm`, `${name}.js`, `${name}.d.ts`],
  main: `${name}.js`,
  types: `${name}.d.ts`,
  sideEffects: ["./snippets/*"],
};
writeFileSync(new URL("pkg/package.json", root), JSON.stringify(pkg, null, 2) + "\n");
const readme = field("readme") ?? "README.md";
if (existsSync(new URL(readme, root))) copyFileSync(new URL(readme, root), new URL("pkg/README.md", root));
writeFileSync(new URL("pkg/.gitignore", root), "*\n");
