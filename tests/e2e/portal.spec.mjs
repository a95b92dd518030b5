// Host-CSS isolation (issue 11 §1): the element looks the same inside a "hostile portal" page as on
// a plain page. The portal imitates rules common on government portals: a global
// *{font-size:12px;line-height:1}, html{font-size:62.5%} (or a lib-flexible 36 px root),
// body{text-align:center;letter-spacing:2px;white-space:nowrap}, input,select,button{width:100%;
// border:0}, table{display:block}, [hidden]{display:block} and a 760 px fixed column (on wide
// screens; on a phone both pages give the element the full width). Screenshots of the element at
// 360 and 1280 px are compared pixel by pixel with the plain page's.

import path from "node:path";
import {
  test, assert, EL, waitForEngine, nextEvent, readJson, elementFixture, fixtureUrl, FIXTURES, comparePngs,
} from "./lib.mjs";

const COLUMN = `
body { margin: 0; }
.col { margin: 0 auto; }
@media (min-width: 800px) { .col { width: 760px; } }
`;

const HOSTILE_COMMON = `
body { text-align: center; letter-spacing: 2px; white-space: nowrap; word-spacing: 4px; font-weight: 700; color: #333; font-family: serif; }
input, select, button { width: 100%; border: 0; }
table { display: block; }
[hidden] { display: block; }
ul, ol, li { list-style: square; }
`;

const VARIANTS = {
  "global-12px": `* { font-size: 12px; line-height: 1; } html { font-size: 62.5%; }${HOSTILE_COMMON}`,
  "flexible-36px": `html { font-size: 36px; } body { font-size: 24px; line-height: 1.2; }${HOSTILE_COMMON}`,
};

const BODY = `<div class="col"><tuopin-assessment as-of="2019-12-31" lang="zh-CN"></tuopin-assessment></div>`;

async function shoot(ctx, name, width, data) {
  const { page } = await ctx.open({ ...FIXTURES, viewport: { width, height: 900 } });
  await page.goto(fixtureUrl(ctx, name));
  await waitForEngine(page);
  const ev = nextEvent(page);
  await page.evaluate(([sel, d]) => {
    const e = document.querySelector(sel);
    e.load(d);
    e.assess();
  }, [EL, data]);
  assert.equal((await ev).type, "tuopin-result");
  // No focus ring or caret: the comparison is about styles, not about where focus is.
  await page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    if (a && a.blur) a.blur();
  });
  await page.waitForTimeout(200);
  const file = path.join(ctx.artifacts, "screenshots", `portal-${name}-${width}.png`);
  await page.locator(EL).screenshot({ path: file, animations: "disabled", caret: "hide" });
  const size = await page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const label = root.querySelector("label");
    const cs = getComputedStyle(label);
    return { font: parseFloat(cs.fontSize), line: cs.lineHeight, align: getComputedStyle(root.querySelector("p, h2")).textAlign };
  }, EL);
  return { file, size };
}

for (const width of [360, 1280]) {
  test(`portal: the element in hostile portal pages looks the same as on a plain page at ${width} px (issue 11 §1)`, async (ctx) => {
    const data = readJson(ctx, "www/samples/exit-ready-yn-2019.json");
    elementFixture(ctx, "portal-plain", { body: BODY, css: COLUMN });
    const plain = await shoot(ctx, "portal-plain", width, data);
    assert.ok(plain.size.font >= 16, `label text on the plain page: ${plain.size.font}px`);
    for (const [variant, css] of Object.entries(VARIANTS)) {
      elementFixture(ctx, `portal-${variant}`, { body: BODY, css: COLUMN + css });
      const hostile = await shoot(ctx, `portal-${variant}`, width, data);
      assert.deepEqual(hostile.size, plain.size, `${variant}: computed text styles inside the element`);
      const cmp = comparePngs(plain.file, hostile.file);
      console.log(`    ${variant} at ${width} px: ${cmp.width}×${cmp.height}, ${cmp.differing} pixels differ`);
      assert.ok(cmp.sameSize, `${variant}: element size ${cmp.otherWidth}×${cmp.otherHeight} vs plain ${cmp.width}×${cmp.height}`);
      assert.ok(cmp.ratio <= 0.002, `${variant}: ${cmp.differing} pixels differ (${(cmp.ratio * 100).toFixed(3)}%)`);
    }
  });
}
