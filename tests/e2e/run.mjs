#!/usr/bin/env node
// End-to-end tests of the demo site and the <tuopin-assessment> element in a real browser.
//
//   node tests/e2e/run.mjs [--grep <text>] [--list]
//
// Starts scripts/serve.mjs (twice: once normally, once with --wrong-wasm-mime) on free ports,
// launches Debian's Chromium through playwright-core, runs every test in tests/e2e/*.spec.mjs in
// order, and prints one line per test and a last line `e2e: N passed, M failed`. Exits non-zero
// when a test fails. A test fails on any console error or uncaught exception in the page, and
// on any request that leaves the page's own origin.
//
// Artifacts go to test-artifacts/: screenshots/ (360 px and 1280 px), axe/ (audit results),
// print/ (the A4 PDF), fixtures/ (pages the tests generate).
//
// pkg/ must exist (scripts/build.sh). The element's sources in js/ are copied into pkg/ first,
// as scripts/build.sh does, so that the suite always tests the current element.

import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { tests, makeContext } from "./lib.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const artifacts = path.join(root, "test-artifacts");

const args = process.argv.slice(2);
const grepAt = args.indexOf("--grep");
const grep = grepAt >= 0 ? args[grepAt + 1]?.toLowerCase() : null;
const listOnly = args.includes("--list");

// ---- server --------------------------------------------------------------------------------

function startServer(extra = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "scripts/serve.mjs"), ...extra], {
      cwd: root,
      env: { ...process.env, PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const timer = setTimeout(() => reject(new Error(`serve.mjs did not start: ${out}`)), 10000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/^tuopin demo: (http:\/\/127\.0\.0\.1:(\d+)\/www\/)/m);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], origin: `http://127.0.0.1:${m[2]}`, line: out.split("\n")[0] });
      }
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("exit", (code) => reject(new Error(`serve.mjs exited (${code}): ${out}`)));
  });
}

// ---- main ----------------------------------------------------------------------------------

function syncElement() {
  const pkg = path.join(root, "pkg");
  if (!fs.existsSync(path.join(pkg, "tuopin.js")) || !fs.existsSync(path.join(pkg, "tuopin_bg.wasm"))) {
    throw new Error("pkg/ is missing: run scripts/build.sh first");
  }
  for (const f of fs.readdirSync(path.join(root, "js"))) {
    if (/\.(js|css|d\.ts)$/.test(f)) fs.copyFileSync(path.join(root, "js", f), path.join(pkg, f));
  }
}

async function main() {
  syncElement();
  for (const d of ["screenshots", "axe", "print", "fixtures"]) fs.mkdirSync(path.join(artifacts, d), { recursive: true });

  const specs = fs.readdirSync(here).filter((f) => f.endsWith(".spec.mjs")).sort();
  for (const s of specs) await import(pathToFileURL(path.join(here, s)).href);
  const selected = tests.filter((t) => !grep || t.name.toLowerCase().includes(grep));
  if (listOnly) {
    for (const t of selected) console.log(t.name);
    return 0;
  }

  const server = await startServer(["--test-artifacts"]);
  const wrongMime = await startServer(["--wrong-wasm-mime"]);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ],
  });
  const env = { browser, root, artifacts, server, wrongMime, base: server.url, origin: server.origin };

  let passed = 0;
  let failed = 0;
  for (const t of selected) {
    const started = Date.now();
    const opened = [];
    const ctx = {
      ...env,
      /** A fresh browser context and page that record console errors and requests. */
      open: async (options = {}) => {
        const o = await makeContext(env, { ...options, allowConsole: t.opts.allowConsole ?? [] });
        opened.push(o);
        return o;
      },
    };
    let error = null;
    try {
      await withTimeout(t.fn(ctx), t.opts.timeout ?? 90000, t.name);
      for (const o of opened) o.assertClean();
    } catch (e) {
      error = e;
    } finally {
      for (const o of opened) await o.context.close().catch(() => {});
    }
    const ms = Date.now() - started;
    if (error) {
      failed += 1;
      console.log(`not ok - ${t.name} (${ms} ms)`);
      console.log(indent(error.stack ?? String(error)));
    } else {
      passed += 1;
      console.log(`ok - ${t.name} (${ms} ms)`);
    }
  }

  await browser.close();
  server.child.kill();
  wrongMime.child.kill();
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 && selected.length > 0 ? 0 : 1;
}

function indent(s) {
  return s.split("\n").map((l) => `    ${l}`).join("\n");
}

function withTimeout(promise, ms, name) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${name}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e.stack ?? String(e));
    console.log("e2e: 0 passed, 1 failed");
    process.exit(1);
  },
);
