// <tuopin-assessment>: the members of the household: compact cards (one line when folded), adding
// and removing members.
//
// Methods mixed into the element class (this is the element); see tuopin-assessment.js.

import { h, normaliseDate } from "./tuopin-assessment-dom.js";
import { MEMBER_FIELDS } from "./tuopin-assessment-fields.js";

export const MembersMethods = {
  /** Which member cards are open: kept, or the first and any incomplete one. */
  _openCards(members, keep) {
    const cards = this._form.querySelectorAll("details.member-card");
    cards.forEach((d, i) => {
      const m = members[i] || {};
      d.open = keep && keep.members ? !!keep.members[i] : i === 0 || !(m.relation && m.sex && m.birthDate);
    });
    this._updateMemberSummaries();
  },

  /** What is open now, to be kept through a rebuild. */
  _openState() {
    if (!this._form) return null;
    const sections = {};
    for (const [k, d] of Object.entries(this._sections || {})) sections[k] = d.open;
    return { members: [...this._form.querySelectorAll("details.member-card")].map((d) => d.open), sections };
  },

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
  },

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
  },

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
  },

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
  },

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
  },

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
  },

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
  },
};
