#!/usr/bin/env node
// One Node benchmark, in its own process (so its peak memory is its own):
//
//   node bench/node-bench.mjs WHICH --jsonl FILE [--csv FILE] --as-of D [--repeat R] [--pkg DIR]
//
// WHICH is
//   jre            the json-rules-engine baseline (bench/jre-baseline.mjs) over JS objects
//   tuopin-many    tuopin's Node build: assessMany(objects, options)
//   tuopin-assess  tuopin's Node build: assess(household, options) in a loop (a portal calling
//                  the engine per household)
//   tuopin-job     new BatchJob(csvBytes, "csv") + step + summary + rows: from the Node build if it
//                  has BatchJob, else from the batch page's build (pkg/batch, a web-target ES
//                  module, instantiated here with initSync from the .wasm bytes)
//   tuopin-job-jsonl  the same from the JSONL file's bytes (the same data json-rules-engine gets)
//
// The households are read and JSON.parse'd before the clock starts, as in the browser.
// Prints one JSON object: seconds (best, median, all), households/s and maxRSS.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const which = args[0];
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const asOf = opt("--as-of", "2019-12-31");
const repeat = Number(opt("--repeat", "3"));
const jsonl = opt("--jsonl");
const csv = opt("--csv");
const pkg = path.resolve(opt("--pkg", path.join(root, "pkg")));

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];

function loadObjects() {
  return readFileSync(jsonl, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l));
}

async function main() {
  const times = [];
  const cpu = [];
  // Wall and CPU time (process.cpuUsage: user + system, µs) around each repeat.
  let c0 = null;
  const start = () => {
    c0 = process.cpuUsage();
    return performance.now();
  };
  const stop = (t0) => {
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
    return (performance.now() - t0) / 1000;
  };
  let households = 0;
  let check = null;
  if (which === "jre") {
    const { makeEngine, runBaseline } = await import("./jre-baseline.mjs");
    const hs = loadObjects();
    households = hs.length;
    const engine = makeEngine();
    await runBaseline(engine, hs.slice(0, 500), asOf); // warm-up
    for (let i = 0; i < repeat; i++) {
      const t0 = start();
      const s = await runBaseline(engine, hs, asOf);
      times.push(stop(t0));
      check = { households: s.households, byVerdict: s.byVerdict, failingChecks: s.failingChecks };
    }
  } else if (which.startsWith("tuopin-")) {
    const tuopin = require(path.join(pkg, "node/tuopin.cjs"));
    const options = { asOf };
    if (which === "tuopin-many") {
      const hs = loadObjects();
      households = hs.length;
      tuopin.assessMany(hs.slice(0, 500), options); // warm-up
      for (let i = 0; i < repeat; i++) {
        const t0 = start();
        const out = tuopin.assessMany(hs, options);
        times.push(stop(t0));
        check = { valid: out.summary.valid, byVerdict: out.summary.byVerdict, failingChecks: out.summary.failingChecks };
      }
    } else if (which === "tuopin-assess") {
      const hs = loadObjects();
      households = hs.length;
      for (let i = 0; i < repeat; i++) {
        const t0 = start();
        let ok = 0;
        for (const h of hs) {
          try {
            tuopin.assess(h, options);
            ok++;
          } catch {
            // invalid household: counted out, as a portal would
          }
        }
        times.push(stop(t0));
        check = { valid: ok };
      }
    } else if (which === "tuopin-job" || which === "tuopin-job-jsonl") {
      let BatchJob = tuopin.BatchJob;
      if (!BatchJob) {
        const batch = await import(pathToFileURL(path.join(pkg, "batch/tuopin.js")).href);
        batch.initSync({ module: readFileSync(path.join(pkg, "batch/tuopin_bg.wasm")) });
        BatchJob = batch.BatchJob;
      }
      const format = which === "tuopin-job" ? "csv" : "jsonl";
      const bytes = new Uint8Array(readFileSync(format === "csv" ? csv : jsonl));
      for (let i = 0; i < repeat; i++) {
        const t0 = start();
        const job = new BatchJob(bytes, format, options);
        if (typeof job.finished === "function") {
          while (!job.finished()) job.step(2000);
        } else {
          const t = job.total();
          while (job.step(2000) < t);
        }
        const total = job.total();
        const summary = job.summary();
        job.rows(0, 100);
        times.push(stop(t0));
        households = total;
        check = { valid: summary.valid, byVerdict: summary.byVerdict, failingChecks: summary.failingChecks };
        job.free();
      }
    }
  } else {
    throw new Error(`unknown benchmark ${which}`);
  }
  const med = median(times);
  console.log(
    JSON.stringify({
      which,
      households,
      repeat: times.length,
      seconds: { best: Math.min(...times), median: med, all: times },
      cpuSeconds: { best: Math.min(...cpu), median: median(cpu), all: cpu },
      householdsPerSecond: households / med,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      node: process.version,
      check,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  console.log(JSON.stringify({ which, error: String(e.message ?? e) }));
  process.exit(1);
});
