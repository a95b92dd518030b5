// Issue 10 §5 and contract v1.1 item 6: every zh-CN string that the element (js/) and the demo
// site (www/: pages, page modules, training scenarios, samples) can show uses full-width Chinese
// punctuation (GB/T 15834: ，。：；（）！？) and no English words except codes and document numbers.
//
// Strings are found without a browser:
//  * js/tuopin-assessment-i18n.js is imported and its STRINGS["zh-CN"] walked key by key;
//  * in every other js/*.js and www/**/*.js, each top-level `const NAME = { "zh-CN": {…}, en: {…} }`
//    table is evaluated as data and its "zh-CN" part walked; every other string literal that is
//    mostly Chinese is checked as zh-CN text (an English string that glosses a Chinese term is not);
//  * www/**/*.html: text and aria-label/title/alt/placeholder attributes (the pages are zh-CN by
//    default; an element marked lang="en", such as the "English" switch, is left out);
//  * www/**/*.json: every "zh-CN" value, and the training scenarios' "source"; the web app
//    manifest's names.
// Each finding names the file, the key (or line) and the offending character or word.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath, pathToFileURL } from "node:url";
import { problemsOf } from "../e2e/zh-rules.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

// ---- extraction ------------------------------------------------------------------------------

/** String literals (with line numbers) and the byte ranges of top-level object tables in JS source. */
function scanJs(src) {
  const literals = [];
  const tables = [];
  let i = 0;
  let line = 1;
  let prevSig = "";
  const regexAfter = /[(,=:[!&|?{};+\-*%<>~^]$|^$|\b(return|typeof|case|of|in|delete|void|throw|new|else|do)$/;
  while (i < src.length) {
    const c = src[i];
    if (c === "\n") { line++; i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (c === "/" && src[i + 1] === "/") { while (i < src.length && src[i] !== "\n") i++; continue; }
    if (c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2);
      const stop = end === -1 ? src.length : end + 2;
      line += (src.slice(i, stop).match(/\n/g) ?? []).length;
      i = stop;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") {
      const start = i;
      const startLine = line;
      let j = i + 1;
      let body = "";
      const parts = [];
      while (j < src.length && src[j] !== c) {
        if (src[j] === "\\") { body += src.slice(j, j + 2); j += 2; continue; }
        if (c === "`" && src[j] === "$" && src[j + 1] === "{") {
          // ${…} in a template: the expression stands for a value (a placeholder in the text).
          parts.push(body);
          body = "";
          let depth = 1;
          j += 2;
          while (j < src.length && depth) {
            if (src[j] === "{") depth++;
            else if (src[j] === "}") depth--;
            j++;
          }
          body += "{x}";
          continue;
        }
        if (src[j] === "\n") line++;
        body += src[j];
        j++;
      }
      parts.push(body);
      let value;
      try {
        value = c === "`" ? body.replace(/\\`/g, "`") : JSON.parse(c === '"' ? `"${body}"` : `"${body.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`);
      } catch {
        value = body;
      }
      literals.push({ start, end: j + 1, line: startLine, value });
      i = j + 1;
      prevSig = "x";
      continue;
    }
    if (c === "/" && regexAfter.test(prevSig)) {
      let j = i + 1;
      let cls = false;
      while (j < src.length && src[j] !== "\n") {
        if (src[j] === "\\") { j += 2; continue; }
        if (src[j] === "[") cls = true;
        else if (src[j] === "]") cls = false;
        else if (src[j] === "/" && !cls) break;
        j++;
      }
      i = j + 1;
      while (/[a-z]/i.test(src[i] ?? "")) i++;
      prevSig = "x";
      continue;
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(src.slice(i, i + 40));
    if (word) { prevSig = word[0]; i += word[0].length; continue; }
    prevSig = c;
    i++;
  }
  // Top-level tables: `const NAME = {` at the start of a line, up to its balanced closing brace.
  for (const m of src.matchAll(/^(?:export )?const (\w+) = \{/gm)) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let k = open;
    const inLiteral = (p) => literals.find((l) => p >= l.start && p < l.end);
    for (; k < src.length; k++) {
      const lit = inLiteral(k);
      if (lit) { k = lit.end - 1; continue; }
      if (src[k] === "{") depth++;
      else if (src[k] === "}" && --depth === 0) break;
    }
    tables.push({ name: m[1], start: open, end: k + 1, line: src.slice(0, m.index).split("\n").length });
  }
  return { literals, tables };
}

/** Every string in a value, with its key path. */
function walk(value, keyPath, out) {
  if (typeof value === "string") out.push({ key: keyPath, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${keyPath}[${i}]`, out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, keyPath ? `${keyPath}.${k}` : k, out);
  return out;
}

/** A literal is checked as zh-CN when it is mostly Chinese (an English gloss like "Household (户)" is not). */
function looksChinese(text) {
  const han = (text.match(/[\u3400-\u9fff]/g) ?? []).length;
  const latin = (text.replace(/\{\w+\}/g, "").match(/[A-Za-z]/g) ?? []).length;
  return han > 0 && han * 4 >= latin;
}

function jsStrings(file, { skipTables = [] } = {}) {
  const src = fs.readFileSync(file, "utf8");
  const rel = path.relative(root, file);
  const { literals, tables } = scanJs(src);
  const out = [];
  const covered = [];
  for (const t of tables) {
    let data;
    try {
      data = vm.runInNewContext(`(${src.slice(t.start, t.end)})`, Object.create(null), { timeout: 1000 });
    } catch {
      continue; // not plain data: its literals are checked one by one below
    }
    if (!data || typeof data !== "object" || !("zh-CN" in data)) continue;
    covered.push(t);
    for (const s of walk(data["zh-CN"], `${t.name}["zh-CN"]`, [])) out.push({ where: `${rel} ${s.key}`, text: s.text });
  }
  for (const l of literals) {
    if (covered.some((t) => l.start >= t.start && l.end <= t.end)) continue;
    if (skipTables.some((t) => l.start >= t.start && l.end <= t.end)) continue;
    if (looksChinese(l.value)) out.push({ where: `${rel}:${l.line}`, text: l.value });
  }
  return out;
}

function filesUnder(dir, ext) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return filesUnder(p, ext);
    return d.name.endsWith(ext) ? [p] : [];
  });
}

function htmlStrings(file) {
  const rel = path.relative(root, file);
  let html = fs.readFileSync(file, "utf8");
  html = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, "");
  // Elements marked as English (the language switch) are not zh-CN text.
  html = html.replace(/<(\w+)\b[^>]*\blang="en"[^>]*>[\s\S]*?<\/\1>/g, "");
  const out = [];
  const lineOf = (idx) => html.slice(0, idx).split("\n").length;
  for (const m of html.matchAll(/>([^<>]+)</g)) {
    const text = m[1].replace(/\s+/g, " ").trim();
    if (text) out.push({ where: `${rel} text near line ${lineOf(m.index)}`, text });
  }
  for (const m of html.matchAll(/\s(aria-label|title|alt|placeholder)="([^"]*)"/g)) {
    if (m[2].trim()) out.push({ where: `${rel} @${m[1]} line ${lineOf(m.index)}`, text: m[2] });
  }
  return out;
}

function jsonStrings(file) {
  const rel = path.relative(root, file);
  const data = JSON.parse(fs.readFileSync(file, "utf8"));
  const out = [];
  const visit = (v, key) => {
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${key}[${i}]`));
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        const p = key ? `${key}.${k}` : k;
        // "source" is shown as is in both languages; its Chinese part must be correct Chinese.
        if (k === "zh-CN" || (k === "source" && typeof x === "string" && HAN.test(x))) walk(x, p, []).forEach((s) => out.push({ where: `${rel} ${s.key}`, text: s.text }));
        else visit(x, p);
      }
    }
  };
  visit(data, "");
  return out;
}

/** One line per offending string: where it is, what is wrong, and the string itself. */
function report(strings) {
  const lines = [];
  for (const s of strings) {
    const p = problemsOf(s.text);
    if (p.length) lines.push(`${s.where}: ${p.join("; ")}\n    ${JSON.stringify(s.text)}`);
  }
  return lines;
}

// ---- the checks ------------------------------------------------------------------------------

test("zh-text: the checker itself flags what GB/T 15834 forbids and passes what it allows", () => {
  // Written from the rule, so that the checks below cannot pass by checking nothing.
  assert.ok(problemsOf("人均纯收入 4725 元,高于扶贫标准 3218 元").length === 1);
  assert.ok(problemsOf("页面收到评估结果:exit_2016 · ready").some((p) => p.includes('"ready"')));
  assert.ok(problemsOf("页面收到评估结果:exit_2016 · ready").some((p) => p.includes('half-width ":"')));
  assert.equal(problemsOf("从本机文件导入一户(JSON)").length, 2, "both brackets of 户(JSON)");
  assert.equal(problemsOf("{relation},{age} 岁").length, 1, "a placeholder stands for Chinese text");
  assert.ok(problemsOf("类型错误:收到 string,应为 number").some((p) => p.includes('"string"')));
  assert.ok(problemsOf("only Guangxi counted commercial insurance").length >= 4);
  assert.deepEqual(problemsOf("人均纯收入 4725 元，高于扶贫标准 3218 元（2019 年）。"), []);
  assert.deepEqual(problemsOf("国开发〔2019〕15号；厅字〔2016〕16号；CN-YN；monitoringLine；members[0].birthDate；UTF-8；2,600 元；10:30"), []);
  assert.deepEqual(problemsOf("脱贫评估 tuopin：JSON Lines、CSV、Excel 在中文 Windows 上导出"), []);
});

test("zh-text: the demo site (www/: pages, page modules, training scenarios, samples)", () => {
  const www = path.join(root, "www");
  const strings = [
    ...filesUnder(www, ".html").flatMap(htmlStrings),
    ...filesUnder(www, ".js").flatMap((f) => jsStrings(f)),
    ...filesUnder(www, ".json").flatMap(jsonStrings),
    // The web app manifest's names are what a phone shows under the installed icon.
    ...filesUnder(www, ".webmanifest").flatMap((f) => {
      const m = JSON.parse(fs.readFileSync(f, "utf8"));
      const rel = path.relative(root, f);
      return [["name", m.name], ["short_name", m.short_name], ["description", m.description], ...(m.shortcuts ?? []).map((x, i) => [`shortcuts[${i}].name`, x.name])]
        .filter(([, v]) => v).map(([k, v]) => ({ where: `${rel} ${k}`, text: v }));
    }),
  ];
  assert.ok(strings.length > 300, `found only ${strings.length} strings: the extraction is broken`);
  const lines = report(strings);
  assert.deepEqual(lines, [], `${lines.length} zh-CN strings on the site break the rule:\n${lines.join("\n")}`);
});

test("zh-text: the element (js/: STRINGS[\"zh-CN\"] and every Chinese literal)", async () => {
  const dir = path.join(root, "js");
  const i18nFile = path.join(dir, "tuopin-assessment-i18n.js");
  const strings = [];
  let skip = [];
  if (fs.existsSync(i18nFile)) {
    const { STRINGS } = await import(pathToFileURL(i18nFile).href);
    for (const s of walk(STRINGS["zh-CN"], 'STRINGS["zh-CN"]', [])) strings.push({ where: `js/tuopin-assessment-i18n.js ${s.key}`, text: s.text });
    // Its tables were walked through the module itself; literals outside "zh-CN" (the English
    // table) are not zh-CN text.
    skip = scanJs(fs.readFileSync(i18nFile, "utf8")).tables;
  }
  for (const f of filesUnder(dir, ".js")) strings.push(...jsStrings(f, { skipTables: f === i18nFile ? skip : [] }));
  assert.ok(strings.length > 100, `found only ${strings.length} strings: the extraction is broken`);
  const lines = report(strings);
  assert.deepEqual(lines, [], `${lines.length} zh-CN strings of the element break the rule:\n${lines.join("\n")}`);
});
