// The batch page's engine: reads the file, assesses it in chunks with the wasm engine's BatchJob,
// reports progress between chunks, and answers page requests for the results table (filter, sort,
// 100 rows a page), so the page never holds every row and never blocks.
//
// It runs in a module Worker (batch-worker.js) where the browser has them, and on the page's own
// thread where it does not (Firefox before 114, e.g. ESR 91–113 on 信创 desktops; issue 11 §3):
// see batch-channel.js. The same code either way; only the chunk size differs.
//
// Messages in:  start {run, buffer, name, format, options} · cancel {run} ·
//               query {run, seq, page, pageSize, sort, outcome, failing} · exportCsv {run} ·
//               template {chinese}
// Messages out: phase · encoding · fileError · progress · done · cancelled · page · csv · error ·
//               template {chinese, text | error}
// (each with the run id it belongs to, so the page can ignore a run it has given up on).

// The file reader (BatchJob, csvTemplate) is in the batch page's build of the package,
// pkg/batch/ (scripts/build.sh, --features files); the core package pkg/ leaves it out.
import init, { BatchJob, csvTemplate, isUtf8 } from "../pkg/batch/tuopin.js";

/**
 * Households assessed between two progress reports (and two chances to see "cancel"): in a Worker,
 * 2000; on the main thread (the fallback) fewer, so that the page answers clicks between chunks.
 */
export const WORKER_CHUNK = 2000;
export const MAIN_THREAD_CHUNK = 200;
/** At most this many invalid rows are sent to the page (the count is always exact). */
const MAX_INVALID = 1000;

/** csv, jsonl or json: from the file's name, else from its first character. */
function formatOf(name, text, given) {
  if (given) return given;
  const ext = /\.([a-z0-9]+)$/i.exec(name ?? "")?.[1]?.toLowerCase();
  if (ext === "csv" || ext === "txt") return "csv";
  if (ext === "jsonl" || ext === "ndjson") return "jsonl";
  if (ext === "json") return "json";
  const first = (text ?? "").replace(/^\uFEFF/, "").trimStart()[0];
  if (first === "[") return "json";
  if (first === "{") return "jsonl";
  return "csv";
}

/**
 * The file as UTF-8 bytes for the engine. UTF-8 is passed through; anything that is not UTF-8 but
 * is valid GBK (Excel's "CSV" on Chinese Windows) is decoded and re-encoded. CRLF line ends become
 * LF, so that the engine's line numbers count Windows files correctly.
 */
function toUtf8(buffer, gbkAllowed = true) {
  const bytes = new Uint8Array(buffer);
  // Most files are UTF-8 with LF line ends and go to the engine as they are: the engine checks
  // them (isUtf8) without decoding 100 MB into a string nobody reads; only the first characters
  // are decoded, for formatOf. Any other file takes the path below, as before.
  if (isUtf8(bytes) && !hasCrlf(bytes)) return { bytes, text: headText(bytes), encoding: "utf-8", crlf: false };
  let text = null;
  let encoding = "utf-8";
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // JSON and JSON Lines are UTF-8 by definition: a line that is not (a GBK line pasted in) is
    // reported by the engine as an invalid row (invalid_utf8); converting the whole file from
    // GBK would garble every other line.
    if (!gbkAllowed) return { bytes, text: null, encoding: "unknown", crlf: false };
    try {
      text = new TextDecoder("gbk", { fatal: true }).decode(bytes);
      encoding = "gbk";
    } catch {
      // Neither: the engine refuses it with a clear message (not_utf8).
      return { bytes, text: null, encoding: "unknown", crlf: false };
    }
  }
  const crlf = text.includes("\r\n");
  if (encoding === "utf-8" && !crlf) return { bytes, text, encoding, crlf };
  if (crlf) text = text.replace(/\r\n/g, "\n");
  return { bytes: new TextEncoder().encode(text), text, encoding, crlf };
}

/** Whether UTF-8 bytes hold a CR LF pair (text.includes("\r\n") on the decoded text). */
function hasCrlf(bytes) {
  for (let i = bytes.indexOf(13); i !== -1; i = bytes.indexOf(13, i + 1)) if (bytes[i + 1] === 10) return true;
  return false;
}

/** The text from its first character that is not a space (all that formatOf reads), decoded a piece at a time. */
function headText(bytes) {
  const decoder = new TextDecoder("utf-8");
  let rest = "";
  for (let at = 0; at < bytes.length; at += 4096) {
    rest = (rest + decoder.decode(bytes.subarray(at, at + 4096), { stream: true })).trimStart();
    if (rest !== "") return rest;
  }
  return (rest + decoder.decode()).trimStart();
}

/** A filter value for the engine's view: as `r.x === v` matched in JS (a value that is not a string matches no row). */
const filterValue = (v) => (v ? (typeof v === "string" ? v : "\u0000") : undefined);

const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * One batch engine. `postOut(msg)` sends a message to the page; `chunk` is the number of
 * households between two pauses. Returns `{ handle(message), stop() }`: `stop` ends the current
 * run at its next pause and silences it (what Worker.terminate() is for the main-thread engine).
 */
export function createRunner(postOut, { chunk = WORKER_CHUNK } = {}) {
  let engine = null; // init() of the package, once
  let job = null;
  let run = 0;
  let cancelled = false;
  // The results table's rows stay in the engine (BatchJob.setView / viewRows): `ready` once the
  // run is done, `matched` rows in the current view.
  let ready = false;
  let matched = null;
  let viewKey = "";
  let stopped = false;

  const post = (msg) => {
    if (!stopped) postOut({ run, ...msg });
  };

  async function start(m) {
    const mine = m.run;
    run = mine;
    cancelled = false;
    ready = false;
    matched = null;
    viewKey = "";
    if (job) {
      job.free();
      job = null;
    }
    // A newer start or a cancel ends this run at its next pause.
    const over = () => run !== mine || cancelled;
    post({ type: "phase", phase: "loading" });
    if (!engine) engine = init();
    await engine;
    const named = formatOf(m.name, null, m.format);
    const { bytes, text, encoding, crlf } = toUtf8(m.buffer, named !== "json" && named !== "jsonl");
    const format = formatOf(m.name, text, m.format);
    post({ type: "encoding", encoding, crlf, format });
    post({ type: "phase", phase: "reading" });
    await pause();
    if (over()) return run === mine && post({ type: "cancelled" });
    let mineJob;
    try {
      mineJob = new BatchJob(bytes, format, m.options);
    } catch (err) {
      return post({
        type: "fileError",
        message: String(err?.message ?? err),
        fileProblems: err?.fileProblems ?? [],
        problems: err?.problems ?? [],
      });
    }
    job = mineJob;
    // Rows are read as they are assessed, so progress is the share of the file read so far.
    post({ type: "progress", done: 0, fraction: 0 });
    while (!mineJob.finished()) {
      // Give queued messages (cancel, a newer start) their turn between chunks.
      await pause();
      if (over()) {
        // A newer start has already freed it.
        if (job === mineJob) {
          mineJob.free();
          job = null;
        }
        return run === mine && post({ type: "cancelled" });
      }
      const done = mineJob.step(chunk);
      post({ type: "progress", done, fraction: mineJob.progress() });
    }
    finish(mineJob.total());
  }

  function finish(total) {
    const summary = job.summary();
    const invalid = job.invalid();
    // Counted in the engine, where the rows are (the same figures the page computed from every
    // row pulled into JS before).
    const digest = job.digest();
    ready = true;
    matched = null;
    viewKey = "";
    post({
      type: "done",
      total,
      summary,
      invalid: invalid.slice(0, MAX_INVALID),
      invalidCount: invalid.length,
      histogram: digest.histogram,
      outcomes: digest.outcomes,
      failingHouseholds: digest.failingHouseholds,
      lines: digest.lines,
      rowCount: digest.rowCount,
    });
  }

  function query(m) {
    const sortKey = ["line", "perCapita", "persons"].includes(m.sort?.key) ? m.sort.key : "line";
    const dir = m.sort?.dir === "desc" ? "desc" : "asc";
    const key = JSON.stringify([sortKey, dir, m.outcome ?? "", m.failing ?? ""]);
    const live = ready && job !== null;
    if (!live) {
      matched = null;
    } else if (key !== viewKey || matched === null) {
      // File order, or per-capita income / persons either way (missing incomes always last; ties
      // in file order), of the rows with that outcome / failing check.
      matched = job.setView(sortKey, dir === "desc", filterValue(m.outcome), filterValue(m.failing));
      viewKey = key;
    }
    const count = live ? matched : 0;
    const size = Math.max(1, Math.min(1000, m.pageSize ?? 100));
    const pages = Math.max(1, Math.ceil(count / size));
    const page = Math.min(Math.max(0, m.page ?? 0), pages - 1);
    const rows = live ? job.viewRows(page * size, page * size + size) : [];
    post({ type: "page", seq: m.seq, page, pages, pageSize: size, matched: count, rows });
  }

  const handle = (message) => {
    const m = message ?? {};
    if (m.type === "start") {
      start(m).catch((err) => post({ type: "error", message: String(err?.message ?? err) }));
    } else if (m.type === "cancel") {
      if (m.run === run) cancelled = true;
    } else if (m.type === "query") {
      if (m.run === run) query(m);
    } else if (m.type === "template") {
      (engine || (engine = init()))
        .then(() => !stopped && postOut({ type: "template", chinese: m.chinese, text: csvTemplate(m.chinese) }))
        .catch((err) => !stopped && postOut({ type: "template", chinese: m.chinese, error: String(err?.message ?? err) }));
    } else if (m.type === "exportCsv") {
      if (m.run === run && job) post({ type: "csv", text: job.rowsCsv() });
    }
  };

  return {
    handle(message) {
      if (!stopped) handle(message);
    },
    stop() {
      stopped = true;
      cancelled = true;
    },
  };
}
