//! The typed parameters the rules read, and how each is read from a pack entry or an override.
//!
//! One reader per key serves both the built-in packs and `options.policy`, so an override is
//! checked exactly as strictly as the data we ship.

use crate::codes;
use crate::household::TransferItem;
use crate::json_value::Json;
use crate::money::Money;
use crate::number::{Decimal, Ratio};
use crate::problem::{Code, Finding};
use crate::reader::{index, Reader};

codes! {
    /// How "above" / "below" a threshold reads when the value is exactly at it.
    pub enum Boundary {
        Strict => "strict",
        Lenient => "lenient",
    }
}

codes! {
    /// 无因贫辍学 (until 2018) or 不失学辍学 (from 2019).
    pub enum EducationRule {
        NoPovertyDropout => "no_poverty_dropout",
        NoDropout => "no_dropout",
    }
}

codes! {
    /// Which income the line is compared with (rule 4): 人均纯收入 or 人均可支配收入.
    pub enum IncomeConcept {
        Net => "net",
        Disposable => "disposable",
    }
}

codes! {
    pub enum MedicalRequirement {
        Basic => "basic",
        CriticalIllness => "critical_illness",
        Assistance => "assistance",
    }
}

/// T/CHES 18-2018 thresholds (or a province's stricter ones).
#[derive(Debug, Clone, PartialEq)]
pub struct WaterRule {
    pub litres_min: Decimal,
    pub litres_min_short_area: Decimal,
    pub fetch_minutes_max: Decimal,
    pub horizontal_m_max: Decimal,
    pub vertical_m_max: Decimal,
    pub days_without_supply_max: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub poverty_line: Option<Money>,
    pub monitoring_line: Option<Money>,
    pub excluded_income: Vec<TransferItem>,
    pub income_concept: IncomeConcept,
    pub school_age: (i32, i32),
    pub education_rule: EducationRule,
    pub water: WaterRule,
    pub electricity_veto: bool,
    pub medical_requires: Vec<MedicalRequirement>,
    pub commercial_insurance_counts: bool,
    pub min_area_per_person: Option<Decimal>,
    pub notice_days: Option<i64>,
    pub boundary: Boundary,
    pub rigid_spending_ratio: Ratio,
    pub hardship_spending_ratio: Ratio,
    pub min_months_before_elimination: i64,
    pub min_measures: i64,
    /// 法定婚龄 (men, women): below it a spouse is flagged as a data error, never refused.
    pub marriage_age_men: i64,
    pub marriage_age_women: i64,
    pub transfer_share_warning: Ratio,
    pub lack_of_labour_share: Ratio,
    pub illness_spending_share: Ratio,
    pub western_provinces: Vec<String>,
    pub incidence_max: Ratio,
    pub incidence_max_western: Ratio,
    pub wrong_exit_max: Ratio,
    pub missed_max: Ratio,
    pub recognition_min: Ratio,
}

impl Default for Params {
    /// The contract's stated defaults; every one is also in the national pack with its source,
    /// which replaces these on resolution.
    fn default() -> Self {
        let d = |n: i64| Decimal::from_int(n);
        let pct = |n: i128| Ratio::new(n, 100).unwrap_or(Ratio::from_decimal(Decimal::ZERO));
        Params {
            poverty_line: None,
            monitoring_line: None,
            excluded_income: Vec::new(),
            income_concept: IncomeConcept::Net,
            school_age: (6, 15),
            education_rule: EducationRule::NoDropout,
            water: WaterRule {
                litres_min: d(35),
                litres_min_short_area: d(20),
                fetch_minutes_max: d(20),
                horizontal_m_max: d(800),
                vertical_m_max: d(80),
                days_without_supply_max: d(36),
            },
            electricity_veto: false,
            medical_requires: vec![MedicalRequirement::Basic],
            commercial_insurance_counts: false,
            min_area_per_person: None,
            notice_days: None,
            boundary: Boundary::Strict,
            rigid_spending_ratio: pct(100),
            hardship_spending_ratio: pct(100),
            min_months_before_elimination: 6,
            min_measures: 1,
            marriage_age_men: 22,
            marriage_age_women: 20,
            transfer_share_warning: pct(50),
            lack_of_labour_share: pct(25),
            illness_spending_share: pct(20),
            western_provinces: Vec::new(),
            incidence_max: pct(2),
            incidence_max_western: pct(3),
            wrong_exit_max: pct(2),
            missed_max: pct(2),
            recognition_min: pct(90),
        }
    }
}

/// Every parameter key, in the order the report lists them.
pub const KEYS: &[&str] = &[
    "povertyLine",
    "monitoringLine",
    "excludedIncome",
    "incomeConcept",
    "schoolAge",
    "educationRule",
    "water",
    "electricityVeto",
    "medicalRequires",
    "commercialInsuranceCounts",
    "minAreaPerPerson",
    "noticeDays",
    "boundary",
    "rigidSpendingRatio",
    "hardshipSpendingRatio",
    "minMonthsBeforeElimination",
    "minMeasures",
    "marriageAgeMen",
    "marriageAgeWomen",
    "transferShareWarning",
    "lackOfLabourShare",
    "illnessSpendingShare",
    "westernProvinces",
    "incidenceMax",
    "incidenceMaxWestern",
    "wrongExitMax",
    "missedMax",
    "recognitionMin",
];

/// Keys whose rule a caller may switch off with `false` (documented in
/// docs/contract-extensions.md); never with `null` or a number that failed to read.
pub fn can_switch_off(key: &str) -> bool {
    matches!(key, "minAreaPerPerson" | "noticeDays")
}

/// Lines are 1 … 100 000 yuan per person per year: the national line was 2 300 (2010 prices)
/// and provinces' monitoring lines are a few thousand to about 20 000 yuan, so anything outside
/// this is a typo (a monthly figure, a household total, fen).
pub const LINE_MAX_YUAN: i64 = 100_000;

/// Keys whose absence is meaningful (`None`: no value for the period).
pub fn is_optional(key: &str) -> bool {
    matches!(
        key,
        "povertyLine" | "monitoringLine" | "minAreaPerPerson" | "noticeDays"
    )
}

impl Params {
    /// Clears an optional parameter (a period for which the reference has no figure).
    pub fn clear(&mut self, key: &str) {
        match key {
            "povertyLine" => self.poverty_line = None,
            "monitoringLine" => self.monitoring_line = None,
            "minAreaPerPerson" => self.min_area_per_person = None,
            "noticeDays" => self.notice_days = None,
            _ => {}
        }
    }

    /// Reads `v` as the value of `key` into `self`; problems go to `r` under `path`.
    /// Returns false for an unknown key (noted as `unknown_field`).
    pub fn set(&mut self, key: &str, v: &Json, path: &str, r: &mut Reader) -> bool {
        match key {
            "povertyLine" => set_opt(&mut self.poverty_line, line(r, v, path).map(Some)),
            "monitoringLine" => set_opt(&mut self.monitoring_line, line(r, v, path).map(Some)),
            "excludedIncome" => {
                if let Some(list) = r.code_list::<TransferItem>(v, path) {
                    self.excluded_income = list;
                }
            }
            "incomeConcept" => set_opt(&mut self.income_concept, r.code(v, path)),
            "schoolAge" => set_opt(&mut self.school_age, age_band(r, v, path)),
            "educationRule" => set_opt(&mut self.education_rule, r.code(v, path)),
            "water" => read_water(&mut self.water, r, v, path),
            "electricityVeto" => set_opt(&mut self.electricity_veto, r.boolean(v, path)),
            "medicalRequires" => {
                if let Some(list) = r.code_list::<MedicalRequirement>(v, path) {
                    self.medical_requires = list;
                }
            }
            "commercialInsuranceCounts" => {
                set_opt(&mut self.commercial_insurance_counts, r.boolean(v, path))
            }
            "minAreaPerPerson" | "noticeDays" if matches!(v, Json::Bool(false)) => self.clear(key),
            "minAreaPerPerson" => {
                if let Some(a) = bounded(r, v, path, 100) {
                    self.min_area_per_person = Some(a);
                }
            }
            "noticeDays" => {
                if let Some(n) = r.integer(v, path, 0, 365) {
                    self.notice_days = Some(n);
                }
            }
            "boundary" => set_opt(&mut self.boundary, r.code(v, path)),
            "rigidSpendingRatio" => set_opt(&mut self.rigid_spending_ratio, ratio(r, v, path, 100)),
            "hardshipSpendingRatio" => {
                set_opt(&mut self.hardship_spending_ratio, ratio(r, v, path, 100))
            }
            "minMonthsBeforeElimination" => set_opt(
                &mut self.min_months_before_elimination,
                r.integer(v, path, 0, 120),
            ),
            "minMeasures" => set_opt(&mut self.min_measures, r.integer(v, path, 0, 20)),
            "marriageAgeMen" => set_opt(&mut self.marriage_age_men, r.integer(v, path, 14, 30)),
            "marriageAgeWomen" => set_opt(&mut self.marriage_age_women, r.integer(v, path, 14, 30)),
            "transferShareWarning" => {
                set_opt(&mut self.transfer_share_warning, ratio(r, v, path, 1))
            }
            "lackOfLabourShare" => set_opt(&mut self.lack_of_labour_share, ratio(r, v, path, 1)),
            "illnessSpendingShare" => {
                set_opt(&mut self.illness_spending_share, ratio(r, v, path, 100))
            }
            "westernProvinces" => {
                if let Some(list) = provinces(r, v, path) {
                    self.western_provinces = list;
                }
            }
            "incidenceMax" => set_opt(&mut self.incidence_max, ratio(r, v, path, 1)),
            "incidenceMaxWestern" => set_opt(&mut self.incidence_max_western, ratio(r, v, path, 1)),
            "wrongExitMax" => set_opt(&mut self.wrong_exit_max, ratio(r, v, path, 1)),
            "missedMax" => set_opt(&mut self.missed_max, ratio(r, v, path, 1)),
            "recognitionMin" => set_opt(&mut self.recognition_min, ratio(r, v, path, 1)),
            _ => {
                r.note(
                    Finding::new(path, Code::UnknownField)
                        .given(key)
                        .expected(KEYS.join(", ")),
                );
                return false;
            }
        }
        true
    }
}

fn set_opt<T>(slot: &mut T, v: Option<T>) {
    if let Some(v) = v {
        *slot = v;
    }
}

/// A line: yuan per person per year, 1 … [`LINE_MAX_YUAN`]; or, contract v1.1 item 4, a
/// multiple of the local 低保 standard `{ dibaoMonthly, factor }` = monthly × 12 × factor, which
/// must come to a whole number of fen (no rounding of a line).
fn line(r: &mut Reader, v: &Json, path: &str) -> Option<Money> {
    if v.as_object().is_some() {
        return dibao_multiple(r, v, path);
    }
    let m = r.money(v, path, false)?;
    in_line_range(r, m, path, &m.to_decimal().to_string())
}

fn in_line_range(r: &mut Reader, m: Money, path: &str, given: &str) -> Option<Money> {
    if m < Money::from_yuan(1) || m > Money::from_yuan(LINE_MAX_YUAN) {
        r.note(
            Finding::new(path, Code::OutOfRange)
                .given(given)
                .expected(format!("1..{LINE_MAX_YUAN}")),
        );
        return None;
    }
    Some(m)
}

pub const DIBAO_KEYS: &[&str] = &["dibaoMonthly", "factor"];

/// `{ dibaoMonthly, factor }` → the yearly line in fen, exactly.
pub fn dibao_multiple(r: &mut Reader, v: &Json, path: &str) -> Option<Money> {
    let map = r.object(v, path, DIBAO_KEYS)?;
    let monthly = r.needed(map, path, "dibaoMonthly", |r, v, p| {
        let m = r.money(v, p, false)?;
        if m < Money::from_fen(1) || m > Money::from_yuan(LINE_MAX_YUAN) {
            r.note(
                Finding::new(p, Code::OutOfRange)
                    .given(m.to_decimal().to_string())
                    .expected(format!("0.01..{LINE_MAX_YUAN}")),
            );
            return None;
        }
        Some(m)
    });
    let factor = r.needed(map, path, "factor", |r, v, p| {
        let d = bounded(r, v, p, 10)?;
        let hundredths = d.to_scaled(2);
        match hundredths {
            Some(h) if h > 0 => Some(h),
            Some(_) => {
                r.note(
                    Finding::new(p, Code::OutOfRange)
                        .given(d.to_string())
                        .expected("0.01..10"),
                );
                None
            }
            None => {
                r.note(
                    Finding::new(p, Code::TooManyDecimals)
                        .given(d.to_string())
                        .expected("2"),
                );
                None
            }
        }
    });
    let (monthly, hundredths) = (monthly?, factor?);
    // fen × 12 × (hundredths / 100): exact only when divisible by 100.
    let scaled = i128::from(monthly.fen()) * 12 * hundredths;
    let given = format!(
        "{} × 12 × {}",
        monthly.to_decimal(),
        factor_text(hundredths)
    );
    if scaled % 100 != 0 {
        r.note(
            Finding::new(path, Code::TooManyDecimals)
                .given(given)
                .expected("2"),
        );
        return None;
    }
    let fen = i64::try_from(scaled / 100).ok()?;
    in_line_range(r, Money::from_fen(fen), path, &given)
}

fn factor_text(hundredths: i128) -> String {
    let d = crate::number::Decimal::from_fen(i64::try_from(hundredths).unwrap_or(0));
    d.to_string()
}

/// A non-negative quantity of at most `max`.
fn bounded(r: &mut Reader, v: &Json, path: &str, max: i64) -> Option<Decimal> {
    let d = r.quantity(v, path)?;
    if d > Decimal::from_int(max) {
        r.note(
            Finding::new(path, Code::OutOfRange)
                .given(d.to_string())
                .expected(format!("0..{max}")),
        );
        return None;
    }
    Some(d)
}

/// A ratio between 0 and `max` inclusive.
fn ratio(r: &mut Reader, v: &Json, path: &str, max: i64) -> Option<Ratio> {
    bounded(r, v, path, max).map(Ratio::from_decimal)
}

fn age_band(r: &mut Reader, v: &Json, path: &str) -> Option<(i32, i32)> {
    let items = r.array(v, path)?;
    let (Some(lo), Some(hi), 2) = (items.first(), items.get(1), items.len()) else {
        r.note(Finding::new(path, Code::InvalidValue).expected("[lowest age, highest age]"));
        return None;
    };
    let lo = r.integer(lo, &index(path, 0), 0, 30)?;
    let hi = r.integer(hi, &index(path, 1), 0, 30)?;
    if lo > hi {
        r.note(
            Finding::new(path, Code::InvalidValue)
                .given(format!("[{lo}, {hi}]"))
                .expected("lowest ≤ highest"),
        );
        return None;
    }
    Some((i32::try_from(lo).ok()?, i32::try_from(hi).ok()?))
}

fn provinces(r: &mut Reader, v: &Json, path: &str) -> Option<Vec<String>> {
    let items = r.array(v, path)?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        out.push(crate::household::read_province_code(
            r,
            item,
            &index(path, i),
        )?);
    }
    Some(out)
}

/// A whole or partial water rule: keys not given keep their current value.
fn read_water(rule: &mut WaterRule, r: &mut Reader, v: &Json, path: &str) {
    const KEYS: &[&str] = &[
        "litresMin",
        "litresMinShortArea",
        "fetchMinutesMax",
        "horizontalMMax",
        "verticalMMax",
        "daysWithoutSupplyMax",
    ];
    let Some(map) = r.object(v, path, KEYS) else {
        return;
    };
    for key in KEYS {
        // Sane ranges: a day's litres, a day's minutes, a long walk, a tall climb, a year.
        let max = match *key {
            "litresMin" | "litresMinShortArea" => 1000,
            "fetchMinutesMax" => 1440,
            "horizontalMMax" => 100_000,
            "verticalMMax" => 10_000,
            _ => 366,
        };
        if map.get(key).is_some_and(Json::is_null) {
            r.note(
                Finding::new(crate::reader::join(path, key), Code::InvalidType)
                    .given("null")
                    .expected("number"),
            );
            continue;
        }
        if let Some(q) = r.optional(map, path, key, |r, v, p| bounded(r, v, p, max)) {
            let slot = match *key {
                "litresMin" => &mut rule.litres_min,
                "litresMinShortArea" => &mut rule.litres_min_short_area,
                "fetchMinutesMax" => &mut rule.fetch_minutes_max,
                "horizontalMMax" => &mut rule.horizontal_m_max,
                "verticalMMax" => &mut rule.vertical_m_max,
                _ => &mut rule.days_without_supply_max,
            };
            *slot = q;
        }
    }
}
