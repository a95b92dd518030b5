// Completes pkg/package.json after wasm-pack: ships the element and the Node build, and maps
// `import "tuopin"` to the right build for browsers and for Node.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";

const path = new URL("../pkg/package.json", import.meta.url);
const pkg = JSON.parse(readFileSync(path, "utf8"));
const files = readdirSync(new URL("../pkg/", import.meta.url)).filter((f) => !["package.json", ".gitignore"].includes(f));
pkg.files = files;
pkg.type = "module";
pkg.exports = {
  ".": {
    types: "./tuopin.d.ts",
    node: { types: "./node/tuopin.d.ts", default: "./node/tuopin.cjs" },
    default: "./tuopin.js",
  },
  "./element": { types: "./tuopin-assessment.d.ts", default: "./tuopin-assessment.js" },
  "./batch": { types: "./batch/tuopin.d.ts", default: "./batch/tuopin.js" },
  "./node": { types: "./node/tuopin.d.ts", default: "./node/tuopin.cjs" },
  "./tuopin_bg.wasm": "./tuopin_bg.wasm",
};
// The element module registers <tuopin-assessment> when imported: a bundler must keep it.
pkg.sideEffects = ["./tuopin-assessment.js", "./tuopin.js", "./batch/tuopin.js"];
pkg.description = "脱贫 tuopin: rural household poverty-assessment, exit and monitoring rules of China, as WebAssembly";
writeFileSync(path, JSON.stringify(pkg, null, 2) + "\n");

// wasm-pack's nodejs output is CommonJS; inside a "type": "module" package it must be .cjs.
import { renameSync, existsSync } from "node:fs";
const nodeJs = new URL("../pkg/node/tuopin.js", import.meta.url);
if (existsSync(nodeJs)) renameSync(nodeJs, new URL("../pkg/node/tuopin.cjs", import.meta.url));
