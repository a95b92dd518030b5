// The policy page: every built-in pack from policies(), with each parameter's dated values and
// sources; filter by pack and by parameter name.

import init, { policies, version } from "../pkg/tuopin.js";
// Parameter names and value words are the element's (one table for both, issue 8 item 2).
import { provinceName, parameterName, policyValueName } from "../pkg/tuopin-assessment-i18n.js";
import { t, h, lang, setChildren } from "./site.js";
import { PACK_TEXT } from "./policies-text.js";

let packs = [];
let filterTimer = 0;

const zh = () => lang() !== "en";

/** A value code (strict, net, basicPension, CN-GX …) in words of the page's language. */
function valueWord(x) {
  if (typeof x === "string" && /^CN-[A-Z]{2}$/.test(x)) return provinceName(x, lang());
  const table = PACK_TEXT[lang()]?.value ?? {};
  return policyValueName(String(x), lang()) ?? (String(x) in table ? table[String(x)] : String(x));
}

function valueText(v) {
  if (v === null || v === undefined) return t("noValue");
  const sep = zh() ? "、" : ", ";
  if (Array.isArray(v)) return v.length ? v.map(valueWord).join(sep) : valueWord("empty");
  if (typeof v === "object") return Object.entries(v).map(([k, x]) => `${valueWord(k)} ${valueWord(x)}`).join(zh() ? "；" : "; ");
  return valueWord(v);
}

/** A pack's title: the engine's own Chinese title if it gives one, else this page's, else its province. */
function packTitle(p) {
  if (!zh()) return p.title;
  return p.titleZh ?? PACK_TEXT["zh-CN"].title[p.id] ?? (p.province ? `${provinceName(p.province, "zh-CN")}政策包` : "全国政策包");
}

/** A pack's short name, for the filter and captions (never its id, which is a code). */
function packName(p) {
  return p.province ? provinceName(p.province, lang()) : t("national");
}

const URL_IN_TEXT = /https?:\/\/[^\s,，;；()（）]+/g;

/** This page's Chinese for a citation; a web address in it stands as {url} in the table's key. */
function tableSource(english) {
  const table = PACK_TEXT["zh-CN"].source;
  if (english in table) return table[english];
  const urls = english.match(URL_IN_TEXT) ?? [];
  const zhText = urls.length ? table[english.replace(URL_IN_TEXT, "{url}")] : undefined;
  let i = 0;
  return zhText?.replace(/\{url\}/g, () => urls[i++] ?? "");
}

/** A citation in the page's language: the engine's Chinese citation (sourceZh) first, then this page's. */
function sourceText(english, chinese) {
  if (!zh()) return english;
  return chinese ?? tableSource(english) ?? english;
}

function packOptions() {
  const sel = document.getElementById("filter-pack");
  const current = sel.value;
  setChildren(sel, h("option", { value: "", text: t("filterAll") }),
    ...packs.map((p) => h("option", { value: p.id, text: packName(p) })));
  sel.value = current;
}

function render() {
  const l = lang();
  const packFilter = document.getElementById("filter-pack").value;
  const keyFilter = document.getElementById("filter-key").value.trim().toLowerCase();
  const host = document.getElementById("packs");
  let shown = 0;
  const sections = [];
  for (const p of packs) {
    if (packFilter && p.id !== packFilter) continue;
    const params = p.parameters.filter((x) => !keyFilter || x.key.toLowerCase().includes(keyFilter) || (parameterName(x.key, l) ?? "").toLowerCase().includes(keyFilter));
    if (keyFilter && !params.length) continue;
    shown += 1;
    const headId = `pack-${p.id}`;
    const rows = [];
    for (const param of params) {
      param.entries.forEach((e) => {
        rows.push(h("tr", null,
          h("th", { scope: "row", dataset: { label: t("colKey") } },
            parameterName(param.key, l) ? [parameterName(param.key, l), h("br"), h("code", { text: param.key })] : h("code", { text: param.key })),
          h("td", { class: "date", dataset: { label: t("colFrom") }, text: e.from ?? "—" }),
          h("td", { class: "date", dataset: { label: t("colTo") }, text: e.to ?? t("openEnded") }),
          h("td", { class: "value", dataset: { label: t("colValue") }, text: valueText(e.value) }),
          h("td", { dataset: { label: t("colSource") }, text: sourceText(e.source ?? "", e.sourceZh) }),
          h("td", { dataset: { label: t("colConfidence") } }, e.confidence ? h("span", { class: "conf", text: e.confidence }) : "—")));
      });
    }
    sections.push(h("section", { class: "pack", "aria-labelledby": headId, dataset: { pack: p.id } },
      h("h2", { id: headId, text: packTitle(p) }),
      h("dl", { class: "facts" },
        h("dt", { text: t("packId") }), h("dd", null, h("code", { text: p.id })),
        h("dt", { text: t("packProvince") }), h("dd", { text: p.province ? t("paren", { text: provinceName(p.province, l), note: p.province }) : t("national") }),
        h("dt", { text: t("packValidity") }), h("dd", { text: `${p.validFrom ?? "—"} – ${p.validTo ?? t("openEnded")}` }),
        h("dt", { text: t("packSources") }), h("dd", null, h("ul", null, (p.sources ?? []).map((s, i) => h("li", { text: sourceText(s, p.sourcesZh?.[i]) }))))),
      h("table", { class: "params" },
        h("caption", { text: t("paramsCaption", { name: packTitle(p) }) }),
        h("thead", null, h("tr", null, ["colKey", "colFrom", "colTo", "colValue", "colSource", "colConfidence"].map((k) => h("th", { scope: "col", text: t(k) })))),
        h("tbody", null, rows))));
  }
  setChildren(host, ...sections);
  document.getElementById("shown").textContent = t("shown", { n: shown });
}

document.getElementById("filter-pack").addEventListener("change", render);
document.getElementById("filter-key").addEventListener("input", () => {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(render, 200);
});
document.addEventListener("site-lang", () => {
  packOptions();
  render();
  showVersion();
});

function showVersion() {
  const v = version();
  document.getElementById("engine-version").textContent = t("engineVersion", { v: v.crate, c: v.contract });
}

async function start() {
  await init();
  packs = policies();
  packOptions();
  showVersion();
  render();
}

start();
