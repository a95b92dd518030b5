// Shared by every page of the demo: language switch (zh-CN default, English), high-contrast theme
// and larger text, each remembered in localStorage; the page's static texts in both languages.
// No inline script anywhere: every page loads this module with <script type="module" src>.

const KEY = { lang: "tuopin-site:lang", contrast: "tuopin-site:contrast", text: "tuopin-site:text" };

const TEXT = {
  "zh-CN": {
    skip: "跳到正文",
    brand: "脱贫评估 tuopin",
    navLabel: "主导航",
    navSelfCheck: "户情况自查",
    navTraining: "规则培训",
    navPolicies: "政策参数",
    navBatch: "批量评估",
    prefsLabel: "显示设置",
    contrast: "高对比度",
    textLarge: "大字",
    footer: "所有计算都在您的浏览器中完成，填写的内容不会发送到任何服务器。结果仅供自查和培训参考，以有关部门正式认定为准。",
    updateReady: "新版本已下载好。为了不打断您正在填写的内容，页面不会自动切换；重新加载后使用新版本，未保存的填写会清空。",
    updateReload: "重新加载，使用新版本",
    // How pieces of text are joined (full-width punctuation in Chinese, GB/T 15834).
    labelled: "{label}：{text}",
    paren: "{text}（{note}）",
    sentences: "{a}。{b}",
    listSep: "；",
    // self-check page
    selfTitle: "户情况自查",
    selfIntro: "按评估日期适用的规则，核对一户能否脱贫退出（2016–2020 年）或是否需要纳入防返贫监测、能否标注风险消除（2021 年起）。适合驻村干部和帮扶责任人在手机上使用。",
    samplesTitle: "示例户（载入后可直接评估）",
    samplesIntro: "选一个示例户载入下面的表单（会替换当前填写的内容），然后点“开始评估”。",
    loadSample: "载入",
    fileTitle: "导入与导出",
    importLabel: "从本机文件导入一户（JSON）",
    importHint: "文件只在本机读取，不会上传。",
    exportButton: "把当前填写导出为 JSON 文件",
    importDone: "已导入文件：{name}",
    importFailed: "无法导入：{reason}",
    sampleLoaded: "已载入示例户：{title}",
    policyTitle: "自定义政策参数（选填）",
    policyIntro: "县里有自己的监测线或扶贫标准时，在这里填写，评估会使用这些值，并在结果中注明。",
    monitoringLine: "监测线（元/人·年）",
    povertyLine: "扶贫标准（元/人·年）",
    boundary: "正好等于标准线时",
    boundaryStrict: "严格：不算超过（默认）",
    boundaryLenient: "宽松：算作超过",
    applyPolicy: "应用参数",
    policyApplied: "已应用自定义参数：{list}",
    policyCleared: "未使用自定义参数",
    hostNoteIdle: "",
    hostNote: "页面收到评估结果：{verdict}",
    hostInvalid: "页面收到提示：有 {n} 处需要修改",
    // training page
    trainTitle: "规则培训：先判断，再看规则",
    trainIntro: "每道题是一户的真实边界情形。先根据情况选出您的判断，再看评估引擎的结论、适用的规则和出处。得分只保存在本机。",
    score: "得分：{right} / {answered}（共 {total} 题）",
    resetScore: "重新开始计分",
    scoreReset: "已清除得分",
    question: "第 {n} 题 / 共 {total} 题",
    prev: "上一题",
    next: "下一题",
    yourAnswer: "您的判断",
    submitAnswer: "提交判断",
    chooseFirst: "请先选择一个答案。",
    correct: "判断正确",
    wrong: "判断有误",
    engineSays: "评估引擎的结论：{answer}",
    yourChoice: "您的选择：{answer}",
    ruleTitle: "规则",
    sourceTitle: "出处",
    checkReasons: "引擎给出的理由",
    blockers: "未通过的条件",
    facts: "关键情况",
    showData: "查看完整的户数据（JSON）",
    askExit: "这户能否在评估年度脱贫退出？",
    askCategory: "这户属于哪类防返贫监测对象？",
    askElimination: "能否为这户标注风险消除？",
    askCheck: "“{check}”这一项的结果是？",
    asOf: "评估日期",
    province: "省份",
    registration: "户类型",
    membersFact: "家庭成员",
    memberLine: "{relation}，{age} 岁，{health}，{labour}，{schooling}",
    engineNotReady: "评估引擎还在加载，请稍候。",
    scenarioList: "题目列表",
    answered: "已作答",
    // a scenario whose monitoring line is not built in (issue 10 §1)
    lineStepTitle: "第一步：填写本地监测线",
    lineWhat: "防止返贫监测范围（监测线）是人均纯收入的标准，单位为元/人·年。判断一户要不要纳入监测，要拿它的人均纯收入和这条线比较。",
    lineWhy: "本工具没有内置{province} {year} 年的监测线：监测线由各省确定，有的县另定，没有全国统一的数值。所以需要您按当地的通知填写。",
    lineWhere: "在哪里找：本省或本县当年确定防止返贫监测范围的通知。有的县按农村低保标准的倍数确定，这时监测线 = 农村低保月标准 × 12 × 倍数。",
    lineNotice: "当地通知",
    lineLabel: "监测线（元/人·年）",
    lineHint: "只填数字，例如 8700；写成“8,700”或“8700元”也可以。",
    lineUse: "使用这条线",
    lineNotNumber: "请填写数字，单位为元，例如 8700。",
    lineWrong: "{value} 元与通知不符，请再对照通知算一遍（农村低保月标准 × 12 × 倍数）。",
    lineAccepted: "已使用监测线 {value} 元/人·年（农村低保标准 {monthly} 元/月的 {factor} 倍）。",
    lineFirst: "请先填写并使用监测线，再提交判断。",
    // policies page
    polTitle: "内置政策参数",
    polIntro: "评估引擎内置的政策包：每个参数都有起止日期、取值、出处和可信度（C 已核实，S 二手来源，N 未核实）。省份政策包覆盖全国政策包中的同名参数。",
    filterProvince: "只看",
    filterAll: "全部政策包",
    filterSearch: "按参数名筛选",
    packId: "编号",
    packProvince: "适用省份",
    packValidity: "有效期",
    packSources: "来源文件",
    national: "全国",
    colKey: "参数",
    paramsCaption: "{name}的参数",
    colFrom: "起",
    colTo: "止",
    colValue: "取值",
    colSource: "出处",
    colConfidence: "可信度",
    noValue: "（无取值）",
    openEnded: "至今",
    shown: "显示 {n} 个政策包",
    engineVersion: "引擎版本 {v}，接口约定版本 {c}",
  },
  en: {
    skip: "Skip to the content",
    brand: "tuopin poverty assessment",
    navLabel: "Main",
    navSelfCheck: "Self-check",
    navTraining: "Training",
    navPolicies: "Policy packs",
    navBatch: "Batch assessment",
    prefsLabel: "Display",
    contrast: "High contrast",
    textLarge: "Larger text",
    footer: "Everything is computed in your browser; nothing you type is sent to any server. Results are for self-checking and training; the authorities' decision prevails.",
    updateReady: "A new version has been downloaded. The page does not switch by itself, so nothing you are typing is interrupted; reload to use the new version (unsaved entries are cleared).",
    updateReload: "Reload with the new version",
    labelled: "{label}: {text}",
    paren: "{text} ({note})",
    sentences: "{a}. {b}",
    listSep: "; ",
    selfTitle: "Household self-check",
    selfIntro: "Check, under the rules in force on the assessment date, whether a household can exit poverty (2016–2020), or whether it should be monitored and whether its risk can be marked eliminated (2021 on). Made for village officials working on a phone.",
    samplesTitle: "Sample households (load one and assess)",
    samplesIntro: "Load a sample into the form below (this replaces what is there), then press “Assess”.",
    loadSample: "Load",
    fileTitle: "Import and export",
    importLabel: "Import a household from a file on this device (JSON)",
    importHint: "The file is read on this device and never uploaded.",
    exportButton: "Export the form as a JSON file",
    importDone: "Imported the file {name}",
    importFailed: "Could not import: {reason}",
    sampleLoaded: "Sample loaded: {title}",
    policyTitle: "Custom policy values (optional)",
    policyIntro: "If your county sets its own monitoring line or poverty line, enter it here; the assessment uses it and says so in the result.",
    monitoringLine: "Monitoring line (yuan per person per year)",
    povertyLine: "Poverty line (yuan per person per year)",
    boundary: "Income exactly at the line",
    boundaryStrict: "Strict: not above (default)",
    boundaryLenient: "Lenient: counts as above",
    applyPolicy: "Apply",
    policyApplied: "Custom values in use: {list}",
    policyCleared: "No custom values in use",
    hostNoteIdle: "",
    hostNote: "The page received a result: {verdict}",
    hostInvalid: "The page was told that {n} things need fixing",
    trainTitle: "Training: predict first, then see the rule",
    trainIntro: "Each question is a real edge case. Choose your prediction first, then see the engine's answer, the rule and its source. Your score stays on this device.",
    score: "Score: {right} / {answered} ({total} questions)",
    resetScore: "Reset the score",
    scoreReset: "Score cleared",
    question: "Question {n} of {total}",
    prev: "Previous",
    next: "Next",
    yourAnswer: "Your prediction",
    submitAnswer: "Submit",
    chooseFirst: "Choose an answer first.",
    correct: "Correct",
    wrong: "Not quite",
    engineSays: "The engine's answer: {answer}",
    yourChoice: "Your answer: {answer}",
    ruleTitle: "The rule",
    sourceTitle: "Source",
    checkReasons: "The engine's reasons",
    blockers: "Conditions not met",
    facts: "Key facts",
    showData: "Show the household data (JSON)",
    askExit: "Can the household exit poverty this year?",
    askCategory: "Which monitoring category is the household in?",
    askElimination: "Can the household's risk be marked eliminated?",
    askCheck: "What is the result of the “{check}” check?",
    asOf: "Assessment date",
    province: "Province",
    registration: "Registration",
    membersFact: "Members",
    memberLine: "{relation}, {age}, {health}, {labour}, {schooling}",
    engineNotReady: "The engine is still loading; please wait.",
    scenarioList: "Questions",
    answered: "answered",
    lineStepTitle: "Step 1: enter the local monitoring line",
    lineWhat: "The monitoring range (监测线) is a standard of net income per person, in yuan per person per year. Whether a household is monitored depends on comparing its income per person with this line.",
    lineWhy: "No monitoring line for {province} {year} is built in: provinces set their own lines, some counties set theirs, and there is no national figure. Enter it from the local notice.",
    lineWhere: "Where to find it: the province's or county's notice for the year that sets the monitoring range. Some counties set it as a multiple of the rural dibao standard: then the line = monthly dibao standard × 12 × the multiple.",
    lineNotice: "The local notice",
    lineLabel: "Monitoring line (yuan per person per year)",
    lineHint: "Digits only, e.g. 8700; “8,700” or “8700元” also work.",
    lineUse: "Use this line",
    lineNotNumber: "Enter a number of yuan, e.g. 8700.",
    lineWrong: "{value} yuan does not match the notice; work it out again (monthly dibao standard × 12 × the multiple).",
    lineAccepted: "Monitoring line in use: {value} yuan per person per year ({factor} × the rural dibao standard of {monthly} yuan a month).",
    lineFirst: "Enter and use the monitoring line before you submit.",
    polTitle: "Built-in policy packs",
    polIntro: "The engine's policy packs: each parameter has dates, a value, a source and a confidence tag (C confirmed, S secondary source, N not confirmed). A province's pack overrides the national one for the same parameter.",
    filterProvince: "Show",
    filterAll: "All packs",
    filterSearch: "Filter by parameter",
    packId: "Id",
    packProvince: "Province",
    packValidity: "Valid",
    packSources: "Sources",
    national: "National",
    colKey: "Parameter",
    paramsCaption: "Parameters: {name}",
    colFrom: "From",
    colTo: "To",
    colValue: "Value",
    colSource: "Source",
    colConfidence: "Confidence",
    noValue: "(no value)",
    openEnded: "open",
    shown: "{n} packs shown",
    engineVersion: "Engine {v}, contract {c}",
  },
};

function store(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* storage disabled: the choice lasts for this page only */
  }
}

function stored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function lang() {
  return document.documentElement.lang === "en" ? "en" : "zh-CN";
}

export function t(key, values) {
  const s = TEXT[lang()][key] ?? TEXT["zh-CN"][key] ?? key;
  return values ? s.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m)) : s;
}

function applyTexts() {
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-aria-label]")) el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel));
  const title = document.querySelector("meta[name='tuopin-title']");
  if (title) document.title = `${t(title.content)} · ${t("brand")}`;
}

function setLang(value, { announce } = {}) {
  const l = value === "en" ? "en" : "zh-CN";
  document.documentElement.lang = l;
  for (const el of document.querySelectorAll("tuopin-assessment")) el.setAttribute("lang", l);
  const b = document.getElementById("lang-switch");
  if (b) {
    // The button names the other language, in that language.
    b.textContent = l === "en" ? "中文" : "English";
    b.lang = l === "en" ? "zh-CN" : "en";
  }
  applyTexts();
  if (announce) document.dispatchEvent(new CustomEvent("site-lang", { detail: { lang: l } }));
}

function setContrast(on) {
  document.documentElement.dataset.theme = on ? "high-contrast" : "default";
  for (const el of document.querySelectorAll("tuopin-assessment")) {
    if (on) el.setAttribute("theme", "high-contrast");
    else el.removeAttribute("theme");
  }
  document.getElementById("contrast-switch")?.setAttribute("aria-pressed", String(on));
}

function setTextLarge(on) {
  document.documentElement.classList.toggle("text-large", on);
  document.getElementById("text-size")?.setAttribute("aria-pressed", String(on));
}

function init() {
  setLang(stored(KEY.lang) ?? "zh-CN");
  setContrast(stored(KEY.contrast) === "high");
  setTextLarge(stored(KEY.text) === "large");
  document.getElementById("lang-switch")?.addEventListener("click", () => {
    const next = lang() === "en" ? "zh-CN" : "en";
    store(KEY.lang, next);
    setLang(next, { announce: true });
  });
  document.getElementById("contrast-switch")?.addEventListener("click", (e) => {
    const on = e.currentTarget.getAttribute("aria-pressed") !== "true";
    store(KEY.contrast, on ? "high" : null);
    setContrast(on);
  });
  document.getElementById("text-size")?.addEventListener("click", (e) => {
    const on = e.currentTarget.getAttribute("aria-pressed") !== "true";
    store(KEY.text, on ? "large" : null);
    setTextLarge(on);
  });
}

/** Re-applies theme and language to elements created after load (e.g. by a page module). */
export function refreshElements() {
  setContrast(document.documentElement.dataset.theme === "high-contrast");
  for (const el of document.querySelectorAll("tuopin-assessment")) el.setAttribute("lang", lang());
}

/**
 * Replaces the children of `el` with `children` (nodes or strings), as Node.replaceChildren does;
 * that method needs Chromium 86 and the demo's floor is Chromium 80 (issue 11 §3). Like the
 * element's helper (js/tuopin-assessment-dom.js), it skips null, undefined and false: a plain
 * append would print "null" where a section is absent.
 */
export function setChildren(el, ...children) {
  while (el.firstChild) el.removeChild(el.firstChild);
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c);
  }
}

/** Builds an element with text content only (never HTML). */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = String(v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "value" || k === "checked" || k === "disabled" || k === "hidden") el[k] = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// ---- offline use (issue 10 §7) --------------------------------------------------------------
// The site's service worker (sw.js) keeps the pages and pkg/ for use without a network. When a new
// version has been downloaded it waits; this notice tells the person and lets them choose when to
// reload, so a form being filled in never changes under them.

let updateWorker = null;
// Set when the person in THIS tab pressed the reload button: another tab accepting the update must
// not reload this one (its form may be half filled); this tab keeps its notice instead.
let updateAsked = false;

function updateNotice() {
  let box = document.getElementById("update-notice");
  if (!box) {
    // A live region that exists before it is filled, so screen readers announce the notice.
    box = h("div", { id: "update-notice", class: "update-notice no-print", role: "status", "aria-live": "polite" });
    const header = document.querySelector(".site-header");
    if (header) header.after(box);
    else document.body.prepend(box);
  }
  return box;
}

function renderUpdateNotice() {
  const box = updateNotice();
  if (!updateWorker) {
    setChildren(box);
    box.hidden = true;
    return;
  }
  box.hidden = false;
  setChildren(box,
    h("p", { text: t("updateReady") }),
    h("button", { type: "button", class: "primary", id: "update-reload", text: t("updateReload"),
      onclick: () => {
        updateAsked = true;
        // Already active (another tab accepted it): a plain reload picks it up.
        if (updateWorker?.state === "activated") location.reload();
        else updateWorker?.postMessage({ type: "skip-waiting" });
      } }));
}

function offerUpdate(worker) {
  // Only an update: the very first install has no controller and nothing to replace.
  if (!navigator.serviceWorker.controller) return;
  updateWorker = worker;
  renderUpdateNotice();
}

async function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  updateNotice().hidden = true;
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // Reload only when the person here asked for the new version (not on the first install,
    // not when another tab accepted it).
    if (!updateAsked || reloading) return;
    reloading = true;
    location.reload();
  });
  let reg;
  try {
    reg = await navigator.serviceWorker.register(new URL("sw.js", import.meta.url), { scope: new URL("./", import.meta.url).href });
  } catch {
    return; // no precache list (scripts/sw-manifest.mjs not run) or storage refused: online only
  }
  if (reg.waiting) offerUpdate(reg.waiting);
  reg.addEventListener("updatefound", () => {
    const w = reg.installing;
    w?.addEventListener("statechange", () => {
      if (w.state === "installed") offerUpdate(w);
    });
  });
}

document.addEventListener("site-lang", () => {
  if (updateWorker) renderUpdateNotice();
});

init();
registerServiceWorker();
