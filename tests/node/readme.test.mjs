// Runs the README's embedding example, verbatim, in headless Chromium against the built pkg/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { chromium } from "playwright-core";

const root = new URL("../../", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");
const block = readme.split("<!-- readme-example:start -->")[1]?.split("<!-- readme-example:end -->")[0] ?? "";
const code = block.replace(/^[\s\S]*?```js\n/, "").replace(/```[\s\S]*$/, "");

test("the README example runs in a browser and shows the verdict", async () => {
  assert.ok(code.includes("assess("), "README example block not found");
  assert.ok(code.trim().split("\n").length <= 12, "the README example should stay about ten lines");
  const dir = new URL("test-artifacts/readme-example/", root);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL("example.js", dir), code);
  writeFileSync(new URL("index.html", dir), '<!doctype html><html lang="en"><title>example</title><link rel="icon" href="/www/favicon.svg"><p id="verdict"></p><script type="module" src="example.js"></script></html>');
  const server = spawn(process.execPath, [new URL("scripts/serve.mjs", root).pathname, "--test-artifacts"], { env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve, reject) => {
    server.stdout.on("data", (d) => { const m = /http:\/\/127\.0\.0\.1:\d+/.exec(String(d)); if (m) resolve(m[0]); });
    server.on("exit", () => reject(new Error("server exited")));
  });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"] });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(`${url}/test-artifacts/readme-example/index.html`);
    await page.waitForFunction(() => document.querySelector("#verdict").textContent.length > 0, null, { timeout: 15000 });
    const text = await page.textContent("#verdict");
    // 9000 yuan for one person is above the 2019 line of 3218, and every guarantee passes.
    assert.match(text, /^ready: per-capita net income 9000 yuan is above the poverty line of 3218 yuan/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.kill();
  }
});
