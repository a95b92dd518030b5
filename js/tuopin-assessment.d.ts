// Types of the <tuopin-assessment> custom element (pkg/tuopin-assessment.js). The Household,
// Report, Options and Problem shapes are the package's own (./tuopin.d.ts).

import type { Household, Report, Options, Problem, VersionInfo, PolicyOverrides } from "./tuopin.js";

/** Loads the wasm engine once (a no-op when the page already called the package's init()). */
export function loadEngine(moduleOrPath?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module): Promise<VersionInfo>;

/** What the element passed to assess(): asOf may be missing when the form's date is blank. */
export type TuopinOptionsEcho = Partial<Options> & { lang: "zh-CN" | "en" };

export interface TuopinResultDetail {
  report: Report;
  household: Household;
  options: TuopinOptionsEcho;
}

export interface TuopinInvalidDetail {
  problems: Problem[];
  household: Household;
  options: TuopinOptionsEcho;
}

export declare class TuopinAssessment extends HTMLElement {
  /** options.policy overrides (e.g. a county's monitoring line); setting it re-assesses. */
  policy: PolicyOverrides | undefined;
  /** The form as a contract Household (blank fields left out); setting it loads the form. */
  household: Household | null;
  /** The last Report, or null. */
  readonly report: Report | null;
  /** The assessment date in the form (attribute `as-of` sets the default). */
  asOf: string;
  /** Assesses the form: the Report, or null when the input is invalid (problems shown inline). */
  assess(): Promise<Report | null>;
  /** Loads a Household, or `{ household, options }` (options.asOf is used). */
  load(data: Household | { household: Household; options?: Partial<Options> }): void;
  /** Empties the form and removes the saved draft and the result. */
  clear(): void;
  /** Shows or leaves the print view (A4). */
  printView(on?: boolean): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "tuopin-assessment": TuopinAssessment;
  }
  interface HTMLElementEventMap {
    "tuopin-ready": CustomEvent<{ version: VersionInfo }>;
    "tuopin-result": CustomEvent<TuopinResultDetail>;
    "tuopin-invalid": CustomEvent<TuopinInvalidDetail>;
    "tuopin-error": CustomEvent<{ message: string }>;
  }
}
