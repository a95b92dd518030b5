// The policy-pack page.

import { test, assert, screenshot } from "./lib.mjs";
import { problemsOf } from "./zh-rules.mjs";

/** Visible text of the page's main part in pieces (codes in <code> left out: they are codes). */
function visibleTexts(page) {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent.trim();
      if (!text || n.parentElement.closest("code, [hidden]")) continue;
      out.push(text);
    }
    for (const o of document.querySelectorAll("#filter-pack option")) out.push(o.textContent);
    return out;
  });
}

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
    const rows = p.parameters.reduce((n, x) => n + x.entries.length, 0);
    assert.equal(await sec.locator("tbody tr").count(), rows, `${p.id} rows`);
  }
  // Issue 10 §5: in zh-CN the page shows Chinese only, codes and document numbers aside — titles,
  // citations and value codes included (a citation without a Chinese form would show here).
  const zhProblems = (await visibleTexts(page)).flatMap((text) => problemsOf(text).map((p) => `${p}: ${text}`));
  assert.deepEqual(zhProblems, [], "English or half-width punctuation on the zh-CN policy page");
  await screenshot(page, ctx, "policies-zh-1280");
  const national0 = page.locator('section.pack[data-pack="cn-national"]');
  assert.match(await national0.locator("h2").textContent(), /^全国：/);
  assert.match(await national0.locator("tbody tr", { hasText: "2019-01-01" }).filter({ hasText: "3218" }).textContent(), /^(?!.*NBS).*3218.*统计局/s, "the 2019 line cited in Chinese");
  assert.match(await national0.locator("tbody tr", { hasText: "严格（" }).textContent(), /boundary/, "value codes in words");
  assert.equal(await page.locator('#filter-pack option[value="cn-yn"]').textContent(), "云南", "packs named, not shown by id");

  // In English every pack shows the engine's own title and sources.
  await page.locator("#lang-switch").click();
  for (const p of packs) {
    const text = await page.locator(`section.pack[data-pack="${p.id}"]`).textContent();
    assert.ok(text.includes(p.title), `${p.id} title`);
    for (const s of p.sources ?? []) assert.ok(text.includes(s), `${p.id} source ${s}`);
  }
  // A known value with its source: the 2019 national poverty line.
  const national = page.locator('section.pack[data-pack="cn-national"]');
  const row2019 = national.locator("tbody tr", { hasText: "2019-01-01" }).filter({ hasText: "3218" });
  assert.equal(await row2019.count(), 1);
  assert.match(await row2019.textContent(), /NBS/);
  // The confidence is its own cell (the citation's text may end in anything).
  const cells = (await row2019.locator("td, th").allTextContents()).map((t) => t.trim());
  assert.ok(cells.includes("S"), `a cell says S: ${JSON.stringify(cells)}`);
  await page.locator("#lang-switch").click();

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
