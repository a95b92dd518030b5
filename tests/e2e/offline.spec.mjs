// Issue 10 §7, offline in a village: the self-check and training pages are installable (web app
// manifest with 192 and 512 px icons, maskable ones too) and, once loaded, work with the network
// off (a service worker serves the pages and pkg/ from a versioned cache); a new version is
// announced with a reload button instead of replacing the page under the person; a portal that
// embeds only the element gets no service worker.
//
// The precache list (www/sw-precache.js) is generated from the files being tested, here, when the
// suite loads this file (after run.mjs has copied js/ into pkg/), exactly as scripts/build.sh's
// last step does (node scripts/sw-manifest.mjs).

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test, assert, EL, waitForEngine, nextEvent, clearStorage, screenshot, axe, formatViolations } from "./lib.mjs";
import { writePrecache } from "../../scripts/sw-manifest.mjs";
import { problemsOf } from "./zh-rules.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const precache = writePrecache({ root });

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file) {
  const b = fs.readFileSync(file);
  assert.equal(b.toString("latin1", 1, 4), "PNG", `${file} is a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Waits until the page is controlled by the site's service worker, and returns its version. */
async function controlledVersion(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 30000 });
  return page.evaluate(() => new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = (e) => resolve(e.data.version);
    navigator.serviceWorker.controller.postMessage({ type: "version" }, [ch.port2]);
  }));
}

test("offline: the self-check and training pages are installable (manifest, 192/512 px icons, maskable)", async (ctx) => {
  const { page } = await ctx.open();
  for (const p of ["index.html", "training.html"]) {
    await page.goto(`${ctx.base}${p}`);
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    assert.equal(href, "manifest.webmanifest", `${p} links the manifest`);
    assert.equal(await page.locator('meta[name="theme-color"]').getAttribute("content"), "#0b4f8a");
  }
  const res = await page.request.get(`${ctx.base}manifest.webmanifest`);
  assert.equal(res.status(), 200);
  const m = await res.json();
  // What Chromium requires to offer installation: a name, start_url, display, and a 192 and a
  // 512 px icon; maskable icons let Android crop them without cutting the tick.
  assert.ok(m.name.includes("脱贫评估") && m.short_name, "name and short_name");
  assert.equal(m.lang, "zh-CN");
  assert.equal(new URL(m.start_url, `${ctx.base}manifest.webmanifest`).href, ctx.base);
  assert.equal(new URL(m.scope, `${ctx.base}manifest.webmanifest`).href, ctx.base);
  assert.equal(m.display, "standalone");
  for (const purpose of ["any", "maskable"]) {
    for (const size of [192, 512]) {
      const icon = m.icons.find((i) => i.purpose === purpose && i.sizes === `${size}x${size}`);
      assert.ok(icon, `${purpose} icon ${size}`);
      assert.equal(icon.type, "image/png");
      const file = path.join(ctx.root, "www", icon.src);
      assert.deepEqual(pngSize(file), { width: size, height: size }, icon.src);
      const got = await page.request.get(new URL(icon.src, ctx.base).href);
      assert.equal(got.status(), 200, icon.src);
    }
  }
  // Maskable icons fill the square (no transparent corner); "any" icons keep rounded corners.
  const corner = (src) => page.evaluate(async (u) => {
    const img = new Image();
    img.src = u;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext("2d");
    g.drawImage(img, 0, 0);
    return g.getImageData(0, 0, 1, 1).data[3];
  }, new URL(src, ctx.base).href);
  assert.equal(await corner("icons/maskable-512.png"), 255);
  assert.equal(await corner("icons/icon-512.png"), 0);
});

test("offline: load once, cut the network, reload, and assess a household; training works too", async (ctx) => {
  const o = await ctx.open({ viewport: { width: 360, height: 740 } });
  const { page, context } = o;
  await page.goto(`${ctx.base}index.html`);
  await clearStorage(page);
  await page.reload();
  await waitForEngine(page);
  const version = await controlledVersion(page);
  assert.equal(version, precache.version, "the worker serves the version generated from these files");
  const cached = await page.evaluate(async (v) => (await (await caches.open(`tuopin-site-${v}`)).keys()).map((r) => r.url), version);
  for (const f of ["index.html", "training.html", "site.js", "self-check.js", "training/scenarios.json", "samples/index.json"]) {
    assert.ok(cached.includes(`${ctx.base}${f}`), `${f} is cached`);
  }
  for (const f of ["tuopin.js", "tuopin_bg.wasm", "tuopin-assessment.js", "tuopin-assessment-i18n.js"]) {
    assert.ok(cached.includes(`${ctx.origin}/pkg/${f}`), `pkg/${f} is cached`);
  }

  // The network goes away; the page comes back from the cache, engine and all.
  await context.setOffline(true);
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  await page.reload();
  await waitForEngine(page);
  await page.locator("#samples-panel summary").click();
  const sample = page.locator('button[data-sample="exit-ready-yn-2019.json"]');
  await sample.click();
  await page.locator("#page-live").filter({ hasText: "已载入示例户" }).waitFor();
  const ev = nextEvent(page);
  await page.locator(`${EL} button[type=submit]`).first().click();
  const { type, detail } = await ev;
  assert.equal(type, "tuopin-result");
  assert.equal(detail.report.exit.verdict, "ready", "the documented outcome of the sample, computed offline");
  // The page says so in Chinese words, not codes (issue 10 §5).
  const note = await page.locator("#host-note").textContent();
  assert.match(note, /^页面收到评估结果：贫困户退出/);
  assert.doesNotMatch(note, /exit_2016|ready/);
  // Everything the page itself shows around the element is plain Chinese (issue 10 §5); the host
  // note quotes the element's own labels, which tests/node/zh-text.test.mjs checks at the source.
  const own = await page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.textContent.trim() && !n.parentElement.closest("[lang=en], script, #host-note")) out.push(n.textContent.trim());
    }
    return out;
  });
  assert.deepEqual(own.flatMap((x) => problemsOf(x).map((p) => `${p}: ${x}`)), []);
  await screenshot(page, ctx, "offline-self-check-360");

  // The training page, never opened before, also comes from the cache.
  await page.goto(`${ctx.base}training.html`);
  await page.locator("#engine-status").waitFor({ state: "hidden" });
  await page.locator("#answer-form input[name=answer]").first().check();
  await page.locator("#answer-form button[type=submit]").click();
  await page.locator("#feedback .engine-answer").waitFor();
  await context.setOffline(false);
}, { allowConsole: [/ERR_INTERNET_DISCONNECTED/] });

test("offline: a new version is announced with a reload button and applied only when asked", async (ctx) => {
  const o = await ctx.open();
  const { page } = o;
  try {
    await page.goto(`${ctx.base}index.html`);
    await waitForEngine(page);
    const first = await controlledVersion(page);
    assert.equal(await page.locator("#update-notice").isVisible(), false, "no notice on the first install");

    // The files change (a new build): the generated list gets a new version.
    const next = writePrecache({ root, salt: "a new build" });
    assert.notEqual(next.version, first);
    await page.evaluate(() => {
      window.__samePage = true;
      return navigator.serviceWorker.getRegistration().then((r) => r.update());
    });
    const notice = page.locator("#update-notice");
    await notice.locator("#update-reload").waitFor({ timeout: 30000 });
    assert.equal(await notice.getAttribute("role"), "status", "announced politely, focus not moved");
    assert.match(await notice.textContent(), /新版本已下载好/);
    // Nothing switched under the person: same page, old version still in control.
    assert.equal(await page.evaluate(() => window.__samePage), true);
    assert.equal(await controlledVersion(page), first);
    const violations = await axe(page, ctx, "offline-update-notice");
    assert.deepEqual(violations, [], formatViolations(violations));
    await screenshot(page, ctx, "offline-update-notice-1280", { fullPage: false });
    await page.setViewportSize({ width: 360, height: 740 });
    await screenshot(page, ctx, "offline-update-notice-360", { fullPage: false });
    await page.locator("#lang-switch").click();
    assert.match(await notice.textContent(), /A new version has been downloaded/);
    await page.locator("#lang-switch").click();

    // A second tab of the site, e.g. a household half filled in there.
    const other = await o.context.newPage();
    await other.goto(`${ctx.base}training.html`);
    await other.locator("#update-notice #update-reload").waitFor();
    await other.evaluate(() => {
      window.__samePage = true;
    });

    // The person presses the button: the new worker takes over and the page reloads once.
    await Promise.all([page.waitForEvent("load"), notice.locator("#update-reload").click()]);
    await waitForEngine(page);
    assert.equal(await page.evaluate(() => window.__samePage), undefined, "the page was reloaded");
    assert.equal(await controlledVersion(page), next.version);
    assert.equal(await page.locator("#update-notice").isVisible(), false);
    // The other tab was not reloaded under its user; its notice stays, and its button now reloads it.
    assert.equal(await other.evaluate(() => window.__samePage), true, "the other tab kept its page");
    assert.ok(await other.locator("#update-notice").isVisible());
    await Promise.all([other.waitForEvent("load"), other.locator("#update-reload").click()]);
    assert.equal(await other.evaluate(() => window.__samePage), undefined);
    assert.equal(await controlledVersion(other), next.version);
    const keys = await page.evaluate(() => caches.keys());
    assert.deepEqual(keys.filter((k) => k.startsWith("tuopin-site-")), [`tuopin-site-${next.version}`], "the old cache is gone");
  } finally {
    writePrecache({ root });
  }
});

test("offline: portals that embed only the element get no service worker", async (ctx) => {
  // The element's own files never register a worker or touch caches; only the demo site does.
  for (const f of fs.readdirSync(path.join(ctx.root, "js")).filter((x) => x.endsWith(".js"))) {
    const src = fs.readFileSync(path.join(ctx.root, "js", f), "utf8");
    assert.doesNotMatch(src, /serviceWorker|caches\./, `js/${f}`);
  }
  // A bare host page with the element, outside the demo site: nothing gets registered.
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>portal</title>
<script type="module" src="/pkg/tuopin-assessment.js"></script></head>
<body><main><tuopin-assessment as-of="2019-12-31"></tuopin-assessment></main></body></html>
`;
  const { page } = await ctx.open();
  await page.route(`${ctx.origin}/portal/index.html`, (r) => r.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
  await page.goto(`${ctx.origin}/portal/index.html`);
  await waitForEngine(page);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
});
