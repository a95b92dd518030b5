// Issue 9, the JS boundary: values JSON cannot carry are problems at their exact path, never a
// silent null (item 5); validate checks options as assess does (item 6); overrides are checked
// like household data (item 7); limits are reported fast (item 10).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const tuopin = require("../../pkg/node/tuopin.cjs");

const base = () => ({
  id: "B-1", province: "CN-YN", registration: "poor", identifiedOn: "2016-03-01",
  members: [
    { relation: "head", sex: "male", birthDate: "1970-05-01", medicalInsurance: "resident" },
    { relation: "spouse", sex: "female", birthDate: "1972-05-01", medicalInsurance: "resident" },
  ],
  income: { wage: 12000, business: 0, property: 0, transfer: 0, businessCosts: 0 },
  spending: { medicalOutOfPocket: 0, education: 0 }, food: { secure: true }, clothing: { secure: true },
  housing: { grade: "A", areaM2: 80 }, water: { pipedToHome: true, litresPerPersonDay: 60, daysWithoutSupply: 0, qualityOk: true },
});
const opts = { asOf: "2019-12-31" };

/** The [path, code] pairs `assess` throws with (and checks `validate` says the same). */
function problems(h, o = opts) {
  let thrown;
  try {
    tuopin.assess(h, o);
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof Error, "assess must throw");
  assert.ok(Array.isArray(thrown.problems), "with problems");
  const pairs = thrown.problems.map((p) => [p.path, p.code]);
  const v = tuopin.validate(h, o).map((p) => [p.path, p.code]);
  assert.deepEqual(v, pairs, "validate agrees with assess");
  return { pairs, thrown };
}

test("issue9_item5 NaN, ±Infinity, BigInt, function, Symbol and undefined-in-array are problems at their exact path", () => {
  const cases = [
    [(h) => { h.income.wage = NaN; }, "income.wage", "invalid_number"],
    [(h) => { h.income.business = Infinity; }, "income.business", "invalid_number"],
    [(h) => { h.income.businessCosts = -Infinity; }, "income.businessCosts", "invalid_number"],
    [(h) => { h.members[1].birthDate = () => "1972-05-01"; }, "members[1].birthDate", "invalid_type"],
    [(h) => { h.members[1].birthDate = Symbol("d"); }, "members[1].birthDate", "invalid_type"],
    [(h) => { h.income.wage = 12000n; }, "income.wage", "invalid_type"],
    [(h) => { h.housing.areaM2 = NaN; }, "housing.areaM2", "invalid_number"],
    [(h) => { h.members.push(undefined); }, "members[2]", "invalid_type"],
    [(h) => { h.water.litresPerPersonDay = NaN; }, "water.litresPerPersonDay", "invalid_number"],
  ];
  for (const [mutate, path, code] of cases) {
    const h = base();
    mutate(h);
    const { pairs } = problems(h);
    assert.deepEqual(pairs, [[path, code]], `${path}: ${JSON.stringify(pairs)}`);
  }
  // A field left undefined on an object is a missing field, as in JSON (not a problem of its own):
  // the figures are then unknown, never computed as if it were 0.
  const h = base();
  h.income.property = undefined;
  const r = tuopin.assess(h, opts);
  assert.equal(r.income.net, null);
  assert.deepEqual(r.income.unknown, ["income.property"]);
});

test("issue9_item5 bad values in options are problems at options.… paths, in the caller's language", () => {
  const { pairs, thrown } = problems(base(), { asOf: "2019-12-31", lang: "en", policy: { minAreaPerPerson: NaN } });
  assert.deepEqual(pairs, [["options.policy.minAreaPerPerson", "invalid_number"]]);
  assert.match(thrown.problems[0].message, /not a finite number/);
  const zh = problems(base(), { asOf: "2019-12-31", policy: { povertyLine: 5000n } });
  assert.deepEqual(zh.pairs, [["options.policy.povertyLine", "invalid_type"]]);
  assert.match(zh.thrown.problems[0].message, /这里收到的是大整数（BigInt）。请填写数字/);
});

test("issue9_item5 a cycle, a throwing getter and deep nesting give a problem where they happen", () => {
  const cyc = base();
  cyc.income.self = cyc.income;
  const c = problems(cyc, { ...opts, lang: "en" });
  assert.deepEqual(c.pairs.find(([p]) => p === "income.self"), ["income.self", "circular_reference"]);
  assert.match(c.thrown.problems.find((p) => p.code === "circular_reference").message, /cycle/);

  const g = base();
  Object.defineProperty(g.members[0], "sex", { enumerable: true, get() { throw new Error("no access"); } });
  const gp = problems(g, { ...opts, lang: "en" });
  assert.deepEqual(gp.pairs, [["members[0].sex", "unreadable_value"]]);
  assert.match(gp.thrown.problems[0].message, /no access/);

  const d = base();
  let deep = {};
  d.survey = deep;
  for (let i = 0; i < 10000; i++) deep = deep.x = {};
  const dp = problems(d);
  const deepest = dp.thrown.problems.filter((p) => p.code === "too_deep");
  assert.equal(deepest.length, 1);
  assert.match(deepest[0].path, /^survey(\.x)+$/);
  assert.match(deepest[0].message, /嵌套层数过深/);
  // (survey.x is also an unknown field of survey: every problem at once.)
  assert.deepEqual(dp.pairs.filter(([, c]) => c !== "too_deep"), [["survey.x", "unknown_field"]]);

  // A shared (acyclic) object is not a cycle.
  const shared = base();
  const ins = { relation: "child", sex: "male", birthDate: "2000-01-01", medicalInsurance: "resident" };
  shared.members.push(ins, { ...ins });
  assert.equal(tuopin.assess(shared, opts).income.members, 4);
});

test("issue9_item5 assessMany refuses a value that cannot cross, with the household's index in the path", () => {
  const h = base();
  h.income.wage = NaN;
  assert.throws(() => tuopin.assessMany([base(), h], opts), (e) => {
    assert.deepEqual(e.problems.map((p) => [p.path, p.code]), [["[1].income.wage", "invalid_number"]]);
    return true;
  });
});

test("issue9_item6 validate checks options exactly as assess does", () => {
  const { pairs } = problems(base(), { asOf: 5 });
  assert.deepEqual(pairs, [["options.asOf", "invalid_type"]]);
  assert.deepEqual(tuopin.validate(base(), { asOf: "2019-12-31", lang: "fr" }).map((p) => p.code), ["invalid_value"]);
  assert.deepEqual(tuopin.validate(base(), { asOf: "2019-12-31", policy: { minMeasures: -1 } }).map((p) => p.path), ["options.policy.minMeasures"]);
  assert.deepEqual(tuopin.validate(base(), { asOf: "2019-12-31", colour: "red" }).map((p) => p.code), ["unknown_field"]);
  // asOf may be left out of validate, and a valid record with valid options has no problems.
  assert.deepEqual(tuopin.validate(base(), {}), []);
  assert.deepEqual(tuopin.validate(base()), []);
});

test("issue9_item7 an override of NaN or null never clears a rule; false does, and applied shows the value used", () => {
  const gx = { ...base(), province: "CN-GX", housing: { grade: "A", areaM2: 5 } };
  const on = { asOf: "2019-12-31" };
  // Guangxi's 13 m² per person: 5 m² for two persons fails.
  const plain = tuopin.assess(gx, on);
  assert.equal(plain.checks.find((c) => c.id === "housing").status, "fail");
  assert.deepEqual(problems(gx, { ...on, policy: { minAreaPerPerson: NaN } }).pairs, [["options.policy.minAreaPerPerson", "invalid_number"]]);
  assert.deepEqual(problems(gx, { ...on, policy: { minAreaPerPerson: null } }).pairs, [["options.policy.minAreaPerPerson", "invalid_type"]]);
  assert.deepEqual(problems(gx, { ...on, policy: { boundary: null } }).pairs, [["options.policy.boundary", "invalid_type"]]);
  const off = tuopin.assess(gx, { ...on, policy: { minAreaPerPerson: false } });
  assert.equal(off.checks.find((c) => c.id === "housing").status, "pass");
  const applied = off.policy.applied.find((a) => a.key === "minAreaPerPerson");
  assert.equal(applied.pack, "override");
  assert.equal(applied.value, false);
  const set = tuopin.assess(gx, { ...on, policy: { minAreaPerPerson: 2 } });
  assert.equal(set.policy.applied.find((a) => a.key === "minAreaPerPerson").value, 2);
  // Out of the stated range.
  assert.deepEqual(problems(gx, { ...on, policy: { povertyLine: 1e6 } }).pairs, [["options.policy.povertyLine", "out_of_range"]]);
});

test("issue9_item10 a million members is refused at once with too_many_members", () => {
  const h = base();
  const m = h.members[0];
  h.members = Array.from({ length: 1_000_000 }, () => m);
  const { pairs } = problems(h);
  assert.deepEqual(pairs, [["members", "too_many_members"]]);
  const long = base();
  long.province = "X".repeat(10_000_000);
  const { thrown } = problems(long, { ...opts, lang: "en" });
  assert.equal(thrown.problems[0].code, "value_too_long");
  assert.ok(thrown.problems[0].message.length < 300, "the message does not echo 10 MB");
});

test("contract v1.1 item 4 a monitoring line as a 低保 multiple, with lineBasis", () => {
  const h = { ...base(), registration: "exited", exitedOn: "2019-10-01" };
  const r = tuopin.assess(h, { asOf: "2023-06-30", lang: "en", policy: { monitoringLine: { dibaoMonthly: 815, factor: 0.5 } } });
  assert.equal(r.income.line, 4890);
  assert.deepEqual(r.income.lineBasis, { kind: "dibao_multiple", source: "given by the caller in options.policy", confidence: "caller" });
  const a = r.policy.applied.find((x) => x.key === "monitoringLine");
  assert.deepEqual(a.value, { dibaoMonthly: 815, factor: 0.5, amount: 4890 });
  const plain = tuopin.assess(base(), opts);
  assert.equal(plain.income.lineBasis.kind, "amount");
  assert.match(plain.income.lineBasis.confidence, /^[CSN]$/);
});

test("issue9_item5 seeded fuzz through the JS boundary: never a crash, validate agrees with assess", () => {
  // xorshift32, fixed seed: the same cases on every run.
  let s = 0x74756f70;
  const rnd = (n) => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s % n;
  };
  const pick = (a) => a[rnd(a.length)];
  const weird = () => {
    switch (rnd(14)) {
      case 0: return NaN;
      case 1: return pick([Infinity, -Infinity]);
      case 2: return () => 1;
      case 3: return Symbol("s");
      case 4: return 10n;
      case 5: return [1, undefined, 3];
      case 6: { const o = {}; o.self = o; return o; }
      case 7: { const o = {}; Object.defineProperty(o, "x", { enumerable: true, get() { throw new Error("boom"); } }); return o; }
      case 8: return new Date(0);
      case 9: return "x".repeat(pick([0, 10, 300, 100000]));
      case 10: return pick([0, -1, 0.001, 1e12, 1e-7, 3218, 12.345]);
      case 11: return pick(["2019-12-31", "poor", "CN-GX", "A", null, true]);
      case 12: return new Map([["a", 1]]);
      default: return undefined;
    }
  };
  const paths = [
    ["income", "wage"], ["income", "transfer"], ["members", 0, "birthDate"], ["members", 1, "sex"], ["members", 1],
    ["housing", "areaM2"], ["housing", "grade"], ["water", "litresPerPersonDay"], ["province"], ["members"], ["income"],
    ["spending", "education"], ["registration"], ["monitoring"], ["survey"],
  ];
  let reports = 0;
  let thrown = 0;
  for (let i = 0; i < 3000; i++) {
    const h = base();
    const o = { asOf: pick(["2019-12-31", "2023-06-30"]), lang: pick(["en", "zh-CN"]) };
    if (rnd(4) === 0) o.policy = { [pick(["minAreaPerPerson", "povertyLine", "monitoringLine", "boundary"])]: weird() };
    else if (o.asOf === "2023-06-30") o.policy = { monitoringLine: 8000 };
    for (let k = rnd(4) - 1; k >= 0; k--) {
      const path = pick(paths);
      let at = h;
      for (const p of path.slice(0, -1)) at = at?.[p];
      if (at && typeof at === "object") at[path[path.length - 1]] = weird();
    }
    let report = null;
    let error = null;
    try {
      report = tuopin.assess(h, o);
    } catch (e) {
      error = e;
    }
    const v = tuopin.validate(h, o);
    assert.ok(Array.isArray(v));
    if (report) {
      reports++;
      assert.deepEqual(v, [], `case ${i}: a report, yet validate found ${JSON.stringify(v)}`);
    } else {
      thrown++;
      assert.ok(error instanceof Error, `case ${i}: ${error}`);
      assert.ok(Array.isArray(error.problems) && error.problems.length > 0, `case ${i}: ${error.message}`);
      for (const p of error.problems) {
        assert.equal(typeof p.path, "string");
        assert.equal(typeof p.code, "string");
        assert.ok(p.message.length > 0 && p.message.length < 1000, `case ${i}: ${p.message.length}`);
      }
      // The same problems in the same order, apart from a missing line only assess resolves.
      const said = error.problems.filter((p) => p.code !== "no_poverty_line" && p.code !== "no_monitoring_line").map((p) => [p.path, p.code]);
      assert.deepEqual(v.map((p) => [p.path, p.code]), said, `case ${i}`);
    }
  }
  assert.ok(reports > 100 && thrown > 100, `both outcomes exercised: ${reports} reports, ${thrown} problems`);
});
