// The training page: predict, see the rule with its source, keep score.

import { test, assert, activeInfo, tabTo, readJson, clearStorage, screenshot } from "./lib.mjs";

async function openTraining(ctx, options = {}) {
  const o = await ctx.open(options);
  await o.page.goto(`${ctx.base}training.html`);
  await clearStorage(o.page);
  await o.page.reload();
  await o.page.locator("#engine-status").waitFor({ state: "hidden" });
  return o;
}

test("training: every scenario cites a rule and a source, and the engine agrees with the rule", async (ctx) => {
  const { page } = await openTraining(ctx);
  const scenarios = readJson(ctx, "www/training/scenarios.json");
  assert.ok(scenarios.length >= 10);
  const results = await page.evaluate(async (list) => {
    const m = await import("/pkg/tuopin.js");
    await m.default();
    return list.map((s) => {
      try {
        return { id: s.id, report: m.assess(s.household, s.options) };
      } catch (e) {
        return { id: s.id, problems: e.problems ?? String(e) };
      }
    });
  }, scenarios);
  const mismatches = [];
  for (const s of scenarios) {
    assert.ok(s.rule["zh-CN"] && s.rule.en && s.source, `${s.id} cites its rule and source`);
    assert.match(s.source, /policy-reference|〔|号/, `${s.id} names a document`);
    const r = results.find((x) => x.id === s.id);
    if (!r.report) {
      mismatches.push(`${s.id}: invalid input ${JSON.stringify(r.problems)}`);
      continue;
    }
    const rep = r.report;
    const e = s.expect;
    let actual;
    let blocking = [];
    if (s.ask === "exit") {
      actual = rep.exit?.verdict;
      blocking = rep.exit?.blocking ?? [];
      if (e.verdict !== actual) mismatches.push(`${s.id}: exit ${actual}, expected ${e.verdict} (blocking ${blocking})`);
    } else if (s.ask === "category") {
      actual = rep.monitoring?.category;
      if (e.category !== actual) mismatches.push(`${s.id}: category ${actual}, expected ${e.category}`);
    } else if (s.ask === "elimination") {
      actual = rep.riskElimination?.verdict;
      blocking = rep.riskElimination?.blocking ?? [];
      if (e.verdict !== actual) mismatches.push(`${s.id}: elimination ${actual}, expected ${e.verdict} (blocking ${blocking})`);
    } else {
      const c = rep.checks.find((x) => x.id === s.ask.slice(6));
      if (e.status !== c?.status) mismatches.push(`${s.id}: ${s.ask} ${c?.status}, expected ${e.status} (${c?.reason})`);
    }
    for (const b of e.blocking ?? []) if (!blocking.includes(b)) mismatches.push(`${s.id}: blocker ${b} missing from ${blocking}`);
  }
  assert.deepEqual(mismatches, []);
});

test("training: predict by keyboard, see the rule and source, keep the score across reloads", async (ctx) => {
  const { page } = await openTraining(ctx);
  const scenarios = readJson(ctx, "www/training/scenarios.json");
  const first = scenarios[0];
  assert.match(await page.locator("#scenario-title").textContent(), new RegExp(first.title["zh-CN"].slice(0, 6)));
  assert.match(await page.locator("#score").textContent(), /0 \/ 0/);

  // Submitting without a choice gives an inline message, not a pop-up.
  await page.locator("#answer-form button[type=submit]").click();
  assert.ok(await page.locator("#choice-error").isVisible());
  assert.equal(await page.locator("#choice-0").getAttribute("aria-invalid"), "true");
  assert.equal((await activeInfo(page)).id, "choice-0");

  // Choose with the arrow keys and submit with Enter.
  const want = first.expect.status ?? first.expect.verdict ?? first.expect.category;
  for (let i = 0; i < 5 && (await activeInfo(page)).value !== want; i++) await page.keyboard.press("ArrowDown");
  assert.equal((await activeInfo(page)).value, want);
  await page.keyboard.press("Space"); // focus alone does not choose the first radio
  assert.ok(await page.locator(`#answer-form input[value="${want}"]`).isChecked());
  await tabTo(page, (a) => a.tag === "button" && a.type === "submit");
  await page.keyboard.press("Enter");
  const fb = page.locator("#feedback");
  await fb.waitFor();
  assert.equal((await activeInfo(page)).id, "feedback");
  const text = await fb.textContent();
  assert.match(text, /判断正确/);
  assert.ok(text.includes(first.rule["zh-CN"]), "the rule is explained");
  assert.ok(text.includes(first.source), "the source is cited");
  assert.match(await page.locator("#score").textContent(), /1 \/ 1/);

  // A wrong answer on the next one.
  await page.locator("#next").click();
  const second = scenarios[1];
  assert.equal(second.ask, "exit");
  const wrong = second.expect.verdict === "ready" ? "not_ready" : "ready";
  await page.locator(`#answer-form input[value="${wrong}"]`).check();
  await page.locator("#answer-form button[type=submit]").click();
  await fb.waitFor();
  assert.match(await fb.textContent(), /判断有误/);
  assert.match(await page.locator("#score").textContent(), /1 \/ 2/);
  await screenshot(page, ctx, "training-feedback-1280");

  await page.reload();
  await page.locator("#engine-status").waitFor({ state: "hidden" });
  assert.match(await page.locator("#score").textContent(), /1 \/ 2/);
  assert.match(await page.locator("#feedback").textContent(), /判断有误/, "the answered question shows its feedback again");
  const indexButtons = page.locator("#scenario-index button");
  assert.equal(await indexButtons.count(), scenarios.length);
  assert.match(await indexButtons.nth(0).getAttribute("aria-label"), /已作答/);

  // English.
  await page.locator("#lang-switch").click();
  assert.match(await page.locator("#score").textContent(), /Score: 1 \/ 2/);
  assert.ok((await page.locator("#feedback").textContent()).includes(second.rule.en));

  await page.locator("#reset-score").click();
  assert.match(await page.locator("#score").textContent(), /0 \/ 0/);
  await page.locator("#lang-switch").click();
});
