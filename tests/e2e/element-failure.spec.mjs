// When the element cannot work, it says so (issue 11 §2): content inside the tag until the element
// is defined, a role="alert" message in Chinese and English with what the site owner must change
// when the engine cannot load (CSP without 'wasm-unsafe-eval', the .wasm not reachable), submit
// disabled; properties set before the module loaded are not lost; the module imports under Node;
// the element's JavaScript uses only what Chromium 80 and Firefox ESR 91 have.

import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  test, assert, EL, field, waitForEngine, nextEvent, readJson, elementFixture, fixtureUrl, FIXTURES,
} from "./lib.mjs";

const FALLBACK = `<p class="fallback">这个自查表单需要启用 JavaScript 的较新浏览器。</p>`;

function recordErrors(page) {
  return page.evaluate(() => {
    window.__errors = [];
    document.addEventListener("tuopin-error", (e) => window.__errors.push(e.detail));
  });
}

test("element failure: a CSP without 'wasm-unsafe-eval' gives a zh-CN and en alert naming the fix, submit disabled (issue 11 §2)", async (ctx) => {
  elementFixture(ctx, "csp-no-wasm", {
    head: `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'">`,
    body: `<main><tuopin-assessment as-of="2024-06-30">${FALLBACK}</tuopin-assessment></main>`,
  });
  const { page } = await ctx.open(FIXTURES);
  await page.goto(fixtureUrl(ctx, "csp-no-wasm"));
  const alert = page.locator(`${EL} [role=alert]`);
  await alert.waitFor({ state: "visible", timeout: 20000 });
  const text = await alert.textContent();
  assert.match(text, /评估引擎无法启动/);
  assert.match(text, /内容安全策略/);
  assert.match(text, /script-src 中加入 'wasm-unsafe-eval'/);
  assert.match(text, /Chromium 97 以前的内核.*'unsafe-eval'/);
  assert.match(text, /add 'wasm-unsafe-eval' to script-src/, "the English text is there for the site owner");
  assert.ok(await page.locator(`${EL} button[type=submit]`).isDisabled(), "submit is disabled");
  assert.ok(await page.locator(`${EL} .fallback`).isHidden(), "the fallback content goes once the element is defined");
  await page.locator(`${EL} button[type=submit]`).click({ force: true });
  assert.ok(await alert.isVisible());
}, { allowConsole: [/Content Security Policy|unsafe-eval|WebAssembly|wasm/i] });

test("element failure: the .wasm not reachable gives an alert about the file, submit disabled, tuopin-error kind network", async (ctx) => {
  elementFixture(ctx, "wasm-404", { body: `<main><tuopin-assessment as-of="2024-06-30"></tuopin-assessment></main>` });
  const { page } = await ctx.open(FIXTURES);
  await page.route("**/tuopin_bg.wasm", (route) => route.abort("failed"));
  await page.goto(fixtureUrl(ctx, "wasm-404"));
  const alert = page.locator(`${EL} [role=alert]`);
  await alert.waitFor({ state: "visible", timeout: 20000 });
  assert.match(await alert.textContent(), /tuopin_bg\.wasm）没有下载成功/);
  assert.ok(await page.locator(`${EL} button[type=submit]`).isDisabled());
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
}, { allowConsole: [/Failed to load|ERR_FAILED|net::|fetch|WebAssembly/i] });

test("element failure: content inside the tag is shown while the element is not defined (no JS, unsupported browser)", async (ctx) => {
  // A page whose script never defines the element stands for no-JS or a browser that cannot run it.
  elementFixture(ctx, "undefined-element", {
    script: "window.__loaded = true;\n",
    body: `<main><tuopin-assessment as-of="2024-06-30">${FALLBACK}</tuopin-assessment></main>`,
  });
  const { page } = await ctx.open(FIXTURES);
  await page.goto(fixtureUrl(ctx, "undefined-element"));
  await page.waitForFunction(() => window.__loaded === true);
  assert.ok(await page.locator(".fallback").isVisible());
});

test("element: properties set before the module loads are not lost (upgrade-property pattern, issue 11 §2)", async (ctx) => {
  const data = readJson(ctx, "www/samples/monitoring-marginal-yn-2024.json");
  data.household.province = "CN-GS";
  elementFixture(ctx, "upgrade", {
    script: `const el = document.querySelector("tuopin-assessment");
el.household = ${JSON.stringify(data.household)};
el.policy = { boundary: "strict" };
el.lines = { monitoringLine: { "CN-GS": { "2024": 7400 } } };
el.asOf = "2024-06-30";
import("/pkg/tuopin-assessment.js").then(() => { window.__defined = true; });
`,
    body: `<main><tuopin-assessment></tuopin-assessment></main>`,
  });
  const { page } = await ctx.open(FIXTURES);
  await page.goto(fixtureUrl(ctx, "upgrade"));
  await page.waitForFunction(() => window.__defined === true);
  await waitForEngine(page);
  assert.equal(await field(page, "members[0].name").inputValue(), data.household.members[0].name);
  assert.equal(await field(page, "asOf").inputValue(), "2024-06-30");
  const ev = nextEvent(page);
  await page.evaluate((sel) => document.querySelector(sel).assess(), EL);
  const r = await ev;
  assert.equal(r.type, "tuopin-result");
  assert.equal(r.detail.report.income.line, 7400, "the lines set before the upgrade are used");
  assert.equal(r.detail.options.policy.boundary, "strict", "the policy set before the upgrade is used");
});

test("element: the module imports under Node and defines nothing there (server-side rendering)", async (ctx) => {
  const mod = await import(pathToFileURL(path.join(ctx.root, "pkg", "tuopin-assessment.js")).href);
  assert.equal(typeof mod.TuopinAssessment, "function");
  assert.equal(typeof globalThis.customElements, "undefined");
});

test("element: js/ uses only what Chromium 80 and Firefox ESR 91 have (issue 11 §3)", async (ctx) => {
  const dir = path.join(ctx.root, "js");
  const forbidden = [
    [/\.replaceChildren\(/, "Node.replaceChildren (Chromium 86)"],
    [/\?\?=|\|\|=|&&=/, "logical assignment (Chromium 85)"],
    [/\.at\(-?\d/, "Array.prototype.at (Chromium 92)"],
    [/structuredClone/, "structuredClone (Chromium 98)"],
    [/Object\.hasOwn\(/, "Object.hasOwn (Chromium 93)"],
    [/^(?:(?:const|let|var)\s+\w+\s*=\s*)?await\s/m, "top-level await (Chromium 89): an unindented await"],
    [/\.replaceAll\(/, "String.prototype.replaceAll (Chromium 85)"],
    [/\bstatic\s*\{/, "static blocks (Chromium 94)"],
    [/this\.#\w/, "private class members (Chromium 84/91)"],
    [/:has\(|@layer/, "CSS :has() / @layer"],
  ];
  const found = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".js"))) {
    const src = fs.readFileSync(path.join(dir, f), "utf8").replace(/^\s*(\/\/|\*|\/\*).*$/gm, "");
    for (const [re, what] of forbidden) if (re.test(src)) found.push(`${f}: ${what}`);
  }
  assert.deepEqual(found, []);
  // Constructable stylesheets only with a <style> fallback.
  assert.match(fs.readFileSync(path.join(dir, "tuopin-assessment-styles.js"), "utf8"), /createElement\("style"\)/);
});
