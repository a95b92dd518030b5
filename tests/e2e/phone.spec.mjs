// Phone first (issue 10 §2): a typical 4-member household typed in at 360 × 780 px, as an official
// would on a phone, reaches its verdict in at most 5 screens. Every screen of the path is saved to
// test-artifacts/screenshots/phone-path-*.png and the count to phone-path.json.

import fs from "node:fs";
import path from "node:path";
import { test, assert, EL, field, waitForEngine, nextEvent, elementFixture, fixtureUrl, FIXTURES } from "./lib.mjs";

const W = 360;
const H = 780;

/** A 身份证号 with its GB 11643 check digit. */
function idNumber(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i];
  return first17 + "10X98765432"[sum % 11];
}

const MEMBERS = [
  { name: "李建国", id: idNumber("53262219750315031"), relation: "head", health: "healthy", labour: "normal", schooling: "not_student" },
  { name: "王秀英", id: idNumber("53262219770808042"), relation: "spouse", health: "healthy", labour: "normal", schooling: "not_student" },
  { name: "李小明", id: idNumber("53262220100601051"), relation: "child", health: "healthy", labour: "none", schooling: "junior" },
  { name: "张桂兰", id: idNumber("53262219480120062"), relation: "parent", health: "chronic", labour: "weak", schooling: "not_student" },
];

/** Downward travel of the viewport while filling (Playwright scrolls each field into view as a person would). */
const travel = { y: 0, down: 0 };
async function track(page) {
  const y = await page.evaluate(() => window.scrollY);
  if (y > travel.y) travel.down += y - travel.y;
  travel.y = y;
}

async function fillMember(page, i, m) {
  const p = (f) => `members[${i}].${f}`;
  await field(page, p("name")).fill(m.name);
  await field(page, p("idNumber")).fill(m.id); // fills birth date and sex
  await field(page, p("relation")).selectOption(m.relation);
  await field(page, p("health")).selectOption(m.health);
  await field(page, p("labour")).selectOption(m.labour);
  await field(page, p("schooling")).selectOption(m.schooling);
  await page.locator(`${EL} [data-path="${p("medicalInsurance")}"][value=resident]`).check();
  await field(page, p("criticalIllnessInsurance")).selectOption("true");
  await field(page, p("medicalAssistance")).selectOption("true");
  await track(page);
}

test("phone: a 4-member household at 360 px reaches its verdict in at most 5 screens (issue 10 §2), screenshots saved", async (ctx) => {
  elementFixture(ctx, "phone", {
    css: "body { margin: 0; } main { padding: 8px; }",
    body: `<main><tuopin-assessment as-of="2024-06-30" province="CN-YN"></tuopin-assessment></main>`,
  });
  const { page } = await ctx.open({ ...FIXTURES, viewport: { width: W, height: H }, isMobile: true, hasTouch: true });
  await page.goto(fixtureUrl(ctx, "phone"));
  await waitForEngine(page);
  const shots = [];
  const shot = async (label) => {
    const file = path.join(ctx.artifacts, "screenshots", `phone-path-${String(shots.length + 1).padStart(2, "0")}-${label}.png`);
    await page.screenshot({ path: file });
    shots.push({ label, file: path.basename(file), scrollY: await page.evaluate(() => Math.round(window.scrollY)) });
  };
  await shot("start");

  await field(page, "province").selectOption("CN-YN");
  await field(page, "registration").selectOption("ordinary");
  for (let i = 0; i < MEMBERS.length; i++) {
    if (i > 0) await page.locator(`${EL} button[part~="add-member"]`).click();
    await fillMember(page, i, MEMBERS[i]);
    assert.equal(await field(page, `members[${i}].birthDate`).inputValue(), `${MEMBERS[i].id.slice(6, 10)}-${MEMBERS[i].id.slice(10, 12)}-${MEMBERS[i].id.slice(12, 14)}`);
    await shot(`member-${i + 1}`);
  }
  for (const [p, v] of [["income.wage", "30000"], ["income.business", "5000"], ["income.property", "0"], ["income.transfer", "2000"],
    ["income.businessCosts", "1000"], ["spending.medicalOutOfPocket", "3000"], ["spending.education", "1000"], ["spending.disasterLoss", "0"]]) {
    await field(page, p).fill(v);
    await track(page);
  }
  await shot("income");
  for (const [p, v] of [["food.secure", "true"], ["clothing.secure", "true"], ["housing.grade", "A"], ["water.pipedToHome", "true"],
    ["water.qualityOk", "true"], ["electricity.connected", "true"]]) {
    await field(page, p).selectOption(v);
    await track(page);
  }
  await field(page, "water.litresPerPersonDay").fill("60");
  await field(page, "water.daysWithoutSupply").fill("0");
  await shot("guarantees");

  // How far down the page the person must go: to the submit button, then to the verdict.
  const submitBottom = await page.evaluate((sel) => {
    const b = document.querySelector(sel).shadowRoot.querySelector("button[type=submit]").getBoundingClientRect();
    return Math.round(b.bottom + window.scrollY);
  }, EL);
  const ev = nextEvent(page);
  await page.locator(`${EL} button[type=submit]`).click();
  const r = await ev;
  assert.equal(r.type, "tuopin-result", JSON.stringify(r.detail.problems ?? []));
  assert.equal(r.detail.household.members.length, 4);
  const verdict = page.locator(`${EL} .result .verdict`).first();
  await verdict.waitFor();
  await page.waitForTimeout(300);
  await shot("verdict");
  const verdictBottom = await page.evaluate((sel) => {
    const v = document.querySelector(sel).shadowRoot.querySelector(".result .verdict").getBoundingClientRect();
    return Math.round(v.bottom + window.scrollY);
  }, EL);
  const formHeight = await page.evaluate((sel) => Math.round(document.querySelector(sel).shadowRoot.querySelector("form").getBoundingClientRect().height), EL);
  const screens = Math.ceil(verdictBottom / H);
  // Screens seen on the way: the travel down while filling (cards fold as the person moves on, so
  // this can exceed the final page length), plus the first screen.
  await track(page);
  const screensTravelled = Math.ceil((travel.down + H) / H);
  // Every screen the person scrolls through on the way, saved in order (older runs' files removed).
  for (const f of fs.readdirSync(path.join(ctx.artifacts, "screenshots"))) {
    if (/^phone-screen-\d+-of-\d+\.png$/.test(f)) fs.unlinkSync(path.join(ctx.artifacts, "screenshots", f));
  }
  for (let y = 0, n = 1; y < verdictBottom; y += H, n += 1) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(100);
    await page.screenshot({ path: path.join(ctx.artifacts, "screenshots", `phone-screen-${n}-of-${screens}.png`) });
  }
  const measured = { width: W, height: H, members: 4, submitBottom, verdictBottom, formHeight, screens, travelDown: travel.down, screensTravelled, verdict: r.detail.report.monitoring?.category, shots };
  fs.writeFileSync(path.join(ctx.artifacts, "screenshots", "phone-path.json"), JSON.stringify(measured, null, 2));
  console.log(`    phone path: form ${formHeight} px, submit at ${submitBottom} px, verdict at ${verdictBottom} px = ${screens} screens of ${H} px; travelled down ${travel.down} px while filling = ${screensTravelled} screens`);
  assert.ok(screens <= 5, `${screens} screens to the verdict (form ${formHeight} px)`);
}, { timeout: 120000 });
