// Self-test of the "same answers" tool (issue 8 item 7, scripts/compare-reports.mjs): on 200
// generated households it must pass an unchanged build, pass the intended move of
// `policy.applied` into the summary (contract v1.1 item 3), and fail — naming the household and
// the JSON path — on a changed verdict, on `applied` dropped instead of moved, on a moved list
// that differs, and on any other policy field left out. The "new builds" are a wrapper around
// the real CLI that edits its output; the binaries are the debug ones `cargo test` builds.
// The real CLI already gives `applied` once per province (its printed `applied` list), so the
// wrapper first puts it back into every report (the shape before the move): the baseline and
// every "new build" below start from that shape and edit it as their mode says.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { cutApplied, diffJson, movedApplied } from "../../scripts/compare-reports.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// The debug binaries cargo test builds; TUOPIN_BIN_DIR=target/release to use the release ones.
const bin = (p) => path.resolve(root, process.env.TUOPIN_BIN_DIR ?? "target/debug", p);
const TUOPIN = bin("tuopin");
const GENERATE = bin("examples/generate");
const CASES = bin("examples/case_households");
const tool = path.join(root, "scripts/compare-reports.mjs");


// A "new build": the real CLI, its batch output restored to the shape before the move (each
// report with its `policy.applied`), then edited as FAKE_MODE says ("same": not edited).
const FAKE = `#!/usr/bin/env node
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const args = process.argv.slice(2);
const mode = process.env.FAKE_MODE;
if (args[0] !== "batch") {
  const r = spawnSync(process.env.REAL_TUOPIN, args, { stdio: "inherit" });
  process.exit(r.status);
}
const i = args.indexOf("--out");
const outFd = fs.openSync(args[i + 1], "w");
const tmp = process.env.FAKE_TMP + "/reports.jsonl";
args[i + 1] = tmp;
const r = spawnSync(process.env.REAL_TUOPIN, args, { stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 28 });
const doc = JSON.parse(r.stdout);
const given = {};
for (const p of doc.applied || []) given[p.province] = p.applied;
delete doc.applied;
const policies = {};
let changed = false;
for (const line of fs.readFileSync(tmp, "utf8").split("\\n")) {
  if (!line) continue;
  const rep = JSON.parse(line);
  if (!rep.policy.applied) rep.policy.applied = given[rep.policy.province];
  if (mode === "same") {
    // the shape before the move, nothing else changed
  } else if (mode === "verdict") {
    if (!changed && rep.exit && rep.exit.verdict === "ready") { rep.exit.verdict = "not_ready"; changed = true; }
  } else {
    policies[rep.policy.province] = rep.policy.applied;
    delete rep.policy.applied;
    if (mode === "asof" && !changed) { delete rep.policy.asOf; changed = true; }
  }
  fs.writeSync(outFd, JSON.stringify(rep) + "\\n");
}
if (mode === "wrong-applied") { const p = Object.values(policies)[0]; p[0] = { ...p[0], value: 1 }; }
if (mode !== "drop" && mode !== "verdict" && mode !== "same") doc.summary.policies = policies;
fs.closeSync(outFd);
process.stdout.write(JSON.stringify(doc, null, 2) + "\\n");
process.exit(r.status);
`;

// Each comparison has its own work directory (inputs, named pipes, the wrapper's file).
function compare(mode, extra = []) {
  const work = fs.mkdtempSync(path.join(tmp, `${mode}-`));
  const r = spawnSync(process.execPath, [tool, "--check", baseline, "--tuopin", mode === "real" ? TUOPIN : fake, "--generate", GENERATE, "--cases", CASES, "--work", work, ...extra], {
    env: { ...process.env, FAKE_MODE: mode, REAL_TUOPIN: TUOPIN, FAKE_TMP: work },
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

// The baseline, saved once by the build under test (before any test runs).
for (const f of [TUOPIN, GENERATE, CASES]) {
  assert.ok(fs.existsSync(f), `${f} is missing: run cargo test (or cargo build --bin tuopin --examples) first`);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tuopin-compare-"));
const baseline = path.join(tmp, "baseline");
const fake = path.join(tmp, "tuopin-fake");
fs.writeFileSync(fake, FAKE, { mode: 0o755 });
const saved = spawnSync(process.execPath, [tool, "--save", baseline, "--households", "200", "--only", "exit-jsonl,monitoring-csv,golden", "--tuopin", fake, "--generate", GENERATE, "--cases", CASES, "--work", tmp], {
  env: { ...process.env, FAKE_MODE: "same", REAL_TUOPIN: TUOPIN, FAKE_TMP: tmp },
  encoding: "utf8",
});
assert.equal(saved.status, 0, saved.stderr);

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("item 7: the same build answers the same (both regimes, JSONL and CSV, golden cases)", () => {
  const { code, out } = compare("same");
  assert.equal(code, 0, out);
  assert.match(out, /SAME: /);
  assert.match(out, /exit-jsonl: 200 reports compared, 0 differences/);
  assert.match(out, /golden cases: \d+ compared, 0 differences/);
});

test("item 7 / contract v1.1 item 3: policy.applied moved once per province into the summary is the only allowed difference", () => {
  const { code, out } = compare("move", ["--only", "exit-jsonl,monitoring-csv"]);
  assert.equal(code, 0, out);
  assert.match(out, /policy\.applied moved to the summary for CN-YN/);
});

test("item 7 / contract v1.1 item 3: the real CLI, which prints applied once per province, passes against the shape before the move", () => {
  const { code, out } = compare("real", ["--only", "exit-jsonl,monitoring-csv"]);
  assert.equal(code, 0, out);
  assert.match(out, /SAME: /);
  assert.match(out, /policy\.applied moved to the summary for CN-YN/);
});

test("item 7: a changed verdict is caught, with the household id and the JSON path", () => {
  const { code, out } = compare("verdict", ["--only", "exit-jsonl"]);
  assert.equal(code, 1, out);
  assert.match(out, /exit-jsonl: report \d+ \(household [^)]+\): exit\.verdict: baseline "ready", now "not_ready"/);
});

test("item 7: policy.applied dropped from the reports without being given in the summary is a difference", () => {
  const { code, out } = compare("drop", ["--only", "exit-jsonl"]);
  assert.equal(code, 1, out);
  assert.match(out, /left out of the reports and not given in the summary/);
});

test("item 7: a moved applied list that is not the reports' list is a difference", () => {
  const { code, out } = compare("wrong-applied", ["--only", "exit-jsonl"]);
  assert.equal(code, 1, out);
  assert.match(out, /the summary's applied list of CN-/);
});

test("item 7: only applied may move: another policy field left out is a difference", () => {
  const { code, out } = compare("asof", ["--only", "exit-jsonl"]);
  assert.equal(code, 1, out);
  assert.match(out, /policy\.asOf: baseline "2019-12-31", now \(absent\)/);
});

test("item 7: the text fast path cuts exactly policy.applied, and the parsed comparison ignores key order", () => {
  const report = { householdId: "H-1", policy: { pack: "p", province: "CN-YN", asOf: "2019-12-31", overrides: {}, applied: [{ key: "x", note: "a \"}]\" b" }] }, exit: { verdict: "ready" } };
  const cut = cutApplied(JSON.stringify(report));
  const { applied, ...rest } = report.policy;
  assert.equal(cut.rest, JSON.stringify({ ...report, policy: rest }));
  assert.deepEqual(JSON.parse(cut.applied), applied);
  assert.equal(cut.province, "CN-YN");
  assert.deepEqual(diffJson({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }), []);
  assert.deepEqual(diffJson({ a: { b: [1, 2] } }, { a: { b: [1, 3] } }), [{ path: "a.b[1]", baseline: 2, now: 3 }]);
  assert.deepEqual([...movedApplied({ summary: { policies: { "CN-YN": applied } } }).found], [["CN-YN", applied]]);
  assert.deepEqual([...movedApplied({ applied: [{ province: "CN-GX", applied }] }).found], [["CN-GX", applied]]);
});

test("item 7: golden cases are matched by name: a changed answer is caught, a case missing from the baseline is only a note", () => {
  const copy = path.join(tmp, "baseline-golden");
  fs.cpSync(baseline, copy, { recursive: true });
  const file = path.join(copy, "golden.jsonl");
  const cases = fs.readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l));
  const changed = cases.find((c) => c.exit === 0 && c.stdout?.regime === "exit_2016");
  changed.stdout.regime = "monitoring_2021";
  const dropped = cases.findIndex((c) => c !== changed);
  const [gone] = cases.splice(dropped, 1);
  fs.writeFileSync(file, cases.map((c) => JSON.stringify(c)).join("\n") + "\n");
  const work = fs.mkdtempSync(path.join(tmp, "golden-"));
  const r = spawnSync(process.execPath, [tool, "--check", copy, "--only", "golden", "--tuopin", TUOPIN, "--generate", GENERATE, "--cases", CASES, "--work", work], { encoding: "utf8" });
  const out = r.stdout + r.stderr;
  assert.equal(r.status, 1, out);
  assert.ok(out.includes(`golden: ${changed.file}: ${changed.name}: stdout.regime: baseline "monitoring_2021", now "exit_2016"`), out);
  assert.ok(out.includes(`golden (note): new case, not in the baseline: ${gone.file}: ${gone.name}`), out);
  assert.match(out, /DIFFERENT: 1 differences/);
});
