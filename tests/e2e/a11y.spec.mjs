// axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa) on every page, in the states that matter:
// empty form, result, errors, print view, English, high contrast.

import { test, assert, EL, axe, formatViolations, waitForEngine, loadAndAssess, readJson, clearStorage } from "./lib.mjs";

async function audit(page, ctx, name) {
  const v = await axe(page, ctx, name);
  assert.equal(v.length, 0, `${name}:\n${formatViolations(v)}`);
}

test("axe: self-check page (empty, result, errors, print view, English, high contrast) has no violations", async (ctx) => {
  const { page } = await ctx.open();
  await page.goto(`${ctx.base}index.html`);
  await clearStorage(page);
  await page.reload();
  await waitForEngine(page);
  await audit(page, ctx, "self-check-empty");

  const data = readJson(ctx, "www/samples/risk-elimination-yn-2025.json");
  await loadAndAssess(page, data);
  await page.locator(`${EL} .result details summary`).first().click();
  await audit(page, ctx, "self-check-result");

  const bad = readJson(ctx, "www/samples/exit-ready-yn-2019.json");
  bad.household.members[0].birthDate = "2030-01-01";
  bad.household.income.wage = -5;
  bad.household.members[1].idNumber = "123";
  await loadAndAssess(page, bad);
  await audit(page, ctx, "self-check-errors");

  await loadAndAssess(page, readJson(ctx, "www/samples/exit-ready-yn-2019.json"));
  await page.locator(`${EL} button`, { hasText: "打印视图" }).click();
  await audit(page, ctx, "self-check-print-view");
  await page.locator(`${EL} button`, { hasText: "返回编辑" }).click();

  await page.locator("#lang-switch").click();
  await page.waitForFunction((sel) => /Ready to exit/.test(document.querySelector(sel).shadowRoot.querySelector(".result .verdict")?.textContent ?? ""), EL);
  await audit(page, ctx, "self-check-en");
  await page.locator("#contrast-switch").click();
  await audit(page, ctx, "self-check-en-high-contrast");
  await page.locator("#contrast-switch").click();
  await page.locator("#lang-switch").click();
});

test("axe: training page (question, inline error, feedback) has no violations", async (ctx) => {
  const { page } = await ctx.open();
  await page.goto(`${ctx.base}training.html`);
  await clearStorage(page);
  await page.reload();
  await page.locator("#engine-status").waitFor({ state: "hidden" });
  await audit(page, ctx, "training-question");
  await page.locator("#answer-form button[type=submit]").click();
  await audit(page, ctx, "training-error");
  await page.locator("#answer-form input[type=radio]").first().check();
  await page.locator("#answer-form button[type=submit]").click();
  await page.locator("#feedback").waitFor();
  await page.locator("details summary").first().click();
  await audit(page, ctx, "training-feedback");
  await page.locator("#contrast-switch").click();
  await audit(page, ctx, "training-high-contrast");
  await page.locator("#contrast-switch").click();
});

test("axe: policies page has no violations (zh and en)", async (ctx) => {
  const { page } = await ctx.open();
  await page.goto(`${ctx.base}policies.html`);
  await page.locator("section.pack").first().waitFor();
  await audit(page, ctx, "policies");
  await page.locator("#lang-switch").click();
  await audit(page, ctx, "policies-en");
  await page.locator("#lang-switch").click();
});
