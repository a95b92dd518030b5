// Real headless Chromium 80 and 92 for the old-browser tests (issue 11 §3), cached on this machine.
//
//   node tests/old-browsers/chromium.mjs 80      # fetches it if needed, prints the binary's path
//
// The builds come from the npm package `chrome-aws-lambda` (only package registries are reachable
// here): each version ships one brotli-packed headless Chromium (bin/chromium.br) and the few
// shared libraries it needs that a Debian machine lacks (bin/aws.tar.br). The first call per
// version runs `npm pack`, unpacks both with node:zlib and keeps the result under
// $TUOPIN_BROWSERS_DIR (default ~/.cache/tuopin-browsers); later calls only check the cache.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync, rmSync, mkdtempSync, readdirSync, renameSync } from "node:fs";
import { brotliDecompressSync } from "node:zlib";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Chromium major version → the chrome-aws-lambda release that ships it; the test suite runs these. */
export const BUILDS = { 80: "2.1.1", 92: "10.1.0" };
/** More builds for a run by hand (`node tests/old-browsers/run.mjs 83 88`). */
export const MORE_BUILDS = { 83: "3.1.1", 88: "5.5.0" };

export const cacheDir = process.env.TUOPIN_BROWSERS_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "tuopin-browsers");

/** Flags every old build needs here: no sandbox (root, containers), one process, no GPU. */
export const FLAGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--single-process",
  "--no-zygote",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Makes sure Chromium `major` is unpacked in the cache; returns {executablePath, env} to launch it
 * (env carries LD_LIBRARY_PATH for the bundled libraries).
 */
export function ensureChromium(major) {
  const version = BUILDS[major] || MORE_BUILDS[major];
  if (!version) throw new Error(`no chrome-aws-lambda build known for Chromium ${major} (known: ${Object.keys({ ...BUILDS, ...MORE_BUILDS }).join(", ")})`);
  const dir = path.join(cacheDir, `chromium-${major}`);
  const exe = path.join(dir, "chromium");
  const libs = path.join(dir, "lib");
  const stamp = path.join(dir, ".complete");
  if (!existsSync(stamp) || readFileSync(stamp, "utf8").trim() !== version) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(cacheDir, { recursive: true });
    const tmp = mkdtempSync(path.join(cacheDir, `.tmp-${major}-`));
    try {
      process.stderr.write(`[old-browsers] fetching chrome-aws-lambda@${version} (Chromium ${major}) from npm\n`);
      execFileSync("npm", ["pack", `chrome-aws-lambda@${version}`, "--silent", "--pack-destination", tmp], { stdio: ["ignore", "ignore", "inherit"] });
      const tgz = readdirSync(tmp).find((f) => f.endsWith(".tgz"));
      if (!tgz) throw new Error("npm pack produced no tarball");
      execFileSync("tar", ["xzf", path.join(tmp, tgz), "-C", tmp, "package/bin"]);
      const bin = path.join(tmp, "package", "bin");
      const out = path.join(tmp, "out");
      mkdirSync(path.join(out, "lib"), { recursive: true });
      writeFileSync(path.join(out, "chromium"), brotliDecompressSync(readFileSync(path.join(bin, "chromium.br"))));
      chmodSync(path.join(out, "chromium"), 0o755);
      // aws.tar holds aws/lib/*.so*; flatten it into lib/.
      const awsTar = path.join(tmp, "aws.tar");
      writeFileSync(awsTar, brotliDecompressSync(readFileSync(path.join(bin, "aws.tar.br"))));
      const awsDir = path.join(tmp, "aws-x");
      mkdirSync(awsDir);
      execFileSync("tar", ["xf", awsTar, "-C", awsDir]);
      for (const so of findFiles(awsDir)) renameSync(so, path.join(out, "lib", path.basename(so)));
      writeFileSync(path.join(out, ".complete"), version + "\n");
      renameSync(out, dir);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const env = { ...process.env, LD_LIBRARY_PATH: [libs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(":") };
  return { executablePath: exe, env, version: major };
}

function findFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...findFiles(p));
    else out.push(p);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const majors = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BUILDS);
  for (const m of majors) console.log(`${m}\t${ensureChromium(Number(m)).executablePath}`);
}
