// <tuopin-assessment>: the income what-if: the engine re-run on a copy with the household income
// changed; the form is not touched.
//
// Methods mixed into the element class (this is the element); see tuopin-assessment.js.

import { assess as engineAssess } from "./tuopin.js";
import { h, setChildren, clone } from "./tuopin-assessment-dom.js";

export const WhatIfMethods = {
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
  },

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
  },
};
