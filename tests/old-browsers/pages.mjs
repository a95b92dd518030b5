// The servers the old-browser tests load pages from (issue 11 §3).
//
// The dev server (scripts/serve.mjs) serves the demo (/www/) and the package (/pkg/) with the
// demo's Content-Security-Policy, which has 'unsafe-eval' beside 'wasm-unsafe-eval' because
// Chromium < 97 does not know 'wasm-unsafe-eval' (it ignores it with a console message) and
// compiles no wasm without 'unsafe-eval' (README, "Content-Security-Policy"). The tests load the
// demo as served. In front of the dev server runs a small server that adds this directory's own
// test pages (/tests/old-browsers/*.html, *.js, sent with the dev server's policy) and passes every
// other request through. With `withoutUnsafeEval`, it takes 'unsafe-eval' out of script-src in
// every HTML response (header and <meta>): the policy of a site owner who did not add it, under
// which the element must say why it cannot start rather than fail silently.

import http from "node:http";
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const OWN = "/tests/old-browsers/";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };

/** Takes 'unsafe-eval' out of every script-src in a policy (or an HTML text holding one). */
export const withoutUnsafeEval = (text) =>
  text.replace(/script-src([^;"]*)/g, (all, sources) => `script-src${sources.replace(/\s+'unsafe-eval'/g, "")}`);

/** Starts the dev server; resolves to {origin, stop}. */
export async function startDevServer() {
  const server = spawn(process.execPath, [path.join(root, "scripts/serve.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const origin = await new Promise((resolve, reject) => {
    let out = "";
    server.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    server.on("exit", (code) => reject(new Error(`dev server exited (${code})`)));
  });
  return { origin, stop: () => server.kill() };
}

/** Starts a front server for the dev server at `upstream`; resolves to {origin, stop}. */
export async function startFront(upstream, { noUnsafeEval = false } = {}) {
  // The dev server's own policy, as it sends it on its pages.
  const probe = await fetch(`${upstream}/www/`);
  const devPolicy = probe.headers.get("content-security-policy") || "";
  const front = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://x");
      let status;
      let headers = {};
      let body;
      if (url.pathname.startsWith(OWN) && /^[a-z-]+\.(html|js)$/.test(url.pathname.slice(OWN.length))) {
        const file = path.join(here, url.pathname.slice(OWN.length));
        body = await readFile(file);
        status = 200;
        headers["content-type"] = TYPES[path.extname(file)];
        headers["cache-control"] = "no-store";
        if (file.endsWith(".html") && devPolicy) headers["content-security-policy"] = devPolicy;
      } else {
        const r = await fetch(upstream + req.url, { redirect: "manual" });
        status = r.status;
        r.headers.forEach((v, k) => {
          headers[k] = v;
        });
        body = Buffer.from(await r.arrayBuffer());
      }
      if (noUnsafeEval) {
        if (headers["content-security-policy"]) headers["content-security-policy"] = withoutUnsafeEval(headers["content-security-policy"]);
        if ((headers["content-type"] || "").startsWith("text/html")) body = Buffer.from(withoutUnsafeEval(body.toString("utf8")));
      }
      delete headers["content-encoding"];
      delete headers["transfer-encoding"];
      headers["content-length"] = String(body.length);
      res.writeHead(status, headers);
      res.end(body);
    } catch (e) {
      res.writeHead(e.code === "ENOENT" ? 404 : 502, { "content-type": "text/plain" });
      res.end(`${e.message}\n`);
    }
  });
  await new Promise((resolve) => front.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${front.address().port}`, stop: () => front.close() };
}

/** In-page helper for the scenarios below: polls a condition up to a minute. */
export const WAIT = `const wait = async (fn, what) => { const end = Date.now() + 60000; for (;;) { const v = fn(); if (v) return v; if (Date.now() > end) throw new Error("timed out waiting for " + what); await new Promise((r) => setTimeout(r, 100)); } };`;

/** The self-check sample the scenario loads (www/samples/). */
export const SELF_CHECK_SAMPLE = "exit-ready-yn-2019.json";

/**
 * The self-check page (www/index.html) as an official uses it: load a sample household from the
 * list into the element, submit, read the verdict. An async function body (needs WAIT) returning
 * {height, report | error}; run in the page by run.mjs and firefox.mjs alike.
 */
export const SELF_CHECK = `${WAIT}
  const el = await wait(() => { const e = document.getElementById("self-check");
    return e && e.shadowRoot && e.shadowRoot.querySelector("button[type=submit]") && document.querySelector('#samples button[data-sample="${SELF_CHECK_SAMPLE}"]') && e; },
    "the sample list and the element");
  const results = [];
  el.addEventListener("tuopin-result", (e) => results.push({ report: e.detail.report }));
  el.addEventListener("tuopin-invalid", (e) => results.push({ error: JSON.stringify(e.detail.problems) }));
  el.addEventListener("tuopin-error", (e) => results.push({ error: e.detail.message }));
  const height = el.getBoundingClientRect().height;
  document.querySelector('#samples button[data-sample="${SELF_CHECK_SAMPLE}"]').click();
  const sample = await (await fetch("samples/${SELF_CHECK_SAMPLE}")).json();
  await wait(() => el.household && el.household.id === sample.household.id, "the sample in the form");
  el.shadowRoot.querySelector("button[type=submit]").click();
  await wait(() => results.length > 0, "a result");
  const v = el.shadowRoot.querySelector('[part~="verdict"]');
  return { height, ...results[results.length - 1], verdictShown: !!(v && v.textContent.trim()) };`;
