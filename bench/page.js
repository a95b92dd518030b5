// The benchmark page: loads the package (the snapshot of pkg/ that scripts/bench.sh copies to
// bench/out/pkg, so one run measures one build) and exposes window.bench for
// bench/run-browser.mjs, which calls prepare() once and then run() once per repeat (reading the
// renderer's CPU time around each call).
//
// The core module (pkg/tuopin.js) has assess/assessMany; the file path (BatchJob) is in the batch
// page's build (pkg/batch/tuopin.js, `--features files`) when there is one, else in the core.
//
// Every timed section starts with the data already in the page, as a user's file is once picked
// (File.arrayBuffer()) or a portal's records are once in memory; fetching the test data and
// JSON.parse of the JSONL are timed separately, for information.
import init, { assessMany, version } from "./out/pkg/tuopin.js";

const t0 = performance.now();
const wasm = await init();
const initMs = performance.now() - t0;

let batchModule = null;
try {
  batchModule = await import("./out/pkg/batch/tuopin.js");
} catch {
  batchModule = null;
}
const batchWasm = batchModule ? await batchModule.default() : wasm;
const BatchJob = batchModule ? batchModule.BatchJob : (await import("./out/pkg/tuopin.js")).BatchJob;
const batchBuild = batchModule ? "pkg/batch" : "pkg";

const state = { buf: null, households: null, worker: null };

const memory = () => ({
  wasmBytes: wasm.memory.buffer.byteLength,
  batchWasmBytes: batchWasm.memory.buffer.byteLength,
  jsHeapBytes: performance.memory ? performance.memory.usedJSHeapSize : null,
});

/** Loads the test data into the page (not timed as part of the runs). */
async function prepare({ url, objects }) {
  const t = performance.now();
  state.buf = await (await fetch(url)).arrayBuffer();
  const loadMs = performance.now() - t;
  let jsonParseMs = null;
  let households = null;
  if (objects) {
    const p = performance.now();
    state.households = new TextDecoder()
      .decode(state.buf)
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l));
    jsonParseMs = performance.now() - p;
    households = state.households.length;
    state.buf = null;
  }
  return { bytes: state.buf ? state.buf.byteLength : null, households, loadMs, jsonParseMs };
}

/** assessMany on the array of JS objects. */
function runAssessMany({ asOf }) {
  const a = performance.now();
  const out = assessMany(state.households, { asOf });
  const ms = performance.now() - a;
  return { ms, households: state.households.length, check: { valid: out.summary.valid, reports: out.reports.length, byVerdict: out.summary.byVerdict } };
}

/** What assessMany's crossing costs in JS alone: JSON.stringify of the input (diagnostic). */
function stringifyCost() {
  const a = performance.now();
  const text = JSON.stringify(state.households);
  return { ms: performance.now() - a, chars: text.length };
}

/** Steps a BatchJob to the end (files are read as they are assessed: `finished()`). */
function drain(job, step) {
  if (typeof job.finished === "function") {
    while (!job.finished()) job.step(step);
  } else {
    const total = job.total();
    while (job.step(step) < total);
  }
  return job.total();
}

/** The file path on the main thread: bytes → BatchJob → step … → summary + first rows. */
function runFile({ format, asOf, step, rowsShown }) {
  const a = performance.now();
  const job = new BatchJob(new Uint8Array(state.buf), format, { asOf });
  const b = performance.now();
  const total = drain(job, step);
  const summary = job.summary();
  const rows = job.rows(0, rowsShown);
  const ms = performance.now() - a;
  job.free();
  return { ms, parseMs: b - a, households: total, check: { valid: summary.valid, rows: rows.length, byVerdict: summary.byVerdict } };
}

function once(worker, type) {
  return new Promise((resolve, reject) => {
    const onMessage = (e) => {
      if (e.data.type === type) {
        worker.removeEventListener("message", onMessage);
        resolve(e.data);
      }
    };
    worker.addEventListener("message", onMessage);
    worker.addEventListener("error", (e) => reject(new Error(e.message || "worker error")), { once: true });
  });
}

/**
 * The Worker path: a module Worker gets the ArrayBuffer (transferred, not copied) and sends back
 * the summary and the rows the table shows, posting progress after each step. With
 * `cold: true` a new Worker is started first (its start and wasm instantiation are timed);
 * otherwise the running one is reused. The copy made for each transfer is not timed.
 */
async function runWorker({ format, asOf, step, rowsShown, cold }) {
  const copy = state.buf.slice(0);
  const a = performance.now();
  if (cold || !state.worker) {
    if (state.worker) state.worker.terminate();
    state.worker = new Worker(new URL(`./worker.js?build=${batchBuild}`, import.meta.url), { type: "module" });
  }
  const result = once(state.worker, "result");
  state.worker.postMessage({ bytes: copy, format, options: { asOf }, step, rowsShown }, [copy]);
  const r = await result;
  const ms = performance.now() - a;
  return {
    ms,
    households: r.total,
    insideWorkerMs: r.workerMs,
    parseMs: r.parseMs,
    workerWasmBytes: r.wasmBytes,
    check: { valid: r.summary.valid, rows: r.rows.length, byVerdict: r.summary.byVerdict },
  };
}

/**
 * The batch page's own Worker (www/batch-worker.js, against the live pkg/batch build) and its
 * protocol: start → progress … → done (summary, histogram, invalid rows), then the first page of
 * the results table (query, 100 rows). Timed from posting the transferred buffer to that page.
 */
let appRun = 0;
async function runAppWorker({ format, asOf, cold }) {
  const copy = state.buf.slice(0);
  const a = performance.now();
  if (cold || !state.appWorker) {
    if (state.appWorker) state.appWorker.terminate();
    state.appWorker = new Worker(new URL("../www/batch-worker.js", import.meta.url), { type: "module" });
  }
  const w = state.appWorker;
  const run = ++appRun;
  const wait = (type) =>
    new Promise((resolve, reject) => {
      const on = (e) => {
        const m = e.data ?? {};
        if (m.run !== run) return;
        if (m.type === type) {
          w.removeEventListener("message", on);
          resolve(m);
        } else if (m.type === "error" || m.type === "fileError") {
          w.removeEventListener("message", on);
          reject(new Error(m.message));
        }
      };
      w.addEventListener("message", on);
    });
  const done = wait("done");
  w.postMessage({ type: "start", run, buffer: copy, name: `households.${format}`, format, options: { asOf } }, [copy]);
  const d = await done;
  const doneMs = performance.now() - a;
  const page = wait("page");
  w.postMessage({ type: "query", run, seq: 1, page: 0, pageSize: 100, sort: { key: "line", dir: "asc" } });
  const p = await page;
  const ms = performance.now() - a;
  return { ms, doneMs, households: d.total, check: { valid: d.summary.valid, rows: p.rows.length, byVerdict: d.summary.byVerdict } };
}

window.bench = {
  ready: true,
  initMs,
  version: version(),
  batchBuild,
  prepare,
  memory,
  stringifyCost,
  run: { assessMany: runAssessMany, file: runFile, worker: runWorker, appWorker: runAppWorker },
};
document.getElementById("log").textContent = `ready: wasm instantiated in ${initMs.toFixed(1)} ms`;
