// The batch page: a file of many households (CSV with Chinese or English headers, JSON Lines, a
// JSON array) is read and assessed in a Web Worker (batch-worker.js; on the page's own thread where
// module Workers are missing, batch-channel.js) with a progress bar and a cancel button; the page
// shows the summary, the indicators against their thresholds, two charts drawn as plain SVG, the
// rows that could not be assessed, and a filterable, sortable table of results fetched from the
// engine 100 rows at a time. Nothing is uploaded; no network after load.

import { h, lang, setChildren } from "./site.js";
import { openBatchEngine } from "./batch-channel.js";
import { STRINGS, PROVINCE_CODES, provinceName } from "../pkg/tuopin-assessment-i18n.js";

const TEXT = {
  "zh-CN": {
    pageTitle: "批量评估",
    title: "批量评估",
    intro: "一次评估一个村或一个县的全部农户：选择或拖入一个表格文件，逐户核对，汇总贫困发生率、错退率、漏评率和群众认可度。文件只在本机浏览器中读取和计算，不会上传。",
    fileTitle: "选择文件",
    asOf: "评估日期",
    asOfHint: "2020 年底前按贫困户退出规则，2021 年起按防返贫监测规则。",
    asOfMissing: "请先填写评估日期（年-月-日）。",
    province: "省份",
    provinceFromFile: "按文件中每户的省份",
    boundary: "正好等于标准时",
    boundaryStrict: "严格：不算达标（默认）",
    boundaryLenient: "宽松：算作达标",
    fileLabel: "选择文件，或把文件拖到这里",
    fileHint: "支持 CSV（每位家庭成员一行，中文或英文表头；UTF-8 或 Excel 导出的 GBK 编码均可）、JSON Lines 和 JSON 数组。",
    trySample: "用示例文件试一试",
    sampleAsOf: "示例文件按 2019-12-31 评估，已把评估日期改为 2019-12-31。",
    rerun: "按当前设置重新评估",
    templateTitle: "表格模板和填写说明",
    templateIntro: "每位家庭成员占一行；户的信息（户编号、收入、住房等）写在该户第一行即可，同一户的各行必须连续，户编号相同。表头可以用中文或英文，只需包含用到的列；必填列是户编号、省份、与户主关系、性别和出生日期。",
    templateZh: "下载中文表头模板",
    templateEn: "下载英文表头模板",
    sampleFiles: "示例文件：",
    sampleUtf8: "UTF-8 示例（云南 2019）",
    sampleGbk: "GBK 编码示例（贵州 2019）",
    progressTitle: "评估进度",
    progressLabel: "已评估的户数",
    cancel: "取消",
    fileName: "文件：{name}（{size}）",
    loadingEngine: "正在加载评估引擎…",
    readingFile: "正在读取文件…",
    progress: "已评估 {done} 户（文件已读 {pct}%）",
    finished: "已完成：共 {total} 户",
    cancelled: "已取消。可以重新选择文件，或按当前设置重新评估。",
    started: "开始评估 {name}",
    gbkNote: "检测到 GBK 编码（Excel 在中文 Windows 上导出的 CSV），已自动转换为 UTF-8 后读取。",
    fileErrorTitle: "无法读取这个文件",
    fileErrorHint: "请对照表头模板检查：列名必须是模板中的中文或英文列名，必填列不能缺少。",
    notUtf8Hint: "文件既不是 UTF-8 也不是 GBK 编码的文本。请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”。",
    engineError: "评估中断：{message}",
    resultsTitle: "评估结果",
    exportRows: "导出逐户结果（CSV）",
    exportSummary: "导出汇总（JSON）",
    overallPass: "✓ 参与考核的 {n} 项指标全部达标",
    overallFail: "✗ 参与考核的 {n} 项指标中有 {bad} 项未达标",
    overallNone: "按本次适用的规则和文件中的信息，没有需要考核的指标。",
    countsTitle: "总体情况",
    households: "文件中的户数",
    valid: "已评估的户",
    invalidN: "无法评估的户",
    persons: "已评估的人数",
    registeredPoorPersons: "建档立卡贫困人口",
    remainingPoorPersons: "尚未达到退出标准的贫困人口",
    monitoredPersons: "监测对象人口",
    regime: "适用规则",
    provinceUsed: "考核省份",
    western: "（西部省份）",
    lineUsed: "标准线",
    lineValue: "{amount} 元/人·年（{n} 户）",
    hh: "{n} 户",
    hh1: "{n} 户",
    ppl: "{n} 人",
    ppl1: "{n} 人",
    breakdownTitle: "结论分布",
    byVerdict: "退出结论（贫困户）",
    byCategory: "监测类别",
    byElimination: "风险消除",
    byCause: "致贫/返贫原因（建议）",
    nothing: "无",
    indicatorsTitle: "考核指标",
    colIndicator: "指标",
    colResult: "结果",
    colValue: "数值",
    colThreshold: "标准",
    colBoundary: "正好等于标准时",
    colBasis: "口径",
    incidence: "贫困发生率",
    wrongExit: "错退率",
    missed: "漏评率",
    recognition: "群众认可度",
    basisIncidence: "尚未达到退出标准的贫困人口 ÷ 总人口",
    basisWrongExit: "抽查的已退出户中不达标的人口 ÷ 抽查人口",
    basisMissed: "抽查的非贫困户中收入低于标准的人口 ÷ 抽查人口",
    basisRecognition: "认可的户 ÷ 接受调查的户",
    notGivenIncidence: "只在 2016–2020 年的退出规则下计算",
    notGivenWrongExit: "文件中没有标记“错退抽样”的户",
    notGivenMissed: "文件中没有标记“漏评抽样”的户",
    notGivenRecognition: "文件中没有“群众认可”的调查结果",
    below: "低于 {t}",
    above: "高于 {t}",
    strictBelow: "严格：等于 {t} 不达标",
    strictAbove: "严格：等于 {t} 不达标",
    lenient: "宽松：等于 {t} 算达标",
    pass: "达标",
    fail: "未达标",
    notApplicable: "不适用",
    fraction: "{num} / {den} {unit}",
    unitPersons: "人",
    unitHouseholds: "户",
    unknownSample: "另有 {n} 户信息不全，无法判断，未计入分子",
    histTitle: "人均纯收入分布（相对标准线）",
    histAxis: "人均纯收入 ÷ 标准线",
    histCount: "户数",
    lineMark: "标准线",
    histCaption: "收入低于标准线 {below} 户，达到或高于标准线 {above} 户{unknown}。柱子按“人均纯收入是标准线的几倍”分组，每组 0.25 倍；虚线是标准线。",
    histUnknown: "，收入信息不全 {n} 户",
    binLabel: "{from}–{to} 倍",
    binLast: "{from} 倍及以上",
    failTitle: "未通过的检查项（户数）",
    failCaption: "有 {n} 户至少一项检查未通过（一户可能有多项）。",
    chartData: "查看图表数据",
    colRange: "收入范围",
    colHouseholds: "户数",
    colCheck: "检查项",
    invalidTitle: "无法评估的行",
    invalidIntro: "共 {n} 户无法评估，已从汇总中排除。请按行号修改文件后重新评估。",
    invalidCapped: "这里列出前 {shown} 户。",
    colLine: "行号",
    colId: "户编号",
    colField: "列 / 字段",
    colProblem: "问题",
    rowsTitle: "逐户结果",
    filterOutcome: "结论",
    filterFailing: "未通过的检查",
    sortLabel: "排序",
    allOutcomes: "全部（{n}）",
    anyFailing: "不限",
    someFailing: "至少一项未通过",
    noneFailing: "全部通过",
    sortLine: "文件顺序",
    sortPcAsc: "人均纯收入从低到高",
    sortPcDesc: "人均纯收入从高到低",
    sortPersonsDesc: "人数从多到少",
    sortPersonsAsc: "人数从少到多",
    rowsStatus: "显示第 {from}–{to} 户，共 {matched} 户符合条件",
    rowsNone: "没有符合条件的户。",
    pageInfo: "第 {page} / {pages} 页",
    prevPage: "上一页",
    nextPage: "下一页",
    pagerLabel: "分页",
    colVillage: "行政村",
    colPersons: "人数",
    colPerCapita: "人均纯收入（元）",
    colLineAmount: "标准线（元）",
    colOutcome: "结论",
    colFailing: "未通过的检查",
    colElimination: "风险消除",
    colCauses: "原因（建议）",
    colWarnings: "提示",
    rowsCaption: "逐户评估结果",
    notAssessed: "非贫困户，不评估退出",
    notAbove: "未超过标准线",
    doneAnnounce: "评估完成：{valid} 户已评估，{invalid} 户无法评估。",
    templateFailed: "无法生成模板：{message}",
    sampleFailed: "无法读取示例文件：{message}",
    none: "—",
  },
  en: {
    pageTitle: "Batch assessment",
    title: "Batch assessment",
    intro: "Assess every household of a village or a county at once: pick or drop a table file; each household is checked, and poverty incidence, the wrong-exit and missed rates and public recognition are rolled up. The file is read and processed in this browser only and never uploaded.",
    fileTitle: "Choose a file",
    asOf: "Assessment date",
    asOfHint: "Up to the end of 2020 the household exit rules apply; from 2021 the monitoring rules.",
    asOfMissing: "Enter the assessment date (year-month-day) first.",
    province: "Province",
    provinceFromFile: "Each household's own province",
    boundary: "Exactly at a threshold",
    boundaryStrict: "Strict: does not meet it (default)",
    boundaryLenient: "Lenient: meets it",
    fileLabel: "Choose a file, or drop it here",
    fileHint: "CSV (one row per household member, Chinese or English headers; UTF-8 or Excel's GBK), JSON Lines and JSON arrays.",
    trySample: "Try the sample file",
    sampleAsOf: "The sample is assessed on 2019-12-31; the assessment date was set to 2019-12-31.",
    rerun: "Assess again with these settings",
    templateTitle: "Template and how to fill it in",
    templateIntro: "One row per household member; household facts (id, income, housing, …) are needed on the household's first row only. A household's rows must be consecutive with the same id. Headers may be Chinese or English; include only the columns you use. Required: id, province, relation, sex and birthDate.",
    templateZh: "Download the template (Chinese headers)",
    templateEn: "Download the template (English headers)",
    sampleFiles: "Sample files:",
    sampleUtf8: "UTF-8 sample (Yunnan 2019)",
    sampleGbk: "GBK-encoded sample (Guizhou 2019)",
    progressTitle: "Progress",
    progressLabel: "Households assessed",
    cancel: "Cancel",
    fileName: "File: {name} ({size})",
    loadingEngine: "Loading the assessment engine…",
    readingFile: "Reading the file…",
    progress: "{done} households assessed ({pct}% of the file read)",
    finished: "Done: {total} households",
    cancelled: "Cancelled. Choose a file again, or assess again with the current settings.",
    started: "Assessing {name}",
    gbkNote: "GBK encoding detected (Excel's CSV on Chinese Windows); the file was converted to UTF-8 before reading.",
    fileErrorTitle: "This file cannot be read",
    fileErrorHint: "Check it against the template: every column name must be one of the template's Chinese or English names, and the required columns must be there.",
    notUtf8Hint: "The file is neither UTF-8 nor GBK text. In Excel, use “Save as” → “CSV UTF-8 (comma delimited)”.",
    engineError: "The assessment stopped: {message}",
    resultsTitle: "Results",
    exportRows: "Export the results per household (CSV)",
    exportSummary: "Export the summary (JSON)",
    overallPass: "✓ All {n} indicators assessed are met",
    overallFail: "✗ {bad} of the {n} indicators assessed are not met",
    overallNone: "Under the rules that apply and with the facts in the file, there is no indicator to assess.",
    countsTitle: "Overview",
    households: "Households in the file",
    valid: "Households assessed",
    invalidN: "Households that could not be assessed",
    persons: "Persons assessed",
    registeredPoorPersons: "Registered poor persons",
    remainingPoorPersons: "Poor persons not yet meeting the exit standard",
    monitoredPersons: "Persons under monitoring",
    regime: "Rules",
    provinceUsed: "Province for the thresholds",
    western: " (western province)",
    lineUsed: "Income line",
    lineValue: "{amount} yuan per person per year ({n} households)",
    hh: "{n} households",
    hh1: "{n} household",
    ppl: "{n} persons",
    ppl1: "{n} person",
    breakdownTitle: "Outcomes",
    byVerdict: "Exit verdicts (poor households)",
    byCategory: "Monitoring categories",
    byElimination: "Risk elimination",
    byCause: "Causes (suggested)",
    nothing: "None",
    indicatorsTitle: "Indicators",
    colIndicator: "Indicator",
    colResult: "Result",
    colValue: "Value",
    colThreshold: "Standard",
    colBoundary: "Exactly at the standard",
    colBasis: "How it is counted",
    incidence: "Poverty incidence",
    wrongExit: "Wrong-exit rate",
    missed: "Missed-poor rate",
    recognition: "Public recognition",
    basisIncidence: "Poor persons not yet meeting the exit standard ÷ all persons",
    basisWrongExit: "Persons in sampled exited households that fail the standard ÷ persons sampled",
    basisMissed: "Persons in sampled non-poor households below the line ÷ persons sampled",
    basisRecognition: "Households that recognise the result ÷ households surveyed",
    notGivenIncidence: "Only under the 2016–2020 exit rules",
    notGivenWrongExit: "No household in the file is marked as a wrong-exit sample",
    notGivenMissed: "No household in the file is marked as a missed-poor sample",
    notGivenRecognition: "The file has no recognition survey answers",
    below: "below {t}",
    above: "above {t}",
    strictBelow: "Strict: exactly {t} is not met",
    strictAbove: "Strict: exactly {t} is not met",
    lenient: "Lenient: exactly {t} is met",
    pass: "Met",
    fail: "Not met",
    notApplicable: "Not applicable",
    fraction: "{num} / {den} {unit}",
    unitPersons: "persons",
    unitHouseholds: "households",
    unknownSample: "{n} more sampled households lack the facts to decide and are not counted",
    histTitle: "Income per person against the line",
    histAxis: "Income per person ÷ line",
    histCount: "Households",
    lineMark: "Line",
    histCaption: "{below} households below the line, {above} at or above it{unknown}. Bars group households by income per person as a multiple of the line, in steps of 0.25; the dashed line is the line.",
    histUnknown: ", {n} with incomplete income facts",
    binLabel: "{from}–{to} × line",
    binLast: "{from} × line or more",
    failTitle: "Failing checks (households)",
    failCaption: "{n} households fail at least one check (a household may fail several).",
    chartData: "Show the chart's data",
    colRange: "Income range",
    colHouseholds: "Households",
    colCheck: "Check",
    invalidTitle: "Rows that could not be assessed",
    invalidIntro: "{n} households could not be assessed and are left out of the summary. Correct the file at these lines and assess again.",
    invalidCapped: "The first {shown} are listed here.",
    colLine: "Line",
    colId: "Household",
    colField: "Column / field",
    colProblem: "Problem",
    rowsTitle: "Results per household",
    filterOutcome: "Outcome",
    filterFailing: "Failing check",
    sortLabel: "Sort",
    allOutcomes: "All ({n})",
    anyFailing: "Any",
    someFailing: "At least one fails",
    noneFailing: "All pass",
    sortLine: "File order",
    sortPcAsc: "Income per person, lowest first",
    sortPcDesc: "Income per person, highest first",
    sortPersonsDesc: "Persons, most first",
    sortPersonsAsc: "Persons, fewest first",
    rowsStatus: "Showing {from}–{to} of {matched} matching households",
    rowsNone: "No household matches.",
    pageInfo: "Page {page} of {pages}",
    prevPage: "Previous page",
    nextPage: "Next page",
    pagerLabel: "Pages",
    colVillage: "Village",
    colPersons: "Persons",
    colPerCapita: "Income per person (yuan)",
    colLineAmount: "Line (yuan)",
    colOutcome: "Outcome",
    colFailing: "Failing checks",
    colElimination: "Risk elimination",
    colCauses: "Causes (suggested)",
    colWarnings: "Warnings",
    rowsCaption: "Results per household",
    notAssessed: "Not registered poor; no exit test",
    notAbove: "not above the line",
    doneAnnounce: "Assessment done: {valid} households assessed, {invalid} could not be.",
    templateFailed: "Could not make the template: {message}",
    sampleFailed: "Could not read the sample file: {message}",
    none: "—",
  },
};

const CHECKS = ["income", "food", "clothing", "education", "medical", "housing", "water", "electricity"];
const INDICATORS = ["incidence", "wrongExit", "missed", "recognition"];
const PAGE_SIZE = 100;
const SORT_OPTIONS = [
  ["line:asc", "sortLine"], ["perCapita:asc", "sortPcAsc"], ["perCapita:desc", "sortPcDesc"],
  ["persons:desc", "sortPersonsDesc"], ["persons:asc", "sortPersonsAsc"],
];

function bt(key, values) {
  const s = TEXT[lang()][key] ?? TEXT["zh-CN"][key] ?? key;
  return values ? s.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m)) : s;
}

const codes = () => STRINGS[lang()].code;
const locale = () => (lang() === "en" ? "en" : "zh-CN");
const int = (n) => Number(n).toLocaleString(locale());
const yuan = (n) => (n === null || n === undefined ? bt("none") : Number(n).toLocaleString(locale(), { maximumFractionDigits: 2 }));
const pct = (x) => `${Number((x * 100).toFixed(4))}%`;
const $ = (id) => document.getElementById(id);
const hh = (n) => bt(n === 1 ? "hh1" : "hh", { n: int(n) });
const ppl = (n) => bt(n === 1 ? "ppl1" : "ppl", { n: int(n) });

function checkName(id) {
  return codes().check[id] ?? id;
}

function causeName(id) {
  return codes().cause[id] ?? id;
}

/** An outcome code (exit verdict or monitoring category) as icon + text, and its tone. */
function outcome(code) {
  const c = codes();
  const map = {
    ready: ["✓", c.verdict.ready, "pass"],
    not_ready: ["✗", c.verdict.not_ready, "fail"],
    incomplete: ["?", c.verdict.incomplete, "unknown"],
    not_assessed_for_exit: ["–", bt("notAssessed"), "neutral"],
    unstable_exited: ["!", c.category.unstable_exited, "fail"],
    marginal: ["!", c.category.marginal, "fail"],
    sudden_hardship: ["!", c.category.sudden_hardship, "fail"],
    none: ["✓", c.category.none, "pass"],
    unknown: ["?", c.category.unknown, "unknown"],
  };
  const [icon, text, tone] = map[code] ?? ["•", code, "neutral"];
  return { icon, text, tone };
}

function elimination(code) {
  const c = codes();
  const map = { eligible: ["✓", "pass"], not_eligible: ["✗", "fail"], incomplete: ["?", "unknown"] };
  const [icon, tone] = map[code] ?? ["•", "neutral"];
  return { icon, text: c.elimination[code] ?? code, tone };
}

function badge({ icon, text, tone }) {
  return h("span", { class: `badge ${tone}` }, h("span", { class: "icon", "aria-hidden": "true" }, icon), ` ${text}`);
}

// ---- state -----------------------------------------------------------------------------------

const state = {
  worker: null,
  run: 0,
  running: false,
  cancelTimer: 0,
  cancelling: null, // the run a cancel was sent for, until the worker confirms
  file: null, // { name, size, buffer }
  progress: null, // { phase, done, total }
  encoding: null,
  fileError: null,
  error: null,
  result: null, // the worker's "done" message
  cancelled: false,
  view: { page: 0, pages: 1, matched: 0, rows: [], seq: 0 },
  sort: { key: "line", dir: "asc" },
  outcome: "",
  failing: "",
};

function announce(text) {
  const live = $("live");
  live.textContent = "";
  // A change the screen reader notices even when the text repeats.
  setTimeout(() => {
    live.textContent = text;
  }, 50);
}

function ensureWorker() {
  if (state.worker) return state.worker;
  // A module Worker, or the page's own thread where module Workers are missing (batch-channel.js).
  state.worker = openBatchEngine(onWorkerMessage, (message) => {
    if (!state.running) return;
    state.running = false;
    state.error = message;
    renderProgress();
    renderError();
  });
  return state.worker;
}

function options() {
  const o = { asOf: $("as-of").value, lang: lang() };
  const province = $("province").value;
  if (province) o.province = province;
  if ($("boundary").value === "lenient") o.policy = { boundary: "lenient" };
  return o;
}

function validAsOf() {
  const input = $("as-of");
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(input.value);
  let msg = $("as-of-error");
  if (ok) {
    input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", "as-of-hint");
    msg?.remove();
    return true;
  }
  if (!msg) {
    msg = h("span", { class: "error", id: "as-of-error" });
    input.after(msg);
  }
  msg.textContent = bt("asOfMissing");
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", "as-of-error as-of-hint");
  input.focus();
  return false;
}

function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function startFile(file) {
  if (!file) return;
  const buffer = await file.arrayBuffer();
  start({ name: file.name, size: file.size, buffer });
}

function start(file) {
  if (!validAsOf()) return;
  if (state.running) cancel({ quiet: true });
  if (state.cancelling !== null) {
    // A cancelled run has not confirmed yet: do not wait for it.
    clearTimeout(state.cancelTimer);
    state.worker?.terminate();
    state.worker = null;
    state.cancelling = null;
  }
  state.file = file;
  state.run += 1;
  state.running = true;
  state.cancelled = false;
  state.progress = { phase: "loading", done: 0, total: 0 };
  state.encoding = null;
  state.fileError = null;
  state.error = null;
  state.result = null;
  state.outcome = "";
  state.failing = "";
  state.view = { page: 0, pages: 1, matched: 0, rows: [], seq: 0 };
  $("rerun").disabled = false;
  renderProgress();
  renderError();
  $("results").hidden = true;
  announce(bt("started", { name: file.name }));
  // The page keeps its copy (for "assess again"); the worker gets its own, transferred.
  const copy = file.buffer.slice(0);
  ensureWorker().postMessage({ type: "start", run: state.run, buffer: copy, name: file.name, format: null, options: options() }, [copy]);
}

function cancel({ quiet } = {}) {
  if (!state.running) return;
  const run = state.run;
  state.run += 1; // everything the worker still says about this run is ignored
  state.running = false;
  state.cancelled = !quiet;
  const w = state.worker;
  if (quiet) {
    // A new file replaces the running one: start afresh rather than wait for the old run to stop.
    w.terminate();
    state.worker = null;
    return;
  }
  w.postMessage({ type: "cancel", run });
  // The worker stops at its next pause between chunks; if it is inside a long step, end it.
  clearTimeout(state.cancelTimer);
  state.cancelTimer = setTimeout(() => {
    if (state.worker === w && state.cancelling === run) {
      w.terminate();
      state.worker = null;
    }
  }, 400);
  state.cancelling = run;
  renderProgress();
  announce(bt("cancelled"));
}

function onWorkerMessage(m) {
  if (m.type === "template") {
    if (m.error) announce(bt("templateFailed", { message: m.error }));
    else download(m.chinese ? "tuopin-template-zh.csv" : "tuopin-template-en.csv", `\uFEFF${m.text}\r\n`, "text/csv;charset=utf-8");
    return;
  }
  if (m.type === "cancelled" && m.run === state.cancelling) {
    clearTimeout(state.cancelTimer);
    state.cancelling = null;
    return;
  }
  if (m.run !== state.run) return;
  switch (m.type) {
    case "phase":
      state.progress = { ...state.progress, phase: m.phase };
      renderProgress();
      break;
    case "encoding":
      state.encoding = m.encoding;
      renderProgress();
      break;
    case "progress":
      state.progress = { phase: "assessing", done: m.done, fraction: m.fraction };
      renderProgress();
      break;
    case "fileError":
      state.running = false;
      state.fileError = m;
      state.progress = null;
      renderProgress();
      renderError();
      break;
    case "error":
      state.running = false;
      state.error = m.message;
      renderProgress();
      renderError();
      break;
    case "done":
      state.running = false;
      state.result = m;
      state.progress = { phase: "done", done: m.total, total: m.total };
      renderProgress();
      renderResults();
      query(0);
      announce(bt("doneAnnounce", { valid: int(m.summary.valid), invalid: int(m.summary.invalid) }));
      break;
    case "page":
      if (m.seq !== state.view.seq) return;
      state.view = { ...state.view, page: m.page, pages: m.pages, matched: m.matched, rows: m.rows };
      renderTable();
      break;
    case "csv":
      download("tuopin-batch-rows.csv", m.text, "text/csv;charset=utf-8");
      break;
    default:
      break;
  }
}

function query(page) {
  if (!state.result || !state.worker) return;
  state.view.seq += 1;
  state.worker.postMessage({
    type: "query", run: state.run, seq: state.view.seq, page, pageSize: PAGE_SIZE,
    sort: state.sort, outcome: state.outcome, failing: state.failing,
  });
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// ---- rendering: file, progress and errors -----------------------------------------------------

function renderProgress() {
  const panel = $("progress-panel");
  const p = state.progress;
  const bar = $("progress");
  const text = $("progress-text");
  panel.hidden = !state.file || (!p && !state.cancelled);
  if (state.file) $("file-name").textContent = bt("fileName", { name: state.file.name, size: formatSize(state.file.size) });
  const note = $("encoding-note");
  note.hidden = state.encoding !== "gbk";
  note.textContent = state.encoding === "gbk" ? bt("gbkNote") : "";
  $("cancel").hidden = !state.running;
  if (state.cancelled) {
    bar.max = 1;
    bar.value = 0;
    text.textContent = bt("cancelled");
    return;
  }
  if (!p) return;
  if (p.phase === "loading" || p.phase === "reading") {
    bar.removeAttribute("value"); // indeterminate until the number of households is known
    text.textContent = bt(p.phase === "loading" ? "loadingEngine" : "readingFile");
  } else if (p.phase === "done") {
    bar.max = 1;
    bar.value = 1;
    text.textContent = bt("finished", { total: int(p.total) });
  } else {
    // The file is read while it is assessed: the bar is the share of the file done.
    bar.max = 1;
    bar.value = p.fraction;
    text.textContent = bt("progress", { done: int(p.done), pct: Math.floor(p.fraction * 100) });
  }
  if (state.error) text.textContent = bt("engineError", { message: state.error });
}

function renderError() {
  const box = $("file-error");
  const fe = state.fileError;
  if (!fe && !state.error) {
    box.hidden = true;
    setChildren(box);
    return;
  }
  box.hidden = false;
  if (state.error) {
    setChildren(box, h("h2", { text: bt("fileErrorTitle") }), h("p", { text: bt("engineError", { message: state.error }) }));
    return;
  }
  const problems = fe.fileProblems?.length ? fe.fileProblems : (fe.problems ?? []).map((p) => ({ code: p.code, message: p.message }));
  const codesSeen = new Set(problems.map((p) => p.code));
  const hint = codesSeen.has("not_utf8") || codesSeen.has("gbk_encoding") ? "notUtf8Hint"
    : codesSeen.has("unknown_column") || codesSeen.has("missing_column") ? "fileErrorHint" : null;
  setChildren(box,
    h("h2", { text: bt("fileErrorTitle") }),
    problems.length
      ? h("ul", {}, problems.map((p) => h("li", { "data-code": p.code ?? "" }, p.message)))
      : h("p", { text: fe.message }),
    hint ? h("p", { class: "hint", text: bt(hint) }) : null,
  );
}

// ---- rendering: results --------------------------------------------------------------------------

function renderResults() {
  const r = state.result;
  const results = $("results");
  if (!r) {
    results.hidden = true;
    return;
  }
  results.hidden = false;
  const s = r.summary;
  renderOverall(s);
  renderCounts(s, r);
  renderBreakdown(s);
  renderIndicators(s);
  renderCharts();
  renderInvalid(r);
  renderFilters();
  renderTable();
}

function renderOverall(s) {
  const present = INDICATORS.map((k) => s.indicators[k]).filter(Boolean);
  const el = $("overall");
  el.className = "overall";
  if (!present.length) {
    el.textContent = bt("overallNone");
    return;
  }
  const bad = present.filter((i) => i.status !== "pass").length;
  el.classList.add(bad ? "fail" : "pass");
  el.textContent = bad ? bt("overallFail", { n: present.length, bad }) : bt("overallPass", { n: present.length });
}

function renderCounts(s, r) {
  const c = codes();
  const items = [
    ["households", hh(s.households)],
    ["valid", hh(s.valid)],
    ["invalidN", hh(s.invalid)],
    ["persons", ppl(s.persons)],
  ];
  if (s.regime === "exit_2016") {
    items.push(["registeredPoorPersons", ppl(s.registeredPoorPersons)]);
    items.push(["remainingPoorPersons", ppl(s.remainingPoorPersons)]);
  } else {
    items.push(["monitoredPersons", ppl(s.monitoredPersons)]);
  }
  items.push(["regime", c.regime[s.regime] ?? s.regime]);
  if (s.province) items.push(["provinceUsed", `${provinceName(s.province, lang())}${s.western ? bt("western") : ""}`]);
  for (const l of (r.lines ?? []).slice(0, 3)) items.push(["lineUsed", bt("lineValue", { amount: yuan(l.amount), n: int(l.households) })]);
  setChildren($("counts"), ...items.flatMap(([k, v]) => [h("dt", { text: bt(k) }), h("dd", { "data-key": k, text: v })]));
}

function renderBreakdown(s) {
  const c = codes();
  const groups = [
    ["byVerdict", s.byVerdict, (k) => badge(outcome(k))],
    ["byCategory", s.byCategory, (k) => badge(outcome(k))],
    ["byElimination", s.byElimination, (k) => badge(elimination(k))],
    ["byCause", s.causes, (k) => c.cause[k] ?? k],
  ];
  const parts = [];
  for (const [title, map, label] of groups) {
    const entries = Object.entries(map ?? {}).sort((a, b) => b[1] - a[1]);
    if (!entries.length && title !== "byCause") continue;
    parts.push(h("h4", { text: bt(title) }));
    parts.push(entries.length
      ? h("ul", { class: "tally", "data-group": title }, entries.map(([k, n]) => h("li", { "data-code": k }, label(k), h("span", { class: "n", text: hh(n) }))))
      : h("p", { class: "hint", text: bt("nothing") }));
  }
  setChildren($("breakdown"), ...parts);
}

function renderIndicators(s) {
  const head = h("thead", {}, h("tr", {}, ["colIndicator", "colResult", "colValue", "colThreshold", "colBoundary", "colBasis"].map((k) => h("th", { scope: "col", text: bt(k) }))));
  const body = h("tbody");
  const basis = { incidence: "basisIncidence", wrongExit: "basisWrongExit", missed: "basisMissed", recognition: "basisRecognition" };
  const notGiven = { incidence: "notGivenIncidence", wrongExit: "notGivenWrongExit", missed: "notGivenMissed", recognition: "notGivenRecognition" };
  for (const k of INDICATORS) {
    const ind = s.indicators[k];
    const label = (key) => bt(key);
    if (!ind) {
      body.append(h("tr", { "data-indicator": k, class: "absent" },
        h("th", { scope: "row", text: bt(k) }),
        h("td", { "data-label": label("colResult") }, badge({ icon: "–", text: bt("notApplicable"), tone: "neutral" })),
        h("td", { "data-label": label("colValue"), colspan: "4", text: bt(notGiven[k]) })));
      continue;
    }
    const t = pct(ind.threshold);
    const status = ind.status === "pass"
      ? { icon: "✓", text: bt("pass"), tone: "pass" }
      : { icon: "✗", text: bt("fail"), tone: "fail" };
    const unit = bt(ind.unit === "households" ? "unitHouseholds" : "unitPersons");
    const value = ind.denominator > 0 ? `${((ind.numerator / ind.denominator) * 100).toFixed(2)}%` : bt("none");
    body.append(h("tr", { "data-indicator": k, "data-status": ind.status },
      h("th", { scope: "row", text: bt(k) }),
      h("td", { "data-label": label("colResult") }, badge(status)),
      h("td", { "data-label": label("colValue") },
        h("strong", { class: "value", text: value }), " ",
        h("span", { class: "fraction", text: `(${bt("fraction", { num: int(ind.numerator), den: int(ind.denominator), unit })})` }),
        ind.unknown ? h("span", { class: "hint block", text: bt("unknownSample", { n: int(ind.unknown) }) }) : null),
      h("td", { "data-label": label("colThreshold"), class: "threshold", text: bt(ind.comparison === "below" ? "below" : "above", { t }) }),
      h("td", { "data-label": label("colBoundary"), text: ind.boundary === "lenient" ? bt("lenient", { t }) : bt(ind.comparison === "below" ? "strictBelow" : "strictAbove", { t }) }),
      h("td", { "data-label": label("colBasis"), class: "hint", text: bt(basis[k]) })));
  }
  setChildren($("indicators"), h("caption", { class: "visually-hidden", text: bt("indicatorsTitle") }), head, body);
}

function renderInvalid(r) {
  const panel = $("invalid-panel");
  panel.hidden = r.invalidCount === 0;
  if (!r.invalidCount) return;
  $("invalid-intro").textContent = bt("invalidIntro", { n: int(r.invalidCount) })
    + (r.invalid.length < r.invalidCount ? ` ${bt("invalidCapped", { shown: int(r.invalid.length) })}` : "");
  const head = h("thead", {}, h("tr", {}, ["colLine", "colId", "colField", "colProblem"].map((k) => h("th", { scope: "col", text: bt(k) }))));
  const body = h("tbody");
  for (const row of r.invalid) {
    const problems = row.problems.length ? row.problems : [{ path: "", code: "", message: "" }];
    for (const p of problems) {
      // Problems found in a CSV cell say where: "[line 7, 出生日期] members[0].birthDate: …".
      const m = /^\[line (\d+), ([^\]]*)\]\s*(.*)$/s.exec(p.message);
      const line = m ? Number(m[1]) : row.row;
      const column = m ? m[2] : "";
      let message = m ? m[3] : p.message;
      if (message.startsWith(`${p.path}:`)) message = message.slice(p.path.length + 1).trim();
      body.append(h("tr", { "data-line": line, "data-code": p.code },
        h("td", { "data-label": bt("colLine"), class: "num", text: int(line) }),
        h("td", { "data-label": bt("colId"), text: row.householdId ?? bt("none") }),
        h("td", { "data-label": bt("colField") },
          column ? h("span", { class: "column", text: column }) : null,
          column && p.path ? " " : null,
          p.path ? h("code", { text: p.path }) : null,
          !column && !p.path ? bt("none") : null),
        h("td", { "data-label": bt("colProblem"), text: message })));
    }
  }
  setChildren($("invalid"), h("caption", { class: "visually-hidden", text: bt("invalidTitle") }), head, body);
}

function renderFilters() {
  const r = state.result;
  const s = r.summary;
  const total = Object.values(r.outcomes).reduce((a, b) => a + b, 0);
  const outcomeSel = $("filter-outcome");
  setChildren(outcomeSel,
    h("option", { value: "", text: bt("allOutcomes", { n: int(total) }) }),
    ...Object.entries(r.outcomes).sort((a, b) => b[1] - a[1]).map(([k, n]) => h("option", { value: k, text: `${outcome(k).text}(${int(n)})` })),
  );
  outcomeSel.value = state.outcome;
  const failingSel = $("filter-failing");
  const checks = CHECKS.filter((c) => s.failingChecks[c]);
  setChildren(failingSel,
    h("option", { value: "", text: bt("anyFailing") }),
    h("option", { value: "any", text: bt("someFailing") }),
    h("option", { value: "none", text: bt("noneFailing") }),
    ...checks.map((c) => h("option", { value: c, text: `${checkName(c)}(${int(s.failingChecks[c])})` })),
  );
  failingSel.value = state.failing;
  const sortSel = $("sort");
  setChildren(sortSel, ...SORT_OPTIONS.map(([v, k]) => h("option", { value: v, text: bt(k) })));
  sortSel.value = `${state.sort.key}:${state.sort.dir}`;
}

function renderTable() {
  const r = state.result;
  if (!r) return;
  const v = state.view;
  const showElim = Object.keys(r.summary.byElimination ?? {}).length > 0;
  const sortable = (key, labelKey) => {
    const active = state.sort.key === key;
    const th = h("th", { scope: "col", "aria-sort": active ? (state.sort.dir === "asc" ? "ascending" : "descending") : "none" },
      h("button", { type: "button", class: "sort-button", "data-sort": key },
        bt(labelKey),
        h("span", { class: "sort-icon", "aria-hidden": "true", text: active ? (state.sort.dir === "asc" ? " ▲" : " ▼") : " ⇅" })));
    return th;
  };
  const cols = [
    h("th", { scope: "col", text: bt("colLine") }),
    h("th", { scope: "col", text: bt("colId") }),
    h("th", { scope: "col", text: bt("colVillage") }),
    sortable("persons", "colPersons"),
    sortable("perCapita", "colPerCapita"),
    h("th", { scope: "col", text: bt("colLineAmount") }),
    h("th", { scope: "col", text: bt("colOutcome") }),
    h("th", { scope: "col", text: bt("colFailing") }),
    showElim ? h("th", { scope: "col", text: bt("colElimination") }) : null,
    h("th", { scope: "col", text: bt("colCauses") }),
    h("th", { scope: "col", text: bt("colWarnings") }),
  ];
  const body = h("tbody");
  for (const row of v.rows) {
    const below = row.perCapita !== null && row.perCapita !== undefined && row.perCapita <= row.lineAmount;
    body.append(h("tr", { "data-id": row.id ?? "", "data-outcome": row.outcome },
      h("td", { "data-label": bt("colLine"), class: "num", text: int(row.line) }),
      h("th", { scope: "row", "data-label": bt("colId"), text: row.id ?? bt("none") }),
      h("td", { "data-label": bt("colVillage"), text: row.village ?? bt("none") }),
      h("td", { "data-label": bt("colPersons"), class: "num", text: int(row.persons) }),
      h("td", { "data-label": bt("colPerCapita"), class: `num${below ? " below" : ""}`, "data-value": row.perCapita ?? "" },
        yuan(row.perCapita),
        below ? h("span", { class: "flag", title: bt("notAbove") }, h("span", { "aria-hidden": "true", text: " ▼" }), h("span", { class: "visually-hidden", text: ` ${bt("notAbove")}` })) : null),
      h("td", { "data-label": bt("colLineAmount"), class: "num", text: yuan(row.lineAmount) }),
      h("td", { "data-label": bt("colOutcome") }, badge(outcome(row.outcome))),
      h("td", { "data-label": bt("colFailing"), class: "failing", text: row.failing.length ? row.failing.map(checkName).join("、") : bt("none") }),
      showElim ? h("td", { "data-label": bt("colElimination") }, row.elimination ? badge(elimination(row.elimination)) : bt("none")) : null,
      h("td", { "data-label": bt("colCauses"), text: row.causes.length ? row.causes.map(causeName).join("、") : bt("none") }),
      h("td", { "data-label": bt("colWarnings"), class: "num", text: int(row.warnings) })));
  }
  setChildren($("rows"), h("caption", { class: "visually-hidden", text: bt("rowsCaption") }), h("thead", {}, h("tr", {}, cols)), body);
  const from = v.matched ? v.page * PAGE_SIZE + 1 : 0;
  const to = Math.min(v.matched, (v.page + 1) * PAGE_SIZE);
  $("rows-status").textContent = v.matched ? bt("rowsStatus", { from: int(from), to: int(to), matched: int(v.matched) }) : bt("rowsNone");
  $("page-info").textContent = bt("pageInfo", { page: int(v.page + 1), pages: int(v.pages) });
  $("prev-page").disabled = v.page <= 0;
  $("next-page").disabled = v.page >= v.pages - 1;
  if (state.focusSort) {
    // The header was rebuilt: keep the keyboard on the button that was pressed.
    $("rows").querySelector(`button[data-sort="${state.focusSort}"]`)?.focus();
    state.focusSort = null;
  }
}

// ---- charts: plain SVG built with DOM calls ---------------------------------------------------

// The page's markup holds each chart's <svg> (parsed into the SVG namespace); its children are
// created in the same namespace.
const SVG_NS = document.querySelector("svg.chart-svg").namespaceURI;

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** The chart's <svg>, emptied and sized to w × h, with its accessible name. */
function chartRoot(host, w, hgt, label) {
  const root = host.querySelector("svg.chart-svg");
  setChildren(root);
  for (const [k, v] of Object.entries({ width: w, height: hgt, viewBox: `0 0 ${w} ${hgt}`, role: "img", "aria-label": label })) root.setAttribute(k, String(v));
  root.removeAttribute("aria-hidden");
  return root;
}

/** A round axis maximum: 1, 2, 5 × 10^k at or above n. */
function niceMax(n) {
  if (n <= 4) return Math.max(1, n);
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

function binRange(i, hist) {
  const from = i * hist.binWidth;
  const fmt = (x) => Number(x.toFixed(2)).toLocaleString(locale());
  return i === hist.bins.length - 1 ? bt("binLast", { from: fmt(from) }) : bt("binLabel", { from: fmt(from), to: fmt(from + hist.binWidth) });
}

function histogramCounts(hist) {
  const atLine = Math.round(1 / hist.binWidth);
  const below = hist.bins.slice(0, atLine).reduce((a, b) => a + b, 0);
  const above = hist.bins.slice(atLine).reduce((a, b) => a + b, 0);
  return { below, above, atLine };
}

/** The charts' text size in px: 0.875rem, so that it follows the page's text size (大字, zoom). */
function chartFont() {
  return 0.875 * (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16);
}

/** Width of an SVG text already in the document (an estimate when it cannot be measured). */
function textWidth(el, fpx) {
  try {
    const w = el.getComputedTextLength();
    if (w > 0) return w;
  } catch {
    /* not rendered */
  }
  return [...el.textContent].reduce((a, c) => a + (c.charCodeAt(0) > 0x2e80 ? fpx : 0.6 * fpx), 0);
}

/**
 * Breaks an SVG text that is wider than maxW into lines (tspans) at spaces, or between characters
 * in Chinese; returns the height added below its first line.
 */
function wrapText(el, maxW, fpx) {
  if (textWidth(el, fpx) <= maxW) return 0;
  const full = el.textContent;
  const tokens = full.includes(" ") ? full.split(/(?<= )/) : [...full];
  const x = el.getAttribute("x");
  el.textContent = "";
  const lines = [];
  let line = "";
  const probe = svg("tspan", {});
  el.append(probe);
  for (const t of tokens) {
    probe.textContent = line + t;
    if (line && textWidth(el, fpx) > maxW) {
      lines.push(line);
      line = t.trimStart();
    } else {
      line += t;
    }
  }
  lines.push(line);
  setChildren(el, ...lines.map((l, i) => svg("tspan", { x, dy: i ? `${1.2}em` : "0" }, l.trim())));
  return (lines.length - 1) * fpx * 1.2;
}

function renderHistogram() {
  const hist = state.result.histogram;
  const host = $("hist-chart");
  const fpx = chartFont();
  const W = Math.max(240, Math.floor(host.clientWidth || 320));
  const top = niceMax(Math.max(...hist.bins, 1));
  const { below, above, atLine } = histogramCounts(hist);
  const caption = bt("histCaption", { below: int(below), above: int(above), unknown: hist.unknown ? bt("histUnknown", { n: int(hist.unknown) }) : "" });
  const m = { l: Math.ceil(fpx * 0.62 * int(top).length + 12), r: 4, t: Math.ceil(fpx * 2.6), b: Math.ceil(fpx * 3.4) };
  const ph = Math.max(140, Math.round(fpx * 11));
  const H = m.t + ph + m.b;
  const root = chartRoot(host, W, H, `${bt("histTitle")}: ${caption}`);
  const n = hist.bins.length; // the last bin is "3× and more", drawn after a small gap
  const slot = (W - m.l - m.r) / (n + 0.5);
  const x = (i) => m.l + (i < n - 1 ? i : i + 0.5) * slot;
  const y = (v) => m.t + ph - (v / top) * ph;
  // y axis: 0, half, top
  for (const v of [0, top / 2, top]) {
    root.append(svg("line", { x1: m.l, x2: W - m.r, y1: y(v), y2: y(v), class: v === 0 ? "axis" : "grid" }));
    root.append(svg("text", { x: m.l - 6, y: y(v) + fpx * 0.35, "text-anchor": "end", class: "tick" }, int(Number.isInteger(v) ? v : Number(v.toFixed(1)))));
  }
  root.append(svg("text", { x: 0, y: fpx, class: "axis-title" }, bt("histCount")));
  hist.bins.forEach((count, i) => {
    root.append(svg("rect", {
      x: x(i) + 1, y: y(count), width: Math.max(1, slot - 2), height: Math.max(0, y(0) - y(count)),
      class: `bar ${i < atLine ? "below" : "above"}`, "data-bin": i, "data-count": count,
    }, svg("title", {}, `${binRange(i, hist)}: ${hh(count)}`)));
  });
  // x ticks at 0, 1×, 2× and the open last bin
  const tickY = y(0) + fpx * 1.3;
  for (const [i, label] of [[0, "0"], [atLine, "1×"], [2 * atLine, "2×"]]) {
    root.append(svg("line", { x1: x(i), x2: x(i), y1: y(0), y2: y(0) + 5, class: "axis" }));
    root.append(svg("text", { x: x(i), y: tickY, "text-anchor": "middle", class: "tick" }, label));
  }
  root.append(svg("text", { x: W - m.r, y: tickY, "text-anchor": "end", class: "tick" }, "≥3×"));
  const axisTitle = svg("text", { x: W / 2, y: H - fpx * 0.4, "text-anchor": "middle", class: "axis-title" }, bt("histAxis"));
  root.append(axisTitle);
  const extra = wrapText(axisTitle, W, fpx);
  if (extra) {
    // Wrapped on a narrow screen with large text: the chart grows to hold the second line.
    axisTitle.setAttribute("y", String(H - fpx * 0.4));
    root.setAttribute("height", String(H + extra));
    root.setAttribute("viewBox", `0 0 ${W} ${H + extra}`);
  }
  // the line itself, labelled on whichever side has room
  const lx = x(atLine);
  root.append(svg("line", { x1: lx, x2: lx, y1: m.t - fpx * 0.9, y2: y(0), class: "line-mark" }));
  const label = svg("text", { x: lx + 4, y: m.t - fpx * 1.1, class: "line-label" }, bt("lineMark"));
  root.append(label);
  const lw = textWidth(label, fpx);
  if (lx + 4 + lw > W) {
    label.setAttribute("x", String(Math.max(lw, lx - 4)));
    label.setAttribute("text-anchor", "end");
  }
  $("hist-caption").textContent = caption;
  const rows = hist.bins.map((count, i) => h("tr", {}, h("th", { scope: "row", text: binRange(i, hist) }), h("td", { class: "num", text: int(count) })));
  setChildren($("hist-table"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: bt("colRange") }), h("th", { scope: "col", text: bt("colHouseholds") }))),
    h("tbody", {}, rows));
}

function renderFailChart() {
  const s = state.result.summary;
  const host = $("fail-chart");
  const fpx = chartFont();
  const W = Math.max(240, Math.floor(host.clientWidth || 320));
  const data = CHECKS.map((c, i) => ({ c, i, n: s.failingChecks[c] ?? 0 })).sort((a, b) => b.n - a.n || a.i - b.i);
  const top = Math.max(1, ...data.map((d) => d.n));
  const label = `${bt("failTitle")}: ${data.map((d) => `${checkName(d.c)} ${d.n}`).join(", ")}`;
  const countW = fpx * 0.62 * int(top).length + 10;
  // Labels beside the bars when they fit in 40% of the width, else above each bar.
  let root = chartRoot(host, W, 10, label);
  const probes = data.map((d) => {
    const t = svg("text", { class: "label" }, checkName(d.c));
    root.append(t);
    return textWidth(t, fpx);
  });
  const labelW = Math.ceil(Math.max(...probes)) + 4;
  const beside = labelW <= W * 0.4;
  const barH = Math.round(fpx * 1.3);
  const rowH = beside ? Math.round(fpx * 2.1) : Math.round(fpx * 1.5 + barH + fpx * 0.6);
  const H = data.length * rowH + 8;
  root = chartRoot(host, W, H, label);
  const x0 = beside ? labelW + 8 : 0;
  const bw = W - x0 - countW;
  data.forEach((d, k) => {
    const yTop = 4 + k * rowH;
    const barY = beside ? yTop + (rowH - barH) / 2 : yTop + fpx * 1.4;
    const w = (d.n / top) * bw;
    root.append(beside
      ? svg("text", { x: labelW, y: barY + barH / 2 + fpx * 0.35, "text-anchor": "end", class: "label" }, checkName(d.c))
      : svg("text", { x: 0, y: yTop + fpx * 1.05, class: "label" }, checkName(d.c)));
    root.append(svg("rect", { x: x0, y: barY, width: Math.max(d.n ? 2 : 0, w), height: barH, class: "bar fail-bar", "data-check": d.c, "data-count": d.n },
      svg("title", {}, `${checkName(d.c)}: ${hh(d.n)}`)));
    root.append(svg("text", { x: x0 + w + 6, y: barY + barH / 2 + fpx * 0.35, class: "count" }, int(d.n)));
  });
  if (beside) root.append(svg("line", { x1: x0, x2: x0, y1: 2, y2: H - 2, class: "axis" }));
  $("fail-caption").textContent = bt("failCaption", { n: int(state.result.failingHouseholds ?? 0) });
  setChildren($("fail-table"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col", text: bt("colCheck") }), h("th", { scope: "col", text: bt("colHouseholds") }))),
    h("tbody", {}, data.map((d) => h("tr", {}, h("th", { scope: "row", text: checkName(d.c) }), h("td", { class: "num", text: int(d.n) })))));
}

function renderCharts() {
  if (!state.result) return;
  renderHistogram();
  renderFailChart();
}

// ---- static texts and wiring ----------------------------------------------------------------------

function applyTexts() {
  for (const el of document.querySelectorAll("[data-b]")) el.textContent = bt(el.dataset.b);
  for (const el of document.querySelectorAll("[data-b-aria-label]")) el.setAttribute("aria-label", bt(el.dataset.bAriaLabel));
  document.title = `${bt("pageTitle")} · ${lang() === "en" ? "tuopin poverty assessment" : "脱贫评估 tuopin"}`;
  const sel = $("province");
  const current = sel.value;
  setChildren(sel, h("option", { value: "", text: bt("provinceFromFile") }),
    ...PROVINCE_CODES.map((c) => h("option", { value: c, text: `${provinceName(c, lang())} (${c})` })));
  sel.value = current;
  if ($("as-of-error")) $("as-of-error").textContent = bt("asOfMissing");
}

/** The header template comes from the batch engine (in the Worker where there is one). */
function downloadTemplate(chinese) {
  ensureWorker().postMessage({ type: "template", chinese });
}

async function trySample() {
  try {
    const res = await fetch("samples/batch-sample.csv");
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const buffer = await res.arrayBuffer();
    if ($("as-of").value !== "2019-12-31") {
      $("as-of").value = "2019-12-31";
      announce(bt("sampleAsOf"));
    }
    start({ name: "batch-sample.csv", size: buffer.byteLength, buffer });
  } catch (e) {
    announce(bt("sampleFailed", { message: e.message }));
  }
}

function wire() {
  $("file").addEventListener("change", (e) => startFile(e.target.files?.[0]));
  const zone = $("dropzone");
  let depth = 0;
  zone.addEventListener("dragenter", (e) => {
    e.preventDefault();
    depth += 1;
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
  });
  zone.addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (!depth) zone.classList.remove("dragging");
  });
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    depth = 0;
    zone.classList.remove("dragging");
    startFile(e.dataTransfer?.files?.[0]);
  });
  // A file dropped beside the zone is not opened by the browser (which would leave the page).
  for (const t of ["dragover", "drop"]) document.addEventListener(t, (e) => {
    if (!zone.contains(e.target)) e.preventDefault();
  });
  $("try-sample").addEventListener("click", trySample);
  $("rerun").addEventListener("click", () => state.file && start(state.file));
  $("cancel").addEventListener("click", () => cancel());
  $("template-zh").addEventListener("click", () => downloadTemplate(true));
  $("template-en").addEventListener("click", () => downloadTemplate(false));
  $("export-rows").addEventListener("click", () => state.result && state.worker?.postMessage({ type: "exportCsv", run: state.run }));
  $("export-summary").addEventListener("click", () => {
    if (state.result) download("tuopin-batch-summary.json", `${JSON.stringify(state.result.summary, null, 2)}\n`, "application/json");
  });
  $("filter-outcome").addEventListener("change", (e) => {
    state.outcome = e.target.value;
    query(0);
  });
  $("filter-failing").addEventListener("change", (e) => {
    state.failing = e.target.value;
    query(0);
  });
  $("sort").addEventListener("change", (e) => {
    const [key, dir] = e.target.value.split(":");
    state.sort = { key, dir };
    query(0);
  });
  $("rows").addEventListener("click", (e) => {
    const b = e.target.closest("button[data-sort]");
    if (!b) return;
    const key = b.dataset.sort;
    state.sort = state.sort.key === key
      ? { key, dir: state.sort.dir === "asc" ? "desc" : "asc" }
      : { key, dir: key === "persons" ? "desc" : "asc" };
    $("sort").value = `${state.sort.key}:${state.sort.dir}`;
    state.focusSort = key;
    query(0);
  });
  $("prev-page").addEventListener("click", () => query(state.view.page - 1));
  $("next-page").addEventListener("click", () => query(state.view.page + 1));
  $("as-of").addEventListener("change", () => {
    if ($("as-of-error")) validAsOf();
  });
  document.addEventListener("site-lang", () => {
    applyTexts();
    renderProgress();
    renderError();
    if (state.result) renderResults();
  });
  // Charts are drawn at the width they get, so that their text stays legible on a phone.
  let width = 0;
  let timer = 0;
  new ResizeObserver((entries) => {
    const w = Math.round(entries[0]?.contentRect.width ?? 0);
    if (w === width) return;
    width = w;
    clearTimeout(timer);
    timer = setTimeout(renderCharts, 80);
  }).observe($("hist-chart"));
  // 大字 and the theme change the root's class and attributes: the charts' text size follows.
  new MutationObserver(() => renderCharts()).observe(document.documentElement, { attributes: true, attributeFilter: ["class", "style", "data-theme"] });
}

applyTexts();
wire();
