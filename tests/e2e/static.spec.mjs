// The site's files themselves: no inline script, handler or style; every page carries the demo's
// CSP; user text is never assigned as HTML anywhere in the element or the pages' modules.

import fs from "node:fs";
import path from "node:path";
import { test, assert } from "./lib.mjs";

test("static: pages have the demo's CSP and no inline scripts, handlers or styles; code never writes HTML", async ({ root }) => {
  const www = path.join(root, "www");
  const pages = fs.readdirSync(www).filter((f) => f.endsWith(".html"));
  for (const p of ["index.html", "policies.html", "training.html"]) assert.ok(pages.includes(p), p);
  for (const f of pages) {
    const html = fs.readFileSync(path.join(www, f), "utf8");
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
    assert.ok(csp, `${f} has a CSP meta tag`);
    for (const d of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval';", "worker-src 'self'"]) {
      assert.ok(csp[1].includes(d), `${f}: ${d}`);
    }
    // Issue 11 §3: 'unsafe-eval' is there only because Chromium < 97 compiles wasm under nothing
    // else; no inline script is ever allowed, and the code below is checked for eval/new Function.
    assert.doesNotMatch(csp[1], /'unsafe-inline'/, f);
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      assert.match(m[1], /\bsrc="/, `${f}: every script has a src`);
      assert.equal(m[2].trim(), "", `${f}: no inline script body`);
    }
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${f}: no inline event handlers`);
    assert.doesNotMatch(html, /\sstyle\s*=|<style\b/i, `${f}: no inline styles`);
    assert.doesNotMatch(html, /javascript:/i, `${f}: no javascript: URLs`);
    assert.match(html, /<html lang="zh-CN">/, `${f}: zh-CN by default`);
    assert.match(html, /<nav aria-label="主导航"/, `${f}: shared navigation`);
  }
  const code = [
    ...fs.readdirSync(path.join(root, "js")).filter((f) => f.endsWith(".js")).map((f) => path.join(root, "js", f)),
    ...fs.readdirSync(www).filter((f) => f.endsWith(".js")).map((f) => path.join(www, f)),
  ];
  for (const file of code) {
    const src = fs.readFileSync(file, "utf8");
    const rel = path.relative(root, file);
    assert.doesNotMatch(src, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/, `${rel} writes HTML or evaluates strings`);
    assert.doesNotMatch(src, /setAttribute\(\s*["']style["']|\.style\.cssText|\.style\.\w+\s*=/, `${rel} sets inline styles`);
    assert.doesNotMatch(src, /https?:\/\/(?!127\.0\.0\.1)/, `${rel} names a remote URL`);
  }
  // Issue 10 §7: the self-check and training pages are installable; the service worker's precache
  // list is generated (scripts/sw-manifest.mjs), never committed, so it cannot go stale.
  for (const f of ["index.html", "training.html"]) {
    assert.match(fs.readFileSync(path.join(www, f), "utf8"), /<link rel="manifest" href="manifest\.webmanifest">/, `${f} links the manifest`);
  }
  assert.match(fs.readFileSync(path.join(www, "sw.js"), "utf8"), /importScripts\("sw-precache\.js"\)/);
  assert.match(fs.readFileSync(path.join(root, ".gitignore"), "utf8"), /^\/www\/sw-precache\.js$/m);
  // www pages import the element from ../pkg/, and the element imports the package relatively.
  assert.match(fs.readFileSync(path.join(www, "self-check.js"), "utf8"), /from "\.\.\/pkg\/tuopin-assessment\.js"|import "\.\.\/pkg\/tuopin-assessment\.js"/);
  assert.match(fs.readFileSync(path.join(root, "js", "tuopin-assessment.js"), "utf8"), /from "\.\/tuopin\.js"/);
});
