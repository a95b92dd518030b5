// <tuopin-assessment>: problems from the engine shown beside the field their path names and in a
// summary whose entries move focus there; fields inside closed sections are opened first.
//
// Methods mixed into the element class (this is the element); see tuopin-assessment.js.

import { validate as engineValidate } from "./tuopin.js";
import { h, setChildren, parentPath } from "./tuopin-assessment-dom.js";
import { STRINGS } from "./tuopin-assessment-i18n.js";
import { LINE_PROBLEMS } from "./tuopin-assessment-lines.js";

export const ProblemsMethods = {
  /**
   * The engine's consistency warnings (a child older than the head, an ID number that disagrees
   * with the birth date, ...) each carry a `path`: shown beside that field, and the card or
   * section holding it opened (issue 10 §6). They go with the next result.
   */
  _markWarnings(warnings) {
    for (const el of this._root.querySelectorAll(".field-warning")) el.parentNode.removeChild(el);
    for (const c of this._controls.values()) {
      if (!c.warnId) continue;
      c.warnId = null;
      for (const i of c.boxes ?? [c.input]) this._describe(i, [c.err.hidden ? null : c.err.id, c.hintId, c.statusId]);
    }
    let n = 0;
    const byTarget = new Map();
    for (const w of warnings || []) {
      const target = w && w.path ? this._targetFor(w.path) : null;
      if (!target) continue;
      const key = target.path;
      if (!byTarget.has(key)) byTarget.set(key, { target, texts: [] });
      byTarget.get(key).texts.push(this._message(w));
    }
    for (const { target, texts } of byTarget.values()) {
      const id = `${this._uid}-warn-${n++}`;
      const p = h("p", { class: "field-warning", id, part: "field-warning" },
        h("span", { "aria-hidden": "true", text: "⚠ " }),
        h("span", { class: "visually-hidden", text: this._t("warningPrefix") }), texts.join(" "));
      if (target.control) {
        const c = target.control;
        c.err.after(p);
        c.warnId = id;
        for (const i of c.boxes ?? [c.input]) this._describe(i, [c.err.hidden ? null : c.err.id, c.hintId, c.statusId, id]);
        this._reveal(c.wrapper);
      } else {
        const legend = target.group.querySelector(":scope > legend");
        if (legend) legend.after(p);
        this._reveal(target.group);
      }
    }
  },

  /** Opens every <details> around `el` so that it can be seen and focused. */
  _reveal(el) {
    let d = el && el.closest ? el.closest("details") : null;
    while (d) {
      d.open = true;
      d = d.parentElement ? d.parentElement.closest("details") : null;
    }
  },

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
  },

  _describe(input, ids) {
    const list = ids.filter(Boolean);
    if (list.length) input.setAttribute("aria-describedby", list.join(" "));
    else input.removeAttribute("aria-describedby");
  },

  _clearProblemMarks() {
    for (const c of this._controls.values()) {
      c.err.hidden = true;
      c.err.textContent = "";
      const inputs = c.boxes ?? [c.input];
      for (const i of inputs) {
        i.removeAttribute("aria-invalid");
        const regime = i.dataset.path === "asOf" ? `${this._uid}-regime-hint` : null;
        this._describe(i, [c.hintId, c.statusId, c.warnId, regime]);
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
  },

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
  },

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
          this._describe(i, [c.err.id, c.hintId, c.statusId, c.warnId, regime]);
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
  },

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
  },

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
  },

  _focusTarget(target) {
    const el = target.control ? (target.control.boxes?.[0] ?? target.control.input) : target.group.querySelector("input, select, button");
    if (!el) return;
    this._reveal(el);
    el.focus();
    el.scrollIntoView?.({ block: "center" });
  },

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
  },
};
