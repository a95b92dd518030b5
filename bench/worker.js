// The Worker path of the benchmark: the file's bytes arrive as a transferred ArrayBuffer, go to
// wasm in one piece (new BatchJob), are assessed in steps (progress posted after each step, as
// a page would show it), and only the summary plus the first rows of the table come back.
// The module comes from the batch page's build (pkg/batch) when the page says so.
const build = new URL(self.location.href).searchParams.get("build") === "pkg/batch" ? "./out/pkg/batch/tuopin.js" : "./out/pkg/tuopin.js";

let wasm = null;
let BatchJob = null;
const ready = import(build).then(async (m) => {
  wasm = await m.default();
  BatchJob = m.BatchJob;
});

self.onmessage = async (e) => {
  await ready;
  const { bytes, format, options, step, rowsShown } = e.data;
  const t0 = performance.now();
  const job = new BatchJob(new Uint8Array(bytes), format, options);
  const tParsed = performance.now();
  const streaming = typeof job.finished === "function";
  let total = job.total();
  let done = 0;
  while (streaming ? !job.finished() : done < total) {
    done = job.step(step);
    if (streaming) total = job.total();
    self.postMessage({ type: "progress", done, total, share: streaming ? job.progress() : done / total });
  }
  const summary = job.summary();
  const rows = job.rows(0, rowsShown);
  job.free();
  self.postMessage({
    type: "result",
    total,
    summary,
    rows,
    parseMs: tParsed - t0,
    workerMs: performance.now() - t0,
    wasmBytes: wasm.memory.buffer.byteLength,
  });
};
