#!/usr/bin/env node
// Runs the browser side of the benchmark in headless Chromium (playwright-core, the system
// Chromium) against bench/index.html served by scripts/serve.mjs on 127.0.0.1.
//
//   node bench/run-browser.mjs --data bench/out --sizes 10000,100000 --as-of 2019-12-31 > browser.json
//
// Each scenario runs in a fresh browser, so the renderer's peak RSS (VmHWM, read from /proc)
// and the wasm memory size belong to that scenario alone.

import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const dataDir = opt("--data", "bench/out");
const sizes = opt("--sizes", "10000,100000").split(",").map(Number);
const asOf = opt("--as-of", "2019-12-31");
const only = opt("--only", null); // comma-separated scenario names of the plan, for development
// Comma-separated scenario names run instead of the plan (the issue-8 targets, scripts/bench.sh):
// file-jsonl-N, file-csv-N, app-worker-csv-N, worker-csv-N, assessMany-N. `--repeat R` sets the
// repeats; `--no-cold` skips the extra cold run of the Worker scenarios (their one timed run then
// starts a fresh Worker, cold, and is reported as such).
const scenarios = opt("--scenarios", null);
const repeatOpt = opt("--repeat", null);
const noCold = args.includes("--no-cold");
const log = (...a) => console.error("[browser]", ...a);

const FLAGS = [
  "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
  "--enable-precise-memory-info",
];

function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "scripts/serve.mjs"), "--bench"], {
      cwd: root,
      env: { ...process.env, PORT: "0" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)/);
      if (m) resolve({ child, base: `http://127.0.0.1:${m[1]}` });
    });
    child.on("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
}

/** Descendant process ids of `pid`. */
function descendants(pid) {
  const children = new Map();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      // process went away
    }
  }
  const out = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    for (const c of children.get(p) ?? []) {
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}

/** Renderer processes of the browser launched by this process (not in `knownBefore`). */
function renderers(knownBefore) {
  const out = [];
  for (const pid of descendants(process.pid)) {
    if (knownBefore.has(pid)) continue;
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("--type=renderer")) out.push(pid);
    } catch {
      // gone
    }
  }
  return out;
}

/** Peak RSS (VmHWM) of the largest renderer, in bytes. */
function rendererPeakRss(pids) {
  let best = 0;
  for (const pid of pids) {
    try {
      const m = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+) kB/);
      if (m) best = Math.max(best, Number(m[1]) * 1024);
    } catch {
      // gone
    }
  }
  return best || null;
}

/** CPU time (seconds, ns precision) of every thread of the given processes, from schedstat. */
function cpuSeconds(pids) {
  let ns = 0;
  for (const pid of pids) {
    let tasks = [];
    try {
      tasks = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        ns += Number(fs.readFileSync(`/proc/${pid}/task/${t}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        // thread ended
      }
    }
  }
  return ns / 1e9;
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];
const stats = (v) => (v.length ? { best: Math.min(...v), median: median(v), all: v } : null);

/**
 * One scenario in a fresh browser: prepare the data, then `repeat` timed runs, each its own
 * page.evaluate with the renderer's CPU time read around it.
 */
async function scenario(base, name, fn, params) {
  const before = new Set(descendants(process.pid));
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    const g0 = Date.now();
    await page.goto(`${base}/bench/index.html`);
    await page.waitForFunction(() => window.bench && window.bench.ready, null, { timeout: 60_000 });
    const pageLoadMs = Date.now() - g0;
    const { initMs, batchBuild } = await page.evaluate(() => ({ initMs: window.bench.initMs, batchBuild: window.bench.batchBuild }));
    log(`${name} ${JSON.stringify(params)}`);
    const prepared = await page.evaluate((p) => window.bench.prepare(p), { url: params.url, objects: fn === "assessMany" });
    const pids = renderers(before);
    const wall = [];
    const cpu = [];
    let last = null;
    let cold = null;
    const runOnce = async (extra) => {
      const c0 = cpuSeconds(pids);
      const r = await page.evaluate(({ fn, p }) => window.bench.run[fn](p), { fn, p: { ...params, ...extra } });
      return { r, cpu: cpuSeconds(pids) - c0 };
    };
    if ((fn === "worker" || fn === "appWorker") && !params.noCold) {
      const { r, cpu: c } = await runOnce({ cold: true });
      cold = { seconds: r.ms / 1000, cpuSeconds: c };
      last = r;
    }
    for (let i = 0; i < params.repeat; i++) {
      const { r, cpu: c } = await runOnce({ cold: false });
      wall.push(r.ms / 1000);
      cpu.push(c);
      last = r;
    }
    const extra = fn === "assessMany" ? { stringify: await page.evaluate(() => window.bench.stringifyCost()) } : {};
    const memory = await page.evaluate(() => window.bench.memory());
    const result = {
      name,
      fn,
      params,
      pageLoadMs,
      initMs,
      batchBuild,
      prepared,
      households: last?.households ?? prepared.households,
      seconds: stats(wall),
      cpuSeconds: stats(cpu),
      coldSeconds: cold?.seconds ?? null,
      coldCpuSeconds: cold?.cpuSeconds ?? null,
      parseSeconds: last?.parseMs != null ? last.parseMs / 1000 : null,
      doneSeconds: last?.doneMs != null ? last.doneMs / 1000 : null,
      insideWorkerSeconds: last?.insideWorkerMs != null ? last.insideWorkerMs / 1000 : null,
      workerWasmBytes: last?.workerWasmBytes ?? null,
      check: last?.check ?? null,
      memory,
      ...extra,
      rendererPeakRssBytes: rendererPeakRss(pids),
      browserVersion: browser.version(),
    };
    if (errors.length) result.errors = errors;
    return result;
  } finally {
    await browser.close();
  }
}

async function main() {
  const { child, base } = await startServer();
  const results = [];
  const url = (n, ext) => `/${dataDir}/hh-${n}.${ext}`.replace(/\/+/g, "/");
  const plan = [];
  for (const n of sizes) {
    const big = n >= 50_000;
    plan.push([`assessMany-${n}`, "assessMany", { url: url(n, "jsonl"), asOf, repeat: big ? 2 : 5 }]);
    plan.push([`file-csv-${n}`, "file", { url: url(n, "csv"), format: "csv", asOf, repeat: big ? 2 : 5, step: 2000, rowsShown: 100 }]);
    plan.push([`worker-csv-${n}`, "worker", { url: url(n, "csv"), format: "csv", asOf, repeat: big ? 1 : 5, step: 2000, rowsShown: 100 }]);
    plan.push([`app-worker-csv-${n}`, "appWorker", { url: url(n, "csv"), format: "csv", asOf, repeat: big ? 1 : 5 }]);
    if (big) plan.push([`file-jsonl-${n}`, "file", { url: url(n, "jsonl"), format: "jsonl", asOf, repeat: 1, step: 2000, rowsShown: 100 }]);
  }
  if (scenarios) {
    plan.length = 0;
    for (const name of scenarios.split(",")) {
      const m = name.match(/^(assessMany|file-csv|file-jsonl|worker-csv|app-worker-csv)-(\d+)$/);
      if (!m) throw new Error(`unknown scenario ${name}`);
      const n = Number(m[2]);
      const repeat = Number(repeatOpt ?? (n >= 50_000 ? 2 : 3));
      const fmt = m[1].endsWith("jsonl") ? "jsonl" : "csv";
      const fn = { assessMany: "assessMany", "file-csv": "file", "file-jsonl": "file", "worker-csv": "worker", "app-worker-csv": "appWorker" }[m[1]];
      const params = { url: url(n, m[1] === "assessMany" ? "jsonl" : fmt), format: fmt, asOf, repeat, step: 2000, rowsShown: 100 };
      if (noCold && (fn === "worker" || fn === "appWorker")) params.noCold = true;
      plan.push([name, fn, params]);
    }
  }
  try {
    for (const [name, fn, params] of plan) {
      if (only && !only.split(",").includes(name)) continue;
      try {
        results.push(await scenario(base, name, fn, params));
      } catch (e) {
        log(`${name} failed: ${e.message}`);
        results.push({ name, fn, params, error: String(e.message ?? e) });
      }
    }
  } finally {
    child.kill("SIGTERM");
  }
  console.log(JSON.stringify({ asOf, sizes, scenarios: results }, null, 1));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
