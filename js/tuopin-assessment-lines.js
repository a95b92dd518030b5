// The income line in force when no built-in pack has it (issue 10 §1).
//
// Monitoring lines (防止返贫监测范围) are set by each province every year and there is no national
// default, so for most provinces and years the engine answers `no_monitoring_line` (or, before
// 2021, `no_poverty_line`). The element then asks for the line in place. A line comes, in this
// order, from: the host's `policy` property; the host's per-province, per-year `lines` (property,
// or the `monitoring-lines` / `poverty-lines` JSON attributes); what the person typed on this
// device for that province and year. Only the province, the year and the amount are remembered:
// no personal data, so it may persist in localStorage.
//
// A line is an amount (元/人·年) or, per contract v1.1 item 4, a multiple of the local 农村低保
// monthly standard: { dibaoMonthly, factor } (line = monthly × 12 × factor, computed by the engine).

import { storage } from "./tuopin-assessment-dom.js";

/** Problem code → the policy key the person must supply. */
export const LINE_PROBLEMS = { no_monitoring_line: "monitoringLine", no_poverty_line: "povertyLine" };

/** Attribute → policy key, for hosts that configure the element in HTML. */
export const LINE_ATTRIBUTES = { "monitoring-lines": "monitoringLine", "poverty-lines": "povertyLine" };

const STORE_KEY = "tuopin-assessment:lines:v1";
const memory = {}; // what was typed, also where storage is blocked

/** A line value the engine accepts: a positive amount, or { dibaoMonthly, factor }. */
export function isLineValue(v) {
  if (typeof v === "number") return Number.isFinite(v) && v > 0;
  return !!v && typeof v === "object" && typeof v.dibaoMonthly === "number" && typeof v.factor === "number";
}

/**
 * The host's lines in one shape: { monitoringLine: { "CN-FJ": { "2026": 7000 } }, povertyLine: {...} }.
 * Accepts that shape, or for one key the inner { province: { year: line } } map.
 */
export function normaliseHostLines(value, key) {
  if (!value || typeof value !== "object") return {};
  if (key) return { [key]: value };
  const out = {};
  for (const k of ["monitoringLine", "povertyLine"]) if (value[k] && typeof value[k] === "object") out[k] = value[k];
  return out;
}

export function hostLine(lines, key, province, year) {
  const byProvince = lines && lines[key];
  const byYear = byProvince && province ? byProvince[province] : undefined;
  const v = byYear && typeof byYear === "object" ? byYear[String(year)] : undefined;
  return v === undefined || v === null ? undefined : v;
}

function slot(key, province, year) {
  return `${key}|${province || "-"}|${year}`;
}

function readStore() {
  const s = storage();
  if (!s) return {};
  try {
    const v = JSON.parse(s.getItem(STORE_KEY) || "{}");
    return v && typeof v === "object" ? v : {};
  } catch {
    return {};
  }
}

/** What the person typed on this device for that province and year, or undefined. */
export function rememberedLine(key, province, year) {
  const k = slot(key, province, year);
  if (k in memory) return memory[k];
  const v = readStore()[k];
  return v && isLineValue(v.value) ? v.value : undefined;
}

export function rememberLine(key, province, year, value) {
  const k = slot(key, province, year);
  memory[k] = value;
  const s = storage();
  if (!s) return;
  try {
    const all = readStore();
    all[k] = { value, province: province || null, year: Number(year) };
    s.setItem(STORE_KEY, JSON.stringify(all));
  } catch {
    /* storage full or blocked: the value still holds for this page */
  }
}

export function forgetLine(key, province, year) {
  const k = slot(key, province, year);
  delete memory[k];
  const s = storage();
  if (!s) return;
  try {
    const all = readStore();
    delete all[k];
    s.setItem(STORE_KEY, JSON.stringify(all));
  } catch {
    /* nothing to forget */
  }
}

/** The regime's line key for an assessment date: exit (扶贫标准) up to 2020, monitoring after. */
export function lineKeyFor(asOf) {
  return /^\d{4}-\d{2}-\d{2}$/.test(asOf || "") && asOf <= "2020-12-31" ? "povertyLine" : "monitoringLine";
}
