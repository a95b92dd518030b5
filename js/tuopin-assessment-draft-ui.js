// <tuopin-assessment>: draft controls of the element (issue 10 §3): off unless the host sets
// `draft`; storage rules are in -drafts.js.
//
// Methods mixed into the element class (this is the element); see tuopin-assessment.js.

import { h, setChildren } from "./tuopin-assessment-dom.js";
import { readDraft, writeDraft, removeDraft, hasDraft, expiryDate, DRAFT_DAYS } from "./tuopin-assessment-drafts.js";

export const DraftUiMethods = {
  /** Drafts are off unless the host sets `draft` (issue 10 §3); `no-draft` still turns them off. */
  _draftEnabled() {
    return this.hasAttribute("draft") && !this.hasAttribute("no-draft");
  },

  _draftKey() {
    return `tuopin-assessment:draft:${this.getAttribute("draft-key") || this.id || "default"}`;
  },

  _readDraft() {
    if (!this._draftEnabled()) return null;
    const d = readDraft(this._draftKey());
    if (d) this._draftSavedAt = d.savedAt;
    return d;
  },

  _scheduleSave() {
    if (!this._draftEnabled() || !this._rendered) return;
    clearTimeout(this._saveTimer);
    this._saveTimer = setTimeout(() => this._saveDraft(), 300);
  },

  _saveDraft() {
    this._saveTimer = 0;
    if (!this._draftEnabled()) return;
    const now = Date.now();
    if (writeDraft(this._draftKey(), this._serialize(), this._asOfValue(), now)) {
      this._draftSavedAt = now;
      const s = this._root.getElementById(`${this._uid}-draft-saved`);
      if (s) s.textContent = this._t("draftSaved", { date: expiryDate(now) });
    }
  },

  _removeDraft() {
    clearTimeout(this._saveTimer);
    this._saveTimer = 0;
    this._draftSavedAt = 0;
    removeDraft(this._draftKey());
    const s = this._root.getElementById(`${this._uid}-draft-saved`);
    if (s) s.textContent = "";
  },

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
  },
};
