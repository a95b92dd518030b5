// Shared helpers of the end-to-end tests: the test registry, a browser context that records
// console errors and requests, keyboard helpers that see through the element's shadow root,
// the axe-core audit and screenshots.

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const tests = [];

/** Registers a test. opts.allowConsole: RegExp[] of console errors the test expects. */
export function test(name, fn, opts = {}) {
  tests.push({ name, fn, opts });
}

export { assert };

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * A fresh context and page. Every console error, uncaught exception and request is recorded;
 * assertClean() (called by the runner after the test) fails on an unexpected console error or on
 * any request that is not to the page's own files.
 */
export async function makeContext(env, { viewport = { width: 1280, height: 900 }, allowConsole = [], allowPaths = [], ...rest } = {}) {
  const context = await env.browser.newContext({ viewport, locale: "zh-CN", ...rest });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  const foreign = [];
  const origins = [env.server.origin, env.wrongMime.origin];
  const okPath = (p) => p.startsWith("/www/") || p.startsWith("/pkg/") || allowPaths.some((a) => p.startsWith(a));
  await context.route("**/*", (route) => {
    const url = route.request().url();
    const u = new URL(url);
    if (!origins.includes(u.origin) || !okPath(u.pathname)) {
      foreign.push(url);
      return route.abort();
    }
    return route.continue();
  });
  context.on("request", (r) => {
    const url = r.url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    // The demo site's service worker fetching its offline copy (www/sw.js, issue 10 §7) is not
    // the page's traffic; its requests still pass the route above (own files only).
    if (r.serviceWorker()) return;
    requests.push(url);
  });
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const text = m.text();
    if (allowConsole.some((re) => re.test(text))) return;
    errors.push(`console.error: ${text}`);
  });
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  return {
    context,
    page,
    errors,
    requests,
    foreign,
    assertClean() {
      assert.deepEqual(errors, [], "the page logged errors");
      assert.deepEqual(foreign, [], "the page made requests outside its own files");
    },
  };
}

// ---- the element ---------------------------------------------------------------------------

export const EL = "tuopin-assessment";

/** Locator of a form control by its contract path (Playwright's CSS pierces open shadow roots). */
export function field(page, p, el = EL) {
  return page.locator(`${el} [data-path="${p}"]`).first();
}

export async function waitForEngine(page, el = EL) {
  await page.waitForFunction((sel) => {
    const e = document.querySelector(sel);
    return e && e.shadowRoot && /tuopin|就绪|ready/i.test(e.shadowRoot.querySelector(".status-line")?.textContent ?? "")
      && !/加载|Loading/.test(e.shadowRoot.querySelector(".status-line")?.textContent ?? "");
  }, el, { timeout: 20000 });
}

/** Waits for the next tuopin-result or tuopin-invalid event on the element and returns its detail. */
export function nextEvent(page, el = EL) {
  return page.evaluate((sel) => new Promise((resolve) => {
    const e = document.querySelector(sel);
    const done = (type) => (ev) => {
      e.removeEventListener("tuopin-result", onResult);
      e.removeEventListener("tuopin-invalid", onInvalid);
      resolve({ type, detail: JSON.parse(JSON.stringify(ev.detail)) });
    };
    const onResult = done("tuopin-result");
    const onInvalid = done("tuopin-invalid");
    e.addEventListener("tuopin-result", onResult);
    e.addEventListener("tuopin-invalid", onInvalid);
  }), el);
}

/** Loads data into the element through its public API and assesses; returns the event. */
export async function loadAndAssess(page, data, el = EL) {
  const ev = nextEvent(page, el);
  await page.evaluate(([sel, d]) => {
    const e = document.querySelector(sel);
    e.load(d);
    e.assess();
  }, [el, data]);
  return ev;
}

/** The deep active element: through shadow roots. */
export function activeInfo(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return null;
    return {
      tag: a.tagName.toLowerCase(),
      path: a.dataset?.path ?? null,
      id: a.id,
      type: a.type ?? null,
      text: (a.textContent ?? "").trim().slice(0, 80),
      value: a.value ?? null,
      remove: a.dataset?.remove ?? null,
    };
  });
}

/** Presses Tab until `match(activeInfo)` holds; fails after `max` presses. */
export async function tabTo(page, match, { max = 250, shift = false } = {}) {
  for (let i = 0; i < max; i++) {
    const a = await activeInfo(page);
    if (a && match(a)) return a;
    await page.keyboard.press(shift ? "Shift+Tab" : "Tab");
  }
  throw new Error(`keyboard focus never reached the target after ${max} Tab presses`);
}

export const byPath = (p) => (a) => a.path === p;

/** Types into the focused text field, replacing its content. */
export async function typeHere(page, text) {
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  if (text) await page.keyboard.type(text);
}

/** Chooses an option of the focused <select> with the arrow keys only. */
export async function chooseHere(page, value) {
  await page.keyboard.press("Home");
  for (let i = 0; i < 60; i++) {
    const a = await activeInfo(page);
    if (a.value === value) return;
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`could not reach option ${value} with the keyboard`);
}

// ---- audits and artifacts ------------------------------------------------------------------

const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * Runs axe-core (tags wcag2a, wcag2aa, wcag21a, wcag21aa) on the page, shadow roots included,
 * saves the result to test-artifacts/axe/<name>.json and returns the violations.
 */
export async function axe(page, env, name) {
  // page.evaluate runs through the DevTools protocol, which the page's CSP does not govern; no
  // inline <script> is added to the page.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return {
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
      })),
      passes: r.passes.length,
      // "Needs review" items: not failures, kept for a human to look at.
      incomplete: r.incomplete.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })) })),
    };
  }, WCAG_TAGS);
  fs.writeFileSync(path.join(env.artifacts, "axe", `${name}.json`), JSON.stringify(result, null, 2));
  return result.violations;
}

export function formatViolations(v) {
  return v.map((x) => `${x.id} (${x.impact}): ${x.help}\n${x.nodes.map((n) => `   ${JSON.stringify(n.target)} ${n.summary}`).join("\n")}`).join("\n");
}

export async function screenshot(page, env, name, opts = {}) {
  const file = path.join(env.artifacts, "screenshots", `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, ...opts });
  return file;
}

/** Horizontal overflow of the page (0 when nothing sticks out sideways). */
export function overflowX(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export function readJson(env, rel) {
  return JSON.parse(fs.readFileSync(path.join(env.root, rel), "utf8"));
}

export async function clearStorage(page) {
  await page.evaluate(() => localStorage.clear());
}

// ---- element fixture pages -----------------------------------------------------------------

/**
 * Writes test-artifacts/fixtures/<name>.html: a page that loads the element module (from a
 * separate script file, as the server's CSP forbids inline scripts) with `body` as its content.
 * `head` adds tags (e.g. a <meta> CSP or a <link> stylesheet); `css` becomes <name>.css, linked.
 * Open it with ctx.open({ allowPaths: ["/test-artifacts/fixtures/"] }) and fixtureUrl(ctx, name).
 */
export function elementFixture(env, name, { body, head = "", css = null, htmlLang = "zh-CN", script = null }) {
  const dir = path.join(env.artifacts, "fixtures");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.js`), script ?? `import "/pkg/tuopin-assessment.js";\n`);
  if (css !== null) fs.writeFileSync(path.join(dir, `${name}.css`), css);
  fs.writeFileSync(path.join(dir, `${name}.html`), `<!doctype html>
<html lang="${htmlLang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${head}
${css !== null ? `<link rel="stylesheet" href="${name}.css">` : ""}
<title>${name}</title>
<script type="module" src="${name}.js"></script></head>
<body>${body}</body></html>
`);
}

export function fixtureUrl(env, name) {
  return `${env.origin}/test-artifacts/fixtures/${name}.html`;
}

export const FIXTURES = { allowPaths: ["/test-artifacts/fixtures/"] };

/** Collects every tuopin-result / tuopin-invalid event of the element into window.__events. */
export function recordEvents(page, el = EL) {
  return page.evaluate((sel) => {
    window.__events = [];
    const e = document.querySelector(sel);
    for (const type of ["tuopin-result", "tuopin-invalid"]) {
      e.addEventListener(type, (ev) => window.__events.push({ type, detail: JSON.parse(JSON.stringify(ev.detail)) }));
    }
  }, el);
}

export function recordedEvents(page) {
  return page.evaluate(() => window.__events);
}

// ---- PNG comparison ------------------------------------------------------------------------

/**
 * Decodes a PNG of 8-bit RGB or RGBA pixels, not interlaced (what Chromium's screenshots are)
 * into { width, height, data: RGBA bytes }. Throws on anything else.
 */
export function decodePng(buffer) {
  const zlib = require("node:zlib");
  if (buffer.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let pos = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  const idat = [];
  while (pos < buffer.length) {
    const len = buffer.readUInt32BE(pos);
    const type = buffer.toString("latin1", pos + 4, pos + 8);
    const data = buffer.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      colourType = data[9];
      if (depth !== 8 || (colourType !== 2 && colourType !== 6) || data[12] !== 0) throw new Error(`unsupported PNG (depth ${depth}, colour type ${colourType}, interlace ${data[12]})`);
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const bpp = colourType === 6 ? 4 : 3;
  const stride = width * bpp;
  const out = Buffer.alloc(width * height * 4);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? line[x - bpp] : 0;
      const b = prev[x];
      const c = x >= bpp ? prev[x - bpp] : 0;
      let add = 0;
      if (filter === 1) add = a;
      else if (filter === 2) add = b;
      else if (filter === 3) add = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[x] = (line[x] + add) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      out[o] = line[x * bpp];
      out[o + 1] = line[x * bpp + 1];
      out[o + 2] = line[x * bpp + 2];
      out[o + 3] = bpp === 4 ? line[x * bpp + 3] : 255;
    }
    prev = line;
  }
  return { width, height, data: out };
}

/**
 * Compares two PNG files: { sameSize, width, height, otherWidth, otherHeight, differing, ratio },
 * a pixel "differing" when any channel differs by more than `threshold` (0–255).
 */
export function comparePngs(fileA, fileB, { threshold = 24 } = {}) {
  const a = decodePng(fs.readFileSync(fileA));
  const b = decodePng(fs.readFileSync(fileB));
  const result = { sameSize: a.width === b.width && a.height === b.height, width: a.width, height: a.height, otherWidth: b.width, otherHeight: b.height };
  if (!result.sameSize) return { ...result, differing: Infinity, ratio: 1 };
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.abs(a.data[i] - b.data[i]) > threshold || Math.abs(a.data[i + 1] - b.data[i + 1]) > threshold
      || Math.abs(a.data[i + 2] - b.data[i + 2]) > threshold) differing += 1;
  }
  return { ...result, differing, ratio: differing / (a.width * a.height) };
}
