// axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa) on every page, in the states that matter:
// empty form, result, errors, print view, English, high contrast.

import {
  test, assert, EL, axe, formatViolations, waitForEngine, loadAndAssess, readJson, clearStorage, elementFixture, fixtureUrl,
  FIXTURES, field,
} from "./lib.mjs";

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

test("axe: the element's own states (line prompt, warnings beside fields, folded member cards at 360 px, engine alert) have no violations", async (ctx) => {
  elementFixture(ctx, "axe-element", { body: `<main><h1>元素</h1><tuopin-assessment as-of="2024-06-30"></tuopin-assessment></main>` });
  const { page } = await ctx.open({ ...FIXTURES, viewport: { width: 360, height: 780 } });
  await page.goto(fixtureUrl(ctx, "axe-element"));
  await waitForEngine(page);
  const gs = readJson(ctx, "www/samples/monitoring-marginal-yn-2024.json");
  gs.household.province = "CN-GS"; // no built-in line: the prompt opens
  await page.evaluate(([sel, hh]) => { const e = document.querySelector(sel); e.load(hh); e.assess(); }, [EL, gs.household]);
  await page.locator(`${EL} .line-prompt`).waitFor();
  await audit(page, ctx, "element-line-prompt");
  await page.locator(`${EL} .line-prompt input[value=dibao]`).check();
  await audit(page, ctx, "element-line-prompt-dibao");
  await page.locator(`${EL} .line-prompt`).screenshot({ path: `${ctx.artifacts}/screenshots/element-line-prompt-360.png` });

  const data = readJson(ctx, "www/samples/exit-ready-yn-2019.json");
  const child = data.household.members.findIndex((m) => m.relation === "child" && m.birthDate > "2005");
  data.household.members[child].labour = "normal";
  delete data.household.spending;
  await page.evaluate((sel) => document.querySelector(sel).setAttribute("as-of", "2019-12-31"), EL);
  await loadAndAssess(page, data);
  await page.locator(`${EL} .field-warning`).first().waitFor();
  await audit(page, ctx, "element-warnings-360");
  await field(page, "members[0].idNumber").fill("11010519491231002");
  await page.keyboard.type("9");
  await audit(page, ctx, "element-id-bad-checksum");

  elementFixture(ctx, "axe-csp", {
    head: `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'">`,
    body: `<main><h1>元素</h1><tuopin-assessment as-of="2024-06-30"></tuopin-assessment></main>`,
  });
  await page.goto(fixtureUrl(ctx, "axe-csp"));
  await page.locator(`${EL} [role=alert]`).waitFor({ state: "visible", timeout: 20000 });
  await audit(page, ctx, "element-engine-alert");
}, { allowConsole: [/Content Security Policy|unsafe-eval|WebAssembly|wasm/i] });
