// Types of the <tuopin-assessment> custom element (pkg/tuopin-assessment.js). The Household,
// Report, Options and Problem shapes are the package's own (./tuopin.d.ts).

import type { Household, Report, Options, Problem, VersionInfo, PolicyOverrides } from "./tuopin.js";

/** Loads the wasm engine once (a no-op when the page already called the package's init()). */
export function loadEngine(moduleOrPath?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module): Promise<VersionInfo>;

/** What the element passed to assess(): asOf may be missing when the form's date is blank. */
export type TuopinOptionsEcho = Partial<Options> & { lang: "zh-CN" | "en" };

/** Why an assessment ran (contract v1.1 item 5). */
export type TuopinCause = "submit" | "language" | "policy" | "attribute" | "property";

/**
 * An income line: an amount in yuan per person per year, or a multiple of the local 农村低保
 * monthly standard (line = dibaoMonthly × 12 × factor; contract v1.1 item 4).
 */
export type TuopinLine = number | { dibaoMonthly: number; factor: number };

/** Lines by ISO 3166-2:CN province code, then by year ("2026"). */
export type TuopinLinesByProvince = Record<string, Record<string, TuopinLine>>;

/**
 * Lines a host sets per province and year, used where no built-in pack has one (property `lines`;
 * the attributes `monitoring-lines` and `poverty-lines` take the inner TuopinLinesByProvince as JSON).
 */
export interface TuopinLines {
  monitoringLine?: TuopinLinesByProvince;
  povertyLine?: TuopinLinesByProvince;
}

export interface TuopinResultDetail {
  report: Report;
  household: Household;
  cause: TuopinCause;
  /** The options passed to the engine (an extension of contract v1.1 item 5). */
  options: TuopinOptionsEcho;
}

export interface TuopinInvalidDetail {
  problems: Problem[];
  household: Household;
  cause: TuopinCause;
  options: TuopinOptionsEcho;
}

export interface TuopinErrorDetail {
  message: string;
  /** Set when the engine could not load: why. */
  kind?: "csp" | "no_wasm" | "old_browser" | "network" | "other";
}

export declare class TuopinAssessment extends HTMLElement {
  /** options.policy overrides (e.g. a county's monitoring line); wins over `lines`; setting it re-assesses (cause "policy"). */
  policy: PolicyOverrides | undefined;
  /** Host-set lines per province and year; setting it re-assesses (cause "property"). */
  lines: TuopinLines;
  /** The form as a contract Household (blank fields left out); setting it loads the form. */
  household: Household | null;
  /** The last Report, or null. */
  readonly report: Report | null;
  /** The assessment date in the form (attribute `as-of` sets the default); setting it re-assesses a shown result. */
  asOf: string;
  /** Assesses the form (cause "submit"): the Report, or null when the input is invalid (problems shown inline). */
  assess(): Promise<Report | null>;
  /** Loads a Household, or `{ household, options }` (options.asOf is used). */
  load(data: Household | { household: Household; options?: Partial<Options> }): void;
  /** Empties the form and removes the saved draft and the result. */
  clear(): void;
  /** Shows or leaves the print view (A4). */
  printView(on?: boolean): void;
}

/**
 * Attributes: lang, as-of, province, monitoring-lines, poverty-lines (JSON TuopinLinesByProvince),
 * draft (keep a draft: off by default; never names or ID numbers; expires after 7 days), no-draft,
 * draft-key, theme ("high-contrast").
 */
declare global {
  interface HTMLElementTagNameMap {
    "tuopin-assessment": TuopinAssessment;
  }
  interface HTMLElementEventMap {
    "tuopin-ready": CustomEvent<{ version: VersionInfo }>;
    "tuopin-result": CustomEvent<TuopinResultDetail>;
    "tuopin-invalid": CustomEvent<TuopinInvalidDetail>;
    "tuopin-error": CustomEvent<TuopinErrorDetail>;
  }
}
