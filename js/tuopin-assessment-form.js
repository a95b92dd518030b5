// <tuopin-assessment>: building the household form: its sections, collapsible parts and fields
// (issue 10 §2: sections that do not apply stay closed; two fields a row on a phone). Reading
// and writing values: -household.js; reacting to typing: -form-events.js.
//
// Methods mixed into the element class (this is the element); see tuopin-assessment.js.

import { h, appendAll, normaliseDate, todayIso } from "./tuopin-assessment-dom.js";
import { STRINGS, PROVINCE_CODES, provinceName } from "./tuopin-assessment-i18n.js";
import { ENUMS, HOUSEHOLD_FIELDS, INCOME_FIELDS, TRANSFER_FIELDS, SPENDING_FIELDS, FOOD_FIELDS, HOUSING_FIELDS, RELOCATION_FIELDS, WATER_FIELDS, ELECTRICITY_FIELDS, MONITORING_FIELDS, EXIT_FIELDS, MANAGED_KEYS } from "./tuopin-assessment-fields.js";

export const FormMethods = {
  _defaultAsOf() {
    const a = this.getAttribute("as-of");
    if (a) return a;
    return todayIso(); // the page's date is only a default; the engine itself never reads a clock
  },

  _asOfValue() {
    const c = this._controls.get("asOf");
    return c ? normaliseDate(c.input.value) ?? "" : this.getAttribute("as-of") ?? "";
  },

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
        h("div", { class: "grid" }, this._field({ path: "asOf", kind: "date", required: true, wide: true }, "asOf")),
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
  },

  _fieldset(titleKey, hintKey, content, groupPath) {
    const id = `${this._uid}-fs-${titleKey}`;
    const hint = hintKey ? h("p", { class: "section-hint", id: `${id}-hint`, text: this._t(hintKey) }) : null;
    const fs = h("fieldset", { part: "section", id, dataset: groupPath !== undefined ? { group: groupPath } : undefined,
      "aria-describedby": hint ? `${id}-hint` : undefined },
      h("legend", { text: this._t(titleKey) }), hint, content);
    if (groupPath !== undefined) this._addGroupError(fs, groupPath);
    return fs;
  },

  /** An error slot for a problem that names a whole group (e.g. "members", "income.transferItems"). */
  _addGroupError(fs, groupPath) {
    const errId = `${this._uid}-err-${groupPath.replace(/[^\w-]/g, "_") || "root"}`;
    const err = h("p", { class: "error", id: errId, hidden: true, dataset: { errorFor: groupPath } });
    const legend = fs.querySelector("legend");
    legend.after(err);
  },

  /** A section that applies only to some households: a <details> whose summary is its title. */
  _collapsible(key, fs) {
    const legend = fs.querySelector("legend");
    legend.classList.add("visually-hidden");
    const d = h("details", { class: "section-details", dataset: { section: key } },
      h("summary", { part: "section-summary", text: legend.textContent }), fs);
    this._sections[key] = d;
    return d;
  },

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
  },

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
  },

  _renderSettingsNote() {
    const p = this.getAttribute("province");
    if (!this._settingsNote) return;
    this._settingsNote.textContent = p ? this._t("provinceFromAttr", { p: `${provinceName(p, this._lang)}${this._paren(p)}` }) : "";
    this._settingsNote.hidden = !p;
  },

  _announce(text) {
    if (!this._live) return;
    this._live.textContent = "";
    // A fresh text node after a tick makes screen readers announce a repeated message too.
    setTimeout(() => {
      this._live.textContent = text;
    }, 50);
  },
};
