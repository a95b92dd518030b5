#!/usr/bin/env node
// Development server for the tuopin demo site. No dependencies: node:http and node:fs only.
//
//   node scripts/serve.mjs [--wrong-wasm-mime]
//
// * Binds to 127.0.0.1 only; the port is $PORT, or the first free one from 8080 up
//   (PORT=0 asks the system for any free port).
// * Serves only what the demo needs: /www/... (the pages) and /pkg/... (the wasm package);
//   / redirects to /www/. The rest of the repository (Cargo.toml, target/, src/, .git) is 404.
// * --test-artifacts also serves /test-artifacts/ (pages the test suites generate there; the
//   tests start the server with it, the demo never does). --bench also serves /bench/ (the
//   benchmark page and its generated data, for bench/run-browser.mjs).
// * Sends the demo's Content-Security-Policy on every HTML page, `Cache-Control: no-store` on
//   everything, and the right MIME types (application/wasm for .wasm).
// * Refuses any path outside the root, and any path segment starting with "." (.git, .env).
// * --wrong-wasm-mime serves .wasm as application/octet-stream, to test that the page still
//   loads when a server gets this wrong (wasm-bindgen then falls back to ArrayBuffer loading).

import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const wrongWasmMime = process.argv.includes("--wrong-wasm-mime");
const testArtifacts = process.argv.includes("--test-artifacts");
const benchPages = process.argv.includes("--bench");

const CSP = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' for current browsers; 'unsafe-eval' for Chromium < 97 (the domestic browsers'
  // Chromium 86 cores), which ignore 'wasm-unsafe-eval' and compile wasm only under 'unsafe-eval'.
  // Nothing on the site evaluates strings (tests/e2e/static.spec.mjs); same policy as the pages' <meta>.
  "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join("; ");

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".pdf": "application/pdf",
  ".csv": "text/csv; charset=utf-8",
  ".jsonl": "application/jsonl; charset=utf-8",
  ".toml": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

function mimeOf(file) {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".wasm" && wrongWasmMime) return "application/octet-stream";
  return MIME[ext] ?? "application/octet-stream";
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    ...headers,
  });
  res.end(body);
}

/** The only top-level directories served. */
const SERVED = ["www", "pkg", ...(testArtifacts ? ["test-artifacts"] : []), ...(benchPages ? ["bench"] : [])];

/** Maps a request path to a file under root; null when it must be refused (403), undefined
 *  when it is outside the served trees (404, as if it did not exist). */
function resolvePath(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const segments = decoded.split("/").filter((s) => s !== "");
  // "." and ".." are refused outright (not normalised away), as is any hidden file.
  if (segments.some((s) => s.startsWith("."))) return null;
  // Only the two published trees: the demo pages and the package they load.
  if (!SERVED.includes(segments[0])) return undefined;
  const file = path.resolve(root, ...segments);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

function handler(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    return send(res, 405, "method not allowed\n", { Allow: "GET, HEAD" });
  }
  const rawPath = (req.url ?? "/").split("?")[0].split("#")[0];
  if (!rawPath.startsWith("/")) return send(res, 400, "bad request\n");
  if (rawPath === "/") return send(res, 302, "", { Location: "/www/" });

  const file = resolvePath(rawPath);
  if (file === null) return send(res, 403, "forbidden\n");
  if (file === undefined) return send(res, 404, "not found\n");

  fs.stat(file, (err, stat) => {
    if (err) return send(res, 404, "not found\n");
    let target = file;
    if (stat.isDirectory()) {
      if (!rawPath.endsWith("/")) return send(res, 301, "", { Location: rawPath + "/" });
      target = path.join(file, "index.html");
    }
    fs.stat(target, (err2, st) => {
      if (err2 || !st.isFile()) return send(res, 404, "not found\n");
      const type = mimeOf(target);
      const headers = {
        "Content-Type": type,
        "Content-Length": st.size,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Resource-Policy": "same-origin",
      };
      if (type.startsWith("text/html")) headers["Content-Security-Policy"] = CSP;
      res.writeHead(200, headers);
      if (req.method === "HEAD") return res.end();
      const stream = fs.createReadStream(target);
      stream.on("error", () => res.destroy());
      stream.pipe(res);
    });
  });
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    const onError = (e) => {
      server.off("listening", onListening);
      reject(e);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve(server.address().port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, "127.0.0.1");
  });
}

async function main() {
  const server = http.createServer(handler);
  const fixed = process.env.PORT;
  let port;
  if (fixed !== undefined && fixed !== "") {
    port = await listen(server, Number(fixed));
  } else {
    for (let p = 8080; p < 8180; p++) {
      try {
        port = await listen(server, p);
        break;
      } catch (e) {
        if (e.code !== "EADDRINUSE") throw e;
      }
    }
    if (port === undefined) throw new Error("no free port between 8080 and 8179");
  }
  console.log(`tuopin demo: http://127.0.0.1:${port}/www/`);
  if (wrongWasmMime) console.log("(--wrong-wasm-mime: serving .wasm as application/octet-stream)");
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error(`serve: ${e.message}`);
  process.exit(1);
});
