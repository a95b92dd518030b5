// <tuopin-assessment>: a ready-made form for one household, with the engine's report beside it.
//
//   <script type="module" src="/pkg/tuopin-assessment.js"></script>
//   <tuopin-assessment lang="zh-CN" as-of="2019-12-31" province="CN-YN"></tuopin-assessment>
//
// Attributes: lang ("zh-CN" | "en"; without it the page's <html lang>, followed), as-of
// (YYYY-MM-DD, the default assessment date), province (ISO 3166-2:CN), monitoring-lines /
// poverty-lines (JSON lines per province and year), draft (keep a draft; off by default), no-draft,
// draft-key, theme ("high-contrast").
// Properties: policy, lines, household (get/set), report (read-only), asOf. Methods: assess(),
// load(householdOr{household, options}), clear(), printView(on).
// Events (bubbling, composed): tuopin-ready {version}, tuopin-result {report, household, cause},
// tuopin-invalid {problems, household, cause}, tuopin-error {message, kind} (contract v1.1 item 5).
//
// Parts of the element live beside it: -loader.js (engine loading, failure messages), -lines.js
// (the income line in force), -drafts.js, -idcard.js, -dom.js (helpers), -i18n.js, -styles.js.
//
// Everything stays in the page: the only request is the package's own .wasm, made once by
// init(); no other fetch, no inline style or script, and every user-supplied text is rendered with
// textContent, never as HTML.

import { assess as engineAssess, validate as engineValidate } from "./tuopin.js";
import { STRINGS, normaliseLang, fill, PROVINCE_CODES, provinceName } from "./tuopin-assessment-i18n.js";
import { adoptStyles } from "./tuopin-assessment-styles.js";
import {
  h, appendAll, setChildren, halfWidth, parseNumber, normaliseDate, getPath, setPath, parentPath, clone, todayIso,
} from "./tuopin-assessment-dom.js";
import { loadEngine, failureKind, FAILURE_TEXT } from "./tuopin-assessment-loader.js";
import {
  LINE_PROBLEMS, LINE_ATTRIBUTES, normaliseHostLines, hostLine, rememberedLine, rememberLine, isLineValue, lineKeyFor,
} from "./tuopin-assessment-lines.js";
import { readDraft, writeDraft, removeDraft, hasDraft, expiryDate, DRAFT_DAYS } from "./tuopin-assessment-drafts.js";
import { idStatus, birthFromId, sexFromId } from "./tuopin-assessment-idcard.js";

export { loadEngine };

// ---------------------------------------------------------------------------------------------
// Field descriptions. `path` is the contract path (the same as problem paths), relative to a
// member for MEMBER_FIELDS. kind: text | date | money | number | enum | bool | multi | province.

const ENUMS = {
  registration: ["poor", "exited", "ordinary"],
  relation: ["head", "spouse", "child", "child_in_law", "grandchild", "parent", "grandparent", "sibling", "other"],
  sex: ["male", "female"],
  health: ["healthy", "chronic", "serious", "disabled"],
  disabilityGrade: [1, 2, 3, 4],
  labour: ["normal", "skilled", "weak", "lost", "none"],
  schooling: [
    "not_student", "preschool", "primary", "junior", "senior", "vocational", "college",
    "home_tutoring", "exempt", "deferred", "dropped_out", "not_enrolled",
  ],
  dropoutReason: ["poverty", "other"],
  medicalInsurance: ["resident", "employee", "commercial", "none"],
  grade: ["A", "B", "C", "D", "none"],
  relocationMode: ["centralized", "scattered"],
  safeAlternative: ["with_family", "public_rental", "rented"],
  category: ["unstable_exited", "marginal", "sudden_hardship"],
  measure: [
    "industry", "employment", "finance", "public_welfare_job", "health", "education", "compulsory_education",
    "housing", "water", "social_security", "relocation", "social_assistance", "living_conditions",
    "infrastructure", "ecological_compensation",
  ],
  risk: [
    "illness", "disability", "education", "disaster", "accident", "business_failure", "unstable_employment",
    "lack_of_labour", "housing", "water", "other",
  ],
};

const HOUSEHOLD_FIELDS = [
  { path: "id", kind: "text" },
  { path: "province", kind: "province", required: true },
  { path: "registration", kind: "enum", codes: "registration" },
  { path: "identifiedOn", kind: "date", showIf: { field: "registration", values: ["poor", "exited", ""] } },
  { path: "exitedOn", kind: "date", showIf: { field: "registration", values: ["exited"] } },
  { path: "waterShortArea", kind: "bool" },
];

const MEMBER_FIELDS = [
  { path: "name", kind: "text" },
  { path: "idNumber", kind: "text", id: true },
  { path: "relation", kind: "enum", codes: "relation", required: true },
  { path: "sex", kind: "enum", codes: "sex", required: true },
  { path: "birthDate", kind: "date", required: true },
  { path: "health", kind: "enum", codes: "health" },
  { path: "disabilityGrade", kind: "enum", codes: "disabilityGrade", numeric: true, showIf: { field: "health", value: "disabled" } },
  { path: "labour", kind: "enum", codes: "labour" },
  { path: "schooling", kind: "enum", codes: "schooling" },
  { path: "dropoutReason", kind: "enum", codes: "dropoutReason", showIf: { field: "schooling", value: "dropped_out" } },
  // Whether grade 9 was completed matters for the young (compulsory schooling), not for adults.
  { path: "completedCompulsory", kind: "bool", showIf: { youngerThan: 20 } },
  { path: "medicalInsurance", kind: "multi", codes: "medicalInsurance", wide: true },
  { path: "criticalIllnessInsurance", kind: "bool" },
  { path: "medicalAssistance", kind: "bool" },
];

const INCOME_FIELDS = ["wage", "business", "property", "transfer", "businessCosts"].map((k) => ({ path: `income.${k}`, kind: "money" }));
const TRANSFER_ITEMS = ["basicPension", "dibaoA", "dibaoB", "dibaoC", "oneOffRelief"];
const TRANSFER_FIELDS = TRANSFER_ITEMS.map((k) => ({ path: `income.transferItems.${k}`, kind: "money" }));
const SPENDING_FIELDS = ["medicalOutOfPocket", "education", "disasterLoss"].map((k) => ({ path: `spending.${k}`, kind: "money" }));
const FOOD_FIELDS = [{ path: "food.secure", kind: "bool" }, { path: "clothing.secure", kind: "bool" }];
const HOUSING_FIELDS = [
  { path: "housing.grade", kind: "enum", codes: "grade" },
  { path: "housing.areaM2", kind: "number" },
  { path: "housing.safeAlternative", kind: "enum", codes: "safeAlternative" },
];
const RELOCATION_FIELDS = [
  { path: "housing.relocation.mode", kind: "enum", codes: "relocationMode" },
  { path: "housing.relocation.keysHandedOver", kind: "bool" },
  { path: "housing.relocation.movedIn", kind: "bool" },
];
const WATER_FIELDS = [
  { path: "water.pipedToHome", kind: "bool" },
  { path: "water.litresPerPersonDay", kind: "number" },
  { path: "water.fetchMinutes", kind: "number" },
  { path: "water.horizontalM", kind: "number" },
  { path: "water.verticalM", kind: "number" },
  { path: "water.daysWithoutSupply", kind: "number" },
  { path: "water.qualityOk", kind: "bool" },
];
const ELECTRICITY_FIELDS = [{ path: "electricity.connected", kind: "bool" }];
const MONITORING_FIELDS = [
  { path: "monitoring.category", kind: "enum", codes: "category" },
  { path: "monitoring.identifiedOn", kind: "date" },
  { path: "monitoring.riskGone", kind: "bool" },
  { path: "monitoring.riskEliminatedOn", kind: "date" },
  { path: "monitoring.measures", kind: "multi", codes: "measure", wide: true, label: "measures" },
  { path: "monitoring.risks", kind: "multi", codes: "risk", wide: true, label: "risks" },
];
const EXIT_STEPS = ["democratic_review", "verification", "household_consent", "public_notice", "announcement", "deregistration"];
const EXIT_FIELDS = EXIT_STEPS.map((s) => ({ path: `exitProcedure.${s}`, kind: "date" }));

/** Top-level keys the form manages; anything else a loaded household carries is kept as is. */
const MANAGED_KEYS = new Set([
  "id", "province", "waterShortArea", "registration", "identifiedOn", "exitedOn", "monitoring", "members",
  "income", "spending", "food", "clothing", "housing", "water", "electricity", "exitProcedure",
]);

// ---------------------------------------------------------------------------------------------
// Small helpers.

function emptyHousehold(province) {
  const hh = { members: [{ relation: "head" }], income: {} };
  if (province) hh.province = province;
  return hh;
}

const TONE = { pass: "pass", fail: "fail", unknown: "unknown", not_applicable: "na" };
const SYMBOL = { pass: "✓", fail: "✗", unknown: "?", na: "–" };

/** Properties a page may set before this module has loaded (the upgrade-property pattern). */
const UPGRADE_PROPERTIES = ["policy", "lines", "household", "asOf"];

let instances = 0;

// Without a `lang` attribute the element follows <html lang> (and any ancestor's), also when it
// changes later: one observer for all instances.
const followers = new Set();
let langObserver = null;
function followPageLanguage(el, on) {
  if (on) followers.add(el);
  else followers.delete(el);
  if (typeof MutationObserver !== "function") return;
  if (followers.size && !langObserver) {
    langObserver = new MutationObserver(() => {
      for (const f of followers) f._pageLangChanged();
    });
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ["lang"], subtree: true });
  } else if (!followers.size && langObserver) {
    langObserver.disconnect();
    langObserver = null;
  }
}

// Under a server-side renderer (Node) there is no HTMLElement: the module then defines nothing.
const Base = typeof HTMLElement === "function" ? HTMLElement : class {};

// ---------------------------------------------------------------------------------------------

export class TuopinAssessment extends Base {
  static get observedAttributes() {
    return ["lang", "as-of", "province", "draft", "no-draft", "draft-key", "monitoring-lines", "poverty-lines"];
  }

  constructor() {
    super();
    this._uid = `tp${++instances}`;
    this._root = this.attachShadow({ mode: "open" });
    adoptStyles(this._root);
    this._policy = undefined;
    this._lines = {};
    this._report = null;
    this._reportHousehold = null;
    this._reportOptions = null;
    this._reportLine = null;
    this._problems = [];
    this._stale = false;
    this._view = "form";
    this._rendered = false;
    this._engine = "loading";
    this._version = null;
    this._extra = {};
    this._controls = new Map();
    this._saveTimer = 0;
    this._whatIfTimer = 0;
    this._whatIfDelta = 0;
    this._draftSavedAt = 0;
  }

  // ---- public API --------------------------------------------------------------------------

  get policy() {
    return clone(this._policy);
  }

  set policy(value) {
    this._policy = value === null || value === undefined ? undefined : clone(value);
    if (this._report && this._rendered) this._assess({ quiet: true, cause: "policy" });
  }

  /**
   * Lines set by the host per province and year, used where no built-in pack has one:
   * { monitoringLine: { "CN-FJ": { "2026": 7000 } }, povertyLine: { ... } }; a value is an amount
   * (元/人·年) or { dibaoMonthly, factor }. The `policy` property, when it names a line, wins.
   */
  get lines() {
    return clone(this._lines);
  }

  set lines(value) {
    this._lines = normaliseHostLines(clone(value));
    if (this._report && this._rendered) this._assess({ quiet: true, cause: "property" });
  }

  get household() {
    return this._rendered ? this._serialize() : clone(this._pendingHousehold) ?? null;
  }

  set household(value) {
    this.load(value);
  }

  get report() {
    return clone(this._report);
  }

  get asOf() {
    return this._rendered ? this._asOfValue() : this.getAttribute("as-of") ?? "";
  }

  set asOf(value) {
    this._attrCause = "property";
    this.setAttribute("as-of", value);
    this._attrCause = undefined;
  }

  /** Loads a Household, or `{ household, options }` (the CLI's file form; options.asOf is used). */
  load(data) {
    let household = data;
    let asOf;
    if (data && typeof data === "object" && data.household && typeof data.household === "object") {
      household = data.household;
      asOf = data.options?.asOf;
    }
    household = household && typeof household === "object" ? clone(household) : emptyHousehold(this.getAttribute("province"));
    if (!this._rendered) {
      this._pendingHousehold = household;
      this._pendingAsOf = asOf;
      return;
    }
    this._clearResult();
    this._build(household, asOf ?? this._asOfValue());
    this._scheduleSave();
  }

  /** Assesses the current form; resolves to the Report, or null when the input is invalid. */
  assess() {
    return this._assess({ quiet: false, cause: "submit" });
  }

  /** Empties the form, removes the draft and the result. */
  clear() {
    this._removeDraft();
    this._clearResult();
    this._build(emptyHousehold(this.getAttribute("province")), this._defaultAsOf());
    this._announce(this._t(this._draftEnabled() ? "draftCleared" : "formCleared"));
  }

  /** Shows (true) or leaves (false) the print view. */
  printView(on = true) {
    this._setView(on ? "print" : "form");
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  /** A property set on the element before this module loaded shadows the class's accessor. */
  _upgradeProperties() {
    for (const prop of UPGRADE_PROPERTIES) {
      if (Object.prototype.hasOwnProperty.call(this, prop)) {
        const value = this[prop];
        delete this[prop];
        this[prop] = value;
      }
    }
  }

  connectedCallback() {
    if (!this.hasAttribute("lang")) followPageLanguage(this, true);
    if (this._rendered) return;
    this._upgradeProperties();
    this._readLineAttributes();
    this._lang = this._resolveLang();
    let household = this._pendingHousehold;
    let asOf = this._pendingAsOf;
    let restored = false;
    if (!household) {
      const draft = this._readDraft();
      if (draft) {
        household = draft.household;
        asOf = draft.asOf;
        restored = true;
      }
    }
    this._build(household ?? emptyHousehold(this.getAttribute("province")), asOf ?? this._defaultAsOf());
    this._rendered = true;
    this._pendingHousehold = undefined;
    if (restored) this._announce(this._t("draftRestored"));
    this._startEngine();
  }

  disconnectedCallback() {
    followPageLanguage(this, false);
    if (this._saveTimer) {
      clearTimeout(this._saveTimer);
      this._saveDraft();
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (name in LINE_ATTRIBUTES) this._readLineAttributes();
    if (!this._rendered || oldValue === newValue) return;
    const cause = this._attrCause || "attribute";
    if (name === "lang") {
      followPageLanguage(this, newValue === null);
      this._languageChanged();
    } else if (name === "as-of") {
      const c = this._controls.get("asOf");
      if (c && newValue) {
        c.input.value = newValue;
        this._updateRegimeHint();
        if (this._report) this._assess({ quiet: true, cause });
      }
    } else if (name === "province") {
      const c = this._controls.get("province");
      if (c && newValue && !c.input.value) c.input.value = newValue;
      this._renderSettingsNote();
      if (this._report) this._assess({ quiet: true, cause });
    } else if (name in LINE_ATTRIBUTES) {
      if (this._report) this._assess({ quiet: true, cause });
    } else if (name === "draft" || name === "no-draft" || name === "draft-key") {
      if (!this._draftEnabled()) this._removeDraft();
      this._renderDraftControls();
    }
  }

  _readLineAttributes() {
    const lines = {};
    for (const [attr, key] of Object.entries(LINE_ATTRIBUTES)) {
      const raw = this.getAttribute(attr);
      if (!raw) continue;
      try {
        Object.assign(lines, normaliseHostLines(JSON.parse(raw), key));
      } catch {
        // Bad JSON is the host's error, said once in the console; the element then asks the person.
        console.warn(`<tuopin-assessment ${attr}>: not valid JSON, ignored`);
      }
    }
    this._attrLines = lines;
  }

  _pageLangChanged() {
    if (this.hasAttribute("lang") || !this._rendered) return;
    this._languageChanged();
  }

  _languageChanged() {
    const lang = this._resolveLang();
    if (lang === this._lang) return;
    const household = this._serialize();
    const asOf = this._asOfValue();
    this._lang = lang;
    this._build(household, asOf, this._openState());
    // Messages come from the engine in the requested language: ask again.
    if (this._report) this._assess({ quiet: true, keepStale: this._stale, cause: "language" });
    else if (this._problems.length) this._revalidate({ all: true });
  }

  // ---- language ----------------------------------------------------------------------------

  _resolveLang() {
    const own = this.getAttribute("lang");
    if (own) return normaliseLang(own);
    const inherited = this.parentElement?.closest("[lang]")?.getAttribute("lang") ?? document.documentElement.lang;
    return normaliseLang(inherited || "zh-CN");
  }

  _t(key, values) {
    const s = STRINGS[this._lang].ui[key] ?? STRINGS["zh-CN"].ui[key] ?? key;
    return values ? fill(s, values) : s;
  }

  /** "label：value" with the colon of the language (GB/T 15834 full-width in zh-CN). */
  _pair(label, value) {
    return `${label}${this._colon()}${value}`;
  }

  _colon() {
    return this._lang === "en" ? ": " : "：";
  }

  /** " (x)" in English, "（x）" in Chinese. */
  _paren(x) {
    return this._lang === "en" ? ` (${x})` : `（${x}）`;
  }

  _code(group, code) {
    const table = STRINGS[this._lang].code[group];
    return table && code in table ? table[code] : String(code);
  }

  _fieldText(path) {
    const key = path.replace(/^members\[\d+\]\./, "");
    return STRINGS[this._lang].field[key] ?? [key, ""];
  }

  _money(n) {
    if (n === null || n === undefined) return "—";
    return new Intl.NumberFormat(this._lang, { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(n);
  }

  // ---- engine ------------------------------------------------------------------------------

  _startEngine() {
    loadEngine()
      .then((v) => {
        this._engine = "ready";
        this._version = v;
        this._renderEngineStatus();
        this._emit("tuopin-ready", { version: v });
      })
      .catch((e) => this._engineFailed(e));
  }

  _engineFailed(e) {
    this._engine = "failed";
    this._engineError = e instanceof Error ? e.message : String(e);
    this._engineFailure = failureKind(e);
    this._renderEngineStatus();
    this._emit("tuopin-error", { message: this._engineError, kind: this._engineFailure });
  }

  /** The province and year whose income line applies: options.province or the household's. */
  _lineSlot(household, asOf) {
    const province = this.getAttribute("province") || (household && household.province) || "";
    const year = /^\d{4}/.test(asOf || "") ? asOf.slice(0, 4) : "";
    return { key: lineKeyFor(asOf), province, year };
  }

  /**
   * options for the engine, and where the income line came from when the element supplied it:
   * { options, line: { key, value, origin: "policy" | "host" | "typed", province, year } | null }.
   */
  _optionsAndLine(household) {
    const o = { lang: this._lang };
    const asOf = this._asOfValue();
    if (asOf) o.asOf = asOf;
    const province = this.getAttribute("province");
    if (province) o.province = province;
    const policy = this._policy !== undefined ? clone(this._policy) : {};
    const slot = this._lineSlot(household, asOf);
    let line = null;
    if (policy[slot.key] !== undefined && policy[slot.key] !== null) {
      line = { ...slot, value: policy[slot.key], origin: "policy" };
    } else if (slot.year) {
      const hostValue = hostLine(this._lines, slot.key, slot.province, slot.year) ?? hostLine(this._attrLines, slot.key, slot.province, slot.year);
      const typed = hostValue === undefined ? rememberedLine(slot.key, slot.province, slot.year) : undefined;
      if (hostValue !== undefined) line = { ...slot, value: clone(hostValue), origin: "host" };
      else if (typed !== undefined) line = { ...slot, value: clone(typed), origin: "typed" };
      if (line) policy[slot.key] = clone(line.value);
    }
    if (Object.keys(policy).length) o.policy = policy;
    return { options: o, line };
  }

  _options() {
    return this._optionsAndLine(this._serialize()).options;
  }

  /**
   * One assessment, asked for by the person or the host; `cause` says which (contract v1.1
   * item 5: submit | language | policy | attribute | property). Exactly one tuopin-result or
   * tuopin-invalid event per call that reaches the engine.
   */
  async _assess({ quiet, keepStale = false, cause = "submit" }) {
    if (this._engine === "failed") {
      this._renderEngineStatus();
      if (!quiet) this._focusEngineAlert();
      return null;
    }
    const submit = this._root.querySelector("button[type=submit]");
    try {
      if (this._engine !== "ready") {
        if (submit) submit.disabled = true;
        await loadEngine();
        this._engine = "ready";
        if (submit) submit.disabled = false;
      }
    } catch (e) {
      this._engineFailed(e);
      if (!quiet) this._focusEngineAlert();
      return null;
    }
    const household = this._serialize();
    const { options, line } = this._optionsAndLine(household);
    let report;
    try {
      report = engineAssess(household, options);
    } catch (e) {
      if (e && Array.isArray(e.problems)) {
        const lineProblem = e.problems.some((p) => p.code in LINE_PROBLEMS);
        this._showProblems(e.problems, { focus: !quiet && !lineProblem });
        if (lineProblem && !quiet) this._focusLinePrompt();
        if (!quiet) this._announce(this._t(lineProblem ? "announceLineNeeded" : "announceInvalid", { n: e.problems.length }));
        this._emit("tuopin-invalid", { problems: clone(e.problems), household: clone(household), cause, options: clone(options) });
        if (this._report) this._markStale();
        return null;
      }
      const message = e instanceof Error ? e.message : String(e);
      this._showProblems([{ path: "", code: "engine_error", message: `${this._t("engineError")}${message}` }], { focus: !quiet });
      this._emit("tuopin-error", { message });
      return null;
    }
    this._showProblems([], { focus: false });
    this._report = report;
    this._reportHousehold = household;
    this._reportOptions = options;
    this._reportLine = line;
    this._stale = keepStale;
    this._whatIfDelta = 0;
    this._renderResult();
    this._renderLineInUse();
    if (!quiet) {
      this._announce(this._t("announceResult", { verdict: this._verdictText(report) }));
      const heading = this._root.getElementById(`${this._uid}-result-title`);
      if (heading) {
        heading.focus();
        heading.scrollIntoView?.({ block: "start" });
      }
    }
    this._emit("tuopin-result", { report: clone(report), household: clone(household), cause, options: clone(options) });
    return clone(report);
  }

  _emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  // ---- draft -------------------------------------------------------------------------------

  /** Drafts are off unless the host sets `draft` (issue 10 §3); `no-draft` still turns them off. */
  _draftEnabled() {
    return this.hasAttribute("draft") && !this.hasAttribute("no-draft");
  }

  _draftKey() {
    return `tuopin-assessment:draft:${this.getAttribute("draft-key") || this.id || "default"}`;
  }

  _readDraft() {
    if (!this._draftEnabled()) return null;
    const d = readDraft(this._draftKey());
    if (d) this._draftSavedAt = d.savedAt;
    return d;
  }

  _scheduleSave() {
    if (!this._draftEnabled() || !this._rendered) return;
    clearTimeout(this._saveTimer);
    this._saveTimer = setTimeout(() => this._saveDraft(), 300);
  }

  _saveDraft() {
    this._saveTimer = 0;
    if (!this._draftEnabled()) return;
    const now = Date.now();
    if (writeDraft(this._draftKey(), this._serialize(), this._asOfValue(), now)) {
      this._draftSavedAt = now;
      const s = this._root.getElementById(`${this._uid}-draft-saved`);
      if (s) s.textContent = this._t("draftSaved", { date: expiryDate(now) });
    }
  }

  _removeDraft() {
    clearTimeout(this._saveTimer);
    this._saveTimer = 0;
    this._draftSavedAt = 0;
    removeDraft(this._draftKey());
    const s = this._root.getElementById(`${this._uid}-draft-saved`);
    if (s) s.textContent = "";
  }

  // ---- building the form -------------------------------------------------------------------

  _defaultAsOf() {
    const a = this.getAttribute("as-of");
    if (a) return a;
    return todayIso(); // the page's date is only a default; the engine itself never reads a clock
  }

  _asOfValue() {
    const c = this._controls.get("asOf");
    return c ? normaliseDate(c.input.value) ?? "" : this.getAttribute("as-of") ?? "";
  }

  /**
   * Builds the form for `household`. `keep` carries which member cards and sections were open
   * (a rebuild for another language keeps them); without it they follow the household (issue 10 §2:
   * sections that do not apply to the registration and date stay closed).
   */
  _build(household, asOf, keep = null) {
    const focusPath = this._root.activeElement?.dataset?.path;
    const oldWrap = this._wrap;
    this._sections = {};
    this._controls = new Map();
    this._extra = {};
    for (const [k, v] of Object.entries(household)) if (!MANAGED_KEYS.has(k)) this._extra[k] = v;
    const members = Array.isArray(household.members) ? household.members : [];
    this._memberCount = members.length;
    const id = this._uid;

    this._live = h("div", { class: "visually-hidden", role: "status", "aria-live": "polite", "aria-atomic": "true" });
    this._engineLine = h("p", { class: "status-line", id: `${id}-engine` });
    this._engineAlert = h("div", { class: "engine-alert", part: "engine-alert", role: "alert", tabindex: "-1", hidden: true });
    this._draftBar = h("div", { class: "toolbar screen-only", part: "toolbar" });
    this._summary = h("div", {
      class: "error-summary", part: "error-summary", tabindex: "-1", hidden: true, role: "region",
      "aria-labelledby": `${id}-errors-title`,
    });
    this._resultBox = h("section", { class: "result", part: "result", "aria-labelledby": `${id}-result-title`, hidden: true });
    this._printBox = h("section", { class: "print-view", part: "print", hidden: true, "aria-labelledby": `${id}-print-title` });
    this._settingsNote = h("p", { class: "hint", id: `${id}-settings-note` });
    this._lineInUse = h("div", { class: "line-in-use", id: `${id}-line-in-use`, hidden: true });
    this._linePrompt = h("div", { class: "line-prompt-slot" });

    const form = h("form", { part: "form", novalidate: true, autocomplete: "off", "aria-labelledby": `${id}-form-title`,
      onsubmit: (e) => { e.preventDefault(); this.assess(); },
      oninput: (e) => this._onInput(e),
      onchange: (e) => this._onChange(e),
    });
    form.append(
      h("h2", { id: `${id}-form-title`, class: "visually-hidden", text: this._t("title") }),
      this._fieldset("settings", "formHint", [
        h("div", { class: "grid" }, this._field({ path: "asOf", kind: "date", required: true }, "asOf")),
        this._settingsNote,
        this._lineInUse,
        this._linePrompt,
      ]),
      this._fieldset("household", null, h("div", { class: "grid" }, HOUSEHOLD_FIELDS.map((f) => this._field(f, f.path)))),
      this._membersFieldset(members),
      this._fieldset("income", "incomeHint", [
        h("div", { class: "grid" }, INCOME_FIELDS.map((f) => this._field(f, f.path))),
        this._collapsible("transferItems", this._fieldset("transferItems", "transferItemsHint", h("div", { class: "grid" }, TRANSFER_FIELDS.map((f) => this._field(f, f.path))), "income.transferItems")),
      ], "income"),
      this._fieldset("spending", null, h("div", { class: "grid" }, SPENDING_FIELDS.map((f) => this._field(f, f.path))), "spending"),
      this._fieldset("foodClothing", null, h("div", { class: "grid" }, FOOD_FIELDS.map((f) => this._field(f, f.path)))),
      this._fieldset("housing", null, [
        h("div", { class: "grid" }, HOUSING_FIELDS.map((f) => this._field(f, f.path))),
        this._collapsible("relocation", this._fieldset("relocation", null, h("div", { class: "grid" }, RELOCATION_FIELDS.map((f) => this._field(f, f.path))), "housing.relocation")),
      ], "housing"),
      this._fieldset("water", null, h("div", { class: "grid" }, WATER_FIELDS.map((f) => this._field(f, f.path))), "water"),
      this._fieldset("electricity", null, h("div", { class: "grid" }, ELECTRICITY_FIELDS.map((f) => this._field(f, f.path))), "electricity"),
      this._collapsible("monitoring", this._monitoringFieldset()),
      this._collapsible("exitProcedure", this._fieldset("exitProcedure", "exitProcedureHint", h("div", { class: "grid" }, EXIT_FIELDS.map((f) => this._field(f, f.path))), "exitProcedure")),
      h("div", { class: "actions" },
        h("button", { type: "submit", class: "primary", part: "button submit", text: this._t("assess") })),
    );
    this._form = form;

    const main = h("div", { class: "main" },
      this._engineLine, this._engineAlert, this._draftBar, this._summary, form);
    this._main = main;
    this._wrap = h("div", { class: "wrap", part: "container" }, main, this._resultBox, this._printBox, this._live);
    if (oldWrap && oldWrap.parentNode === this._root) this._root.replaceChild(this._wrap, oldWrap);
    else this._root.appendChild(this._wrap);

    this._populate(household, asOf);
    this._openCards(members, keep);
    this._updateSections({ force: true });
    if (keep && keep.sections) for (const [k, open] of Object.entries(keep.sections)) if (this._sections[k]) this._sections[k].open = open;
    this._renderEngineStatus();
    this._renderDraftControls();
    this._renderSettingsNote();
    this._renderLinePrompt();
    this._renderLineInUse();
    this._updateRegimeHint();
    this._updateConditional();
    if (this._report) this._renderResult();
    if (this._problems.length) this._showProblems(this._problems, { focus: false });
    this._setView(this._view);
    if (focusPath) this._controls.get(focusPath)?.input.focus();
  }

  _fieldset(titleKey, hintKey, content, groupPath) {
    const id = `${this._uid}-fs-${titleKey}`;
    const hint = hintKey ? h("p", { class: "section-hint", id: `${id}-hint`, text: this._t(hintKey) }) : null;
    const fs = h("fieldset", { part: "section", id, dataset: groupPath !== undefined ? { group: groupPath } : undefined,
      "aria-describedby": hint ? `${id}-hint` : undefined },
      h("legend", { text: this._t(titleKey) }), hint, content);
    if (groupPath !== undefined) this._addGroupError(fs, groupPath);
    return fs;
  }

  /** An error slot for a problem that names a whole group (e.g. "members", "income.transferItems"). */
  _addGroupError(fs, groupPath) {
    const errId = `${this._uid}-err-${groupPath.replace(/[^\w-]/g, "_") || "root"}`;
    const err = h("p", { class: "error", id: errId, hidden: true, dataset: { errorFor: groupPath } });
    const legend = fs.querySelector("legend");
    legend.after(err);
  }

  /** A section that applies only to some households: a <details> whose summary is its title. */
  _collapsible(key, fs) {
    const legend = fs.querySelector("legend");
    legend.classList.add("visually-hidden");
    const d = h("details", { class: "section-details", dataset: { section: key } },
      h("summary", { part: "section-summary", text: legend.textContent }), fs);
    this._sections[key] = d;
    return d;
  }

  /** True when any control under `el` holds a value. */
  _hasValues(el) {
    return [...el.querySelectorAll("input, select")].some((i) => (i.type === "checkbox" ? i.checked : i.value !== ""));
  }

  /**
   * Opens the sections that apply to the registration and date and closes those that do not
   * (unless they hold values): the exit procedure only for a registered-poor household assessed
   * up to 2020; monitoring only from 2021. `force` on load or when registration or date change;
   * otherwise a section the person opened or closed stays so.
   */
  _updateSections({ force }) {
    if (!force || !this._sections) return;
    const asOf = this._asOfValue();
    const dated = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
    const registration = this._controls.get("registration")?.input.value;
    const relevant = {
      exitProcedure: registration === "poor" && dated && asOf <= "2020-12-31",
      monitoring: dated && asOf >= "2021-01-01",
      transferItems: false,
      relocation: false,
    };
    for (const [k, d] of Object.entries(this._sections)) {
      const inner = d.querySelector("fieldset");
      d.open = !!relevant[k] || (inner ? this._hasValues(inner) : false);
    }
  }

  /** Which member cards are open: kept, or the first and any incomplete one. */
  _openCards(members, keep) {
    const cards = this._form.querySelectorAll("details.member-card");
    cards.forEach((d, i) => {
      const m = members[i] || {};
      d.open = keep && keep.members ? !!keep.members[i] : i === 0 || !(m.relation && m.sex && m.birthDate);
    });
    this._updateMemberSummaries();
  }

  /** What is open now, to be kept through a rebuild. */
  _openState() {
    if (!this._form) return null;
    const sections = {};
    for (const [k, d] of Object.entries(this._sections || {})) sections[k] = d.open;
    return { members: [...this._form.querySelectorAll("details.member-card")].map((d) => d.open), sections };
  }

  /** The one-line summary of each member card: relation, sex, birth date (what identifies the row). */
  _updateMemberSummaries() {
    for (let i = 0; i < this._memberCount; i++) {
      const brief = this._root.getElementById(`${this._uid}-m${i}-brief`);
      if (!brief) continue;
      const v = (f) => this._controls.get(`members[${i}].${f}`)?.input.value || "";
      const parts = [];
      if (v("relation")) parts.push(this._code("relation", v("relation")));
      if (v("sex")) parts.push(this._code("sex", v("sex")));
      if (v("birthDate")) parts.push(normaliseDate(v("birthDate")));
      if (v("health") && v("health") !== "healthy") parts.push(this._code("health", v("health")));
      if (v("schooling") && v("schooling") !== "not_student") parts.push(this._code("schooling", v("schooling")));
      const text = parts.join(this._lang === "en" ? ", " : "，");
      brief.textContent = text ? `${this._colon()}${text}` : "";
    }
  }

  /**
   * A member card folds to its one-line summary when focus moves on past the members (to a later field)
   * and the member has relation, sex and birth date and no problem shown: the phone screen then
   * holds the next part of the form, not the finished member (issue 10 §2).
   */
  _foldWhenLeft(card, i, e) {
    const next = e.relatedTarget;
    // Only when focus leaves the members section: folding under a pointer that is on its way to
    // "add member" or the next card would move the target away from it.
    const section = card.closest("fieldset[data-group=members]");
    if (!next || !section || section.contains(next) || !this._form || !this._form.contains(next)) return;
    if (!(card.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING)) return;
    const v = (f) => this._controls.get(`members[${i}].${f}`)?.input.value || "";
    if (!v("relation") || !v("sex") || !v("birthDate")) return;
    if (card.querySelector("[aria-invalid=true]")) return;
    card.open = false;
  }

  /** Opens every <details> around `el` so that it can be seen and focused. */
  _reveal(el) {
    let d = el && el.closest ? el.closest("details") : null;
    while (d) {
      d.open = true;
      d = d.parentElement ? d.parentElement.closest("details") : null;
    }
  }

  _membersFieldset(members) {
    const list = h("div", { class: "members-list" });
    members.forEach((_, i) => list.append(this._memberFieldset(i)));
    const fs = this._fieldset("members", null, [
      list,
      h("div", { class: "actions" },
        h("button", { type: "button", part: "button add-member", id: `${this._uid}-add-member`, text: this._t("addMember"),
          onclick: () => this._addMember() })),
    ], "members");
    return fs;
  }

  _memberFieldset(i) {
    const id = `${this._uid}-m${i}`;
    const legendText = `${this._t("member")} ${i + 1}`;
    const fs = h("fieldset", { class: "member", part: "member", id, dataset: { group: `members[${i}]` } },
      h("legend", { class: "visually-hidden", text: legendText }),
      h("div", { class: "grid" }, MEMBER_FIELDS.map((f) => this._field(f, `members[${i}].${f.path}`))),
      h("div", { class: "member-actions" },
        h("button", { type: "button", class: "danger", part: "button remove-member", dataset: { remove: String(i) },
          "aria-label": `${this._t("removeMember")} ${i + 1}`, text: this._t("removeMember"),
          onclick: () => this._removeMember(i) })));
    this._addGroupError(fs, `members[${i}]`);
    // A compact card: closed, it is one line (who the member is); open, the member's fields.
    const card = h("details", { class: "member-card", part: "member-card", dataset: { member: String(i) } },
      h("summary", { part: "member-summary" },
        h("span", { class: "member-title", text: legendText }),
        h("span", { class: "member-brief", id: `${id}-brief` })),
      fs);
    card.addEventListener("focusout", (e) => this._foldWhenLeft(card, i, e));
    return card;
  }

  _monitoringFieldset() {
    const toggleId = `${this._uid}-monitoring-on`;
    const inner = h("div", { id: `${this._uid}-monitoring-fields`, hidden: true },
      h("div", { class: "grid" }, MONITORING_FIELDS.map((f) => this._field(f, f.path))));
    const toggle = h("input", { type: "checkbox", id: toggleId, dataset: { toggle: "monitoring" },
      "aria-controls": `${this._uid}-monitoring-fields` });
    this._monitoringToggle = toggle;
    this._monitoringInner = inner;
    return this._fieldset("monitoring", "monitoringHint", [
      h("div", { class: "field wide" }, h("label", { class: "check-row", for: toggleId }, toggle, this._t("monitoringOn"))),
      inner,
    ], "monitoring");
  }

  /** One labelled control with its hint and its (hidden) error slot. */
  _field(spec, path) {
    const id = `${this._uid}-f-${path.replace(/[^\w-]/g, "_")}`;
    const [labelText, hintText] = spec.label ? [this._t(spec.label), ""] : path === "asOf" ? STRINGS[this._lang].field.asOf : this._fieldText(path);
    const hintId = hintText ? `${id}-hint` : null;
    const errId = `${id}-err`;
    // Required: a "*" (explained at the top of the form) and aria-required on the control.
    const req = spec.required ? h("span", { class: "req", "aria-hidden": "true", text: " *" }) : null;
    // An empty hint keeps the inputs of one grid row level with each other (hidden from readers).
    const hint = hintText ? h("span", { class: "hint", id: hintId, text: hintText }) : h("span", { class: "hint empty", "aria-hidden": "true" });
    const err = h("p", { class: "error", id: errId, hidden: true, dataset: { errorFor: path } });
    const wrapper = h("div", { class: `field${spec.wide ? " wide" : ""}`, part: "field", dataset: { field: path } });
    let input;
    const common = { id, "aria-describedby": hintId ?? undefined, dataset: { path }, part: "input" };

    if (spec.kind === "multi") {
      const boxes = ENUMS[spec.codes].map((code) => {
        const boxId = `${id}-${code}`;
        return h("label", { class: "check-row", for: boxId },
          h("input", { type: "checkbox", id: boxId, value: code, dataset: { path, multi: "1" }, "aria-describedby": hintId ?? undefined }),
          this._code(spec.codes === "medicalInsurance" ? "medicalInsurance" : spec.codes, code));
      });
      const group = h("fieldset", { class: "multi", id, dataset: { path, group: path }, "aria-describedby": hintId ?? undefined },
        h("legend", { class: "label", text: labelText }), hint, h("div", { class: "check-list" }, boxes), err);
      wrapper.append(group);
      this._controls.set(path, { spec, input: group.querySelector("input"), group, boxes: [...group.querySelectorAll("input")], err, hintId, wrapper });
      return wrapper;
    }

    if (spec.kind === "text" || spec.kind === "date" || spec.kind === "money" || spec.kind === "number") {
      const numeric = spec.kind === "money" || spec.kind === "number";
      // Dates: a phone's numeric keypad has no "-" on iOS, so 8 digits (19750315) are enough and
      // become 1975-03-15 when the field is left; "1975-03-15", "1975/3/15" and "1975年3月15日" work too.
      input = h("input", { ...common, type: "text",
        inputmode: numeric ? "decimal" : spec.kind === "date" || spec.id ? "numeric" : undefined,
        spellcheck: "false", autocomplete: "off", "aria-required": spec.required ? "true" : undefined,
        maxlength: spec.id ? "22" : undefined });
      if (spec.id) {
        // The ID number is checked as it is typed; the status is announced politely.
        const status = h("span", { class: "hint id-status", id: `${id}-status`, "aria-live": "polite" });
        appendAll(wrapper, [h("label", { for: id }, labelText, req), hint, input, status, err]);
        this._controls.set(path, { spec, input, err, hintId, wrapper, statusId: status.id });
        this._describe(input, [hintId, status.id]);
        return wrapper;
      }
    } else {
      input = h("select", { ...common, "aria-required": spec.required ? "true" : undefined });
      const blank = spec.kind === "bool" || !spec.required ? this._t("unknownOption") : this._t("chooseOption");
      input.append(h("option", { value: "", text: blank }));
      if (spec.kind === "bool") {
        input.append(h("option", { value: "true", text: this._t("yes") }), h("option", { value: "false", text: this._t("no") }));
      } else if (spec.kind === "province") {
        for (const code of PROVINCE_CODES) input.append(h("option", { value: code, text: `${provinceName(code, this._lang)}${this._paren(code)}` }));
      } else {
        const group = spec.codes === "grade" ? "grade" : spec.codes;
        for (const code of ENUMS[spec.codes]) input.append(h("option", { value: String(code), text: this._code(group, code) }));
      }
    }
    appendAll(wrapper, [h("label", { for: id }, labelText, req), hint, input, err]);
    this._controls.set(path, { spec, input, err, hintId, wrapper });
    return wrapper;
  }

  // ---- reading and writing the form --------------------------------------------------------

  _read(path) {
    const c = this._controls.get(path);
    if (!c || c.wrapper.hidden) return undefined;
    const { spec } = c;
    if (spec.kind === "multi") {
      const codes = c.boxes.filter((b) => b.checked).map((b) => b.value);
      return codes.length ? codes : undefined;
    }
    const raw = c.input.value;
    switch (spec.kind) {
      case "text": {
        const s = spec.id ? halfWidth(raw).replace(/\s/g, "").toUpperCase() : raw.trim();
        return s === "" ? undefined : s;
      }
      case "date":
        return normaliseDate(raw);
      case "money":
        return parseNumber(raw, { money: true });
      case "number":
        return parseNumber(raw);
      case "bool":
        return raw === "true" ? true : raw === "false" ? false : undefined;
      default:
        if (raw === "") return undefined;
        return spec.numeric && /^\d+$/.test(raw) ? Number(raw) : raw;
    }
  }

  _write(path, value) {
    const c = this._controls.get(path);
    if (!c) return;
    const { spec } = c;
    if (spec.kind === "multi") {
      const list = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
      for (const b of c.boxes) b.checked = list.includes(b.value);
      return;
    }
    if (value === undefined || value === null) {
      c.input.value = "";
      return;
    }
    if (spec.kind === "bool") {
      c.input.value = value === true ? "true" : value === false ? "false" : "";
      return;
    }
    const s = typeof value === "object" ? JSON.stringify(value) : String(value);
    if (c.input.tagName === "SELECT" && ![...c.input.options].some((o) => o.value === s)) {
      // A value the form does not offer (say, from an imported file): keep it so the engine can name it.
      c.input.append(h("option", { value: s, text: s }));
    }
    c.input.value = s;
  }

  _populate(household, asOf) {
    this._write("asOf", asOf);
    const members = Array.isArray(household.members) ? household.members : [];
    for (const f of HOUSEHOLD_FIELDS) this._write(f.path, household[f.path]);
    members.forEach((m, i) => {
      for (const f of MEMBER_FIELDS) this._write(`members[${i}].${f.path}`, m?.[f.path]);
    });
    for (const f of [...INCOME_FIELDS, ...TRANSFER_FIELDS, ...SPENDING_FIELDS, ...HOUSING_FIELDS, ...RELOCATION_FIELDS,
      ...WATER_FIELDS, ...EXIT_FIELDS, ...MONITORING_FIELDS]) {
      this._write(f.path, getPath(household, f.path));
    }
    const secure = (v) => (v && typeof v === "object" ? v.secure : v);
    this._write("food.secure", secure(household.food));
    this._write("clothing.secure", secure(household.clothing));
    const el = household.electricity;
    this._write("electricity.connected", el && typeof el === "object" ? el.connected : el);
    this._monitoringToggle.checked = !!household.monitoring;
    this._monitoringInner.hidden = !household.monitoring;
  }

  /** The form as a contract Household: blank fields are left out (unknown), never guessed. */
  _serialize() {
    const hh = clone(this._extra) ?? {};
    const r = (p) => this._read(p);
    for (const f of HOUSEHOLD_FIELDS) setPath(hh, f.path, r(f.path));
    hh.members = [];
    for (let i = 0; i < this._memberCount; i++) {
      const m = {};
      for (const f of MEMBER_FIELDS) {
        let v = r(`members[${i}].${f.path}`);
        if (f.path === "medicalInsurance" && Array.isArray(v) && v.length === 1) v = v[0];
        setPath(m, f.path, v);
      }
      hh.members.push(m);
    }
    const income = {};
    for (const f of INCOME_FIELDS) setPath(income, f.path.slice(7), r(f.path));
    const items = {};
    for (const k of TRANSFER_ITEMS) setPath(items, k, r(`income.transferItems.${k}`));
    if (Object.keys(items).length) income.transferItems = items;
    hh.income = income;
    const spending = {};
    for (const f of SPENDING_FIELDS) setPath(spending, f.path.slice(9), r(f.path));
    if (Object.keys(spending).length) hh.spending = spending;
    const food = r("food.secure");
    if (food !== undefined) hh.food = { secure: food };
    const clothing = r("clothing.secure");
    if (clothing !== undefined) hh.clothing = { secure: clothing };
    const housing = {};
    for (const f of HOUSING_FIELDS) setPath(housing, f.path.slice(8), r(f.path));
    const relocation = {};
    for (const f of RELOCATION_FIELDS) setPath(relocation, f.path.slice(19), r(f.path));
    if (Object.keys(relocation).length) housing.relocation = relocation;
    if (Object.keys(housing).length) hh.housing = housing;
    const water = {};
    for (const f of WATER_FIELDS) setPath(water, f.path.slice(6), r(f.path));
    if (Object.keys(water).length) hh.water = water;
    const connected = r("electricity.connected");
    if (connected !== undefined) hh.electricity = { connected };
    if (this._monitoringToggle.checked) {
      const mon = {};
      for (const f of MONITORING_FIELDS) setPath(mon, f.path.slice(11), r(f.path));
      hh.monitoring = mon;
    }
    const steps = {};
    for (const s of EXIT_STEPS) setPath(steps, s, r(`exitProcedure.${s}`));
    if (Object.keys(steps).length) hh.exitProcedure = steps;
    return hh;
  }

  // ---- form events -------------------------------------------------------------------------

  _onInput(e) {
    if (e.target && e.target.closest && e.target.closest(".line-prompt")) return;
    const path = e.target?.dataset?.path;
    if (path === "asOf") this._updateRegimeHint();
    if (path && /^members\[\d+\]\.idNumber$/.test(path)) this._idTyped(path);
    else if (path && /^members\[\d+\]\.(birthDate|sex)$/.test(path)) delete e.target.dataset.fromId; // edited by hand
    if (path && path.startsWith("members[")) this._updateMemberSummaries();
    this._markStale();
    this._scheduleSave();
  }

  /**
   * As a 身份证号 is typed: its check digit is verified (GB 11643), and once it is valid the
   * member's birth date and sex are filled from it, unless the person typed them by hand.
   */
  _idTyped(path) {
    const c = this._controls.get(path);
    if (!c) return;
    const id = halfWidth(c.input.value).replace(/\s/g, "").toUpperCase();
    const status = this._root.getElementById(c.statusId);
    const st = idStatus(id);
    let text = "";
    if (st === "ok") {
      const prefix = path.replace(/idNumber$/, "");
      const fillFrom = (field, value) => {
        const t = this._controls.get(prefix + field);
        if (!t || !value) return;
        if (t.input.value === "" || t.input.dataset.fromId === "1") {
          t.input.value = value;
          t.input.dataset.fromId = "1";
        }
      };
      fillFrom("birthDate", birthFromId(id));
      fillFrom("sex", sexFromId(id));
      this._updateConditional();
      text = this._t("idOk");
    } else if (st === "bad_checksum") text = this._t("idBadChecksum");
    else if (st === "bad_format") text = this._t("idBadFormat");
    else if (st === "bad_date") text = this._t("idBadDate");
    if (status && status.textContent !== text) status.textContent = text;
    if (status) status.classList.toggle("id-bad", st !== "ok" && st !== "partial");
  }

  _onChange(e) {
    const t = e.target;
    if (t && t.closest && t.closest(".line-prompt")) return; // the line prompt is not household data
    if (t?.dataset?.toggle === "monitoring") {
      this._monitoringInner.hidden = !t.checked;
    }
    if (t?.dataset?.path === "asOf" || t?.dataset?.kind === "date") this._updateRegimeHint();
    const c = t?.dataset?.path ? this._controls.get(t.dataset.path) : null;
    if (c && c.spec.kind === "date" && t.value) {
      const n = normaliseDate(t.value);
      if (n && n !== t.value && /^\d{4}-\d{2}-\d{2}$/.test(n)) t.value = n;
    }
    this._updateConditional();
    const path = t?.dataset?.path;
    if (path === "registration" || path === "asOf") this._updateSections({ force: true });
    if (path && path.startsWith("members[")) this._updateMemberSummaries();
    this._markStale();
    this._scheduleSave();
    if (this._problems.length && this._engine === "ready") this._revalidate({ all: false });
  }

  /** Fields that matter only for some answers (disability grade, dropout reason). */
  _updateConditional() {
    // Household fields that apply to some registrations only (脱贫时间 for exited households);
    // a field holding a value always shows.
    for (const f of HOUSEHOLD_FIELDS) {
      if (!f.showIf) continue;
      const c = this._controls.get(f.path);
      const dep = this._controls.get(f.showIf.field);
      if (c && dep) c.wrapper.hidden = !(f.showIf.values.includes(dep.input.value) || c.input.value !== "");
    }
    const asOf = this._asOfValue();
    for (let i = 0; i < this._memberCount; i++) {
      for (const f of MEMBER_FIELDS) {
        if (!f.showIf) continue;
        if (f.showIf.youngerThan) {
          const c = this._controls.get(`members[${i}].${f.path}`);
          const birth = normaliseDate(this._controls.get(`members[${i}].birthDate`)?.input.value || "") || "";
          let young = true;
          if (/^\d{4}-\d{2}-\d{2}$/.test(birth) && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
            const age = Number(asOf.slice(0, 4)) - Number(birth.slice(0, 4)) - (asOf.slice(5) < birth.slice(5) ? 1 : 0);
            young = age < f.showIf.youngerThan;
          }
          if (c) c.wrapper.hidden = !(young || c.input.value !== "");
          continue;
        }
        const c = this._controls.get(`members[${i}].${f.path}`);
        const dep = this._controls.get(`members[${i}].${f.showIf.field}`);
        if (!c || !dep) continue;
        const show = dep.input.value === f.showIf.value || c.input.value !== "";
        c.wrapper.hidden = !show;
      }
    }
  }

  _markStale() {
    if (!this._report || this._stale) return;
    this._stale = true;
    const s = this._root.getElementById(`${this._uid}-stale`);
    if (s) s.hidden = false;
  }

  _updateRegimeHint() {
    const asOf = this._asOfValue();
    const c = this._controls.get("asOf");
    if (!c) return;
    let key = null;
    if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) key = asOf <= "2020-12-31" ? "regimeHintExit" : asOf < "2026-01-01" ? "regimeHintMonitoring" : "regimeHintAfter";
    let hint = c.wrapper.querySelector(".regime-hint");
    if (!hint) {
      hint = h("span", { class: "hint regime-hint", id: `${this._uid}-regime-hint` });
      c.input.after(hint);
      this._describe(c.input, [c.hintId, hint.id]);
    }
    hint.textContent = key ? this._t(key) : "";
  }

  _renderSettingsNote() {
    const p = this.getAttribute("province");
    if (!this._settingsNote) return;
    this._settingsNote.textContent = p ? this._t("provinceFromAttr", { p: `${provinceName(p, this._lang)}${this._paren(p)}` }) : "";
    this._settingsNote.hidden = !p;
  }

  _renderEngineStatus() {
    if (!this._engineLine) return;
    const submit = this._form ? this._form.querySelector("button[type=submit]") : null;
    if (submit) submit.disabled = this._engine === "failed";
    // Once ready, the status line is for assistive technology only (a phone screen has no room to spare).
    this._engineLine.classList.toggle("visually-hidden", this._engine === "ready");
    if (this._engine === "ready") {
      const v = this._version;
      this._engineLine.textContent = `${this._t("engineReady")}${v && v.crate ? this._paren(`tuopin ${v.crate}`) : ""}`;
      this._engineAlert.hidden = true;
    } else if (this._engine === "failed") {
      // A visible, announced explanation, in the element's language and the other one (the site
      // owner who reads it may not read the page's language), with what to change.
      this._engineLine.textContent = this._t("engineFailed");
      const kind = this._engineFailure || "other";
      const block = (lang) => {
        const t = FAILURE_TEXT[lang];
        const [what, todo] = t[kind];
        return h("div", { lang, class: "engine-alert-lang" },
          h("p", { class: "engine-alert-title", text: t.title }),
          h("p", { text: what }),
          h("p", { text: todo }));
      };
      const other = this._lang === "en" ? "zh-CN" : "en";
      setChildren(this._engineAlert,
        block(this._lang),
        h("details", null, h("summary", { lang: other, text: other === "en" ? "In English" : "中文说明" }), block(other)),
        h("p", { class: "note", text: `${FAILURE_TEXT[this._lang].detail}${this._engineError || ""}` }));
      this._engineAlert.hidden = false;
    } else {
      this._engineLine.textContent = this._t("loading");
      this._engineAlert.hidden = true;
    }
  }

  _focusEngineAlert() {
    if (!this._engineAlert || this._engineAlert.hidden) return;
    this._engineAlert.focus();
    this._engineAlert.scrollIntoView?.({ block: "start" });
  }

  _renderDraftControls() {
    if (!this._draftBar) return;
    const on = this._draftEnabled();
    const saved = on && this._draftSavedAt && hasDraft(this._draftKey()) ? this._t("draftSaved", { date: expiryDate(this._draftSavedAt) }) : "";
    setChildren(this._draftBar,
      // The shared-computer notice stays while drafts are on; "saved" is a line of its own.
      h("p", { class: "status-line draft-note", id: `${this._uid}-draft-status`,
        text: on ? this._t("draftNote", { days: DRAFT_DAYS }) : this._t("draftOff") }),
      on ? h("p", { class: "status-line", id: `${this._uid}-draft-saved`, text: saved }) : null,
      h("button", { type: "button", class: "danger", part: "button clear", id: `${this._uid}-clear`,
        text: on ? this._t("clearDraft") : this._t("clearForm"), onclick: () => this.clear() }),
      h("button", { type: "button", part: "button print-view", id: `${this._uid}-print-view`, text: this._t("printView"),
        onclick: () => this._openPrintView() }),
    );
  }

  // ---- the income line in force (issue 10 §1) ------------------------------------------------

  _placeName(province) {
    return province ? provinceName(province, this._lang) : this._t("yourProvince");
  }

  _lineValueText(value) {
    if (typeof value === "number") return this._t("lineAmount", { n: this._money(value) });
    if (value && typeof value === "object") return this._t("lineDibao", { m: this._money(value.dibaoMonthly), f: this._money(value.factor) });
    return "—";
  }

  /** Shown under the date when the element itself supplied the line: which, from where, changeable. */
  _renderLineInUse() {
    const box = this._lineInUse;
    if (!box) return;
    const line = this._reportLine;
    if (!line || line.origin === "policy" || this._linePromptOpen) {
      box.hidden = true;
      setChildren(box);
      return;
    }
    const what = this._t(line.key === "monitoringLine" ? "monitoringLineName" : "povertyLineName");
    const from = this._t(line.origin === "host" ? "lineFromHost" : "lineFromTyped", { place: this._placeName(line.province), year: line.year });
    setChildren(box,
      h("p", { class: "hint" }, this._pair(what, this._lineValueText(line.value)), this._paren(from), " ",
        line.origin === "typed" ? h("button", { type: "button", class: "link", text: this._t("lineChange"),
          onclick: () => this._openLinePrompt({ key: line.key, province: line.province, year: line.year, value: line.value }) }) : null));
    box.hidden = false;
  }

  _focusLinePrompt() {
    const input = this._root.getElementById(`${this._uid}-line-amount`);
    if (!input) return;
    input.focus();
    const fs = this._root.getElementById(`${this._uid}-line-prompt`);
    if (fs && fs.scrollIntoView) fs.scrollIntoView({ block: "start" });
  }

  /** Opens the in-place prompt for the line of `slot` ({ key, province, year, value? }). */
  _openLinePrompt(slot) {
    this._linePromptOpen = slot;
    this._renderLinePrompt();
    this._renderLineInUse();
    this._focusLinePrompt();
  }

  _closeLinePrompt() {
    this._linePromptOpen = null;
    this._renderLinePrompt();
  }

  /**
   * The in-place question for a missing line: what it is, why it is needed, where an official finds
   * it, and, after 2025, that the 2021–2025 rules are applied. An amount, or the local 农村低保
   * monthly standard and a multiple (contract v1.1 item 4). Registered as the control of the
   * problem path, so the error summary links here.
   */
  _renderLinePrompt() {
    const slotBox = this._linePrompt;
    if (!slotBox) return;
    for (const k of Object.values(LINE_PROBLEMS)) this._controls.delete(`options.policy.${k}`);
    const slot = this._linePromptOpen;
    if (!slot) {
      setChildren(slotBox);
      return;
    }
    const id = `${this._uid}-line`;
    const monitoring = slot.key === "monitoringLine";
    const place = this._placeName(slot.province);
    const year = slot.year || "—";
    const prev = slot.value;
    const byDibao = prev && typeof prev === "object";
    const t = (k, v) => this._t(k, { place, year, ...v });
    const err = h("p", { class: "error", id: `${id}-err`, hidden: true, dataset: { errorFor: `options.policy.${slot.key}` } });
    const amount = h("input", { type: "text", inputmode: "decimal", id: `${id}-amount`, autocomplete: "off", spellcheck: "false",
      part: "input", "aria-describedby": `${id}-amount-hint`, dataset: { linePart: "amount" },
      value: typeof prev === "number" ? String(prev) : "" });
    const dibao = h("input", { type: "text", inputmode: "decimal", id: `${id}-dibao`, autocomplete: "off", spellcheck: "false",
      part: "input", "aria-describedby": `${id}-dibao-hint`, value: byDibao ? String(prev.dibaoMonthly) : "" });
    const factor = h("input", { type: "text", inputmode: "decimal", id: `${id}-factor`, autocomplete: "off", spellcheck: "false",
      part: "input", "aria-describedby": `${id}-factor-hint`, value: byDibao ? String(prev.factor) : "" });
    const radio = (value, text, checked) => h("label", { class: "check-row", for: `${id}-basis-${value}` },
      h("input", { type: "radio", name: `${id}-basis`, id: `${id}-basis-${value}`, value, checked }), text);
    const amountBox = h("div", { class: "field", hidden: byDibao },
      h("label", { for: `${id}-amount`, text: t(monitoring ? "lineAmountLabelMonitoring" : "lineAmountLabelPoverty") }),
      h("span", { class: "hint", id: `${id}-amount-hint`, text: this._t("lineAmountHint") }), amount);
    const dibaoBox = h("div", { class: "grid", hidden: !byDibao },
      h("div", { class: "field" }, h("label", { for: `${id}-dibao`, text: this._t("dibaoMonthlyLabel") }),
        h("span", { class: "hint", id: `${id}-dibao-hint`, text: this._t("dibaoMonthlyHint") }), dibao),
      h("div", { class: "field" }, h("label", { for: `${id}-factor`, text: this._t("dibaoFactorLabel") }),
        h("span", { class: "hint", id: `${id}-factor-hint`, text: this._t("dibaoFactorHint") }), factor));
    const basis = h("fieldset", { class: "multi", onchange: (e) => {
      const dib = e.target && e.target.value === "dibao";
      amountBox.hidden = dib;
      dibaoBox.hidden = !dib;
    } },
    h("legend", { class: "label", text: this._t("lineBasisQuestion") }),
    h("div", { class: "check-list" }, radio("amount", this._t("lineBasisAmount"), !byDibao), radio("dibao", this._t("lineBasisDibao"), byDibao)));
    const use = () => {
      const dib = basis.querySelector("input:checked")?.value === "dibao";
      let value;
      const problems = [];
      if (dib) {
        const m = parseNumber(dibao.value, { money: true });
        const f = parseNumber(factor.value);
        if (typeof m !== "number" || !(m > 0)) problems.push(this._t("dibaoMonthlyBad"));
        if (typeof f !== "number" || !(f > 0)) problems.push(this._t("dibaoFactorBad"));
        value = { dibaoMonthly: m, factor: f };
      } else {
        const a = parseNumber(amount.value, { money: true });
        if (typeof a !== "number" || !(a > 0)) problems.push(this._t("lineAmountBad"));
        value = a;
      }
      if (problems.length || !isLineValue(value)) {
        err.hidden = false;
        setChildren(err, h("span", { class: "visually-hidden", text: `${this._t("errorPrefix")} ` }), problems.join(" "));
        const bad = dib ? dibao : amount;
        bad.setAttribute("aria-invalid", "true");
        bad.setAttribute("aria-describedby", `${err.id} ${bad.getAttribute("aria-describedby")}`);
        bad.focus();
        return;
      }
      rememberLine(slot.key, slot.province, slot.year, value);
      this._closeLinePrompt();
      this._assess({ quiet: false, cause: "submit" });
    };
    const after2025 = /^\d{4}$/.test(String(slot.year)) && Number(slot.year) >= 2026;
    const fs = h("fieldset", { class: "line-prompt", part: "line-prompt", id: `${id}-prompt`, "aria-describedby": `${id}-what` },
      h("legend", { text: t(monitoring ? "linePromptTitleMonitoring" : "linePromptTitlePoverty") }),
      err,
      h("p", { id: `${id}-what`, text: t(monitoring ? "linePromptWhatMonitoring" : "linePromptWhatPoverty") }),
      h("p", { text: t(monitoring ? "linePromptWhereMonitoring" : "linePromptWherePoverty") }),
      after2025 ? h("p", { class: "note", text: this._t("linePromptAfter2025") }) : null,
      basis, amountBox, dibaoBox,
      h("p", { class: "note", text: t("linePromptRemember") }),
      h("div", { class: "actions" },
        h("button", { type: "button", class: "primary", part: "button line-use", text: this._t("lineUse"), onclick: use })));
    // Enter in one of these fields uses the line (it is not the household form's submit).
    fs.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && e.target && e.target.tagName === "INPUT" && e.target.type === "text") {
        e.preventDefault();
        use();
      }
    });
    setChildren(slotBox, fs);
    this._controls.set(`options.policy.${slot.key}`, {
      spec: { kind: "money", label: monitoring ? "monitoringLineName" : "povertyLineName", line: true },
      input: amount, err, hintId: `${id}-amount-hint`, wrapper: fs,
    });
  }

  _announce(text) {
    if (!this._live) return;
    this._live.textContent = "";
    // A fresh text node after a tick makes screen readers announce a repeated message too.
    setTimeout(() => {
      this._live.textContent = text;
    }, 50);
  }

  // ---- members -----------------------------------------------------------------------------

  _addMember() {
    const hh = this._serialize();
    hh.members.push({});
    const n = hh.members.length;
    this._shiftProblems(null);
    // The new member's card opens; the others fold to their one-line summaries (a phone screen
    // holds the member being typed, not four).
    const keep = this._openState();
    keep.members = hh.members.map((_, k) => k === n - 1);
    this._build(hh, this._asOfValue(), keep);
    this._controls.get(`members[${n - 1}].name`)?.input.focus();
    this._announce(this._t("memberAdded", { n }));
    this._markStale();
    this._scheduleSave();
  }

  _removeMember(i) {
    const hh = this._serialize();
    hh.members.splice(i, 1);
    this._shiftProblems(i);
    const keep = this._openState();
    keep.members.splice(i, 1);
    this._build(hh, this._asOfValue(), keep);
    const count = hh.members.length;
    const next = this._root.querySelector(`[data-remove="${Math.min(i, count - 1)}"]`) ?? this._root.getElementById(`${this._uid}-add-member`);
    next?.focus();
    this._announce(this._t("memberRemoved", { n: i + 1, count }));
    this._markStale();
    this._scheduleSave();
    if (this._problems.length && this._engine === "ready") this._revalidate({ all: false });
  }

  /** After member i is removed, problems on later members move up; problems on i go. */
  _shiftProblems(removed) {
    if (removed === null) return;
    this._problems = this._problems
      .filter((p) => !p.path.startsWith(`members[${removed}]`))
      .map((p) => {
        const m = p.path.match(/^members\[(\d+)\](.*)$/);
        if (m && Number(m[1]) > removed) return { ...p, path: `members[${Number(m[1]) - 1}]${m[2]}` };
        return p;
      });
  }

  // ---- problems ----------------------------------------------------------------------------

  /** The control or group a problem path belongs to: the path itself or its nearest ancestor. */
  _targetFor(path) {
    let p = path === "options.asOf" ? "asOf" : path.replace(/^household\./, "");
    if (p === "food" || p === "clothing") p = `${p}.secure`;
    if (p === "electricity") p = "electricity.connected";
    while (p) {
      const c = this._controls.get(p);
      if (c && !c.wrapper.hidden) return { control: c, path: p };
      const group = this._root.querySelector(`fieldset[data-group="${CSS.escape(p)}"]`);
      if (group && !group.closest("[hidden]")) return { group, path: p };
      p = parentPath(p);
    }
    return null;
  }

  _describe(input, ids) {
    const list = ids.filter(Boolean);
    if (list.length) input.setAttribute("aria-describedby", list.join(" "));
    else input.removeAttribute("aria-describedby");
  }

  _clearProblemMarks() {
    for (const c of this._controls.values()) {
      c.err.hidden = true;
      c.err.textContent = "";
      const inputs = c.boxes ?? [c.input];
      for (const i of inputs) {
        i.removeAttribute("aria-invalid");
        const regime = i.dataset.path === "asOf" ? `${this._uid}-regime-hint` : null;
        this._describe(i, [c.hintId, c.statusId, regime]);
      }
    }
    for (const e of this._root.querySelectorAll("fieldset > p.error[data-error-for]")) {
      e.hidden = true;
      e.textContent = "";
    }
    for (const fs of this._root.querySelectorAll("fieldset[data-group][data-invalid]")) {
      fs.removeAttribute("data-invalid");
      const hint = fs.querySelector(":scope > .section-hint");
      if (hint) fs.setAttribute("aria-describedby", hint.id);
      else fs.removeAttribute("aria-describedby");
    }
  }

  /** Engine messages may start with the path ("members[0].birthDate: ..."); the form shows it by label. */
  _message(p) {
    const path = p.path ?? "";
    if (p.code in LINE_PROBLEMS) {
      const slot = this._linePromptOpen || this._lineSlot(this._serialize(), this._asOfValue());
      return this._t(p.code === "no_monitoring_line" ? "lineNeededMonitoring" : "lineNeededPoverty",
        { place: this._placeName(slot.province), year: slot.year || "—" });
    }
    if (p.code === "invalid_type") {
      // "类型错误：收到 string，应为 number" reads like a developer's: say what to type.
      const c = this._controls.get(path.replace(/^household\./, ""));
      if (c && c.spec.kind === "money") return this._t("moneyHint");
      if (c && c.spec.kind === "number") return this._t("numberHint");
    }
    const m = String(p.message ?? p.code ?? "");
    if (path && m.startsWith(path)) return m.slice(path.length).replace(/^\s*[:：]\s*/, "");
    return m;
  }

  _showProblems(problems, { focus }) {
    this._problems = problems;
    const lineProblem = problems.find((p) => p.code in LINE_PROBLEMS);
    if (lineProblem) {
      const slot = { ...this._lineSlot(this._serialize(), this._asOfValue()), key: LINE_PROBLEMS[lineProblem.code], fromProblem: true };
      const open = this._linePromptOpen;
      if (!open || open.key !== slot.key || open.province !== slot.province || open.year !== slot.year) {
        this._linePromptOpen = slot;
        this._renderLinePrompt();
        this._renderLineInUse();
      }
    } else if (this._linePromptOpen && this._linePromptOpen.fromProblem) {
      this._closeLinePrompt();
    }
    this._clearProblemMarks();
    const byTarget = new Map();
    const items = [];
    for (const p of problems) {
      const target = this._targetFor(p.path ?? "");
      const key = target ? target.path : `#${items.length}`;
      if (!byTarget.has(key)) byTarget.set(key, { target, messages: [] });
      byTarget.get(key).messages.push(this._message(p));
      items.push({ p, target });
    }
    for (const { target, messages } of byTarget.values()) {
      if (!target) continue;
      this._reveal(target.control ? target.control.wrapper : target.group);
      const text = messages.join(" ");
      if (target.control) {
        const c = target.control;
        c.err.hidden = false;
        setChildren(c.err, h("span", { class: "visually-hidden", text: `${this._t("errorPrefix")} ` }), text);
        for (const i of c.boxes ?? [c.input]) {
          i.setAttribute("aria-invalid", "true");
          const regime = i.dataset.path === "asOf" ? `${this._uid}-regime-hint` : null;
          this._describe(i, [c.err.id, c.hintId, c.statusId, regime]);
        }
      } else {
        const fs = target.group;
        const err = fs.querySelector(":scope > p.error[data-error-for]");
        if (err) {
          err.hidden = false;
          setChildren(err, h("span", { class: "visually-hidden", text: `${this._t("errorPrefix")} ` }), text);
          fs.setAttribute("data-invalid", "");
          const hint = fs.querySelector(":scope > .section-hint");
          fs.setAttribute("aria-describedby", [err.id, hint?.id].filter(Boolean).join(" "));
        }
      }
    }
    this._renderSummary(items);
    if (problems.length && focus) {
      this._setView("form");
      this._summary.focus();
      this._summary.scrollIntoView?.({ block: "start" });
    }
  }

  _renderSummary(items) {
    const s = this._summary;
    if (!items.length) {
      s.hidden = true;
      setChildren(s);
      return;
    }
    const list = h("ul", null, items.map(({ p, target }) => {
      const label = target ? this._labelForTarget(target) : null;
      const text = label ? this._pair(label, this._message(p)) : this._message(p);
      if (!target) return h("li", { text });
      return h("li", null, h("button", { type: "button", class: "link", text,
        onclick: () => this._focusTarget(target) }));
    }));
    setChildren(s,
      h("h3", { id: `${this._uid}-errors-title`, text: this._t("errorsTitle", { n: items.length }) }),
      h("p", { text: this._t("errorsIntro") }),
      list);
    s.hidden = false;
  }

  _labelForTarget(target) {
    const path = target.path;
    const m = path.match(/^members\[(\d+)\]/);
    const who = m ? `${this._t("member")} ${Number(m[1]) + 1}` : null;
    let label;
    if (target.control) {
      label = target.control.spec.label ? this._t(target.control.spec.label) : path === "asOf" ? STRINGS[this._lang].field.asOf[0] : this._fieldText(path)[0];
    } else {
      label = target.group.querySelector(":scope > legend")?.textContent ?? path;
    }
    return who && label !== who ? `${who} · ${label}` : label;
  }

  _focusTarget(target) {
    const el = target.control ? (target.control.boxes?.[0] ?? target.control.input) : target.group.querySelector("input, select, button");
    if (!el) return;
    this._reveal(el);
    el.focus();
    el.scrollIntoView?.({ block: "center" });
  }

  /** Re-checks the form after a change: errors that are fixed go; new ones wait for the next submit. */
  _revalidate({ all }) {
    let problems;
    try {
      problems = engineValidate(this._serialize(), this._options());
    } catch {
      return;
    }
    if (!Array.isArray(problems)) return;
    if (all) {
      this._showProblems(problems, { focus: false });
      return;
    }
    // validate() does not look for the income line: a missing-line problem stays until the next assessment.
    const still = this._problems
      .map((old) => (old.code in LINE_PROBLEMS ? old : problems.find((p) => p.path === old.path && p.code === old.code)))
      .filter(Boolean);
    if (still.length !== this._problems.length) this._showProblems(still, { focus: false });
  }

  // ---- result ------------------------------------------------------------------------------

  _clearResult() {
    this._report = null;
    this._reportHousehold = null;
    this._stale = false;
    this._problems = [];
    if (this._resultBox) {
      this._resultBox.hidden = true;
      setChildren(this._resultBox);
      setChildren(this._printBox);
      this._wrap.classList.remove("has-result");
    }
    if (this._summary) this._showProblems([], { focus: false });
    this._setView("form");
  }

  _verdictInfo(report) {
    if (report.regime === "exit_2016") {
      if (report.exit) {
        const v = report.exit.verdict;
        return { tone: v === "ready" ? "pass" : v === "not_ready" ? "fail" : "unknown", text: this._code("verdict", v), label: this._t("exit") };
      }
      return { tone: "na", text: this._t("noExit"), label: this._t("exit") };
    }
    const cat = report.monitoring?.category ?? "unknown";
    return {
      tone: cat === "none" ? "pass" : cat === "unknown" ? "unknown" : "fail",
      text: this._code("category", cat),
      label: this._t("category"),
    };
  }

  _verdictText(report) {
    const v = this._verdictInfo(report);
    let text = this._pair(v.label, v.text);
    if (report.riskElimination) text += `${this._lang === "en" ? "; " : "；"}${this._pair(this._t("elimination"), this._code("elimination", report.riskElimination.verdict))}`;
    return text;
  }

  _badge(tone, text, extraClass = "") {
    return h("span", { class: `badge tone-${tone} ${extraClass}`.trim(), part: `badge badge-${tone}` },
      h("span", { "aria-hidden": "true", text: SYMBOL[tone] }), text);
  }

  _verdictBlock(label, tone, text, id) {
    return h("div", { class: `verdict tone-${tone}`, part: `verdict verdict-${tone}`, id, tabindex: id ? "-1" : undefined },
      h("span", { class: "symbol", "aria-hidden": "true", text: SYMBOL[tone] }),
      h("span", null, this._pair(label, text)));
  }

  _memberName(index, household) {
    const m = household?.members?.[index];
    const name = m && typeof m.name === "string" && m.name.trim() ? m.name : null;
    const n = `${this._t("member")} ${index + 1}`;
    return name ? `${n}${this._paren(name)}` : n;
  }

  _blockerText(code, report) {
    if (code in STRINGS[this._lang].code.check) {
      const check = report?.checks?.find((c) => c.id === code);
      return this._pair(this._code("check", code), check?.reason || this._code("status", "fail"));
    }
    return this._code("blocker", code);
  }

  _renderResult() {
    const report = this._report;
    if (!report) return;
    setChildren(this._resultBox, ...this._reportNodes(report, this._reportHousehold, { print: false }));
    this._resultBox.hidden = false;
    this._wrap.classList.add("has-result");
    this._renderPrint();
  }

  _reportNodes(report, household, { print }) {
    const id = this._uid;
    const nodes = [];
    const v = this._verdictInfo(report);
    if (!print) {
      nodes.push(h("h2", { id: `${id}-result-title`, tabindex: "-1", text: this._t("resultTitle") }));
      nodes.push(h("p", { class: "stale", id: `${id}-stale`, hidden: !this._stale, text: this._t("resultStale") }));
    }
    nodes.push(this._verdictBlock(v.label, v.tone, v.text, print ? null : `${id}-verdict`));
    const blocking = report.exit?.blocking ?? [];
    if (report.exit && blocking.length) {
      nodes.push(h("h3", { text: this._t("blocking") }), h("ul", { class: "blocking" }, blocking.map((b) => h("li", { text: this._blockerText(b, report) }))));
    }
    if (report.exit?.unknown?.length) nodes.push(this._unknownList(report.exit.unknown));
    const re = report.riskElimination;
    if (re) {
      const tone = re.verdict === "eligible" ? "pass" : re.verdict === "not_eligible" ? "fail" : "unknown";
      nodes.push(this._verdictBlock(this._t("elimination"), tone, this._code("elimination", re.verdict)));
      if (re.mode) nodes.push(h("p", { text: this._pair(this._t("mode"), this._code("mode", re.mode)) }));
      if (typeof re.monthsSinceIdentification === "number") {
        nodes.push(h("p", { text: this._t("monthsSince", { n: re.monthsSinceIdentification }) }));
      }
      if (re.blocking?.length) {
        nodes.push(h("h3", { text: this._t("blocking") }), h("ul", { class: "blocking" }, re.blocking.map((b) => h("li", { text: this._blockerText(b, report) }))));
      }
      if (re.unknown?.length) nodes.push(this._unknownList(re.unknown));
    }

    const pol = report.policy ?? {};
    const facts = [
      [this._t("regime"), this._code("regime", report.regime)],
      [this._t("asOfShort"), pol.asOf ?? ""],
      [this._t("policyPack"), [pol.pack, pol.province ? `${provinceName(pol.province, this._lang)}${this._paren(pol.province)}` : null].filter(Boolean).join(" · ")],
    ];
    if (pol.overrides && Object.keys(pol.overrides).length) facts.push([this._t("overrides"), JSON.stringify(pol.overrides)]);
    nodes.push(this._dl(facts));

    if (report.monitoring && report.regime === "monitoring_2021") nodes.push(this._monitoringSection(report.monitoring));
    nodes.push(this._incomeSection(report, household, { print }));
    nodes.push(this._checksSection(report, household));
    if (report.exit?.steps?.length) nodes.push(this._stepsSection(report.exit.steps));
    if (report.causes?.length || report.measures?.length) nodes.push(this._causesSection(report));
    if (report.warnings?.length) nodes.push(this._warningsSection(report.warnings, { print }));
    if (!print && Array.isArray(pol.applied) && pol.applied.length) nodes.push(this._appliedSection(pol.applied));
    return nodes;
  }

  /** Conditions that are neither met nor failed because a fact is missing. */
  _unknownList(codes) {
    return h("div", { class: "unknown-list" },
      h("h3", { text: this._t("stillUnknown") }),
      h("ul", null, codes.map((c) => {
        const label = c in STRINGS[this._lang].code.check ? this._pair(this._code("check", c), this._code("status", "unknown")) : this._code("blocker", c);
        return h("li", { text: label });
      })),
      h("p", { class: "note", text: this._t("stillUnknownHint") }));
  }

  _dl(pairs) {
    return h("dl", { class: "facts" }, pairs.map(([k, v]) => [h("dt", { text: k }), h("dd", { text: v ?? "—" })]));
  }

  _section(title, ...content) {
    return h("section", null, h("h3", { text: title }), content);
  }

  _monitoringSection(mon) {
    const pairs = [[this._t("category"), this._code("category", mon.category ?? "unknown")]];
    if (mon.recorded) pairs.push([this._t("recorded"), this._code("category", mon.recorded)]);
    const reasons = (mon.reasons ?? []).map((r) => (typeof r === "string" ? r : r.message ?? r.code));
    return this._section(this._t("monitoringTitle"), this._dl(pairs),
      reasons.length ? [h("h4", { text: this._t("reasons") }), h("ul", null, reasons.map((r) => h("li", { text: r })))] : null);
  }

  _incomeSection(report, household, { print }) {
    const inc = report.income ?? {};
    const yuan = (n) => (n === null || n === undefined ? "—" : this._t("yuan", { n: this._money(n) }));
    const pairs = [
      [this._t("net"), yuan(inc.net)],
      [this._t("memberCount"), inc.members ?? "—"],
      [this._t("perCapita"), yuan(inc.perCapita)],
      [this._t("countedPerCapita"), yuan(inc.countedPerCapita)],
      [`${this._t("line")}${this._paren(this._code("lineKind", inc.lineKind))}`, yuan(inc.line)],
      [this._t("margin"), yuan(inc.margin)],
    ];
    if (typeof inc.transferShare === "number") pairs.push([this._t("transferShare"), `${Math.round(inc.transferShare * 1000) / 10}%`]);
    if (inc.excluded?.length) {
      pairs.push([this._t("excluded"), inc.excluded.map((x) => `${this._code("transferItem", x.item)} ${yuan(x.amount)}`).join(this._lang === "en" ? "; " : "；")]);
    }
    if (inc.lineSource) pairs.push([this._t("lineSource"), inc.lineSource]);
    const basis = this._lineBasisText(inc);
    if (basis) pairs.push([this._t("lineBasisTitle"), basis]);
    const parts = [this._dl(pairs)];
    if (Array.isArray(inc.unknown) && inc.unknown.length) {
      parts.push(h("p", { text: this._t("incomeUnknown") }),
        h("ul", null, inc.unknown.map((p) => h("li", { text: this._fieldText(p)[0] ?? p }))));
    }
    const gap = this._gapText(inc);
    if (gap) parts.push(h("p", { class: "gap", text: gap }));
    if (!print) parts.push(this._whatIf(report, household));
    return this._section(this._t("incomeTitle"), parts);
  }

  /**
   * Which basis set the line (issue 10 §1, contract v1.1 item 4): the engine's
   * report.income.lineBasis, and, when the element supplied the line, its value and origin.
   */
  _lineBasisText(inc) {
    const parts = [];
    const line = this._reportLine;
    const key = inc.lineKind === "monitoring_line" ? "monitoringLine" : "povertyLine";
    if (line && line.key === key) {
      const from = line.origin === "policy" ? this._t("lineBasisCaller")
        : this._t(line.origin === "host" ? "lineFromHost" : "lineFromTyped", { place: this._placeName(line.province), year: line.year });
      parts.push(`${this._lineValueText(line.value)}${this._paren(from)}`);
    } else if (inc.lineBasis && inc.lineBasis.kind === "dibao_multiple") {
      parts.push(this._t("lineBasisDibao"));
    }
    if (inc.lineBasis && inc.lineBasis.source) parts.push(inc.lineBasis.source);
    return parts.join(this._lang === "en" ? "; " : "；");
  }

  _gapText(inc) {
    if (typeof inc.margin !== "number" || typeof inc.members !== "number") return null;
    const fen = Math.round(inc.margin * 100);
    const gap = this._money(Math.abs(fen) / 100);
    // The household's yearly distance, in whole fen: line × members − counted net income.
    let totalFen = Math.abs(fen) * inc.members;
    if (typeof inc.net === "number" && typeof inc.line === "number") {
      const excludedFen = (inc.excluded ?? []).reduce((n, x) => n + Math.round((x.amount ?? 0) * 100), 0);
      totalFen = Math.abs(Math.round(inc.line * 100) * inc.members - (Math.round(inc.net * 100) - excludedFen));
    }
    const total = this._money(totalFen / 100);
    const monitoring = inc.lineKind === "monitoring_line";
    if (fen === 0) return this._t("gapAt");
    if (monitoring) return this._t(fen > 0 ? "gapAboveMonitoring" : "gapBelowMonitoring", { gap, total });
    return this._t(fen > 0 ? "gapAbove" : "gapBelow", { gap, total });
  }

  _whatIf(report, household) {
    const id = `${this._uid}-whatif`;
    const inc = report.income ?? {};
    const box = h("div", { class: "whatif", part: "whatif", role: "group", "aria-labelledby": `${id}-title` });
    box.append(h("h4", { id: `${id}-title`, text: this._t("whatIf") }));
    const usable = typeof inc.countedPerCapita === "number" || typeof inc.perCapita === "number";
    const income = household?.income ?? {};
    const hasWage = typeof income.wage === "number" || typeof income.business === "number";
    if (!usable || !hasWage) {
      box.append(h("p", { text: this._t("whatIfUnavailable") }));
      return box;
    }
    const span = Math.max(10000, Math.ceil((Math.abs(inc.margin ?? 0) * (inc.members ?? 1) * 2) / 1000) * 1000);
    const out = h("output", { id: `${id}-out`, "aria-live": "polite", for: `${id}-range ${id}-num` });
    const range = h("input", { type: "range", id: `${id}-range`, min: String(-span), max: String(span), step: "100",
      value: String(this._whatIfDelta), "aria-label": this._t("whatIfAmount"), "aria-describedby": `${id}-hint` });
    const num = h("input", { type: "number", id: `${id}-num`, step: "100", value: String(this._whatIfDelta),
      "aria-describedby": `${id}-hint` });
    const update = (value, from) => {
      const n = Number(value);
      if (!Number.isFinite(n)) return;
      this._whatIfDelta = Math.round(n * 100) / 100;
      if (from !== range) range.value = String(this._whatIfDelta);
      if (from !== num) num.value = String(this._whatIfDelta);
      range.setAttribute("aria-valuetext", this._t("yuan", { n: this._money(this._whatIfDelta) }));
      clearTimeout(this._whatIfTimer);
      this._whatIfTimer = setTimeout(() => this._runWhatIf(out), 120);
    };
    range.addEventListener("input", () => update(range.value, range));
    num.addEventListener("input", () => update(num.value, num));
    box.append(
      h("p", { class: "hint", id: `${id}-hint`, text: this._t("whatIfHint") }),
      h("div", { class: "row" },
        range,
        h("div", { class: "field" }, h("label", { for: `${id}-num`, text: this._t("whatIfAmount") }), num)),
      out);
    range.setAttribute("aria-valuetext", this._t("yuan", { n: this._money(this._whatIfDelta) }));
    queueMicrotask(() => this._runWhatIf(out));
    return box;
  }

  _runWhatIf(out) {
    const base = this._reportHousehold;
    if (!base || !this._reportOptions) return;
    const hh = clone(base);
    const delta = this._whatIfDelta;
    const inc = hh.income;
    // Extra income is counted as wages; a loss comes off business income (the one item that may be negative).
    if (delta >= 0 && typeof inc.wage === "number") inc.wage = Math.round((inc.wage + delta) * 100) / 100;
    else if (typeof inc.business === "number") inc.business = Math.round((inc.business + delta) * 100) / 100;
    else if (typeof inc.wage === "number") {
      inc.business = delta;
    }
    let r;
    try {
      r = engineAssess(hh, this._reportOptions);
    } catch {
      out.textContent = this._t("whatIfUnavailable");
      return;
    }
    const check = (r.checks ?? []).find((c) => c.id === "income");
    const status = check ? this._code("status", check.status) : "—";
    const pc = r.income?.countedPerCapita ?? r.income?.perCapita;
    setChildren(out,
      h("span", { text: this._t("whatIfResult", { pc: this._money(pc), line: this._money(r.income?.line), status }) }),
      h("br"),
      h("span", { text: this._t("whatIfVerdict", { verdict: this._verdictText(r) }) }));
  }

  _checksSection(report, household) {
    const list = h("ul", { class: "checks" });
    for (const c of report.checks ?? []) {
      const tone = TONE[c.status] ?? "unknown";
      const members = (c.members ?? []).map((m) => (typeof m === "number" ? { index: m } : m));
      const concerned = members.filter((m) => m.status === undefined || m.status === "fail" || m.status === "unknown");
      const meta = [];
      if (c.basis) meta.push(this._pair(this._t("basis"), c.basis));
      if (c.confidence) meta.push(this._pair(this._t("confidence"), `${c.confidence}${this._paren(this._code("confidence", c.confidence))}`));
      list.append(h("li", { class: `check tone-${tone}`, part: `check check-${c.status}`, dataset: { check: c.id } },
        h("div", { class: "check-head" },
          h("h4", { text: this._code("check", c.id) }),
          this._badge(tone, this._code("status", c.status)),
          h("span", { class: "note", text: c.veto ? this._t("veto") : this._t("notVeto") })),
        c.reason ? h("p", { text: c.reason }) : null,
        concerned.length ? [
          h("p", { class: "meta", text: this._pair(this._t("membersConcerned"), "") }),
          h("ul", null, concerned.map((m) => h("li", null,
            `${this._memberName(m.index, household)}`,
            m.status ? ` · ${SYMBOL[TONE[m.status]] ?? ""} ${this._code("status", m.status)}` : "",
            m.reason ? ` · ${m.reason}` : ""))),
        ] : null,
        meta.length ? h("p", { class: "meta", text: meta.join(" · ") }) : null));
    }
    return this._section(this._t("checks"), list);
  }

  _stepsSection(steps) {
    return this._section(this._t("steps"), h("ol", null, steps.map((s) => {
      const tone = s.done ? "pass" : "na";
      const extra = [];
      if (s.on) extra.push(s.on);
      if (typeof s.noticeDays === "number") extra.push(this._t("noticeDays", { n: s.noticeDays }));
      return h("li", null, `${this._code("step", s.id)} `, this._badge(tone, s.done ? this._t("stepDone") : this._t("stepNotDone")),
        extra.length ? ` ${extra.join(" · ")}` : "");
    })));
  }

  _causesSection(report) {
    const parts = [h("p", { class: "note", text: this._t("suggestedNote") })];
    if (report.causes?.length) {
      parts.push(h("h4", { text: this._t("causes") }), h("ul", null, report.causes.map((c) => h("li", null,
        this._code("cause", c.cause), c.primary ? this._paren(this._t("primary")) : "", c.evidence ? `${this._colon()}${c.evidence}` : ""))));
    }
    if (report.measures?.length) {
      parts.push(h("h4", { text: this._t("measuresTitle") }), h("ul", null, report.measures.map((m) => h("li", null,
        this._code("measure", m.measure), m.batch ? this._paren(this._pair(this._t("batch"), this._code("batch", m.batch))) : "", m.why ? `${this._colon()}${m.why}` : ""))));
    }
    return this._section(`${this._t("causes")} · ${this._t("measuresTitle")}`, parts);
  }

  _warningsSection(warnings, { print }) {
    return this._section(this._t("warnings"), h("ul", null, warnings.map((w) => {
      const target = !print && w.path ? this._targetFor(w.path) : null;
      return h("li", null, this._message(w),
        target ? [" ", h("button", { type: "button", class: "link", text: this._pair(this._t("goToField"), this._labelForTarget(target)),
          onclick: () => { this._setView("form"); this._focusTarget(target); } })] : null);
    })));
  }

  _appliedSection(applied) {
    const rows = applied.map((a) => h("tr", null,
      h("td", { text: a.key ?? a.parameter ?? "" }),
      h("td", { text: typeof a.value === "object" ? JSON.stringify(a.value) : String(a.value ?? "—") }),
      h("td", { text: [a.from, a.to].filter(Boolean).join(" – ") }),
      h("td", { text: [a.source, a.confidence, a.pack].filter(Boolean).join(" · ") })));
    return h("section", null, h("details", null,
      h("summary", { text: this._t("appliedPolicy") }),
      h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": this._t("appliedPolicy") },
        h("table", null,
          h("thead", null, h("tr", null, [this._t("parameter"), this._t("value"), this._t("validFrom"), this._t("source")].map((x) => h("th", { scope: "col", text: x })))),
          h("tbody", null, rows)))));
  }

  // ---- print view --------------------------------------------------------------------------

  async _openPrintView() {
    if (!this._report || this._stale) {
      const r = await this._assess({ quiet: true });
      if (!r) {
        if (this._problems.length) this._showProblems(this._problems, { focus: true });
        return;
      }
    }
    this._setView("print");
    this._root.getElementById(`${this._uid}-print-title`)?.focus();
  }

  _setView(view) {
    this._view = view;
    if (!this._main) return;
    const print = view === "print" && !!this._report;
    this._main.hidden = print;
    this._resultBox.hidden = print || !this._report;
    this._printBox.hidden = !print;
    this._wrap.classList.toggle("print-mode", print);
    this.toggleAttribute("data-print-view", print);
  }

  _renderPrint() {
    const report = this._report;
    const hh = this._reportHousehold;
    if (!report || !hh) return;
    const id = this._uid;
    const lang = this._lang;
    const members = hh.members ?? [];
    const asOf = report.policy?.asOf ?? this._reportOptions?.asOf;
    const age = (b) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(b ?? "") || !/^\d{4}-\d{2}-\d{2}$/.test(asOf ?? "")) return "";
      let a = Number(asOf.slice(0, 4)) - Number(b.slice(0, 4));
      if (asOf.slice(5) < b.slice(5)) a -= 1;
      return this._t("ageYears", { n: a });
    };
    const insurance = (v) => (Array.isArray(v) ? v : v ? [v] : []).map((x) => this._code("medicalInsurance", x)).join(", ");
    const code = (g, v) => (v === undefined || v === null ? "" : this._code(g, v));
    const table = h("table", { class: "members-table" },
      h("thead", null, h("tr", null,
        [this._t("index"), this._t("name"), STRINGS[lang].field.relation[0], STRINGS[lang].field.sex[0], this._t("age"),
          STRINGS[lang].field.health[0], STRINGS[lang].field.labour[0], STRINGS[lang].field.schooling[0],
          STRINGS[lang].field.medicalInsurance[0]].map((x) => h("th", { scope: "col", text: x })))),
      h("tbody", null, members.map((m, i) => h("tr", null,
        h("td", { text: String(i + 1) }),
        h("td", { text: m.name ?? this._t("unnamed") }),
        h("td", { text: code("relation", m.relation) }),
        h("td", { text: code("sex", m.sex) }),
        h("td", { text: age(m.birthDate) }),
        h("td", { text: [code("health", m.health), m.disabilityGrade ? code("disabilityGrade", m.disabilityGrade) : ""].filter(Boolean).join(" ") }),
        h("td", { text: code("labour", m.labour) }),
        h("td", { text: code("schooling", m.schooling) }),
        h("td", { text: insurance(m.medicalInsurance) })))));
    const facts = this._dl([
      [STRINGS[lang].field.id[0], hh.id ?? "—"],
      [STRINGS[lang].field.province[0], hh.province ? `${provinceName(hh.province, lang)}${this._paren(hh.province)}` : "—"],
      [STRINGS[lang].field.registration[0], code("registration", hh.registration) || "—"],
      [STRINGS[lang].field.identifiedOn[0], hh.identifiedOn ?? "—"],
    ]);
    const v = this._version;
    setChildren(this._printBox,
      h("div", { class: "print-actions screen-only" },
        h("button", { type: "button", class: "primary", part: "button print", text: this._t("print"), onclick: () => window.print() }),
        h("button", { type: "button", part: "button back", text: this._t("backToForm"),
          onclick: () => { this._setView("form"); this._root.getElementById(`${this._uid}-print-view`)?.focus(); } })),
      h("h2", { id: `${id}-print-title`, tabindex: "-1", text: this._t("printTitle") }),
      h("h3", { text: this._t("householdFacts") }),
      facts,
      h("div", { class: "table-scroll", role: "region", tabindex: "0", "aria-label": this._t("members") }, table),
      ...this._reportNodes(report, hh, { print: true }),
      h("div", { class: "signoff" }, ["signInspector", "signHousehold", "signDate"].map((k) =>
        h("p", null, this._pair(this._t(k), ""), h("span", { class: "blank", "aria-hidden": "true" })))),
      h("p", { class: "note", text: this._t("footer", { version: v?.crate ?? "" }) }));
  }
}

// Defined only in a browser; under Node (server-side rendering) importing this module does nothing.
if (typeof customElements === "object" && customElements && typeof HTMLElement === "function" && !customElements.get("tuopin-assessment")) {
  customElements.define("tuopin-assessment", TuopinAssessment);
}
