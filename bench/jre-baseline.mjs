// The baseline: the eight checks of the exit regime (contract §"Check ids") written the way a
// portal team would write them without tuopin — facts computed in plain JS, the checks as
// json-rules-engine rules, a verdict and a roll-up. It is deliberately a *fair but simple*
// implementation: no input validation, no ID-number checksums, no warnings, no causes or
// measures, no explanation texts, floating-point money, and a missing fact simply fails.
// tuopin does all of those; see BENCHMARKS.md.

import { Engine } from "json-rules-engine";

const LINES = { 2019: 3218, 2020: 4000 }; // national exit line (policy-reference §2.1)
const EXCLUDED = { "CN-GX": ["basicPension", "dibaoC", "oneOffRelief"] }; // Guangxi pack
const COMMERCIAL_COUNTS = { "CN-GX": true };
const ELECTRICITY_VETO = { "CN-GX": true, "CN-SN": true };
const IN_SCHOOL = new Set(["primary", "junior", "senior", "vocational", "college", "home_tutoring", "exempt", "deferred"]);

/** Whole years from an ISO birth date to `asOf` (both YYYY-MM-DD). */
function age(birth, asOf) {
  const by = +birth.slice(0, 4), bm = +birth.slice(5, 7), bd = +birth.slice(8, 10);
  const y = +asOf.slice(0, 4), m = +asOf.slice(5, 7), d = +asOf.slice(8, 10);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The facts the rules read, computed in JS from a contract household. */
export function facts(h, asOf) {
  const inc = h.income ?? {};
  const items = inc.transferItems ?? {};
  const n = h.members.length;
  const net = (inc.wage ?? 0) + (inc.business ?? 0) + (inc.property ?? 0) + (inc.transfer ?? 0) - (inc.businessCosts ?? 0);
  let excluded = 0;
  for (const k of EXCLUDED[h.province] ?? []) excluded += items[k] ?? 0;
  const insured = COMMERCIAL_COUNTS[h.province] ? ["resident", "employee", "commercial"] : ["resident", "employee"];
  let outOfSchool = 0;
  let uninsured = 0;
  for (const m of h.members) {
    const a = age(m.birthDate, asOf);
    if (a >= 6 && a <= 15 && !IN_SCHOOL.has(m.schooling)) outOfSchool++;
    const ins = Array.isArray(m.medicalInsurance) ? m.medicalInsurance : [m.medicalInsurance];
    if (!ins.some((i) => insured.includes(i))) uninsured++;
  }
  const hs = h.housing ?? {};
  const reloc = hs.relocation ?? {};
  const w = h.water ?? {};
  return {
    countedPerCapita: (net - excluded) / n,
    line: LINES[asOf.slice(0, 4)] ?? 3218,
    foodSecure: h.food?.secure,
    clothingSecure: h.clothing?.secure,
    schoolAgeOutOfSchool: outOfSchool,
    uninsuredMembers: uninsured,
    houseGrade: hs.grade,
    relocationMode: reloc.mode,
    keysHandedOver: reloc.keysHandedOver,
    movedIn: reloc.movedIn,
    safeAlternative: hs.safeAlternative ?? "",
    litres: w.litresPerPersonDay,
    litresMin: h.waterShortArea ? 20 : 35,
    pipedToHome: w.pipedToHome,
    fetchMinutes: w.fetchMinutes,
    horizontalM: w.horizontalM,
    verticalM: w.verticalM,
    daysWithoutSupply: w.daysWithoutSupply,
    qualityOk: w.qualityOk,
    electricity: h.electricity?.connected,
  };
}

const fact = (f, operator, value) => ({ fact: f, operator, value });

/** The eight checks as json-rules-engine rules; each fires an event named after its check. */
export const RULES = [
  { name: "income", conditions: { all: [fact("countedPerCapita", "greaterThan", { fact: "line" })] } },
  { name: "food", conditions: { all: [fact("foodSecure", "equal", true)] } },
  { name: "clothing", conditions: { all: [fact("clothingSecure", "equal", true)] } },
  { name: "education", conditions: { all: [fact("schoolAgeOutOfSchool", "equal", 0)] } },
  { name: "medical", conditions: { all: [fact("uninsuredMembers", "equal", 0)] } },
  {
    name: "housing",
    conditions: {
      any: [
        fact("houseGrade", "in", ["A", "B"]),
        { all: [fact("relocationMode", "equal", "centralized"), fact("keysHandedOver", "equal", true)] },
        { all: [fact("relocationMode", "equal", "scattered"), fact("movedIn", "equal", true)] },
        fact("safeAlternative", "in", ["with_family", "public_rental", "rented"]),
      ],
    },
  },
  {
    name: "water",
    conditions: {
      all: [
        fact("litres", "greaterThanInclusive", { fact: "litresMin" }),
        {
          any: [
            fact("pipedToHome", "equal", true),
            fact("fetchMinutes", "lessThanInclusive", 20),
            fact("horizontalM", "lessThanInclusive", 800),
            fact("verticalM", "lessThanInclusive", 80),
          ],
        },
        fact("daysWithoutSupply", "lessThanInclusive", 36),
        fact("qualityOk", "equal", true),
      ],
    },
  },
  { name: "electricity", conditions: { all: [fact("electricity", "equal", true)] } },
];

export function makeEngine() {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const r of RULES) engine.addRule({ name: r.name, conditions: r.conditions, event: { type: r.name } });
  return engine;
}

/**
 * Assesses every household and rolls up: verdicts of poor households, failing checks,
 * person-weighted incidence. Returns the roll-up (timing is the caller's).
 */
export async function runBaseline(engine, households, asOf) {
  const year = +asOf.slice(0, 4);
  const summary = { households: 0, persons: 0, byVerdict: {}, failingChecks: {}, remainingPoorPersons: 0 };
  for (const h of households) {
    const f = facts(h, asOf);
    const { failureEvents } = await engine.run(f);
    summary.households++;
    summary.persons += h.members.length;
    let blocked = false;
    for (const e of failureEvents) {
      summary.failingChecks[e.type] = (summary.failingChecks[e.type] ?? 0) + 1;
      if (e.type !== "electricity" || ELECTRICITY_VETO[h.province]) blocked = true;
    }
    if (h.registration === "poor") {
      if (h.identifiedOn && +h.identifiedOn.slice(0, 4) === year) blocked = true;
      const spending = h.spending ?? {};
      if ((spending.medicalOutOfPocket ?? 0) + (spending.education ?? 0) > f.countedPerCapita * h.members.length) blocked = true;
      const verdict = blocked ? "not_ready" : "ready";
      summary.byVerdict[verdict] = (summary.byVerdict[verdict] ?? 0) + 1;
      if (blocked) summary.remainingPoorPersons += h.members.length;
    }
  }
  summary.incidence = summary.remainingPoorPersons / summary.persons;
  return summary;
}
