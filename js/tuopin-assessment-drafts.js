// Drafts of the form in localStorage (issue 10 §3).
//
// Off unless the host sets the `draft` attribute: the element is embedded in portals that run on
// shared office computers. When on, names (姓名) and ID numbers (身份证号) are never written, a
// draft expires DRAFT_DAYS after it was last saved, and the element keeps its shared-computer
// notice visible for as long as a draft exists. Drafts written by older versions (v1, which held
// names and ID numbers and never expired) are deleted unread.

import { clone, storage } from "./tuopin-assessment-dom.js";

export const DRAFT_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const VERSION = 2;

/** The household without what identifies a person: members' name and idNumber. */
export function withoutPersonalData(household) {
  const hh = clone(household) || {};
  if (Array.isArray(hh.members)) {
    for (const m of hh.members) {
      if (m && typeof m === "object") {
        delete m.name;
        delete m.idNumber;
      }
    }
  }
  return hh;
}

/** The saved draft, or null when there is none, it expired (then it is removed) or is unreadable. */
export function readDraft(key, now = Date.now()) {
  const s = storage();
  if (!s) return null;
  try {
    const raw = s.getItem(key);
    if (!raw) return null;
    const d = JSON.parse(raw);
    const fresh = d && d.v === VERSION && typeof d.savedAt === "number" && now - d.savedAt < DRAFT_DAYS * DAY_MS && now >= d.savedAt - DAY_MS;
    if (!fresh || !d.household || typeof d.household !== "object") {
      s.removeItem(key);
      return null;
    }
    return { household: withoutPersonalData(d.household), asOf: d.asOf, savedAt: d.savedAt };
  } catch {
    return null;
  }
}

export function writeDraft(key, household, asOf, now = Date.now()) {
  const s = storage();
  if (!s) return false;
  try {
    s.setItem(key, JSON.stringify({ v: VERSION, savedAt: now, household: withoutPersonalData(household), asOf }));
    return true;
  } catch {
    return false; // storage full or disabled: nothing is kept, which is safe
  }
}

export function removeDraft(key) {
  const s = storage();
  if (!s) return;
  try {
    s.removeItem(key);
  } catch {
    /* nothing to remove */
  }
}

export function hasDraft(key) {
  const s = storage();
  try {
    return !!(s && s.getItem(key));
  } catch {
    return false;
  }
}

/** The day a draft saved at `savedAt` expires, YYYY-MM-DD on this device. */
export function expiryDate(savedAt) {
  const d = new Date(savedAt + DRAFT_DAYS * DAY_MS);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
