// Issue 9 through the batch page's wasm build (pkg/batch, instantiated with initSync as the
// benchmarks do): BatchJob's line accounting and 1-based lines (items 1, 4), the JSON Lines
// invalid_utf8 row (item 3), and the rows CSV export with no cell that could run as a formula
// (item 11), checked cell by cell on the exported text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const pkg = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "pkg");
const batch = await import(path.join(pkg, "batch", "tuopin.js"));
batch.initSync({ module: readFileSync(path.join(pkg, "batch", "tuopin_bg.wasm")) });

const good = {
  id: "J1", province: "CN-HB", registration: "poor", identifiedOn: "2016-03-01",
  members: [{ relation: "head", sex: "male", birthDate: "1980-01-01" }],
  income: { wage: 20000, business: 0, property: 0, transfer: 0, businessCosts: 0 },
};

function run(bytes, format) {
  const job = new batch.BatchJob(bytes, format, { asOf: "2019-12-31", lang: "en" });
  while (!job.finished()) job.step(100);
  return job;
}

/** RFC 4180 records of a CSV text (quoted cells may hold CR, LF, commas and doubled quotes). */
function parseCsv(text) {
  const records = [];
  let rec = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { rec.push(cell); cell = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { /* CRLF: the LF ends the record */ }
    else if (c === "\n") { rec.push(cell); records.push(rec); rec = []; cell = ""; }
    else cell += c;
  }
  if (cell || rec.length) { rec.push(cell); records.push(rec); }
  return records;
}

test("issue9_item11 rowsCsv: no exported cell can start a formula or a row", () => {
  const hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-1+2", "@SUM(1+1)", "=cmd|' /C calc'!A0", "\t=1", "\r=1+1", "a\r=2+2", "plain"];
  const lines = hostile.map((id, i) => JSON.stringify({ ...good, id, survey: { village: hostile[hostile.length - 1 - i] } }));
  const job = run(new TextEncoder().encode(lines.join("\n")), "jsonl");
  assert.equal(job.rowCount(), hostile.length);
  const text = job.rowsCsv();
  assert.ok(text.startsWith("\uFEFF"));
  const records = parseCsv(text.slice(1));
  assert.equal(records.length, 1 + hostile.length, "one record per household, none injected");
  const number = /^-?\d+(\.\d+)?$/;
  for (const rec of records) {
    for (const cell of rec) {
      assert.ok(!/^[=+\-@\t\r]/.test(cell) || number.test(cell), `cell ${JSON.stringify(cell)} would run as a formula`);
    }
  }
  assert.deepEqual(records.slice(1).map((r) => r[1]), hostile.map((id) => (/^[=+\-@\t\r]/.test(id) ? `'${id}` : id)));
});

test("issue9_item1 and item4: every line accounted for, invalid rows by 1-based line", () => {
  const head = "id,province,registration,relation,sex,birthDate,name";
  const csv = [head, "A,CN-HB,poor,head,male,1970-01-01,a", "B,CN-HB,poor,head,male,1970-01-01,\"b", "", "A,CN-HB,poor,spouse,female,1971-01-01,c"].join("\r");
  const job = run(new TextEncoder().encode(csv), "csv");
  assert.deepEqual(job.lines(), { read: 5, header: 1, blank: 1, assessed: 0, invalid: 3 });
  const invalid = job.invalid();
  assert.deepEqual(invalid.map((r) => r.line), [2, 3, 5]);
  assert.ok(invalid.every((r) => r.index === undefined));
  assert.equal(invalid[1].problems[0].code, "unterminated_quote");
  assert.equal(invalid[1].problems[0].path, "members[0].name");
  assert.equal(invalid[0].problems[0].code, "household_rows_not_contiguous");
  assert.match(invalid[0].problems[0].message, /^\[line 2, id\].*lines 2, 5/);
});

test("issue9_item3: a line that is not UTF-8 in JSON Lines is one invalid row", () => {
  const enc = new TextEncoder();
  const bytes = new Uint8Array([...enc.encode("\uFEFF" + JSON.stringify(good) + "\n"), 0xd5, 0xc5, 0x0a, ...enc.encode(JSON.stringify(good))]);
  const job = run(bytes, "jsonl");
  assert.equal(job.rowCount(), 2);
  assert.equal(job.invalid()[0].line, 2);
  assert.equal(job.invalid()[0].problems[0].code, "invalid_utf8");
  // Both J1 rows are poor households with guarantees unknown (incomplete): 2 of 2 persons
  // remain poor, 综合贫困发生率 2/2 fails, so the county test is not met.
  const s = job.summary();
  assert.deepEqual([s.indicators.compositeIncidence.numerator, s.indicators.compositeIncidence.denominator], [1, 1]);
  assert.equal(s.exitIndicatorsMet, false);
});
