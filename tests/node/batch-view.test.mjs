// Issue 8 (the 100,000-household file in the batch page's Worker): the results table's rows stay
// in the engine. BatchJob.digest() and setView()/viewRows() must give exactly what the page
// computed in JS from every row before (the reference below is that code, as it was in
// www/batch-runner.js), and isUtf8() must judge bytes as the fatal TextDecoder it replaces.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const pkg = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "pkg");
const batch = await import(path.join(pkg, "batch", "tuopin.js"));
batch.initSync({ module: readFileSync(path.join(pkg, "batch", "tuopin_bg.wasm")) });

/** Households of every outcome: incomes around the line (and missing), several sizes,
 *  provinces with different lines, failing housing / water / schooling. */
function households(n) {
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out = [];
  for (let i = 0; i < n; i++) {
    const persons = 1 + Math.floor(rnd() * 6);
    const members = [{ relation: "head", sex: "male", birthDate: "1970-05-01", health: "healthy", labour: "normal" }];
    for (let k = 1; k < persons; k++) {
      const child = k > 1;
      members.push({
        relation: child ? "child" : "spouse",
        sex: k % 2 ? "female" : "male",
        birthDate: child ? "2008-09-01" : "1972-02-02",
        schooling: child ? (rnd() < 0.1 ? "not_enrolled" : "junior") : "not_student",
        medicalInsurance: rnd() < 0.05 ? "none" : "resident",
      });
    }
    const wage = rnd() < 0.05 ? null : Math.round(rnd() * 12000 * persons * 100) / 100;
    const h = {
      id: `H${i}`,
      province: ["CN-YN", "CN-YN", "CN-HN", "CN-LN", "CN-GX"][i % 5],
      registration: ["poor", "exited", "ordinary"][i % 3],
      identifiedOn: "2015-10-01",
      members,
      income: { business: Math.round(rnd() * 3000), property: 0, transfer: 100, businessCosts: 0 },
      food: { secure: true },
      clothing: { secure: true },
      housing: { grade: rnd() < 0.1 ? "D" : "B" },
      water: { pipedToHome: rnd() > 0.1, qualityOk: true },
      electricity: { connected: true },
    };
    if (wage !== null) h.income.wage = wage;
    if (h.registration === "exited") h.exitedOn = "2018-12-01";
    out.push(h);
  }
  return out;
}

function run(list, asOf = "2019-12-31") {
  const bytes = new TextEncoder().encode(list.map((h) => JSON.stringify(h)).join("\n"));
  const job = new batch.BatchJob(bytes, "jsonl", { asOf });
  while (!job.finished()) job.step(500);
  const rows = job.rows(0, job.rowCount());
  return { job, rows };
}

// --- the page's code before issue 8 (www/batch-runner.js), kept here as the reference -------------
const BIN_WIDTH = 0.25;
const BINS = 12;
function digestInJs(rows) {
  const bins = new Array(BINS + 1).fill(0);
  let unknownIncome = 0;
  const outcomes = {};
  let failingHouseholds = 0;
  const lines = new Map();
  for (const r of rows) {
    outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
    if (r.failing.length) failingHouseholds += 1;
    lines.set(r.lineAmount, (lines.get(r.lineAmount) ?? 0) + 1);
    if (r.perCapita === null || r.perCapita === undefined || !(r.lineAmount > 0)) {
      unknownIncome += 1;
      continue;
    }
    const ratio = r.perCapita / r.lineAmount;
    const i = Math.min(BINS, Math.max(0, Math.floor(ratio / BIN_WIDTH)));
    bins[i] += 1;
  }
  return {
    histogram: { binWidth: BIN_WIDTH, bins, unknown: unknownIncome },
    outcomes,
    failingHouseholds,
    lines: [...lines.entries()].sort((a, b) => b[1] - a[1]).map(([amount, n]) => ({ amount, households: n })),
    rowCount: rows.length,
  };
}
function comparator(key, dir) {
  const s = dir === "desc" ? -1 : 1;
  return (a, b) => {
    if (key === "perCapita") {
      const an = a.perCapita === null || a.perCapita === undefined;
      const bn = b.perCapita === null || b.perCapita === undefined;
      if (an !== bn) return an ? 1 : -1;
      if (!an && a.perCapita !== b.perCapita) return s * (a.perCapita - b.perCapita);
    } else if (key === "persons") {
      if (a.persons !== b.persons) return s * (a.persons - b.persons);
    } else {
      return s * (a.line - b.line);
    }
    return a.line - b.line;
  };
}
function viewInJs(rows, key, dir, outcome, failing) {
  const keep = (r) => {
    if (outcome && r.outcome !== outcome) return false;
    if (failing === "any") return r.failing.length > 0;
    if (failing === "none") return r.failing.length === 0;
    if (failing) return r.failing.includes(failing);
    return true;
  };
  return rows.filter(keep).sort(comparator(key, dir));
}
// ----------------------------------------------------------------------------------------------------

test("issue 8: BatchJob.digest() counts the rows exactly as the page did in JS", () => {
  // The exit regime (one national line) and the monitoring regime (provinces' own lines).
  for (const asOf of ["2019-12-31", "2022-06-30"]) {
    const { job, rows } = run(households(3000), asOf);
    const digest = job.digest();
    assert.ok(rows.length > 1000, `${rows.length} rows`);
    assert.ok(Object.keys(digest.outcomes).length >= 3, JSON.stringify(digest.outcomes));
    assert.ok(digest.histogram.unknown > 0 && digest.failingHouseholds > 0);
    if (asOf > "2021") assert.ok(digest.lines.length >= 2, JSON.stringify(digest.lines));
    // Key order counts (the page lists outcomes and lines in this order).
    assert.equal(JSON.stringify(digest), JSON.stringify(digestInJs(rows)), asOf);
    job.free();
  }
});

test("issue 8: setView()/viewRows() filter, sort and page as the page did in JS", () => {
  const { job, rows } = run(households(1500));
  let compared = 0;
  for (const key of ["line", "perCapita", "persons"]) {
    for (const dir of ["asc", "desc"]) {
      for (const [outcome, failing] of [
        [undefined, undefined],
        ["not_ready", undefined],
        [undefined, "any"],
        [undefined, "none"],
        [undefined, "housing"],
        ["ready", "none"],
        ["no_such_outcome", undefined],
      ]) {
        const want = viewInJs(rows, key, dir, outcome, failing);
        const matched = job.setView(key, dir === "desc", outcome, failing);
        assert.equal(matched, want.length, `${key} ${dir} ${outcome} ${failing}`);
        assert.deepEqual(job.viewRows(0, matched), want, `${key} ${dir} ${outcome} ${failing}`);
        // A page in the middle, and past the end.
        assert.deepEqual(job.viewRows(100, 200), want.slice(100, 200));
        assert.deepEqual(job.viewRows(matched + 5, matched + 10), []);
        compared += 1;
      }
    }
  }
  assert.equal(compared, 42);
  job.free();
});

test("issue 8: isUtf8() judges bytes as a fatal TextDecoder does", () => {
  const cases = [
    [],
    [0x61, 0x2c, 0x62],
    [0xef, 0xbb, 0xbf, 0x61],
    [...new TextEncoder().encode("户主,男,1970-01-01\r\n")],
    [0xc0, 0xaf], // overlong
    [0xed, 0xa0, 0x80], // a surrogate
    [0xe4, 0xb8], // cut short
    [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
    [0xb6, 0xfe, 0xd6, 0xf7], // GBK 户主
    [0xf0, 0x9f, 0x98, 0x80], // an emoji
  ];
  for (const c of cases) {
    const bytes = new Uint8Array(c);
    let valid = true;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      valid = false;
    }
    assert.equal(batch.isUtf8(bytes), valid, JSON.stringify(c));
  }
});
