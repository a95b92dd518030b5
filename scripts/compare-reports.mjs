#!/usr/bin/env node
// "Same answers" (issue 8 item 7): saves what tuopin answers today for 200,000 generated
// households and every golden case, and later checks that a new build answers the same, report
// by report. The only difference allowed is the intended move of `policy.applied` out of each
// batch report into the printed summary, once per province (contract v1.1 item 3). Run it
// through scripts/compare-reports.sh (which builds the binaries); BENCHMARKS.md explains it.
//
//   node scripts/compare-reports.mjs --save DIR  [options]
//   node scripts/compare-reports.mjs --check DIR [options]
//
// options: --households N (200000) --seed S (1) --show K (first K differences, 20)
//          --only a,b (datasets: exit-jsonl, exit-csv, monitoring-jsonl, monitoring-csv, golden)
//          --tuopin BIN --generate BIN --cases BIN (default: target/release/...)
//          --work DIR (generated inputs; default bench/out/compare-inputs)
//          --batch-args "..." (extra flags for tuopin batch, e.g. "--jobs 2")
//
// Everything streams: the reports go from tuopin's --out (a pipe) through gzip to the baseline,
// or are compared line by line with the baseline as they come, so memory stays flat whatever
// the number of households. Exit code: 0 same answers, 1 differences, 2 usage or run errors.

import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { finished } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The runs compared: generated households in both regimes and both formats. */
export const DATASETS = {
  "exit-jsonl": { year: 2019, format: "jsonl", asOf: "2019-12-31" },
  "exit-csv": { year: 2019, format: "csv", asOf: "2019-12-31" },
  // The monitoring regime with the line given by the caller (a county's own line, contract
  // §Policy overrides), so every province of the data has one and overrides are echoed.
  "monitoring-jsonl": { year: 2024, format: "jsonl", asOf: "2024-12-31", policy: { monitoringLine: 8700 } },
  "monitoring-csv": { year: 2024, format: "csv", asOf: "2024-12-31", policy: { monitoringLine: 8700 } },
};

// --- comparing JSON values ------------------------------------------------------------------

const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const keyPath = (p, k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? (p ? `${p}.${k}` : k) : `${p}[${JSON.stringify(k)}]`);
const show = (v) => {
  if (v === undefined) return "(absent)";
  const s = JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 157)}...` : s;
};

/**
 * Differences between two JSON values, as `{ path, baseline, now }`, in document order; key
 * order does not matter. `skip(path, a, b)` may claim a path (returns true) to leave it out.
 */
export function diffJson(a, b, p = "", out = [], skip = null) {
  if (skip && skip(p, a, b)) return out;
  if (isObj(a) && isObj(b)) {
    for (const k of Object.keys(a)) diffJson(a[k], b[k], keyPath(p, k), out, skip);
    for (const k of Object.keys(b)) if (!(k in a)) diffJson(undefined, b[k], keyPath(p, k), out, skip);
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) diffJson(a[i], b[i], `${p}[${i}]`, out, skip);
    return out;
  }
  if (a === b) return out;
  if (typeof a === "number" && typeof b === "number" && Object.is(a, b)) return out;
  out.push({ path: p || "(the whole value)", baseline: a, now: b });
  return out;
}

/** Index just past the JSON value starting at `i` in `s` (no validation: s is valid JSON). */
function skipValue(s, i) {
  const c = s.charCodeAt(i);
  if (c === 34 /* " */) {
    for (let j = i + 1; j < s.length; j++) {
      const d = s.charCodeAt(j);
      if (d === 92 /* \ */) j++;
      else if (d === 34) return j + 1;
    }
    return s.length;
  }
  if (c === 123 /* { */ || c === 91 /* [ */) {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      const d = s.charCodeAt(j);
      if (d === 34) j = skipValue(s, j) - 1;
      else if (d === 123 || d === 91) depth++;
      else if (d === 125 || d === 93) {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return s.length;
  }
  let j = i;
  while (j < s.length && !",}] \n\r\t".includes(s[j])) j++;
  return j;
}

/**
 * A compact report's text without its top-level `policy.applied` member, with that member's
 * text and the policy's province; null when the report has no `policy.applied`. Only a fast
 * path: whatever it cannot settle goes to the parsed comparison.
 */
export function cutApplied(s) {
  const p = s.indexOf('"policy":{');
  if (p < 0) return null;
  let j = p + '"policy":'.length + 1; // just inside the policy object
  let province = null;
  while (j < s.length && s[j] !== "}") {
    if (s[j] === ",") j++;
    const keyEnd = skipValue(s, j);
    const key = s.slice(j + 1, keyEnd - 1);
    const valueStart = keyEnd + 1; // after ':'
    const valueEnd = skipValue(s, valueStart);
    if (key === "province") province = s.slice(valueStart + 1, valueEnd - 1);
    if (key === "applied") {
      const from = s[j - 1] === "," ? j - 1 : j;
      const to = s[j - 1] === "," ? valueEnd : valueEnd + (s[valueEnd] === "," ? 1 : 0);
      return { rest: s.slice(0, from) + s.slice(to), applied: s.slice(valueStart, valueEnd), province };
    }
    j = valueEnd;
  }
  return null;
}

/**
 * The applied lists a new summary gives once per province, whatever shape was chosen for them
 * (contract v1.1 item 3 says "`policies` keyed by province"; `assessMany` gives
 * `applied: [{ province, applied }]`): a Map province → applied list, and the keys that held it.
 */
export function movedApplied(doc) {
  const found = new Map();
  const keys = [];
  const take = (holder, where) => {
    if (!isObj(holder)) return;
    for (const k of ["policies", "applied"]) {
      const v = holder[k];
      if (Array.isArray(v) && v.every((e) => isObj(e) && typeof e.province === "string" && Array.isArray(e.applied))) {
        for (const e of v) found.set(e.province, e.applied);
        keys.push(`${where}${k}`);
      } else if (isObj(v) && Object.values(v).every((e) => Array.isArray(e) || (isObj(e) && Array.isArray(e.applied)))) {
        for (const [prov, e] of Object.entries(v)) found.set(prov, Array.isArray(e) ? e : e.applied);
        keys.push(`${where}${k}`);
      }
    }
  };
  take(doc, "");
  take(doc?.summary, "summary.");
  return { found, keys };
}

/**
 * Compares one dataset: baseline reports and new reports (async iterables of lines, in the
 * same order), invalid rows, and the printed summaries. Returns { reports, differences } where
 * differences is the total count and `print` receives the first `limit` of them.
 */
export async function compareDataset(name, base, now, { limit = 20, print = console.log } = {}) {
  let shown = 0;
  let differences = 0;
  const report = (where, d) => {
    differences++;
    if (shown < limit) {
      shown++;
      print(`${name}: ${where}: ${d.path}: baseline ${show(d.baseline)}, now ${show(d.now)}`);
    }
  };
  // Province → the applied list (text) the baseline reports had and the new ones left out.
  const moved = new Map();
  const movedConflicts = [];
  const noteMoved = (province, appliedValue) => {
    const text = typeof appliedValue === "string" ? appliedValue : JSON.stringify(appliedValue);
    const prev = moved.get(province);
    if (prev === undefined) moved.set(province, text);
    else if (prev !== text && JSON.stringify(JSON.parse(prev)) !== JSON.stringify(JSON.parse(text))) movedConflicts.push(province);
  };

  const bi = base.reports[Symbol.asyncIterator]();
  const ni = now.reports[Symbol.asyncIterator]();
  let n = 0;
  for (;;) {
    const [b, c] = await Promise.all([bi.next(), ni.next()]);
    if (b.done && c.done) break;
    n++;
    if (b.done || c.done) {
      const extra = b.done ? c.value : b.value;
      let id = null;
      try {
        id = JSON.parse(extra).householdId ?? null;
      } catch {
        // not JSON: shown as text
      }
      report(`report ${n} (household ${id})`, { path: "(report)", baseline: b.done ? undefined : "(a report)", now: c.done ? undefined : "(a report)" });
      // Count the rest without comparing it.
      const rest = b.done ? ni : bi;
      for (let r = await rest.next(); !r.done; r = await rest.next()) differences++;
      break;
    }
    const B = b.value;
    const N = c.value;
    if (B === N) continue;
    const cut = cutApplied(B);
    if (cut && cut.rest === N && cut.province) {
      noteMoved(cut.province, cut.applied);
      continue;
    }
    // The parsed comparison: the definition; the text paths above only save time.
    let bo;
    let no;
    try {
      bo = JSON.parse(B);
      no = JSON.parse(N);
    } catch (e) {
      report(`report ${n}`, { path: "(not JSON)", baseline: B.slice(0, 80), now: N.slice(0, 80) });
      continue;
    }
    const id = no?.householdId ?? bo?.householdId ?? null;
    const diffs = diffJson(bo, no, "", [], (p, a, bb) => {
      if (p === "policy.applied" && bb === undefined && a !== undefined && isObj(no.policy)) {
        noteMoved(no.policy.province, a);
        return true;
      }
      return false;
    });
    for (const d of diffs) report(`report ${n} (household ${id})`, d);
  }

  // Invalid rows: same rows, same problems.
  const bInv = await collect(base.invalid);
  const nInv = await collect(now.invalid);
  for (let i = 0; i < Math.max(bInv.length, nInv.length); i++) {
    const bo = bInv[i] === undefined ? undefined : JSON.parse(bInv[i]);
    const no = nInv[i] === undefined ? undefined : JSON.parse(nInv[i]);
    const id = no?.householdId ?? bo?.householdId ?? null;
    for (const d of diffJson(bo, no)) report(`invalid row ${i + 1} (household ${id}, line ${no?.row ?? bo?.row})`, d);
  }

  // The printed summary: the same, plus (only) the applied lists moved out of the reports.
  const bs = JSON.parse(await base.summary);
  let ns;
  try {
    ns = JSON.parse(await now.summary);
  } catch {
    report("summary", { path: "(the printed summary)", baseline: "JSON", now: "not JSON (did tuopin fail?)" });
    return { reports: n, differences, movedProvinces: [...moved.keys()] };
  }
  const { found, keys } = movedApplied(ns);
  const movedKeys = new Set(keys.filter((k) => !(k in bs) && !(k.startsWith("summary.") && k.slice(8) in (bs.summary ?? {}))));
  for (const d of diffJson(bs, ns, "", [], (p) => movedKeys.has(p))) report("summary", d);
  for (const prov of movedConflicts) report(`policy.applied of ${prov}`, { path: "policy.applied", baseline: "one list per province", now: "differs between reports of the province" });
  for (const [prov, text] of moved) {
    const given = found.get(prov);
    if (given === undefined) {
      report(`policy.applied of ${prov}`, { path: "policy.applied", baseline: `in every report of ${prov}`, now: "left out of the reports and not given in the summary" });
      continue;
    }
    for (const d of diffJson(JSON.parse(text), given, `applied[${JSON.stringify(prov)}]`)) report(`the summary's applied list of ${prov}`, d);
  }
  return { reports: n, differences, movedProvinces: [...moved.keys()] };
}

async function collect(lines) {
  const out = [];
  for await (const l of lines) out.push(l);
  return out;
}

/** Non-empty lines of a readable stream. */
export async function* lines(stream) {
  const rl = readline.createInterface({ input: stream, crlfDelay: Infinity });
  for await (const l of rl) if (l !== "") yield l;
}

// --- running tuopin ---------------------------------------------------------------------------

/**
 * Runs `tuopin batch` with --out and --invalid written to two named pipes in `work`, read here as
 * they are written (node's extra stdio "pipes" are sockets, which a program cannot open by path).
 */
function runBatch(tuopin, input, ds, policyFile, work, extra = []) {
  const fifos = { reports: path.join(work, "reports.fifo"), invalid: path.join(work, "invalid.fifo") };
  for (const f of Object.values(fifos)) {
    fs.rmSync(f, { force: true });
    const r = spawnSync("mkfifo", [f]);
    if (r.status !== 0) throw new Error(`mkfifo ${f} failed: ${r.stderr}`);
  }
  const args = ["batch", input, "--as-of", ds.asOf, "--format", ds.format, "--out", fifos.reports, "--invalid", fifos.invalid];
  if (policyFile) args.push("--policy", policyFile);
  args.push(...extra);
  const child = spawn(tuopin, args, { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
  const done = new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      // A tuopin that ended without opening a pipe would leave its reader waiting forever:
      // open and close the writing end once, so every reader sees the end.
      for (const f of Object.values(fifos)) {
        try {
          fs.closeSync(fs.openSync(f, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
        } catch {
          // no reader waiting
        }
      }
      resolve({ code, stdout, stderr });
    });
  });
  return { child, reports: fs.createReadStream(fifos.reports), invalid: fs.createReadStream(fifos.invalid), done };
}

/** Writes the generated households to a file; returns its sha256. */
async function generate(gen, n, seed, ds, file) {
  const child = spawn(gen, ["--households", String(n), "--seed", String(seed), "--format", ds.format, "--as-of-year", String(ds.year)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const hash = createHash("sha256");
  const out = fs.createWriteStream(file);
  child.stdout.on("data", (d) => hash.update(d));
  child.stdout.pipe(out);
  const [code] = await Promise.all([
    new Promise((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    }),
    finished(out),
  ]);
  if (code !== 0) throw new Error(`generate exited ${code}`);
  return hash.digest("hex");
}

function run(cmd, args, input = null) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: [input == null ? "ignore" : "pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    if (input != null) child.stdin.end(input);
  });
}

const parseOr = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Every golden case through `tuopin assess`, as tests/cli.rs runs it: one JSON line per case. */
async function* goldenOutputs(casesBin, tuopin, work) {
  const listed = await run(casesBin, []);
  if (listed.code !== 0) throw new Error(`case_households exited ${listed.code}: ${listed.stderr}`);
  const file = path.join(work, "case.json");
  for (const line of listed.stdout.split("\n")) {
    if (!line) continue;
    const c = JSON.parse(line);
    fs.writeFileSync(file, JSON.stringify(c.doc));
    const r = await run(tuopin, ["assess", file, "--as-of", c.asOf]);
    yield JSON.stringify({ file: c.file, name: c.name, asOf: c.asOf, input: c.doc, exit: r.code, stdout: parseOr(r.stdout), stderr: parseOr(r.stderr) });
  }
}

// --- main -----------------------------------------------------------------------------------

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const save = opt("--save", null);
  const check = opt("--check", null);
  if (!save === !check) {
    console.error("usage: compare-reports.mjs --save DIR | --check DIR [--households N] [--seed S] [--show K] [--only a,b] [--tuopin BIN] [--generate BIN] [--cases BIN]");
    return 2;
  }
  const n = Number(opt("--households", "200000"));
  const seed = Number(opt("--seed", "1"));
  const limit = Number(opt("--show", "20"));
  const only = opt("--only", null)?.split(",") ?? null;
  // Extra flags for `tuopin batch`, e.g. --batch-args "--jobs 2" to check that an all-cores run
  // answers as the one-core baseline (issue 8 item 5: same order, same summary).
  const batchArgs = (opt("--batch-args", "") ?? "").split(/\s+/).filter(Boolean);
  const tuopin = path.resolve(opt("--tuopin", path.join(root, "target/release/tuopin")));
  const gen = path.resolve(opt("--generate", path.join(root, "target/release/examples/generate")));
  const casesBin = path.resolve(opt("--cases", path.join(root, "target/release/examples/case_households")));
  const work = path.resolve(opt("--work", path.join(root, "bench/out/compare-inputs")));
  const dir = path.resolve(save ?? check);
  fs.mkdirSync(work, { recursive: true });
  const log = (m) => console.error(`[compare ${new Date().toISOString().slice(11, 19)}] ${m}`);
  const wanted = (name) => !only || only.includes(name);

  let meta;
  if (save) {
    fs.mkdirSync(dir, { recursive: true });
    const version = await run(tuopin, ["version"]);
    meta = { households: n, seed, date: new Date().toISOString(), commit: opt("--commit", null), tuopinVersion: parseOr(version.stdout), inputs: {}, datasets: [] };
  } else {
    meta = JSON.parse(fs.readFileSync(path.join(dir, "meta.json"), "utf8"));
    if (opt("--households", null) == null) {
      // check against what was saved
    } else if (meta.households !== n) {
      console.error(`the baseline has ${meta.households} households, not ${n}`);
      return 2;
    }
  }
  const households = save ? n : meta.households;
  const theSeed = save ? seed : meta.seed;
  let total = 0;
  let problems = 0;
  const datasets = save ? Object.keys(DATASETS).filter(wanted) : meta.datasets.filter(wanted);

  for (const name of datasets) {
    const ds = DATASETS[name];
    const input = path.join(work, `${name}-${households}-${theSeed}.${ds.format}`);
    log(`${name}: generating ${households.toLocaleString("en-US")} households`);
    const sha = await generate(gen, households, theSeed, ds, input);
    let policyFile = null;
    if (ds.policy) {
      policyFile = path.join(work, `${name}-policy.json`);
      fs.writeFileSync(policyFile, JSON.stringify(ds.policy));
    }
    if (check && meta.inputs[name] !== sha) {
      console.error(`${name}: the generator no longer makes the same households (sha256 ${sha}, baseline ${meta.inputs[name]}): examples/generate.rs changed; save a new baseline with the old build`);
      problems++;
      continue;
    }
    log(`${name}: tuopin batch --out`);
    const t0 = Date.now();
    const r = runBatch(tuopin, input, ds, policyFile, work, batchArgs);
    const files = { reports: path.join(dir, `${name}.reports.jsonl.gz`), invalid: path.join(dir, `${name}.invalid.jsonl`), summary: path.join(dir, `${name}.summary.json`) };
    if (save) {
      const gz = zlib.createGzip({ level: 1 });
      const written = new Promise((resolve, reject) => {
        const f = fs.createWriteStream(files.reports);
        r.reports.pipe(gz).pipe(f);
        f.on("finish", resolve);
        f.on("error", reject);
      });
      const inv = new Promise((resolve) => {
        const f = fs.createWriteStream(files.invalid);
        r.invalid.pipe(f);
        f.on("finish", resolve);
      });
      const res = await r.done;
      await Promise.all([written, inv]);
      if (res.code !== 0) {
        console.error(`${name}: tuopin exited ${res.code}: ${res.stderr}`);
        return 2;
      }
      fs.writeFileSync(files.summary, res.stdout);
      meta.inputs[name] = sha;
      meta.datasets.push(name);
      log(`${name}: saved (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } else {
      // Invalid rows are collected as they come (a pipe left unread would stall tuopin).
      const invalidLines = collect(lines(r.invalid));
      const out = await compareDataset(
        name,
        {
          reports: lines(fs.createReadStream(files.reports).pipe(zlib.createGunzip())),
          invalid: lines(fs.createReadStream(files.invalid)),
          summary: fs.readFileSync(files.summary, "utf8"),
        },
        {
          reports: lines(r.reports),
          invalid: (async function* () {
            yield* await invalidLines;
          })(),
          // Printed when tuopin ends; the comparison reads it last.
          summary: r.done.then((res) => res.stdout),
        },
        { limit: Math.max(0, limit - problems) },
      );
      const res = await r.done;
      if (res.code !== 0) {
        console.error(`${name}: tuopin exited ${res.code}: ${res.stderr}`);
        return 2;
      }
      total += out.reports;
      problems += out.differences;
      log(`${name}: ${out.reports.toLocaleString("en-US")} reports compared, ${out.differences} differences${out.movedProvinces.length ? `; policy.applied moved to the summary for ${out.movedProvinces.join(", ")}` : ""} (${((Date.now() - t0) / 1000).toFixed(1)} s; peak memory so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`);
    }
  }

  if (wanted("golden") && (save || meta.golden)) {
    log("golden cases: tuopin assess, one case at a time");
    const file = path.join(dir, "golden.jsonl");
    if (save) {
      const f = fs.createWriteStream(file);
      let count = 0;
      for await (const l of goldenOutputs(casesBin, tuopin, work)) {
        f.write(l + "\n");
        count++;
      }
      await new Promise((resolve) => f.end(resolve));
      meta.golden = count;
      log(`golden cases: ${count} saved`);
    } else {
      // A single assess keeps policy.applied in place (contract v1.1 item 3): nothing is ignored.
      // Cases are matched by file and name (cases added or removed since the baseline, or whose
      // household was edited, are listed but not compared: they have no earlier answer).
      const base = new Map();
      for await (const l of lines(fs.createReadStream(file))) {
        const b = JSON.parse(l);
        base.set(`${b.file}\u0000${b.name}`, b);
      }
      let i = 0;
      let diffs = 0;
      const notes = [];
      for await (const l of goldenOutputs(casesBin, tuopin, work)) {
        const no = JSON.parse(l);
        const key = `${no.file}\u0000${no.name}`;
        const bo = base.get(key);
        base.delete(key);
        if (!bo) {
          notes.push(`new case, not in the baseline: ${no.file}: ${no.name}`);
          continue;
        }
        if (diffJson({ asOf: bo.asOf, input: bo.input }, { asOf: no.asOf, input: no.input }).length) {
          notes.push(`household or asOf edited since the baseline, not compared: ${no.file}: ${no.name}`);
          continue;
        }
        i++;
        for (const d of diffJson(bo, no)) {
          diffs++;
          if (problems + diffs <= limit) console.log(`golden: ${no.file}: ${no.name}: ${d.path}: baseline ${show(d.baseline)}, now ${show(d.now)}`);
        }
      }
      for (const b of base.values()) notes.push(`case gone since the baseline: ${b.file}: ${b.name}`);
      for (const n of notes.slice(0, limit)) console.log(`golden (note): ${n}`);
      if (notes.length > limit) console.log(`golden (note): … ${notes.length - limit} more`);
      total += i;
      problems += diffs;
      log(`golden cases: ${i} compared, ${diffs} differences${notes.length ? `, ${notes.length} not comparable (see the notes)` : ""}`);
    }
  }

  if (save) {
    fs.writeFileSync(path.join(dir, "meta.json"), JSON.stringify(meta, null, 1) + "\n");
    log(`baseline saved in ${dir}`);
    return 0;
  }
  if (problems) {
    console.log(`DIFFERENT: ${problems} differences (the first ${Math.min(problems, limit)} above)`);
    return 1;
  }
  console.log(`SAME: ${total.toLocaleString("en-US")} reports and cases answer as in the baseline (policy.applied moves aside)`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Should the event loop ever run dry before main settles (a stream that never ends), the exit
  // code is 2, never a silent 0.
  process.exitCode = 2;
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(2);
    },
  );
}
