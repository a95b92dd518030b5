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
