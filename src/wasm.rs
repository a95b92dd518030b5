//! The JavaScript face of the engine: the ONLY file that names wasm_bindgen, js_sys or JsValue.
//!
//! Every function takes plain JS objects, turns them into JSON values once, calls the pure
//! engine, and hands back plain JSON-compatible objects (no ES Maps, no `undefined`). Invalid
//! input throws a real `Error` whose `problems` property lists `{ path, code, message }`.

use crate::json_value::{Json, JsonMap, JsonNumber};
use crate::problem::{Code, Finding, Problem};
use crate::reader::{index, join, limits};
use crate::{catalog, engine};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** ISO date `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO 3166-2:CN province code, e.g. `CN-YN`. */
export type ProvinceCode = string;
/** Yuan (元), at most two decimals. */
export type Yuan = number;
export type Lang = "zh-CN" | "en";

export type Registration = "poor" | "exited" | "ordinary";
export type Category = "unstable_exited" | "marginal" | "sudden_hardship";
export type MeasureCode = "industry" | "employment" | "finance" | "public_welfare_job" | "health" | "education"
  | "compulsory_education" | "housing" | "water" | "social_security" | "relocation" | "social_assistance"
  | "living_conditions" | "infrastructure" | "ecological_compensation";
export type RiskCode = "illness" | "disability" | "education" | "disaster" | "accident" | "business_failure"
  | "unstable_employment" | "lack_of_labour" | "housing" | "water" | "other";
export type Relation = "head" | "spouse" | "child" | "child_in_law" | "grandchild" | "parent" | "grandparent" | "sibling" | "other";
export type Health = "healthy" | "chronic" | "serious" | "disabled";
export type Labour = "normal" | "skilled" | "weak" | "lost" | "none";
export type Schooling = "not_student" | "preschool" | "primary" | "junior" | "senior" | "vocational" | "college"
  | "home_tutoring" | "exempt" | "deferred" | "dropped_out" | "not_enrolled";
export type Insurance = "resident" | "employee" | "commercial" | "none";
export type HouseGrade = "A" | "B" | "C" | "D" | "none";
export type ExitStepId = "democratic_review" | "verification" | "household_consent" | "public_notice" | "announcement" | "deregistration";
export type TransferItem = "basicPension" | "dibaoA" | "dibaoB" | "dibaoC" | "oneOffRelief";

export interface Member {
  name?: string | null;
  idNumber?: string | null;
  relation: Relation;
  sex: "male" | "female";
  birthDate: IsoDate;
  health?: Health | null;
  disabilityGrade?: 1 | 2 | 3 | 4 | null;
  labour?: Labour | null;
  schooling?: Schooling | null;
  dropoutReason?: "poverty" | "other" | null;
  completedCompulsory?: boolean | null;
  medicalInsurance?: Insurance | Insurance[] | null;
  criticalIllnessInsurance?: boolean | null;
  medicalAssistance?: boolean | null;
}

export interface Household {
  id?: string | null;
  province: ProvinceCode;
  waterShortArea?: boolean | null;
  registration?: Registration | null;
  identifiedOn?: IsoDate | null;
  exitedOn?: IsoDate | null;
  monitoring?: {
    category?: Category | null;
    identifiedOn?: IsoDate | null;
    measures?: MeasureCode[] | null;
    risks?: RiskCode[] | null;
    riskGone?: boolean | null;
    riskEliminatedOn?: IsoDate | null;
  } | null;
  members: Member[];
  income: {
    wage?: Yuan | null; business?: Yuan | null; property?: Yuan | null; transfer?: Yuan | null; businessCosts?: Yuan | null;
    transferItems?: Partial<Record<TransferItem, Yuan | null>> | null;
  };
  spending?: { medicalOutOfPocket?: Yuan | null; education?: Yuan | null; disasterLoss?: Yuan | null } | null;
  food?: { secure?: boolean | null } | null;
  clothing?: { secure?: boolean | null } | null;
  housing?: {
    grade?: HouseGrade | null;
    areaM2?: number | null;
    relocation?: { mode?: "centralized" | "scattered" | null; keysHandedOver?: boolean | null; movedIn?: boolean | null } | null;
    safeAlternative?: "with_family" | "public_rental" | "rented" | null;
  } | null;
  water?: {
    pipedToHome?: boolean | null; litresPerPersonDay?: number | null; fetchMinutes?: number | null;
    horizontalM?: number | null; verticalM?: number | null; daysWithoutSupply?: number | null; qualityOk?: boolean | null;
  } | null;
  electricity?: { connected?: boolean | null } | null;
  exitProcedure?: Partial<Record<ExitStepId, IsoDate | null>> | null;
  survey?: { exitSample?: boolean | null; missedSample?: boolean | null; recognised?: boolean | null; village?: string | null } | null;
}

export interface WaterRule {
  litresMin?: number; litresMinShortArea?: number; fetchMinutesMax?: number; horizontalMMax?: number;
  verticalMMax?: number; daysWithoutSupplyMax?: number;
}

/** A line set as a multiple of the local 低保 (dibao) standard: monthly × 12 × factor, exact in fen
 *  (contract v1.1 item 4). `dibaoMonthly` 0.01 … 100 000 yuan, `factor` 0.01 … 10, two decimals at most. */
export interface DibaoMultiple { dibaoMonthly: Yuan; factor: number }

/** Overrides of the built-in packs' parameters (contract v1 keys plus extensions). Every value is
 *  checked like household data (finite, right type, the range stated in docs/contract-extensions.md);
 *  `null` is a problem, never "no value". `false` switches off the rules that can be off. */
export interface PolicyOverrides {
  /** 1 … 100 000 yuan per person per year, or a 低保 multiple. */
  povertyLine?: Yuan | DibaoMultiple;
  /** 1 … 100 000 yuan per person per year, or a 低保 multiple. */
  monitoringLine?: Yuan | DibaoMultiple;
  excludedIncome?: TransferItem[];
  incomeConcept?: "net" | "disposable";
  schoolAge?: [number, number];
  educationRule?: "no_poverty_dropout" | "no_dropout";
  water?: WaterRule;
  electricityVeto?: boolean;
  medicalRequires?: ("basic" | "critical_illness" | "assistance")[];
  commercialInsuranceCounts?: boolean;
  /** m² per person, 0 … 100; `false`: no minimum. */
  minAreaPerPerson?: number | false;
  /** Days of 公示, 0 … 365; `false`: no length checked. */
  noticeDays?: number | false;
  boundary?: "strict" | "lenient";
  rigidSpendingRatio?: number;
  hardshipSpendingRatio?: number;
  minMonthsBeforeElimination?: number;
  minMeasures?: number;
  marriageAgeMen?: number;
  marriageAgeWomen?: number;
  transferShareWarning?: number;
  lackOfLabourShare?: number;
  illnessSpendingShare?: number;
  westernProvinces?: ProvinceCode[];
  incidenceMax?: number;
  incidenceMaxWestern?: number;
  wrongExitMax?: number;
  missedMax?: number;
  recognitionMin?: number;
}

export interface Options {
  /** Required: the engine reads no clock. */
  asOf: IsoDate;
  province?: ProvinceCode | null;
  lang?: Lang;
  policy?: PolicyOverrides | null;
}

export type ProblemCode = "invalid_date" | "invalid_value" | "invalid_type" | "unknown_field" | "missing_field"
  | "negative_amount" | "too_many_decimals" | "out_of_range" | "empty_members" | "id_checksum"
  | "id_birth_date_mismatch" | "id_sex_mismatch" | "born_after_as_of" | "date_after_as_of" | "missing_as_of"
  | "transfer_items_exceed_transfer" | "no_poverty_line" | "no_monitoring_line" | "invalid_json"
  /** A NaN or ±Infinity (JS), or a number JSON cannot hold. */
  | "invalid_number"
  /** An amount of money of 10^12 yuan or more (each amount; sums then stay exact). */
  | "amount_too_large"
  /** The same key twice in one JSON object (CLI and files; a JS object cannot have one). */
  | "duplicate_key"
  /** Limits (README "Limits"): members per household, characters per string, bytes per call, nesting. */
  | "too_many_members" | "value_too_long" | "input_too_large" | "too_deep"
  /** JS only: an object that contains itself; a getter or Proxy trap that threw. */
  | "circular_reference" | "unreadable_value";

export interface Problem { path: string; code: ProblemCode; message: string }

/** What `assess` throws on invalid input. */
export interface TuopinInputError extends Error { problems: Problem[] }

export type CheckId = "income" | "food" | "clothing" | "education" | "medical" | "housing" | "water" | "electricity";
export type Status = "pass" | "fail" | "unknown" | "not_applicable";
export type Confidence = "C" | "S" | "N";

export interface Check {
  id: CheckId;
  status: Status;
  veto: boolean;
  reason: string;
  basis: string;
  confidence: Confidence;
  members: { index: number; status: Status; reason: string }[];
}

export interface Applied {
  key: string;
  value: unknown;
  from: IsoDate | null;
  to: IsoDate | null;
  source: string;
  confidence: Confidence | null;
  /** Pack id, `override`, or `default`. */
  pack: string;
}

export interface Warning { path: string; code: string; message: string }

export interface Report {
  householdId: string | null;
  regime: "exit_2016" | "monitoring_2021";
  /** `applied` is left out of the reports of `assessMany` (see `BatchResult.applied`). */
  policy: { pack: string; province: ProvinceCode; asOf: IsoDate; overrides: PolicyOverrides; applied?: Applied[] };
  income: {
    net: Yuan | null; members: number; perCapita: Yuan | null; countedPerCapita: Yuan | null;
    excluded: { item: TransferItem; amount: Yuan }[];
    transferShare: number | null; line: Yuan; lineKind: "poverty_line" | "monitoring_line"; margin: Yuan | null;
    lineSource: string; lineFrom: IsoDate | null; concept: "net" | "disposable";
    /** How the line in force was set (contract v1.1 item 4): a plain amount or a 低保 multiple, its
     *  source, and its confidence (`caller` for `options.policy`). */
    lineBasis: { kind: "amount" | "dibao_multiple"; source: string; confidence: Confidence | "caller" };
    unknown: string[]; unitemised: TransferItem[];
  };
  checks: Check[];
  exit: {
    verdict: "ready" | "not_ready" | "incomplete";
    blocking: string[];
    unknown: string[];
    steps: { id: ExitStepId; done: boolean; on: IsoDate | null; noticeDays?: number | null }[];
  } | null;
  monitoring: {
    category: Category | "none" | "unknown";
    recorded: Category | null;
    reasons: { code: string; message: string }[];
  } | null;
  riskElimination: {
    verdict: "eligible" | "not_eligible" | "incomplete";
    blocking: string[];
    unknown: string[];
    mode: "assisted" | "natural" | null;
    monthsSinceIdentification: number | null;
  } | null;
  causes: { cause: "illness" | "disability" | "education" | "lack_of_labour" | "disaster" | "lack_of_water" | "lack_of_housing"; primary: boolean; evidence: string; suggested: true }[];
  measures: { measure: MeasureCode; batch: "production" | "relocation" | "ecological_compensation" | "education" | "social_security" | null; why: string; suggested: true }[];
  warnings: Warning[];
}

export interface Indicator {
  value: number | null; numerator: number; denominator: number; threshold: number;
  comparison: "below" | "above"; boundary: "strict" | "lenient"; status: "pass" | "fail";
  unit: "persons" | "households"; unknown: number;
}

export interface Summary {
  households: number; valid: number; invalid: number; persons: number;
  registeredPoorPersons: number; remainingPoorPersons: number; monitoredPersons: number;
  regime: "exit_2016" | "monitoring_2021"; province: ProvinceCode; western: boolean; boundary: "strict" | "lenient";
  byVerdict: Record<string, number>; byCategory: Record<string, number>; byElimination: Record<string, number>;
  failingChecks: Record<string, number>; causes: Record<string, number>;
  /** `incidence`: 贫困发生率 (village test); `compositeIncidence`: 综合贫困发生率 (county test, exact fraction). */
  indicators: { incidence: Indicator | null; compositeIncidence: Indicator | null; wrongExit: Indicator | null; missed: Indicator | null; recognition: Indicator | null };
  /** true only when all four county indicators were computed and pass; false when one fails; null otherwise. */
  exitIndicatorsMet: boolean | null;
  villages: { village: string; households: number; persons: number; remainingPoorPersons: number; incidence: Indicator | null }[];
}

/**
 * An entry that could not be assessed. `assessMany` gives `index` (0-based position in the array);
 * files (`BatchJob`, CLI `tuopin batch`) give `line` (1-based line of the household's first row;
 * for a JSON array file, its 1-based position). `row` repeats whichever applies (contract v1).
 */
export interface InvalidRow { row: number; index?: number; line?: number; householdId: string | null; problems: Problem[] }
/** Every line of a CSV or JSON Lines file accounted for: `read = header + blank + assessed + invalid`. */
export interface LineCount { read: number; header: number; blank: number; assessed: number; invalid: number }
export interface BatchResult {
  reports: Report[]; summary: Summary; invalid: InvalidRow[];
  /** The parameters in force, once per province (the reports leave them out). */
  applied: { province: ProvinceCode; applied: Applied[] }[];
}

export interface PolicyEntry { from: IsoDate; to: IsoDate | null; value?: unknown; source: string; confidence: Confidence }
export interface PolicyPack {
  id: string; title: string; province: ProvinceCode | null; provinces: string[];
  validFrom: IsoDate | null; validTo: IsoDate | null; sources: string[];
  parameters: { key: string; entries: PolicyEntry[] }[];
}
export interface RowOut {
  line: number; id: string | null; persons: number; perCapita: Yuan | null; lineAmount: Yuan;
  /** Exit verdict (exit regime, poor households), else the monitoring category. */
  outcome: string; elimination: string | null; failing: CheckId[]; causes: string[]; warnings: number; village: string | null;
}
export interface FileProblem { code: "gbk_encoding" | "not_utf8" | "unknown_column" | "missing_column" | "malformed_csv" | "invalid_json" | "unknown_format"; message: string; given: string | null }
export interface VersionInfo { crate: string; contract: 1; policyPacks: string[] }
"#;

/// Results cross as JSON text parsed by the engine of the page (`JSON.parse`): one string copy
/// instead of thousands of small boundary calls, plain objects by construction (no ES Map, no
/// `undefined`), and no second serializer compiled into the module.
///
/// The text is written by `report::json::write_alone` (byte for byte what serde_json writes,
/// checked by `tests/report_json.rs`), not by `serde_json::to_string`: the per-field code of
/// that writer is smaller, and with only one writer in the module each answer type's
/// serializing code is compiled once (BENCHMARKS.md, "Core package size", third round).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let mut out = Vec::new();
    let written = crate::report::json::write_alone(value, &mut out);
    parse_written(written.is_ok(), out)
}

/// The written text handed to `JSON.parse`: the part of [`to_js`] that does not depend on the
/// answer's type, compiled once instead of once per answer type (the core module's size, issue
/// 8 item 6).
fn parse_written(written: bool, out: Vec<u8>) -> Result<JsValue, JsValue> {
    match String::from_utf8(out) {
        Ok(text) if written => js_sys::JSON::parse(&text),
        _ => Err(JsValue::from(js_sys::Error::new(UNWRITABLE))),
    }
}

/// No answer of the core holds a value the JSON writer leaves to serde_json (a raw JSON token,
/// a map key that is neither a string nor an integer); this is what a future one would meet.
const UNWRITABLE: &str = "tuopin: internal error, the answer could not be written as JSON";

#[wasm_bindgen]
extern "C" {
    /// `Object.keys`, with what a Proxy's `ownKeys` trap throws caught instead of unwinding
    /// through the module.
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn object_keys(value: &JsValue) -> Result<js_sys::Array, JsValue>;
}

/// Reads JS values into JSON values directly, noting at its exact path everything that
/// `JSON.stringify` would silently turn into `null` or drop (issue 9 item 5): `NaN`, `±Infinity`,
/// a function, a `Symbol`, a `BigInt`, `undefined` inside an array; and a cycle, a getter that
/// throws, nesting deeper than [`limits::MAX_DEPTH`] or more than [`limits::MAX_INPUT_BYTES`]
/// read. Each such value becomes `null` in the result, and the finding makes the call fail,
/// so the `null` is never assessed. (Measured against `JSON.stringify` + `serde_json` and
/// against serde-wasm-bindgen: BENCHMARKS.md, "The JS boundary".)
struct Crossing {
    findings: Vec<Finding>,
    /// The objects on the path being read: one seen again is a cycle (a shared, acyclic
    /// object is fine, as it is for `JSON.stringify`).
    open: js_sys::WeakSet,
    /// Approximate bytes read for the current household (strings by length, others by a few).
    bytes: usize,
    over: bool,
}

impl Crossing {
    fn new() -> Crossing {
        Crossing {
            findings: Vec::new(),
            open: js_sys::WeakSet::new(),
            bytes: 0,
            over: false,
        }
    }

    fn note(&mut self, f: Finding) {
        self.findings.push(f);
    }

    fn charge(&mut self, n: usize, path: &str) -> bool {
        self.bytes = self.bytes.saturating_add(n);
        if self.bytes > limits::MAX_INPUT_BYTES && !self.over {
            self.over = true;
            self.note(
                Finding::new(path, Code::InputTooLarge)
                    .given(format!("> {}", limits::MAX_INPUT_BYTES))
                    .expected(limits::MAX_INPUT_BYTES.to_string()),
            );
        }
        !self.over
    }

    fn read(&mut self, v: &JsValue, path: &str, depth: usize) -> Json {
        if self.over {
            return Json::Null;
        }
        // Most common first (codes and dates, then numbers): each test is a call into JS.
        if let Some(js) = v.dyn_ref::<js_sys::JsString>() {
            // A string of more than twice the limit in UTF-16 units has more characters than
            // the limit: refused without copying it (a 10 MB name costs nothing).
            let units = js.length() as usize;
            if units > 2 * limits::MAX_STRING_CHARS {
                self.note(
                    Finding::new(path, Code::ValueTooLong)
                        .given(format!("{units}"))
                        .expected(limits::MAX_STRING_CHARS.to_string()),
                );
                return Json::Null;
            }
            let s = String::from(js);
            if !self.charge(s.len() + 2, path) {
                return Json::Null;
            }
            return Json::String(s);
        }
        if let Some(f) = v.as_f64() {
            self.charge(8, path);
            return self.number(f, path);
        }
        if let Some(b) = v.as_bool() {
            self.charge(4, path);
            return Json::Bool(b);
        }
        if v.is_null() || v.is_undefined() {
            return Json::Null;
        }
        let kind = if v.is_bigint() {
            "bigint"
        } else if v.is_symbol() {
            "symbol"
        } else if v.is_function() {
            "function"
        } else if v.is_object() {
            return self.container(v, path, depth);
        } else {
            "unknown"
        };
        self.note(
            Finding::new(path, Code::InvalidType)
                .given(kind)
                .expected("number | string | boolean | object | array | null"),
        );
        Json::Null
    }

    fn number(&mut self, f: f64, path: &str) -> Json {
        if !f.is_finite() {
            let given = if f.is_nan() {
                "NaN"
            } else if f > 0.0 {
                "Infinity"
            } else {
                "-Infinity"
            };
            self.note(Finding::new(path, Code::InvalidNumber).given(given));
            return Json::Null;
        }
        // Whole numbers cross as integers (exact); others as the double, which the number
        // reader turns back into its shortest text, as it did after `JSON.stringify`.
        if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 {
            return Json::from(f as i64);
        }
        JsonNumber::from_f64(f)
            .map(Json::Number)
            .unwrap_or(Json::Null)
    }

    fn container(&mut self, v: &JsValue, path: &str, depth: usize) -> Json {
        if depth >= limits::MAX_DEPTH {
            self.note(Finding::new(path, Code::TooDeep).expected(limits::MAX_DEPTH.to_string()));
            return Json::Null;
        }
        let obj: &js_sys::Object = v.unchecked_ref();
        if self.open.has(obj) {
            self.note(Finding::new(path, Code::CircularReference));
            return Json::Null;
        }
        self.open.add(obj);
        let out = if js_sys::Array::is_array(v) {
            self.array(v, path, depth)
        } else {
            self.object(v, path, depth)
        };
        self.open.delete(obj);
        out
    }

    fn array(&mut self, v: &JsValue, path: &str, depth: usize) -> Json {
        let len = v.unchecked_ref::<js_sys::Array>().length();
        let is_members = path == "members" || path.ends_with("].members");
        if is_members && len as usize > limits::MAX_MEMBERS {
            // Refused before a single member is read: a million members cost microseconds.
            self.note(
                Finding::new(path, Code::TooManyMembers)
                    .given(len.to_string())
                    .expected(limits::MAX_MEMBERS.to_string()),
            );
            return Json::Null;
        }
        let mut out = Vec::with_capacity((len as usize).min(limits::MAX_MEMBERS));
        for i in 0..len {
            let p = index(path, i as usize);
            if !self.charge(1, &p) {
                break;
            }
            match js_sys::Reflect::get_u32(v, i) {
                Ok(item) if item.is_undefined() => {
                    self.note(Finding::new(p, Code::InvalidType).given("undefined"));
                    out.push(Json::Null);
                }
                Ok(item) => out.push(self.read(&item, &p, depth + 1)),
                Err(e) => {
                    self.unreadable(&p, &e);
                    out.push(Json::Null);
                }
            }
        }
        Json::Array(out)
    }

    fn object(&mut self, v: &JsValue, path: &str, depth: usize) -> Json {
        let keys = match object_keys(v) {
            Ok(keys) => keys,
            Err(e) => {
                self.unreadable(path, &e);
                return Json::Null;
            }
        };
        // Collected in the order JS gives the keys, put in key order once at the end
        // (`JsonMap::from_entries`): keys arriving in descending order made inserting one by one
        // quadratic.
        let mut entries = Vec::new();
        for key in keys.iter() {
            let Some(name) = key.as_string() else {
                continue;
            };
            let p = join(path, &name);
            if !self.charge(name.len() + 3, &p) {
                break;
            }
            match js_sys::Reflect::get(v, &key) {
                // An own property holding `undefined` is a field left out, as in JSON.
                Ok(item) if item.is_undefined() => {}
                Ok(item) => {
                    let value = self.read(&item, &p, depth + 1);
                    entries.push((name, value));
                }
                Err(e) => {
                    self.unreadable(&p, &e);
                    entries.push((name, Json::Null));
                }
            }
        }
        Json::Object(JsonMap::from_entries(entries))
    }

    /// A getter or a Proxy trap threw: the path and what it threw.
    fn unreadable(&mut self, path: &str, thrown: &JsValue) {
        let what = thrown
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| thrown.as_string())
            .unwrap_or_else(|| "exception".to_string());
        self.note(Finding::new(path, Code::UnreadableValue).given(what));
    }
}

/// One argument read across the boundary: its value (`None` for `undefined` / `null`) and the
/// problems found on the way.
fn cross(value: &JsValue, path: &str) -> (Option<Json>, Vec<Finding>) {
    if value.is_undefined() || value.is_null() {
        return (None, Vec::new());
    }
    let mut c = Crossing::new();
    let v = c.read(value, path, 0);
    (Some(v), c.findings)
}

/// The caller's language, read before anything else so that even the problems of crossing
/// are worded in it.
fn lang_of(options: Option<&Json>) -> crate::words::Lang {
    crate::options::lang_of(options)
}

/// Reads one argument, failing with its crossing problems in the language it asks for.
#[cfg(feature = "files")]
fn from_js(value: JsValue, path: &str) -> Result<Option<Json>, Vec<Problem>> {
    let (v, found) = cross(&value, path);
    if found.is_empty() {
        Ok(v)
    } else {
        Err(crate::problem::render_all(&found, lang_of(v.as_ref())))
    }
}

/// A thrown `Error` carrying the problems.
fn problems_error(problems: &[Problem]) -> JsValue {
    let first = problems
        .first()
        .map(|p| p.message.as_str())
        .unwrap_or("invalid input");
    let message = if problems.len() > 1 {
        format!("{first} (+{} more)", problems.len() - 1)
    } else {
        first.to_string()
    };
    let error = js_sys::Error::new(&message);
    if let Ok(list) = to_js(&problems) {
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str("problems"), &list);
    }
    let _ = js_sys::Reflect::set(
        &error,
        &JsValue::from_str("name"),
        &JsValue::from_str("TuopinInputError"),
    );
    error.into()
}

/// `assess(household, options)` → `Report`.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn assess(
    #[wasm_bindgen(unchecked_param_type = "Household")] household: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let (household, mut found) = cross(&household, "");
    let (options, in_options) = cross(&options, "options");
    found.extend(in_options);
    let household = household.unwrap_or(Json::Null);
    match engine::assess_crossed(&household, options.as_ref(), found) {
        Ok(report) => to_js(&report),
        Err(problems) => Err(problems_error(&problems)),
    }
}

/// `validate(household, options?)` → `Problem[]` (empty when valid). Options are checked
/// exactly as `assess` checks them, except that `asOf` may be left out.
#[wasm_bindgen(unchecked_return_type = "Problem[]")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "Household")] household: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Partial<Options>")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let (household, mut found) = cross(&household, "");
    let (options, in_options) = cross(&options, "options");
    found.extend(in_options);
    let household = household.unwrap_or(Json::Null);
    to_js(&engine::validate_crossed(
        &household,
        options.as_ref(),
        found,
    ))
}

/// `assessMany(households, options)` → `{ reports, summary }`. A value that cannot cross (a
/// `NaN`, a function...) anywhere in the list throws with its path (`[3].income.wage`), as
/// the options' problems do; households that are merely invalid are listed in `invalid`.
#[wasm_bindgen(js_name = assessMany, unchecked_return_type = "BatchResult")]
pub fn assess_many(
    #[wasm_bindgen(unchecked_param_type = "Household[]")] households: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let (options, mut found) = cross(&options, "options");
    let lang = lang_of(options.as_ref());
    let households = if js_sys::Array::is_array(&households) {
        // Each household has its own size budget: a long list is not "too large".
        let list: &js_sys::Array = households.unchecked_ref();
        let mut c = Crossing::new();
        let mut out = Vec::with_capacity(list.length() as usize);
        for (i, item) in list.iter().enumerate() {
            c.bytes = 0;
            c.over = false;
            out.push(c.read(&item, &index("", i), 1));
        }
        found.extend(c.findings);
        Json::Array(out)
    } else {
        let (v, in_list) = cross(&households, "");
        found.extend(in_list);
        v.unwrap_or(Json::Null)
    };
    if !found.is_empty() {
        return Err(problems_error(&crate::problem::render_all(&found, lang)));
    }
    match crate::batch::assess_many(&households, options.as_ref()) {
        Ok(out) => to_js(&out),
        Err(problems) => Err(problems_error(&problems)),
    }
}

/// `policies()` → the built-in packs with every dated, sourced value.
#[wasm_bindgen(unchecked_return_type = "PolicyPack[]")]
pub fn policies() -> Result<JsValue, JsValue> {
    to_js(&catalog::policies())
}

/// `version()` → `{ crate, contract: 1, policyPacks }`.
#[wasm_bindgen(unchecked_return_type = "VersionInfo")]
pub fn version() -> Result<JsValue, JsValue> {
    to_js(&catalog::version())
}

/// A whole file (CSV, JSON Lines or a JSON array) handed over in one piece (only in the
/// batch page's build, `--features files`, so the core module carries no CSV reader) and assessed in
/// steps: `new BatchJob(bytes, "csv", options)`, then `step(n)` until `done() === total()`,
/// then `summary()`, `rows()`, `invalid()`, `rowsCsv()`. Only compact rows cross back to JS.
#[cfg(feature = "files")]
#[wasm_bindgen(js_name = BatchJob)]
pub struct JsBatchJob {
    inner: crate::batch::BatchJob,
}

#[cfg(feature = "files")]
#[wasm_bindgen(js_class = BatchJob)]
impl JsBatchJob {
    #[wasm_bindgen(constructor)]
    pub fn new(
        // By value: wasm-bindgen copies the bytes into wasm memory once, and the job owns them.
        bytes: Vec<u8>,
        format: &str,
        #[wasm_bindgen(unchecked_param_type = "Options")] options: JsValue,
    ) -> Result<JsBatchJob, JsValue> {
        let options = from_js(options, "options").map_err(|p| problems_error(&p))?;
        let lang = crate::options::lang_of(options.as_ref());
        let mut r = crate::reader::Reader::new();
        let Some(opts) = crate::options::read_options(&mut r, options.as_ref()) else {
            return Err(problems_error(&crate::problem::render_all(
                r.findings(),
                lang,
            )));
        };
        match crate::batch::BatchJob::new(bytes, format, opts) {
            Ok(inner) => Ok(JsBatchJob { inner }),
            Err(e) => {
                let problems: Vec<Problem> = e
                    .problems
                    .iter()
                    .map(|p| Problem {
                        path: String::new(),
                        code: Code::InvalidValue,
                        message: p.message.clone(),
                    })
                    .collect();
                let error = problems_error(&problems);
                if let Ok(list) = to_js(&e.problems) {
                    let _ = js_sys::Reflect::set(&error, &JsValue::from_str("fileProblems"), &list);
                }
                Err(error)
            }
        }
    }

    /// Households (and unreadable rows) read so far: the file's count once `finished()`.
    pub fn total(&self) -> usize {
        self.inner.total()
    }

    /// Whether the whole file has been read and assessed.
    pub fn finished(&self) -> bool {
        self.inner.finished()
    }

    /// Share of the file read so far, 0 to 1 (for a progress bar from the first row on).
    pub fn progress(&self) -> f64 {
        self.inner.progress()
    }

    /// How many are assessed so far.
    pub fn done(&self) -> usize {
        self.inner.done()
    }

    /// Assesses up to `n` more; returns how many are done in all.
    pub fn step(&mut self, n: usize) -> usize {
        self.inner.step(n)
    }

    #[wasm_bindgen(unchecked_return_type = "Summary")]
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.summary())
    }

    /// Rows from `from` (inclusive) to `to` (exclusive) of the compact results.
    #[wasm_bindgen(unchecked_return_type = "RowOut[]")]
    pub fn rows(&self, from: usize, to: usize) -> Result<JsValue, JsValue> {
        let rows = self.inner.rows();
        let to = to.min(rows.len());
        to_js(&rows.get(from.min(to)..to).unwrap_or(&[]))
    }

    #[wasm_bindgen(js_name = rowCount)]
    pub fn row_count(&self) -> usize {
        self.inner.rows().len()
    }

    /// What the batch page's summary shows of the rows (histogram of per-capita income against
    /// the line, outcomes, households failing a check, lines used), counted where the rows are.
    #[wasm_bindgen(unchecked_return_type = "BatchDigest")]
    pub fn digest(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.digest())
    }

    /// Chooses the rows of the results table: `sort` is `line`, `perCapita` or `persons`;
    /// `outcome` keeps one outcome; `failing` is `any`, `none` or a check id. Returns how many
    /// rows match; `viewRows` pages through them.
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(
        &mut self,
        sort: &str,
        descending: bool,
        outcome: Option<String>,
        failing: Option<String>,
    ) -> usize {
        use crate::batch::view::{Filter, SortKey};
        let key = match sort {
            "perCapita" => SortKey::PerCapita,
            "persons" => SortKey::Persons,
            _ => SortKey::Line,
        };
        self.inner
            .set_view(&Filter { outcome, failing }, key, descending)
    }

    /// Rows `from` (inclusive) to `to` (exclusive) of the view `setView` chose.
    #[wasm_bindgen(js_name = viewRows, unchecked_return_type = "RowOut[]")]
    pub fn view_rows(&self, from: usize, to: usize) -> Result<JsValue, JsValue> {
        to_js(&self.inner.view_rows(from, to))
    }

    #[wasm_bindgen(unchecked_return_type = "InvalidRow[]")]
    pub fn invalid(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.invalid())
    }

    /// Every line of a CSV or JSON Lines file accounted for (`null` for a JSON array).
    #[wasm_bindgen(unchecked_return_type = "LineCount | null")]
    pub fn lines(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.lines())
    }

    /// The compact rows as CSV text (with a BOM for Excel; cells that could start a formula
    /// are neutralised, see `docs/csv-layout.md`).
    #[wasm_bindgen(js_name = rowsCsv)]
    pub fn rows_csv(&self) -> String {
        self.inner.rows_csv()
    }
}

/// Whether the bytes are UTF-8 text throughout: the batch page checks a file this way before
/// handing it over (a file that is not may be GBK, which the page converts), instead of decoding
/// all of it into a string it does not need (a quarter of a second per 100 MB in Chromium).
#[cfg(feature = "files")]
#[wasm_bindgen(js_name = isUtf8)]
pub fn is_utf8(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok()
}

#[cfg(feature = "files")]
#[wasm_bindgen(typescript_custom_section)]
const BATCH_TYPES: &'static str = r#"
export interface BatchDigest {
  /** Households by per-capita income as a multiple of the line: bins of `binWidth`, the last one open. */
  histogram: { binWidth: number; bins: number[]; unknown: number };
  outcomes: Record<string, number>; failingHouseholds: number;
  lines: { amount: Yuan; households: number }[]; rowCount: number;
}
"#;

/// The CSV header of the batch layout (`docs/csv-layout.md`), English or Chinese.
#[cfg(feature = "files")]
#[wasm_bindgen(js_name = csvTemplate)]
pub fn csv_template(chinese: bool) -> String {
    crate::table::template_header(chinese)
}
