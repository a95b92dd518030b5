// scripts/serve.mjs: MIME types, headers, redirects, and refusal of paths outside the root.

import http from "node:http";
import { test, assert } from "./lib.mjs";

function get(origin, rawPath, method = "GET") {
  const u = new URL(origin);
  return new Promise((resolve, reject) => {
    // A raw request path: no client-side normalisation of "..".
    const req = http.request({ host: u.hostname, port: u.port, path: rawPath, method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => {
        body += d;
      });
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("serve.mjs: start line, redirects, MIME types, CSP and no-store", async ({ server, wrongMime, origin }) => {
  assert.match(server.line, /^tuopin demo: http:\/\/127\.0\.0\.1:\d+\/www\/$/);
  const root = await get(origin, "/");
  assert.equal(root.status, 302);
  assert.equal(root.headers.location, "/www/");
  const dir = await get(origin, "/www");
  assert.equal(dir.status, 301);
  assert.equal(dir.headers.location, "/www/");

  const html = await get(origin, "/www/");
  assert.equal(html.status, 200);
  assert.match(html.headers["content-type"], /^text\/html/);
  assert.equal(html.headers["cache-control"], "no-store");
  const csp = html.headers["content-security-policy"];
  for (const d of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval';", "worker-src 'self'"]) {
    assert.ok(csp.includes(d), `CSP has ${d}: ${csp}`);
  }
  // 'unsafe-eval' only for the Chromium < 97 floor (issue 11 §3); never 'unsafe-inline'.
  assert.doesNotMatch(csp, /'unsafe-inline'/);

  const wasm = await get(origin, "/pkg/tuopin_bg.wasm", "HEAD");
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers["content-type"], "application/wasm");
  assert.equal(wasm.headers["cache-control"], "no-store");
  const js = await get(origin, "/pkg/tuopin.js", "HEAD");
  assert.match(js.headers["content-type"], /^text\/javascript/);
  assert.equal(js.headers["content-security-policy"], undefined, "CSP goes on HTML");
  const css = await get(origin, "/www/site.css", "HEAD");
  assert.match(css.headers["content-type"], /^text\/css/);
  const json = await get(origin, "/www/samples/index.json", "HEAD");
  assert.match(json.headers["content-type"], /^application\/json/);
  const svg = await get(origin, "/www/favicon.svg", "HEAD");
  assert.equal(svg.headers["content-type"], "image/svg+xml");

  const wrong = await get(wrongMime.origin, "/pkg/tuopin_bg.wasm", "HEAD");
  assert.equal(wrong.headers["content-type"], "application/octet-stream");
  assert.match(wrongMime.line, /^tuopin demo: http:\/\/127\.0\.0\.1:\d+\/www\/$/);

  assert.equal((await get(origin, "/www/no-such-file.html")).status, 404);
  assert.equal((await get(origin, "/www/", "POST")).status, 405);
});

test("issue9_item12 serve.mjs: refuses paths outside www/ and pkg/, and hidden files", async ({ origin, wrongMime }) => {
  const attempts = [
    "/../Cargo.toml",
    "/www/../../etc/passwd",
    "/%2e%2e/etc/passwd",
    "/www/%2e%2e/%2e%2e/etc/passwd",
    "/www/..%2f..%2fetc%2fpasswd",
    "/..%5c..%5cetc%5cpasswd",
    "/www/%00index.html",
    "/.git/config",
    "/www/.hidden",
    "/%E0%A4%A",
  ];
  for (const p of attempts) {
    const r = await get(origin, p);
    assert.ok([400, 403, 404].includes(r.status), `${p} → ${r.status}`);
    assert.doesNotMatch(r.body, /root:|\[core\]/, `${p} leaked a file`);
  }
  // issue 9 item 12: only www/ and pkg/ are served, not the repository root.
  for (const p of ["/Cargo.toml", "/Cargo.lock", "/README.md", "/src/lib.rs", "/target/", "/scripts/serve.mjs", "/tests/cases/income.toml"]) {
    const r = await get(origin, p, "GET");
    assert.equal(r.status, 404, `${p} → ${r.status}`);
  }
  assert.equal((await get(origin, "/pkg/tuopin.js", "HEAD")).status, 200);
  assert.equal((await get(origin, "/www/index.html", "HEAD")).status, 200);
  // Without --test-artifacts (the demo's own server) the test pages are not served either.
  assert.equal((await get(wrongMime.origin, "/test-artifacts/", "GET")).status, 404);
});
