// The policy page: every built-in pack from policies(), with each parameter's dated values and
// sources; filter by pack and by parameter name.

import init, { policies, version } from "../pkg/tuopin.js";
import { provinceName } from "../pkg/tuopin-assessment-i18n.js";
import { t, h, lang, setChildren } from "./site.js";
import { PACK_TEXT } from "./policies-text.js";

// Names of the parameters the contract lists (others are shown by their key only).
const NAMES = {
  "zh-CN": {
    povertyLine: "扶贫标准（退出收入线）", monitoringLine: "防返贫监测线", excludedIncome: "不计入收入的转移性收入",
    incomeConcept: "收入口径", schoolAge: "义务教育适龄范围（周岁）", educationRule: "义务教育判定规则", water: "饮水安全阈值",
    electricityVeto: "用电是否一票否决", medicalRequires: "基本医疗要求", commercialInsuranceCounts: "商业保险是否算参保",
    minAreaPerPerson: "人均最小住房面积（平方米）", noticeDays: "公示天数", boundary: "临界值理解",
    rigidSpendingRatio: "刚性支出阻断比例", hardshipSpendingRatio: "突发严重困难支出比例",
    minMonthsBeforeElimination: "风险消除前最短监测月数", minMeasures: "风险消除前最少帮扶措施数",
    marriageAgeMen: "法定婚龄（男）", marriageAgeWomen: "法定婚龄（女）",
    transferShareWarning: "转移性收入占比提示阈值", lackOfLabourShare: "缺劳力一致性阈值", illnessSpendingShare: "因病支出占比（原因推断）",
    westernProvinces: "西部省份", incidenceMax: "贫困发生率上限", incidenceMaxWestern: "贫困发生率上限（西部）",
    wrongExitMax: "错退率上限", missedMax: "漏评率上限", recognitionMin: "群众认可度下限",
  },
  en: {
    povertyLine: "Poverty line (exit income line)", monitoringLine: "Monitoring line", excludedIncome: "Transfer items not counted",
    incomeConcept: "Income concept", schoolAge: "Compulsory-school ages", educationRule: "Education rule", water: "Drinking-water thresholds",
    electricityVeto: "Electricity is a veto", medicalRequires: "Medical cover required", commercialInsuranceCounts: "Commercial insurance counts",
    minAreaPerPerson: "Minimum floor area per person (m²)", noticeDays: "Public notice (days)", boundary: "Reading at the threshold",
    rigidSpendingRatio: "Rigid-spending block ratio", hardshipSpendingRatio: "Sudden-hardship spending ratio",
    minMonthsBeforeElimination: "Months before risk elimination", minMeasures: "Measures before risk elimination",
    marriageAgeMen: "Legal marriage age (men)", marriageAgeWomen: "Legal marriage age (women)",
    transferShareWarning: "Transfer-share warning", lackOfLabourShare: "Lack-of-labour consistency share", illnessSpendingShare: "Illness spending share (cause heuristic)",
    westernProvinces: "Western provinces", incidenceMax: "Maximum poverty incidence", incidenceMaxWestern: "Maximum poverty incidence (west)",
    wrongExitMax: "Maximum wrong-exit rate", missedMax: "Maximum missed rate", recognitionMin: "Minimum recognition",
  },
};

let packs = [];
let filterTimer = 0;

const zh = () => lang() !== "en";

/** A value code (strict, net, basicPension, CN-GX …) in words of the page's language. */
function valueWord(x) {
  if (typeof x === "string" && /^CN-[A-Z]{2}$/.test(x)) return provinceName(x, lang());
  const table = PACK_TEXT[lang()]?.value ?? {};
  return String(x) in table ? table[String(x)] : String(x);
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
    const params = p.parameters.filter((x) => !keyFilter || x.key.toLowerCase().includes(keyFilter) || (NAMES[l][x.key] ?? "").toLowerCase().includes(keyFilter));
    if (keyFilter && !params.length) continue;
    shown += 1;
    const headId = `pack-${p.id}`;
    const rows = [];
    for (const param of params) {
      param.entries.forEach((e) => {
        rows.push(h("tr", null,
          h("th", { scope: "row", dataset: { label: t("colKey") } },
            NAMES[l][param.key] ? [NAMES[l][param.key], h("br"), h("code", { text: param.key })] : h("code", { text: param.key })),
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
