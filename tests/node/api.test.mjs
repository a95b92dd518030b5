// The Node build of the package (pkg/node) exposes the same API as the browser build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const tuopin = require("../../pkg/node/tuopin.cjs");

const household = {
  id: "N-1", province: "CN-YN", registration: "poor", identifiedOn: "2016-03-01",
  members: [{ relation: "head", sex: "male", birthDate: "1970-05-01", medicalInsurance: "resident" }],
  income: { wage: 3218, business: 0, property: 0, transfer: 0, businessCosts: 0 },
  spending: { medicalOutOfPocket: 0, education: 0 }, food: { secure: true }, clothing: { secure: true },
  housing: { grade: "A" }, water: { pipedToHome: true, litresPerPersonDay: 60, daysWithoutSupply: 0, qualityOk: true },
};

test("income exactly at the 2019 line (3218) does not exit under the strict reading", () => {
  const r = tuopin.assess(household, { asOf: "2019-12-31" });
  assert.equal(r.income.line, 3218);
  assert.equal(r.checks.find((c) => c.id === "income").status, "fail");
  assert.equal(r.exit.verdict, "not_ready");
  assert.deepEqual(r.exit.blocking, ["income"]);
});

test("the lenient reading lets the same household exit", () => {
  const r = tuopin.assess(household, { asOf: "2019-12-31", policy: { boundary: "lenient" } });
  assert.equal(r.exit.verdict, "ready");
  assert.equal(r.policy.overrides.boundary, "lenient");
});

test("invalid input throws an Error carrying problems with paths and codes, in English on request", () => {
  const bad = { ...household, members: [{ ...household.members[0], birthDate: "1970-02-30" }] };
  assert.throws(() => tuopin.assess(bad, { asOf: "2019-12-31", lang: "en" }), (e) => {
    assert.ok(e instanceof Error);
    assert.deepEqual(e.problems.map((p) => [p.path, p.code]), [["members[0].birthDate", "invalid_date"]]);
    assert.match(e.problems[0].message, /invalid date/);
    return true;
  });
  assert.deepEqual(tuopin.validate(household, {}), []);
});

test("results are plain JSON: no Map, no undefined", () => {
  const r = tuopin.assess(household, { asOf: "2019-12-31" });
  assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
  assert.ok(!(r.policy.overrides instanceof Map));
});

test("assessMany reports invalid rows by number and assesses the rest", () => {
  const out = tuopin.assessMany([household, { province: "CN-YN" }], { asOf: "2019-12-31" });
  assert.equal(out.reports.length, 1);
  assert.equal(out.invalid[0].row, 1);
  assert.equal(out.summary.households, 2);
  assert.equal(out.summary.invalid, 1);
});

test("policies and version describe the built-in packs", () => {
  const v = tuopin.version();
  assert.equal(v.contract, 1);
  assert.ok(v.policyPacks.includes("cn-national"));
  const national = tuopin.policies().find((p) => p.id === "cn-national");
  const line = national.parameters.find((p) => p.key === "povertyLine");
  const y2017 = line.entries.find((e) => e.from === "2017-01-01");
  assert.equal(y2017.confidence, "N");
  assert.equal(y2017.value ?? null, null, "an unconfirmed year carries no invented value");
});

test("the published types spell out the API without `any`", () => {
  const dts = readFileSync(new URL("../../pkg/tuopin.d.ts", import.meta.url), "utf8");
  const publicPart = dts.split("export type InitInput")[0];
  assert.doesNotMatch(publicPart, /\bany\b/);
  for (const fn of ["assess(household: Household, options: Options): Report", "assessMany(households: Household[], options: Options): BatchResult"]) {
    assert.ok(publicPart.includes(fn), fn);
  }
});

test("assessMany gives the applied parameters once per province, not in every report", () => {
  const out = tuopin.assessMany([household, { ...household, id: "N-2" }], { asOf: "2019-12-31" });
  assert.equal(out.reports.length, 2);
  assert.ok(out.reports.every((r) => r.policy.applied === undefined));
  assert.deepEqual(out.applied.map((a) => a.province), ["CN-YN"]);
  assert.ok(out.applied[0].applied.some((a) => a.key === "povertyLine" && a.value === 3218));
  assert.ok(tuopin.assess(household, { asOf: "2019-12-31" }).policy.applied.length > 0, "single reports keep it");
});
