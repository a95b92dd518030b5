// <tuopin-assessment>: the form as a contract Household and back: reading each control (blank is
// left out, never guessed; money as people type it), writing a loaded household into the form.
//
// Methods mixed into the element class (this is the element); see tuopin-assessment.js.

import { h, halfWidth, parseNumber, normaliseDate, getPath, setPath, clone } from "./tuopin-assessment-dom.js";
import {
  HOUSEHOLD_FIELDS, MEMBER_FIELDS, INCOME_FIELDS, TRANSFER_ITEMS, TRANSFER_FIELDS, SPENDING_FIELDS, HOUSING_FIELDS, RELOCATION_FIELDS,
  WATER_FIELDS, MONITORING_FIELDS, EXIT_STEPS, EXIT_FIELDS,
} from "./tuopin-assessment-fields.js";

export const HouseholdMethods = {
  _read(path) {
    const c = this._controls.get(path);
    if (!c || c.wrapper.hidden) return undefined;
    const { spec } = c;
    if (spec.kind === "multi") {
      const codes = c.boxes.filter((b) => b.checked).map((b) => b.value);
      return codes.length ? codes : undefined;
    }
    const raw = c.input.value;
    switch (spec.kind) {
      case "text": {
        const s = spec.id ? halfWidth(raw).replace(/\s/g, "").toUpperCase() : raw.trim();
        return s === "" ? undefined : s;
      }
      case "date":
        return normaliseDate(raw);
      case "money":
        return parseNumber(raw, { money: true });
      case "number":
        return parseNumber(raw);
      case "bool":
        return raw === "true" ? true : raw === "false" ? false : undefined;
      default:
        if (raw === "") return undefined;
        return spec.numeric && /^\d+$/.test(raw) ? Number(raw) : raw;
    }
  },

  _write(path, value) {
    const c = this._controls.get(path);
    if (!c) return;
    const { spec } = c;
    if (spec.kind === "multi") {
      const list = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
      for (const b of c.boxes) b.checked = list.includes(b.value);
      return;
    }
    if (value === undefined || value === null) {
      c.input.value = "";
      return;
    }
    if (spec.kind === "bool") {
      c.input.value = value === true ? "true" : value === false ? "false" : "";
      return;
    }
    const s = typeof value === "object" ? JSON.stringify(value) : String(value);
    if (c.input.tagName === "SELECT" && ![...c.input.options].some((o) => o.value === s)) {
      // A value the form does not offer (say, from an imported file): keep it so the engine can name it.
      c.input.append(h("option", { value: s, text: s }));
    }
    c.input.value = s;
  },

  _populate(household, asOf) {
    this._write("asOf", asOf);
    const members = Array.isArray(household.members) ? household.members : [];
    for (const f of HOUSEHOLD_FIELDS) this._write(f.path, household[f.path]);
    members.forEach((m, i) => {
      for (const f of MEMBER_FIELDS) this._write(`members[${i}].${f.path}`, m?.[f.path]);
    });
    for (const f of [...INCOME_FIELDS, ...TRANSFER_FIELDS, ...SPENDING_FIELDS, ...HOUSING_FIELDS, ...RELOCATION_FIELDS,
      ...WATER_FIELDS, ...EXIT_FIELDS, ...MONITORING_FIELDS]) {
      this._write(f.path, getPath(household, f.path));
    }
    const secure = (v) => (v && typeof v === "object" ? v.secure : v);
    this._write("food.secure", secure(household.food));
    this._write("clothing.secure", secure(household.clothing));
    const el = household.electricity;
    this._write("electricity.connected", el && typeof el === "object" ? el.connected : el);
    this._monitoringToggle.checked = !!household.monitoring;
    this._monitoringInner.hidden = !household.monitoring;
  },

  /** The form as a contract Household: blank fields are left out (unknown), never guessed. */
  _serialize() {
    const hh = clone(this._extra) ?? {};
    const r = (p) => this._read(p);
    for (const f of HOUSEHOLD_FIELDS) setPath(hh, f.path, r(f.path));
    hh.members = [];
    for (let i = 0; i < this._memberCount; i++) {
      const m = {};
      for (const f of MEMBER_FIELDS) {
        let v = r(`members[${i}].${f.path}`);
        if (f.path === "medicalInsurance" && Array.isArray(v) && v.length === 1) v = v[0];
        setPath(m, f.path, v);
      }
      hh.members.push(m);
    }
    const income = {};
    for (const f of INCOME_FIELDS) setPath(income, f.path.slice(7), r(f.path));
    const items = {};
    for (const k of TRANSFER_ITEMS) setPath(items, k, r(`income.transferItems.${k}`));
    if (Object.keys(items).length) income.transferItems = items;
    hh.income = income;
    const spending = {};
    for (const f of SPENDING_FIELDS) setPath(spending, f.path.slice(9), r(f.path));
    if (Object.keys(spending).length) hh.spending = spending;
    const food = r("food.secure");
    if (food !== undefined) hh.food = { secure: food };
    const clothing = r("clothing.secure");
    if (clothing !== undefined) hh.clothing = { secure: clothing };
    const housing = {};
    for (const f of HOUSING_FIELDS) setPath(housing, f.path.slice(8), r(f.path));
    const relocation = {};
    for (const f of RELOCATION_FIELDS) setPath(relocation, f.path.slice(19), r(f.path));
    if (Object.keys(relocation).length) housing.relocation = relocation;
    if (Object.keys(housing).length) hh.housing = housing;
    const water = {};
    for (const f of WATER_FIELDS) setPath(water, f.path.slice(6), r(f.path));
    if (Object.keys(water).length) hh.water = water;
    const connected = r("electricity.connected");
    if (connected !== undefined) hh.electricity = { connected };
    if (this._monitoringToggle.checked) {
      const mon = {};
      for (const f of MONITORING_FIELDS) setPath(mon, f.path.slice(11), r(f.path));
      hh.monitoring = mon;
    }
    const steps = {};
    for (const s of EXIT_STEPS) setPath(steps, s, r(`exitProcedure.${s}`));
    if (Object.keys(steps).length) hh.exitProcedure = steps;
    return hh;
  },
};
