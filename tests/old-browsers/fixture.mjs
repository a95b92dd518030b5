// The household and the rule the old-browser suites (run.mjs: Chromium; firefox.mjs: Firefox ESR)
// compute their expected verdicts from: one person in Yunnan, every other check passing, so only
// income decides the exit verdict, against the 2019 national line read from the national pack.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The national poverty line for `year` from the national pack (src/policy/packs/cn-national.toml). */
export function povertyLine(year) {
  const text = readFileSync(path.join(root, "src/policy/packs/cn-national.toml"), "utf8");
  for (const block of text.split("[[povertyLine]]").slice(1)) {
    const from = block.match(/^from = "(\d{4})-01-01"/m);
    const value = block.match(/^value = (\d+)/m);
    if (from && from[1] === String(year) && value) return Number(value[1]);
  }
  throw new Error(`no ${year} poverty line in the national pack`);
}
export const LINE_2019 = povertyLine(2019);

/** One person in Yunnan earning `wage`; `prefix` tells the suites' households apart. */
export const household = (wage, prefix = "OB") => ({
  id: `${prefix}-${wage}`,
  province: "CN-YN",
  registration: "poor",
  identifiedOn: "2016-03-01",
  members: [{ relation: "head", sex: "male", birthDate: "1970-05-01", medicalInsurance: "resident" }],
  income: { wage, business: 0, property: 0, transfer: 0, businessCosts: 0 },
  spending: { medicalOutOfPocket: 0, education: 0 },
  food: { secure: true },
  clothing: { secure: true },
  housing: { grade: "A" },
  water: { pipedToHome: true, litresPerPersonDay: 60, daysWithoutSupply: 0, qualityOk: true },
});
export const OPTIONS = { asOf: "2019-12-31" };
