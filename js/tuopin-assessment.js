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
// This file holds the public API, the lifecycle, language and the assessment itself. Each other
// concern has its own file, mixed into the class below: -form.js (building the form), -household.js
// (the form as a Household and back), -form-events.js (typing: ID number, dates, what applies),
// -members.js (member cards), -problems.js (problems beside their fields), -result.js (the
// report), -whatif.js, -print.js, -line-prompt.js (the income line asked in place),
// -engine-status.js (and -loader.js: loading the engine, failure messages), -draft-ui.js (and
// -drafts.js: storage rules), -fields.js (field specs), -lines.js, -idcard.js, -dom.js, -i18n.js,
// -styles.js.
//
// Everything stays in the page: the only request is the package's own .wasm, made once by
// init(); no other fetch, no inline style or script, and every user-supplied text is rendered with
// textContent, never as HTML.

import { assess as engineAssess } from "./tuopin.js";
import { clone } from "./tuopin-assessment-dom.js";
import { adoptStyles } from "./tuopin-assessment-styles.js";
import { STRINGS, normaliseLang, fill } from "./tuopin-assessment-i18n.js";
import { loadEngine } from "./tuopin-assessment-loader.js";
import { LINE_PROBLEMS, LINE_ATTRIBUTES, normaliseHostLines, hostLine, rememberedLine, lineKeyFor } from "./tuopin-assessment-lines.js";
import { emptyHousehold } from "./tuopin-assessment-fields.js";
import { FormMethods } from "./tuopin-assessment-form.js";
import { HouseholdMethods } from "./tuopin-assessment-household.js";
import { FormEventsMethods } from "./tuopin-assessment-form-events.js";
import { MembersMethods } from "./tuopin-assessment-members.js";
import { ProblemsMethods } from "./tuopin-assessment-problems.js";
import { ResultMethods } from "./tuopin-assessment-result.js";
import { WhatIfMethods } from "./tuopin-assessment-whatif.js";
import { PrintMethods } from "./tuopin-assessment-print.js";
import { LinePromptMethods } from "./tuopin-assessment-line-prompt.js";
import { EngineStatusMethods } from "./tuopin-assessment-engine-status.js";
import { DraftUiMethods } from "./tuopin-assessment-draft-ui.js";

export { loadEngine };

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

}

// Each concern lives in its own file; together they make the element.
for (const methods of [
  FormMethods, HouseholdMethods, FormEventsMethods, MembersMethods, ProblemsMethods, ResultMethods, WhatIfMethods, PrintMethods, LinePromptMethods,
  EngineStatusMethods, DraftUiMethods,
]) {
  Object.assign(TuopinAssessment.prototype, methods);
}

// Defined only in a browser; under Node (server-side rendering) importing this module does nothing.
if (typeof customElements === "object" && customElements && typeof HTMLElement === "function" && !customElements.get("tuopin-assessment")) {
  customElements.define("tuopin-assessment", TuopinAssessment);
}
