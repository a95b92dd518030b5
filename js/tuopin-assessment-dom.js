// Small helpers of the <tuopin-assessment> element: building DOM without HTML parsing, reading
// what people type (numbers, money, dates) and walking contract paths.
//
// Only what Chromium 80 and Firefox ESR 91 have is used here (no replaceChildren, no `??=`,
// no Array.prototype.at): the element must work in the old browsers of government offices.

/** Builds an element. Strings among the children become text nodes: nothing is parsed as HTML. */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") el.className = v;
      else if (k === "text") el.textContent = String(v);
      else if (k === "dataset") Object.assign(el.dataset, v);
      else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else if (k === "value" || k === "checked" || k === "selected" || k === "disabled" || k === "hidden") el[k] = v;
      else el.setAttribute(k, v === true ? "" : String(v));
    }
  }
  appendAll(el, children);
  return el;
}

export function appendAll(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces the children of `el` (Node.replaceChildren is missing before Chromium 86). */
export function setChildren(el, ...children) {
  while (el.firstChild) el.removeChild(el.firstChild);
  appendAll(el, children);
}

/** Full-width digits and punctuation (common with Chinese input methods) to ASCII. */
export function halfWidth(s) {
  return s
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\uFF0E\u3002]/g, ".")
    .replace(/[\uFF0D\u2014\u2212]/g, "-")
    .replace(/\uFF0F/g, "/")
    .replace(/\uFF0C/g, ",");
}

/**
 * A typed number. Returns a number, undefined for a blank field, or the trimmed text when the
 * meaning is not certain (the engine then names the problem at this path; the element words it
 * as "请填写数字…"). Accepted beyond plain digits (issue 10 §5), where nothing else can be meant:
 * a trailing unit ("2600元", "2600 元" for money; "80平方米"/"80㎡" and "50升" are not guessed),
 * and commas that group thousands exactly ("2,600", "12,345.5"). "2,60" or "1,2345" is left as
 * typed: it may be a decimal comma.
 */
export function parseNumber(raw, { money = false } = {}) {
  let s = halfWidth(String(raw)).trim().replace(/\s+/g, "");
  if (s === "") return undefined;
  if (money) s = s.replace(/(元|块|rmb|¥|￥)$/i, "").replace(/^(¥|￥)/, "");
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/,/g, "");
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return Number(s);
  return String(raw).trim();
}

/** YYYY-MM-DD, also from YYYYMMDD, YYYY/M/D, YYYY.M.D and YYYY年M月D日; anything else as typed. */
export function normaliseDate(raw) {
  const s = halfWidth(String(raw)).trim();
  if (s === "") return undefined;
  const m = s.match(/^(\d{4})[-/.\u5E74](\d{1,2})[-/.\u6708](\d{1,2})\u65E5?$/) || s.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (m) return `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  return s; // the engine reports invalid_date at this path
}

/** "members[2].birthDate" → ["members", 2, "birthDate"]. */
export function splitPath(path) {
  const out = [];
  for (const part of path.split(".")) {
    const re = /([^[\]]+)|\[(\d+)\]/g;
    let m;
    while ((m = re.exec(part))) out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  }
  return out;
}

export function getPath(obj, path) {
  let cur = obj;
  for (const k of splitPath(path)) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = cur[k];
  }
  return cur;
}

/** Sets obj[path] = value, creating objects on the way; undefined values are not written. */
export function setPath(obj, path, value) {
  if (value === undefined) return;
  const keys = splitPath(path);
  let cur = obj;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) cur[k] = value;
    else {
      if (cur[k] === null || typeof cur[k] !== "object") cur[k] = typeof keys[i + 1] === "number" ? [] : {};
      cur = cur[k];
    }
  });
}

/** The parent of a problem path: "members[2].birthDate" → "members[2]" → "members" → "". */
export function parentPath(path) {
  const m = path.match(/^(.*?)(\.[^.[\]]+|\[\d+\])$/);
  return m ? m[1] : "";
}

export function clone(v) {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

/** Today's date on this device as YYYY-MM-DD: only ever a default the person can change. */
export function todayIso() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** localStorage, or null where it is blocked (private mode, sandboxed frames, disabled storage). */
export function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
