// Firefox ESR (issue 11 §3): the core package, the element, the self-check page and the batch page in the
// Firefox ESR that Debian ships (scripts/setup.sh installs `firefox-esr`; 153 at the time of
// writing), headless.
//
//   node --experimental-websocket tests/old-browsers/firefox.mjs
//
// Firefox is driven through its built-in WebDriver BiDi endpoint (`--remote-debugging-port`) with
// a few lines of WebSocket: no Marionette client, no geckodriver, no Playwright build of Firefox.
// The floor itself, ESR 91, is not on Debian or npm: its APIs and syntax are checked by the lint
// (eslint.config.mjs, `firefox >= 91`) and the wasm by wasm-floor.test.mjs (Firefox ≥ 79 has every
// wasm feature the module uses). The pages are the dev server's (through pages.mjs, which adds
// this directory's test pages), with its CSP as served (Firefox knows 'wasm-unsafe-eval' from 102).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { LINE_2019, OPTIONS, household as fixtureHousehold } from "./fixture.mjs";
import { startDevServer, startFront, SELF_CHECK, SELF_CHECK_SAMPLE, WAIT } from "./pages.mjs";
import { mkdtempSync, writeFileSync, rmSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const node = require(path.join(root, "pkg/node/tuopin.cjs"));
const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";
const TIMEOUT = 60_000;

if (typeof WebSocket === "undefined") {
  console.error("run with node --experimental-websocket (Node 20) or Node ≥ 22");
  process.exit(2);
}

const household = (wage) => fixtureHousehold(wage, "FF");

// ---- dev server, Firefox, BiDi --------------------------------------------------------------------

let dev;
let front;
let origin;
let firefox;
let profile;
let ws;
let context;
let nextId = 1;
const pending = new Map();

async function startFirefox() {
  profile = mkdtempSync(path.join(os.tmpdir(), "tuopin-firefox-"));
  // Nothing but the pages under test: no updates, telemetry, safe-browsing or captive-portal calls.
  const prefs = {
    "app.update.disabledForTesting": true,
    "browser.shell.checkDefaultBrowser": false,
    "browser.safebrowsing.malware.enabled": false,
    "browser.safebrowsing.phishing.enabled": false,
    "datareporting.policy.dataSubmissionEnabled": false,
    "toolkit.telemetry.enabled": false,
    "network.captive-portal-service.enabled": false,
    "network.connectivity-service.enabled": false,
    "extensions.update.enabled": false,
    "browser.newtabpage.enabled": false,
  };
  writeFileSync(path.join(profile, "user.js"), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join("\n") + "\n");
  firefox = spawn(FIREFOX, ["--headless", "--no-remote", "--remote-debugging-port=0", "--profile", profile, "about:blank"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: "1" },
  });
  const endpoint = await new Promise((resolve, reject) => {
    let err = "";
    const timer = setTimeout(() => reject(new Error(`Firefox did not open its BiDi endpoint: ${err.slice(-500)}`)), TIMEOUT);
    const onData = (d) => {
      err += d;
      const m = err.match(/WebDriver BiDi listening on (ws:\/\/[^\s]+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    firefox.stderr.on("data", onData);
    firefox.stdout.on("data", onData);
    firefox.on("exit", (code) => reject(new Error(`Firefox exited (${code}): ${err.slice(-500)}`)));
  });
  ws = new WebSocket(`${endpoint.replace(/\/$/, "")}/session`);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = () => reject(new Error("cannot connect to Firefox's BiDi endpoint"));
  });
  ws.onmessage = (e) => {
    const msg = JSON.parse(e.data);
    const p = msg.id !== undefined && pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.type === "error") p.reject(new Error(`${msg.error}: ${msg.message}`));
    else p.resolve(msg.result);
  };
  await send("session.new", { capabilities: {} });
  const tree = await send("browsingContext.getTree", {});
  context = tree.contexts[0].context;
}

function send(method, params) {
  const id = nextId++;
  ws.send(JSON.stringify({ id, method, params }));
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}

async function open(url) {
  await send("browsingContext.navigate", { context, url, wait: "complete" });
}

/** Runs an async function body in the page; returns its JSON result. */
async function run(body, arg) {
  const r = await send("script.evaluate", {
    expression: `(async (arg) => { ${body} })(${JSON.stringify(arg ?? null)}).then((v) => JSON.stringify(v === undefined ? null : v))`,
    target: { context },
    awaitPromise: true,
  });
  if (r.type === "exception") throw new Error(`in the page: ${r.exceptionDetails.text}`);
  return JSON.parse(r.result.value);
}

before(async () => {
  dev = await startDevServer();
  front = await startFront(dev.origin);
  origin = front.origin;
  await startFirefox();
});
after(async () => {
  if (ws) {
    try {
      await Promise.race([send("browser.close", {}), new Promise((r) => setTimeout(r, 3000))]);
    } catch {
      // Firefox may close the socket before answering.
    }
    ws.close();
  }
  if (firefox && firefox.exitCode === null) firefox.kill();
  if (front) front.stop();
  if (dev) dev.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

// ---- the tests --------------------------------------------------------------------------------------

test(`issue 11 §3 (a): assess() in Firefox ESR follows the income rule (line ${LINE_2019} in 2019) and equals the Node build`, async () => {
  await open(`${origin}/tests/old-browsers/engine.html`);
  const cases = [
    { household: household(LINE_2019), options: OPTIONS },
    { household: household(LINE_2019 + 1), options: OPTIONS },
  ];
  const [atLine, above] = await run(`${WAIT}
    await wait(() => document.getElementById("status").textContent !== "loading", "init()");
    const status = document.getElementById("status").textContent;
    if (status !== "ready") throw new Error(status);
    return window.tuopinRun(arg);`, cases);
  assert.ok(atLine.report, atLine.error);
  assert.equal(atLine.report.exit.verdict, "not_ready");
  assert.deepEqual(atLine.report.exit.blocking, ["income"]);
  assert.equal(above.report.exit.verdict, "ready");
  assert.deepEqual(atLine.report, JSON.parse(JSON.stringify(node.assess(cases[0].household, cases[0].options))));
  assert.deepEqual(above.report, JSON.parse(JSON.stringify(node.assess(cases[1].household, cases[1].options))));
});

test("issue 11 §3 (b): <tuopin-assessment> renders in Firefox ESR and a submitted household gets its verdict", async () => {
  await open(`${origin}/tests/old-browsers/element.html`);
  const r = await run(`${WAIT}
    await wait(() => window.tuopinEvents.some((e) => /ready|error/.test(e.type)), "tuopin-ready");
    const el = document.querySelector("tuopin-assessment");
    const height = el.getBoundingClientRect().height;
    el.household = arg;
    el.shadowRoot.querySelector("button[type=submit]").click();
    await wait(() => window.tuopinEvents.some((e) => e.type !== "tuopin-ready"), "a result");
    const v = el.shadowRoot.querySelector('[part~="verdict"]');
    return { events: window.tuopinEvents.map((e) => ({ type: e.type, verdict: e.detail && e.detail.report ? e.detail.report.exit.verdict : null, message: e.detail && e.detail.message })),
             height, part: v && v.getAttribute("part"), text: v && v.textContent.trim() };`, household(LINE_2019 + 1));
  assert.ok(r.events.some((e) => e.type === "tuopin-ready"), JSON.stringify(r.events));
  assert.ok(r.height > 100, `the element renders (height ${r.height} px)`);
  const result = r.events.find((e) => e.type === "tuopin-result");
  assert.ok(result, JSON.stringify(r.events));
  assert.equal(result.verdict, "ready");
  assert.match(r.part || "", /verdict-pass/);
  assert.ok(r.text && r.text.length > 0);
});

test("issue 11 §3: the self-check page in Firefox ESR: a sample household loaded and submitted gets the Node build's verdict", async () => {
  await open(`${origin}/www/`);
  const r = await run(SELF_CHECK);
  const sample = JSON.parse(readFileSync(path.join(root, "www/samples", SELF_CHECK_SAMPLE), "utf8"));
  assert.ok(r.height > 100, `the element renders (height ${r.height} px)`);
  assert.ok(r.report, `no report: ${r.error}`);
  assert.equal(r.report.exit.verdict, node.assess(sample.household, sample.options).exit.verdict);
  assert.ok(r.verdictShown, "the verdict is shown");
});

// The main-thread engine (?worker=main) is what Firefox ESR 91–113, without module Workers, runs.
for (const [query, where] of [["", "its module Worker"], ["?worker=main", "the page's own thread (the engine without module Workers)"]]) {
  test(`issue 11 §3 (c): the batch page assesses the sample file in Firefox ESR, in ${where}`, async () => {
    await open(`${origin}/www/batch.html${query}`);
    const counts = await run(`${WAIT}
      await wait(() => document.getElementById("try-sample"), "the page");
      document.getElementById("try-sample").click();
      await wait(() => { const r = document.getElementById("results"); const e = document.getElementById("file-error");
        return (r && !r.hidden && document.querySelector("#counts dd")) || (e && !e.hidden); }, "the batch results");
      const e = document.getElementById("file-error");
      if (!e.hidden) throw new Error(e.textContent);
      return Object.fromEntries([...document.querySelectorAll("#counts dd")].map((d) => [d.dataset.key, d.textContent.trim()]));`);
    // www/samples/batch-sample.csv: 8 households, 7 valid (tests/e2e/batch.spec.mjs works them out).
    assert.match(counts.households, /^8\b/);
    assert.match(counts.valid, /^7\b/);
  });
}
