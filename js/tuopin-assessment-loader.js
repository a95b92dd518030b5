// Loading the wasm engine for <tuopin-assessment>, and saying plainly why it failed.
//
// A portal that embeds the element sees failure only through this module: a strict
// Content-Security-Policy without 'wasm-unsafe-eval', a browser too old for the engine, or the
// .wasm file not reachable. Each gets a message for the person at the screen and the one thing
// the site owner must change (issue 11 §2).

import init, { version as engineVersion } from "./tuopin.js";

let enginePromise = null;
let cspBlocked = false;

// A CSP that forbids WebAssembly reports itself as a violation of script-src with the blocked
// URI "wasm-eval" (or "eval"); the thrown error's wording differs between browsers.
if (typeof document !== "undefined" && document.addEventListener) {
  document.addEventListener("securitypolicyviolation", (e) => {
    if (/script-src/.test(e.effectiveDirective || e.violatedDirective || "") && /eval/.test(e.blockedURI || "")) cspBlocked = true;
  });
}

/** Loads the wasm engine once; resolves to version(). `moduleOrPath` as wasm-bindgen's init. */
export function loadEngine(moduleOrPath) {
  if (!enginePromise) {
    if (typeof WebAssembly !== "object") {
      enginePromise = Promise.reject(new Error("WebAssembly is not available in this browser"));
    } else {
      const started = moduleOrPath === undefined ? init() : init({ module_or_path: moduleOrPath });
      enginePromise = started.then(() => engineVersion());
    }
    enginePromise.catch(() => {
      enginePromise = null;
    });
  }
  return enginePromise;
}

/**
 * Why the engine did not load: "csp" | "no_wasm" | "old_browser" | "network" | "other".
 * Judged from the browser's own error text and any CSP violation seen while loading.
 */
export function failureKind(error) {
  const text = String(error && error.message ? error.message : error);
  // Chromium < 97 sends no violation event for wasm and throws a CompileError "Wasm code
  // generation disallowed by embedder": a CSP refusal, not an old engine (seen in Chromium 80).
  if (cspBlocked || /Content Security Policy|unsafe-eval|wasm-eval|blocked by CSP|code generation disallowed/i.test(text)) return "csp";
  if (typeof WebAssembly !== "object" || /WebAssembly is not available/.test(text)) return "no_wasm";
  if (/fetch|NetworkError|Load failed|HTTP status|status code|network/i.test(text)) return "network";
  if ((error && error.name === "CompileError") || /CompileError|invalid value type|exceeds internal limit|unknown type|invalid opcode/i.test(text)) {
    return "old_browser";
  }
  return "other";
}

/** The message shown in the element's role="alert" box: [what happened, what to do]. */
export const FAILURE_TEXT = {
  "zh-CN": {
    title: "评估引擎无法启动，暂时不能评估。",
    csp: [
      "网站的内容安全策略（Content-Security-Policy）不允许这个页面运行 WebAssembly 评估引擎。",
      "请网站管理员在该页面的 script-src 中加入 'wasm-unsafe-eval'。Chromium 97 以前的内核（部分 360、QQ、搜狗浏览器）不认识这个关键字，要支持这些浏览器，只能改为加入 'unsafe-eval'。",
    ],
    no_wasm: [
      "这个浏览器不支持 WebAssembly。",
      "请换用 Chromium 80 或 Firefox 91 以上内核的浏览器；360 浏览器请切换到极速模式。",
    ],
    old_browser: [
      "这个浏览器的内核版本过旧，无法运行评估引擎。",
      "请换用 Chromium 80 或 Firefox 91 以上内核的浏览器；360 浏览器请切换到极速模式。",
    ],
    network: [
      "评估引擎文件（tuopin_bg.wasm）没有下载成功。",
      "请检查网络后刷新页面。网站管理员请确认该文件与页面一同发布、能够访问，服务器以 application/wasm 类型发送，且 connect-src 允许本站。",
    ],
    other: [
      "评估引擎启动时出错。",
      "请刷新页面再试；问题仍在时，请把下面的技术信息告诉网站管理员。",
    ],
    detail: "技术信息：",
  },
  en: {
    title: "The assessment engine could not start; assessment is not available.",
    csp: [
      "The site's Content-Security-Policy does not allow this page to run the WebAssembly engine.",
      "Site owner: add 'wasm-unsafe-eval' to script-src for this page. Chromium before version 97 (some 360, QQ and Sogou browsers) does not know that keyword; to support those browsers, add 'unsafe-eval' instead.",
    ],
    no_wasm: [
      "This browser does not support WebAssembly.",
      "Use a browser with a Chromium 80+ or Firefox 91+ engine; in 360 browsers, switch to the fast (极速) mode.",
    ],
    old_browser: [
      "This browser's engine is too old to run the assessment engine.",
      "Use a browser with a Chromium 80+ or Firefox 91+ engine; in 360 browsers, switch to the fast (极速) mode.",
    ],
    network: [
      "The engine file (tuopin_bg.wasm) could not be downloaded.",
      "Check the connection and reload. Site owner: publish the file with the page, serve it as application/wasm, and allow the site in connect-src.",
    ],
    other: [
      "The assessment engine failed to start.",
      "Reload the page; if it keeps failing, give the technical details below to the site owner.",
    ],
    detail: "Technical details: ",
  },
};
