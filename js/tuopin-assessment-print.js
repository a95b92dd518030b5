// <tuopin-assessment>: the A4 print view.
//
// Methods mixed into the element class (this is the element); see tuopin-assessment.js.

import { h, setChildren } from "./tuopin-assessment-dom.js";
import { STRINGS, provinceName } from "./tuopin-assessment-i18n.js";

export const PrintMethods = {
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
  },

  _setView(view) {
    this._view = view;
    if (!this._main) return;
    const print = view === "print" && !!this._report;
    this._main.hidden = print;
    this._resultBox.hidden = print || !this._report;
    this._printBox.hidden = !print;
    this._wrap.classList.toggle("print-mode", print);
    this.toggleAttribute("data-print-view", print);
  },

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
  },
};
