// <tuopin-assessment>: the income line asked for in place when no built-in pack has it (issue 10
// §1): an amount or a multiple of the local 农村低保 standard, remembered per province and year.
//
// Methods mixed into the element class (this is the element); see tuopin-assessment.js.

import { h, setChildren, parseNumber } from "./tuopin-assessment-dom.js";
import { provinceName } from "./tuopin-assessment-i18n.js";
import { LINE_PROBLEMS, rememberLine, isLineValue } from "./tuopin-assessment-lines.js";

export const LinePromptMethods = {
  _placeName(province) {
    return province ? provinceName(province, this._lang) : this._t("yourProvince");
  },

  _lineValueText(value) {
    if (typeof value === "number") return this._t("lineAmount", { n: this._money(value) });
    if (value && typeof value === "object") return this._t("lineDibao", { m: this._money(value.dibaoMonthly), f: this._money(value.factor) });
    return "—";
  },

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
  },

  _focusLinePrompt() {
    const input = this._root.getElementById(`${this._uid}-line-amount`);
    if (!input) return;
    input.focus();
    const fs = this._root.getElementById(`${this._uid}-line-prompt`);
    if (fs && fs.scrollIntoView) fs.scrollIntoView({ block: "start" });
  },

  /** Opens the in-place prompt for the line of `slot` ({ key, province, year, value? }). */
  _openLinePrompt(slot) {
    this._linePromptOpen = slot;
    this._renderLinePrompt();
    this._renderLineInUse();
    this._focusLinePrompt();
  },

  _closeLinePrompt() {
    this._linePromptOpen = null;
    this._renderLinePrompt();
  },

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
  },
};
