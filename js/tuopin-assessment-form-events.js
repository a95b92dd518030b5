// <tuopin-assessment>: what happens as the person types: the 身份证号 checked and filling birth date
// and sex, dates normalised, fields and sections that apply to the registration and date shown.
//
// Methods mixed into the element class (this is the element); see tuopin-assessment.js.

import { h, halfWidth, normaliseDate } from "./tuopin-assessment-dom.js";
import { idStatus, birthFromId, sexFromId } from "./tuopin-assessment-idcard.js";
import { HOUSEHOLD_FIELDS, MEMBER_FIELDS } from "./tuopin-assessment-fields.js";

export const FormEventsMethods = {
  /** True when any control under `el` holds a value. */
  _hasValues(el) {
    return [...el.querySelectorAll("input, select")].some((i) => (i.type === "checkbox" ? i.checked : i.value !== ""));
  },

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
  },

  _onInput(e) {
    if (e.target && e.target.closest && e.target.closest(".line-prompt")) return;
    const path = e.target?.dataset?.path;
    if (path === "asOf") this._updateRegimeHint();
    if (path && /^members\[\d+\]\.idNumber$/.test(path)) this._idTyped(path);
    else if (path && /^members\[\d+\]\.(birthDate|sex)$/.test(path)) delete e.target.dataset.fromId; // edited by hand
    if (path && path.startsWith("members[")) this._updateMemberSummaries();
    this._markStale();
    this._scheduleSave();
  },

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
  },

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
  },

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
  },

  _markStale() {
    if (!this._report || this._stale) return;
    this._stale = true;
    const s = this._root.getElementById(`${this._uid}-stale`);
    if (s) s.hidden = false;
  },

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
  },
};
