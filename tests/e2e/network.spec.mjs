// Nothing leaves the page: only the site's own files are requested, the element makes no request
// once the engine is loaded, and it works on a page whose CSP has connect-src 'none'.

import fs from "node:fs";
import path from "node:path";
import { test, assert, EL, waitForEngine, loadAndAssess, nextEvent, readJson, clearStorage } from "./lib.mjs";

test("network: pages request only their own files; the element requests nothing after loading", async (ctx) => {
  const o = await ctx.open();
  const { page } = o;
  await page.goto(`${ctx.base}index.html`);
  await clearStorage(page);
  await page.reload();
  await waitForEngine(page);
  await page.locator("button[data-sample]").first().waitFor({ state: "attached" });
  const before = o.requests.length;
  // A full session with the element: assess, switch language, what-if, print view, errors, draft.
  await loadAndAssess(page, readJson(ctx, "www/samples/monitoring-marginal-yn-2024.json"));
  await page.locator(`${EL} .whatif input[type=number]`).fill("3000");
  await page.waitForTimeout(300);
  const ev = nextEvent(page);
  await page.locator("#lang-switch").click();
  await ev;
  await page.locator(`${EL} button`, { hasText: "Print view" }).click();
  await page.locator(`${EL} button`, { hasText: "Back to the form" }).click();
  await page.locator(`${EL} [data-path="members[0].birthDate"]`).fill("nonsense");
  await page.locator(`${EL} button[type=submit]`).click();
  await page.locator(`${EL} .error-summary`).waitFor();
  await page.locator("#lang-switch").click();
  await page.waitForTimeout(500);
  assert.deepEqual(o.requests.slice(before), [], "the element made requests after loading");

  for (const p of ["training.html", "policies.html"]) {
    await page.goto(`${ctx.base}${p}`);
    await page.waitForLoadState("networkidle");
  }
  const origin = ctx.origin;
  const bad = o.requests.filter((u) => !u.startsWith(`${origin}/www/`) && !u.startsWith(`${origin}/pkg/`));
  assert.deepEqual(bad, []);
  assert.deepEqual(o.foreign, []);
  const kinds = new Set(o.requests.map((u) => u.replace(origin, "").replace(/[^/]+$/, "")));
  assert.ok([...kinds].every((k) => /^\/(www|pkg)\//.test(k)), [...kinds].join(", "));
});

test("network: the element works under connect-src 'none' once the engine is loaded", async (ctx) => {
  // A host page that cannot fetch anything: it hands the wasm bytes to the element's loader from a
  // script module (scripts are allowed, connections are not).
  const dir = path.join(ctx.artifacts, "fixtures");
  const wasm = fs.readFileSync(path.join(ctx.root, "pkg", "tuopin_bg.wasm"));
  fs.writeFileSync(path.join(dir, "wasm-bytes.js"), `export default "${wasm.toString("base64")}";\n`);
  fs.writeFileSync(path.join(dir, "connect-none.js"), `import b64 from "./wasm-bytes.js";
import { loadEngine } from "/pkg/tuopin-assessment.js";
const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
await loadEngine(bytes);
const el = document.createElement("tuopin-assessment");
el.setAttribute("no-draft", "");
el.setAttribute("as-of", "2019-12-31");
document.querySelector("main").append(el);
try {
  await fetch("/www/index.html");
  window.__fetchBlocked = false;
} catch {
  window.__fetchBlocked = true;
}
window.__ready = true;
`);
  fs.writeFileSync(path.join(dir, "connect-none.html"), `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'none'">
<title>connect-src 'none'</title>
<script type="module" src="connect-none.js"></script></head>
<body><main><h1>connect-src 'none'</h1></main></body></html>
`);
  const o = await ctx.open({ allowPaths: ["/test-artifacts/fixtures/"] });
  const { page } = o;
  await page.goto(`${ctx.origin}/test-artifacts/fixtures/connect-none.html`);
  await page.waitForFunction(() => window.__ready === true);
  assert.equal(await page.evaluate(() => window.__fetchBlocked), true, "the CSP really forbids connections");
  await waitForEngine(page);
  const ev = await loadAndAssess(page, readJson(ctx, "www/samples/exit-ready-yn-2019.json"));
  assert.equal(ev.type, "tuopin-result");
  assert.equal(ev.detail.report.exit.verdict, "ready");
  assert.equal(o.requests.filter((u) => u.endsWith(".wasm")).length, 0, "no .wasm request");
  assert.ok(!o.requests.some((u) => u.includes("/www/index.html")));
}, { allowConsole: [/Refused to connect|Content Security Policy|connect-src/] });
