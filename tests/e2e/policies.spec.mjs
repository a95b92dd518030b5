// The policy-pack page.

import { test, assert } from "./lib.mjs";

test("policies: lists every built-in pack with dated values and sources, and filters", async (ctx) => {
  const { page } = await ctx.open();
  await page.goto(`${ctx.base}policies.html`);
  await page.locator("section.pack").first().waitFor();
  const packs = await page.evaluate(async () => {
    const m = await import("/pkg/tuopin.js");
    await m.default();
    return m.policies();
  });
  assert.ok(packs.length >= 2);
  assert.equal(await page.locator("section.pack").count(), packs.length);
  for (const p of packs) {
    const sec = page.locator(`section.pack[data-pack="${p.id}"]`);
    assert.equal(await sec.count(), 1, p.id);
    const text = await sec.textContent();
    assert.ok(text.includes(p.title), `${p.id} title`);
    for (const s of p.sources ?? []) assert.ok(text.includes(s), `${p.id} source ${s}`);
    const rows = p.parameters.reduce((n, x) => n + x.entries.length, 0);
    assert.equal(await sec.locator("tbody tr").count(), rows, `${p.id} rows`);
  }
  // A known value with its source: the 2019 national poverty line.
  const national = page.locator('section.pack[data-pack="cn-national"]');
  const row2019 = national.locator("tbody tr", { hasText: "2019-01-01" }).filter({ hasText: "3218" });
  assert.equal(await row2019.count(), 1);
  assert.match(await row2019.textContent(), /NBS/);
  assert.match(await row2019.textContent(), /\bS\b/);

  await page.locator("#filter-pack").selectOption("cn-yn");
  assert.equal(await page.locator("section.pack").count(), 1);
  assert.match(await page.locator("section.pack").textContent(), /8700/);
  await page.locator("#filter-pack").selectOption("");
  await page.locator("#filter-key").fill("monitoringLine");
  await page.waitForFunction(() => [...document.querySelectorAll("section.pack tbody th")].every((th) => /monitoringLine/.test(th.textContent)));
  assert.ok(await page.locator("section.pack").count() >= 1);
  assert.match(await page.locator("#shown").textContent(), /显示 \d+ 个政策包/);

  await page.locator("#lang-switch").click();
  assert.match(await page.locator("h1").textContent(), /Built-in policy packs/);
  assert.match(await page.locator("#shown").textContent(), /packs shown/);
  await page.locator("#lang-switch").click();
});
