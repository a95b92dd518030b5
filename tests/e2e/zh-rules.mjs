// The rule of contract v1.1 item 6 / issue 10 §5 for zh-CN text, shared by the string test
// (tests/node/zh-text.test.mjs) and the browser tests that read what a page shows: full-width
// Chinese punctuation (GB/T 15834) next to Chinese text, and no English except codes and
// document numbers.

export const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const FULL = /[\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014]/;
const HALF = new Set([",", ":", ";", "(", ")", "!", "?"]);

/**
 * English allowed in zh-CN text besides codes (see isCode). Each entry is a proper name with no
 * usual Chinese form, or the name of a cited document:
 *  - "tuopin": the product's own name, shown beside 脱贫评估;
 *  - "Excel", "Windows": the programs whose exported CSV the batch page explains;
 *  - "JSON Lines": the name of a file format the batch page reads;
 *  - "WebAssembly", "Chromium", "Chrome", "Firefox", "Safari": the technology and the browsers a
 *    message about an unsupported browser must name as the phone shows them.
 */
export const ALLOWED = ["tuopin", "Excel", "Windows", "JSON Lines", "WebAssembly", "Chromium", "Chrome", "Firefox", "Safari"];

/**
 * A code or document number: one letter (grade D, confidence C/S/N), an all-capitals abbreviation
 * or code (JSON, CSV, GBK, CN-YN), anything with a digit, "_", ".", "/", "[" or "@" in it (exit_2016,
 * members[0].birthDate, UTF-8, T/CHES, file names), a camelCase identifier (monitoringLine), or a
 * hyphenated name (the cited document policy-reference, pack ids like cn-yn, CSP keywords like
 * script-src, header names like Content-Security-Policy).
 */
export function isCode(word) {
  if (word.length === 1) return true;
  if (/^[A-Z0-9-]+$/.test(word)) return true;
  if (/^[A-Za-z]+(-[A-Za-z]+)+$/.test(word)) return true;
  if (/[0-9_./[\]@]/.test(word)) return true;
  if (/^[a-z]+[A-Z]\w*$/.test(word)) return true;
  return false;
}

/** Findings for one zh-CN string: half-width punctuation next to Chinese, and English words. */
export function problemsOf(text) {
  const found = [];
  // Placeholders ({name}) stand for Chinese text once filled in.
  const s = text.replace(/\{\w+\}/g, "中");
  const near = (i, step) => {
    for (let j = i + step; j >= 0 && j < s.length; j += step) {
      if (s[j] === " ") continue;
      return HAN.test(s[j]) || FULL.test(s[j]);
    }
    return false;
  };
  const stack = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "(") stack.push(i);
    if (!HALF.has(c)) continue;
    let bad = near(i, -1) || near(i, 1);
    if (c === ")" && stack.length) {
      const open = stack.pop();
      // A bracketed gloss with Chinese inside is Chinese text too: 户（JSON）, （2016–2020 年）.
      if (HAN.test(s.slice(open + 1, i)) || near(open, -1) || near(open, 1)) bad = true;
    }
    if (c === "(" && HAN.test(s.slice(i + 1, s.indexOf(")", i) === -1 ? undefined : s.indexOf(")", i)))) bad = true;
    if (bad) found.push(`half-width "${c}" at ${i}: …${text.slice(Math.max(0, i - 8), i + 9)}…`);
  }
  let rest = text;
  for (const a of ALLOWED) rest = rest.split(a).join(" ");
  rest = rest.replace(/\{\w+\}/g, " ").replace(/https?:\/\/\S+/g, " ");
  for (const m of rest.matchAll(/[A-Za-z][A-Za-z0-9_.\-/[\]@]*/g)) {
    const w = m[0].replace(/[.\-/]+$/, "");
    if (!isCode(w)) found.push(`English word "${w}"`);
  }
  return found;
}
