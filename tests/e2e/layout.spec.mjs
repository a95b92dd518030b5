// Layout at 360 px and 1280 px (screenshots saved to test-artifacts/screenshots/), text at 200%,
// and the high-contrast theme.

import { test, assert, EL, waitForEngine, loadAndAssess, readJson, clearStorage, screenshot, overflowX } from "./lib.mjs";

const WIDTHS = [360, 1280];

/** Elements whose content is cut off sideways (not scrollable regions), through shadow roots. */
function clipped(page) {
  return page.evaluate(() => {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll("*")) {
        if (el.shadowRoot) walk(el.shadowRoot);
        const cs = getComputedStyle(el);
        if (cs.display === "none" || cs.visibility === "hidden") continue;
        if (el.closest?.(".visually-hidden")) continue;
        // Text fields scroll their own value; visually hidden helpers are 1 px on purpose.
        if (["INPUT", "SELECT", "TEXTAREA", "OPTION"].includes(el.tagName)) continue;
        if (el.getBoundingClientRect().width <= 1 || cs.clipPath.startsWith("inset")) continue;
        const scrollable = ["auto", "scroll"].includes(cs.overflowX);
        if (!scrollable && el.scrollWidth > el.clientWidth + 2 && cs.overflowX !== "visible" && el.clientWidth > 0) {
          out.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`);
        }
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > document.documentElement.clientWidth + 1 && !el.closest?.(".table-scroll")) {
          out.push(`${el.tagName.toLowerCase()}.${el.className} sticks out: right ${Math.round(r.right)}`);
        }
      }
    };
    walk(document);
    return out.slice(0, 20);
  });
}

for (const width of WIDTHS) {
  test(`layout: every page at ${width} px, screenshots saved`, async (ctx) => {
    const { page } = await ctx.open({ viewport: { width, height: width < 500 ? 780 : 900 }, isMobile: width < 500, hasTouch: width < 500 });
    await page.goto(`${ctx.base}index.html`);
    await clearStorage(page);
    await page.reload();
    await waitForEngine(page);
    await screenshot(page, ctx, `self-check-empty-${width}`, { fullPage: false });
    assert.equal(await overflowX(page), 0, "no sideways scrolling (empty form)");
    await loadAndAssess(page, readJson(ctx, "www/samples/monitoring-marginal-yn-2024.json"));
    assert.equal(await overflowX(page), 0, "no sideways scrolling (result)");
    assert.deepEqual(await clipped(page), []);
    await screenshot(page, ctx, `self-check-${width}`);
    await page.locator(`${EL} .result`).screenshot({ path: `${ctx.artifacts}/screenshots/self-check-result-${width}.png` });

    await page.goto(`${ctx.base}training.html`);
    await page.locator("#engine-status").waitFor({ state: "hidden" });
    await page.locator("#answer-form input[type=radio]").first().check();
    await page.locator("#answer-form button[type=submit]").click();
    await page.locator("#feedback").waitFor();
    assert.equal(await overflowX(page), 0, "training: no sideways scrolling");
    assert.deepEqual(await clipped(page), []);
    await screenshot(page, ctx, `training-${width}`);

    await page.goto(`${ctx.base}policies.html`);
    await page.locator("section.pack").first().waitFor();
    assert.equal(await overflowX(page), 0, "policies: no sideways scrolling");
    assert.deepEqual(await clipped(page), []);
    await screenshot(page, ctx, `policies-${width}`);
  });
}

test("layout: text at 200% loses nothing (360 px and 1280 px)", async (ctx) => {
  for (const width of WIDTHS) {
    const { page } = await ctx.open({ viewport: { width, height: 900 } });
    await page.goto(`${ctx.base}index.html`);
    await clearStorage(page);
    await page.reload();
    await waitForEngine(page);
    // Text-only zoom: the reader's default text size doubles (the browser's font-size setting,
    // Page.setFontSizes) and the site's root font size doubles too. The element sizes itself from
    // the reader's default size, never from the page's rem (issue 11 §1: a portal's root size must
    // not leak in), so it is the setting that enlarges it; the pages are sized in rem/em.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
    await page.evaluate(() => { document.documentElement.style.fontSize = "200%"; });
    await loadAndAssess(page, readJson(ctx, "www/samples/exit-ready-yn-2019.json"));
    const size = await page.evaluate((sel) => parseFloat(getComputedStyle(document.querySelector(sel).shadowRoot.querySelector("label")).fontSize), EL);
    assert.ok(size >= 32, `label font size ${size}px at 200%`);
    if (width >= 1280) assert.equal(await overflowX(page), 0, `no sideways scrolling at ${width} px with 200% text`);
    assert.deepEqual(await clipped(page), [], `nothing clipped at ${width} px with 200% text`);
    await screenshot(page, ctx, `self-check-text200-${width}`, { fullPage: false });
    await cdp.send("Page.setFontSizes", { fontSizes: { standard: 16, fixed: 13 } }); // the pages: root 200% as before
    for (const p of ["training.html", "policies.html"]) {
      await page.goto(`${ctx.base}${p}`);
      await page.evaluate(() => { document.documentElement.style.fontSize = "200%"; });
      await page.waitForTimeout(300);
      if (width >= 1280) assert.equal(await overflowX(page), 0, `${p}: no sideways scrolling with 200% text`);
      assert.deepEqual(await clipped(page), [], `${p}: nothing clipped with 200% text`);
    }
  }
});

test("layout: high-contrast theme is remembered and needs no colour to tell statuses apart", async (ctx) => {
  const { page } = await ctx.open({ viewport: { width: 360, height: 780 } });
  await page.goto(`${ctx.base}index.html`);
  await clearStorage(page);
  await page.reload();
  await waitForEngine(page);
  await page.locator("#contrast-switch").click();
  assert.equal(await page.locator("#contrast-switch").getAttribute("aria-pressed"), "true");
  assert.equal(await page.locator(EL).getAttribute("theme"), "high-contrast");
  await loadAndAssess(page, readJson(ctx, "www/samples/housing-d-yn-2019.json"));
  await screenshot(page, ctx, "self-check-high-contrast-360");
  // Every status badge and verdict carries its meaning in text, not only in colour.
  const noText = await page.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll(".badge, .verdict")]
    .filter((b) => b.textContent.replace(/[✓✗?–\s]/g, "").length < 2).length, EL);
  assert.equal(noText, 0);
  await page.reload();
  await waitForEngine(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "high-contrast");
  assert.equal(await page.locator(EL).getAttribute("theme"), "high-contrast");
  const bg = await page.evaluate((sel) => getComputedStyle(document.querySelector(sel).shadowRoot.querySelector(".wrap")).backgroundColor
    || getComputedStyle(document.querySelector(sel)).backgroundColor, EL);
  assert.ok(/rgba?\(0, 0, 0/.test(bg) || bg === "rgba(0, 0, 0, 0)", bg);
  await page.locator("#contrast-switch").click();
});
