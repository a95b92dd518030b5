//! Village / county roll-up of many households (贫困村退出, 贫困县摘帽): 贫困发生率 (persons),
//! 错退率 and 漏评率 (persons, from the sample rows), 群众认可度 (households), each against its
//! threshold with the boundary reading in force; and counts by verdict, category, failing check
//! and cause.
//!
//! Each household contributes a small [`RowFacts`], computed exactly when it is assessed, so the
//! roll-up keeps no reports and its memory is flat in the number of rows.

use crate::assessment::{CheckId, IncomeFigures, Regime, Status};
use crate::household::{Household, Registration};
use crate::number::Ratio;
use crate::policy::{Boundary, Params};
use crate::report::Report;
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Counts by code, few distinct keys: a small sorted list (smaller code than a map), shown as a
/// JSON object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts(Vec<(&'static str, u64)>);

impl Counts {
    pub fn add(&mut self, key: &'static str, n: u64) {
        match self.0.binary_search_by(|(k, _)| (*k).cmp(key)) {
            Ok(i) => {
                if let Some((_, v)) = self.0.get_mut(i) {
                    *v += n;
                }
            }
            Err(i) => self.0.insert(i, (key, n)),
        }
    }

    pub fn get(&self, key: &str) -> u64 {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
            .unwrap_or(0)
    }
}

impl Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// What one household adds to the roll-up.
#[derive(Debug, Clone)]
pub struct RowFacts {
    pub persons: u64,
    pub registration: Option<Registration>,
    pub exit_verdict: Option<&'static str>,
    pub category: Option<&'static str>,
    pub elimination: Option<&'static str>,
    pub failing: Vec<CheckId>,
    pub causes: Vec<&'static str>,
    /// Meets every veto item now (for 错退): `None` when something is unknown.
    pub meets_exit: Option<bool>,
    /// Counted income below the line (for 漏评).
    pub below_line: Option<bool>,
    pub exit_sample: bool,
    pub missed_sample: bool,
    pub recognised: Option<bool>,
    pub village: Option<String>,
}

impl RowFacts {
    pub fn new(
        h: &Household,
        report: &Report,
        income: &IncomeFigures,
        boundary: Boundary,
    ) -> RowFacts {
        let vetoes: Vec<Status> = report
            .checks
            .iter()
            .filter(|c| c.veto)
            .map(|c| c.status)
            .collect();
        let meets_exit = match Status::all(vetoes.iter().copied()) {
            Status::Pass | Status::NotApplicable => Some(true),
            Status::Fail => Some(false),
            Status::Unknown => None,
        };
        let survey = h.survey.clone().unwrap_or_default();
        RowFacts {
            persons: u64::try_from(h.members.len()).unwrap_or(0),
            registration: h.registration,
            exit_verdict: report.exit.as_ref().map(|e| verdict_code(&e.verdict)),
            category: report
                .monitoring
                .as_ref()
                .map(|m| category_code(&m.category)),
            elimination: report
                .risk_elimination
                .as_ref()
                .map(|e| elimination_code(&e.verdict)),
            failing: report
                .checks
                .iter()
                .filter(|c| c.status == Status::Fail)
                .map(|c| c.id)
                .collect(),
            causes: report.causes.iter().map(|c| c.cause.as_str()).collect(),
            meets_exit,
            below_line: income.below_line(boundary),
            exit_sample: survey.exit_sample == Some(true),
            missed_sample: survey.missed_sample == Some(true),
            recognised: survey.recognised,
            village: survey.village,
        }
    }
}

fn verdict_code(v: &crate::exit::ExitVerdict) -> &'static str {
    use crate::exit::ExitVerdict::*;
    match v {
        Ready => "ready",
        NotReady => "not_ready",
        Incomplete => "incomplete",
    }
}

fn category_code(c: &crate::monitoring::CategoryOut) -> &'static str {
    use crate::monitoring::CategoryOut::*;
    match c {
        UnstableExited => "unstable_exited",
        Marginal => "marginal",
        SuddenHardship => "sudden_hardship",
        None => "none",
        Unknown => "unknown",
    }
}

fn elimination_code(v: &crate::monitoring::EliminationVerdict) -> &'static str {
    use crate::monitoring::EliminationVerdict::*;
    match v {
        Eligible => "eligible",
        NotEligible => "not_eligible",
        Incomplete => "incomplete",
    }
}

/// Running totals; add rows one at a time, then [`Tally::finish`].
#[derive(Debug, Clone, Default)]
pub struct Tally {
    households: u64,
    invalid: u64,
    persons: u64,
    registered_poor_persons: u64,
    remaining_poor_persons: u64,
    monitored_persons: u64,
    by_verdict: Counts,
    by_category: Counts,
    by_elimination: Counts,
    failing: Counts,
    causes: Counts,
    exit_sample_persons: u64,
    wrong_exit_persons: u64,
    exit_sample_unknown: u64,
    missed_sample_persons: u64,
    missed_persons: u64,
    missed_sample_unknown: u64,
    surveyed_households: u64,
    recognising_households: u64,
    villages: BTreeMap<String, (u64, u64, u64)>,
}

impl Tally {
    pub fn add(&mut self, f: &RowFacts) {
        self.households += 1;
        self.persons += f.persons;
        if f.registration == Some(Registration::Poor) {
            self.registered_poor_persons += f.persons;
        }
        // Remaining poor after this round: registered poor households not ready to exit.
        let remaining =
            f.registration == Some(Registration::Poor) && f.exit_verdict != Some("ready");
        if remaining {
            self.remaining_poor_persons += f.persons;
        }
        if let Some(v) = f.exit_verdict {
            self.by_verdict.add(v, 1);
        }
        if let Some(c) = f.category {
            self.by_category.add(c, 1);
            if c != "none" && c != "unknown" {
                self.monitored_persons += f.persons;
            }
        }
        if let Some(e) = f.elimination {
            self.by_elimination.add(e, 1);
        }
        for id in &f.failing {
            self.failing.add(id.as_str(), 1);
        }
        for c in &f.causes {
            self.causes.add(c, 1);
        }
        if f.exit_sample {
            self.exit_sample_persons += f.persons;
            match f.meets_exit {
                Some(false) => self.wrong_exit_persons += f.persons,
                None => self.exit_sample_unknown += 1,
                Some(true) => {}
            }
        }
        if f.missed_sample {
            self.missed_sample_persons += f.persons;
            match f.below_line {
                Some(true) => self.missed_persons += f.persons,
                None => self.missed_sample_unknown += 1,
                Some(false) => {}
            }
        }
        if let Some(r) = f.recognised {
            self.surveyed_households += 1;
            if r {
                self.recognising_households += 1;
            }
        }
        if let Some(v) = &f.village {
            let e = self.villages.entry(v.clone()).or_default();
            e.0 += 1;
            e.1 += f.persons;
            if remaining {
                e.2 += f.persons;
            }
        }
    }

    pub fn add_invalid(&mut self) {
        self.invalid += 1;
    }

    pub fn merge(&mut self, o: &Tally) {
        macro_rules! sum { ($($f:ident),*) => { $( self.$f += o.$f; )* } }
        sum!(
            households,
            invalid,
            persons,
            registered_poor_persons,
            remaining_poor_persons,
            monitored_persons,
            exit_sample_persons,
            wrong_exit_persons,
            exit_sample_unknown,
            missed_sample_persons,
            missed_persons,
            missed_sample_unknown,
            surveyed_households,
            recognising_households
        );
        for (map, other) in [
            (&mut self.by_verdict, &o.by_verdict),
            (&mut self.by_category, &o.by_category),
            (&mut self.by_elimination, &o.by_elimination),
            (&mut self.failing, &o.failing),
            (&mut self.causes, &o.causes),
        ] {
            for (k, v) in &other.0 {
                map.add(k, *v);
            }
        }
        for (k, (a, b, c)) in &o.villages {
            let e = self.villages.entry(k.clone()).or_default();
            e.0 += a;
            e.1 += b;
            e.2 += c;
        }
    }

    pub fn finish(&self, regime: Regime, province: &str, params: &Params) -> Summary {
        let western = params.western_provinces.iter().any(|p| p == province);
        let incidence_max = if western {
            params.incidence_max_western
        } else {
            params.incidence_max
        };
        let b = params.boundary;
        let incidence = (regime == Regime::Exit2016).then(|| {
            Indicator::new(
                self.remaining_poor_persons,
                self.persons,
                incidence_max,
                Direction::Below,
                b,
                "persons",
            )
        });
        let wrong_exit = (self.exit_sample_persons > 0).then(|| {
            Indicator::new(
                self.wrong_exit_persons,
                self.exit_sample_persons,
                params.wrong_exit_max,
                Direction::Below,
                b,
                "persons",
            )
            .with_unknown(self.exit_sample_unknown)
        });
        let missed = (self.missed_sample_persons > 0).then(|| {
            Indicator::new(
                self.missed_persons,
                self.missed_sample_persons,
                params.missed_max,
                Direction::Below,
                b,
                "persons",
            )
            .with_unknown(self.missed_sample_unknown)
        });
        let recognition = (self.surveyed_households > 0).then(|| {
            Indicator::new(
                self.recognising_households,
                self.surveyed_households,
                params.recognition_min,
                Direction::Above,
                b,
                "households",
            )
        });
        let villages = self
            .villages
            .iter()
            .map(|(v, (h, p, poor))| VillageRow {
                village: v.clone(),
                households: *h,
                persons: *p,
                remaining_poor_persons: *poor,
                incidence: (regime == Regime::Exit2016).then(|| {
                    Indicator::new(*poor, *p, incidence_max, Direction::Below, b, "persons")
                }),
            })
            .collect();
        let all_pass = [&incidence, &wrong_exit, &missed, &recognition]
            .iter()
            .filter_map(|i| i.as_ref())
            .all(|i| i.status == "pass");
        Summary {
            households: self.households + self.invalid,
            valid: self.households,
            invalid: self.invalid,
            persons: self.persons,
            registered_poor_persons: self.registered_poor_persons,
            remaining_poor_persons: self.remaining_poor_persons,
            monitored_persons: self.monitored_persons,
            regime,
            province: province.to_string(),
            western,
            boundary: b,
            by_verdict: self.by_verdict.clone(),
            by_category: self.by_category.clone(),
            by_elimination: self.by_elimination.clone(),
            failing_checks: self.failing.clone(),
            causes: self.causes.clone(),
            indicators: Indicators {
                incidence,
                wrong_exit,
                missed,
                recognition,
            },
            exit_indicators_met: all_pass,
            villages,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Below,
    Above,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Indicator {
    pub value: Option<f64>,
    pub numerator: u64,
    pub denominator: u64,
    pub threshold: Ratio,
    /// `below` (must be under the threshold) or `above` (must be over it).
    pub comparison: &'static str,
    pub boundary: Boundary,
    pub status: &'static str,
    /// `persons` or `households`.
    pub unit: &'static str,
    /// Sample rows whose outcome was not known (counted as neither).
    pub unknown: u64,
}

impl Indicator {
    fn new(
        num: u64,
        den: u64,
        threshold: Ratio,
        dir: Direction,
        boundary: Boundary,
        unit: &'static str,
    ) -> Indicator {
        let (n, d) = (i128::from(num), i128::from(den));
        let passes = d > 0 && {
            let o = threshold.cmp_fraction(n, d);
            match (dir, boundary) {
                (Direction::Below, Boundary::Strict) => o == Ordering::Less,
                (Direction::Below, Boundary::Lenient) => o != Ordering::Greater,
                (Direction::Above, Boundary::Strict) => o == Ordering::Greater,
                (Direction::Above, Boundary::Lenient) => o != Ordering::Less,
            }
        };
        Indicator {
            value: (den > 0).then(|| (num as f64 / den as f64 * 1e6).round() / 1e6),
            numerator: num,
            denominator: den,
            threshold,
            comparison: if dir == Direction::Below {
                "below"
            } else {
                "above"
            },
            boundary,
            status: if passes { "pass" } else { "fail" },
            unit,
            unknown: 0,
        }
    }

    fn with_unknown(mut self, unknown: u64) -> Indicator {
        self.unknown = unknown;
        self
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Indicators {
    /// 贫困发生率 (exit regime only).
    pub incidence: Option<Indicator>,
    /// 错退率, when rows carry `survey.exitSample`.
    pub wrong_exit: Option<Indicator>,
    /// 漏评率, when rows carry `survey.missedSample`.
    pub missed: Option<Indicator>,
    /// 群众认可度, when rows carry `survey.recognised`.
    pub recognition: Option<Indicator>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VillageRow {
    pub village: String,
    pub households: u64,
    pub persons: u64,
    pub remaining_poor_persons: u64,
    pub incidence: Option<Indicator>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub households: u64,
    pub valid: u64,
    pub invalid: u64,
    pub persons: u64,
    pub registered_poor_persons: u64,
    pub remaining_poor_persons: u64,
    pub monitored_persons: u64,
    pub regime: Regime,
    pub province: String,
    pub western: bool,
    pub boundary: Boundary,
    pub by_verdict: Counts,
    pub by_category: Counts,
    pub by_elimination: Counts,
    pub failing_checks: Counts,
    pub causes: Counts,
    pub indicators: Indicators,
    /// Every indicator present passes (任何一项指标不符合条件的,不予退出).
    pub exit_indicators_met: bool,
    pub villages: Vec<VillageRow>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pct(n: i128) -> Ratio {
        Ratio::new(n, 100).unwrap()
    }

    #[test]
    fn exactly_two_percent_fails_strict_and_passes_lenient() {
        // 错退率 "必须低于2%" vs "高于2%的不得退出": 2 of 100 persons is the ambiguous case.
        let strict = Indicator::new(
            2,
            100,
            pct(2),
            Direction::Below,
            Boundary::Strict,
            "persons",
        );
        let lenient = Indicator::new(
            2,
            100,
            pct(2),
            Direction::Below,
            Boundary::Lenient,
            "persons",
        );
        assert_eq!(strict.status, "fail");
        assert_eq!(lenient.status, "pass");
        assert_eq!(
            Indicator::new(
                199,
                10_000,
                pct(2),
                Direction::Below,
                Boundary::Strict,
                "persons"
            )
            .status,
            "pass"
        );
        assert_eq!(
            Indicator::new(
                201,
                10_000,
                pct(2),
                Direction::Below,
                Boundary::Lenient,
                "persons"
            )
            .status,
            "fail"
        );
    }

    #[test]
    fn exactly_ninety_percent_recognition_fails_strict_and_passes_lenient() {
        // 群众认可度 "必须高于90%" vs "低于90%的不得退出".
        assert_eq!(
            Indicator::new(
                90,
                100,
                pct(90),
                Direction::Above,
                Boundary::Strict,
                "households"
            )
            .status,
            "fail"
        );
        assert_eq!(
            Indicator::new(
                90,
                100,
                pct(90),
                Direction::Above,
                Boundary::Lenient,
                "households"
            )
            .status,
            "pass"
        );
        assert_eq!(
            Indicator::new(
                901,
                1000,
                pct(90),
                Direction::Above,
                Boundary::Strict,
                "households"
            )
            .status,
            "pass"
        );
        assert_eq!(
            Indicator::new(
                899,
                1000,
                pct(90),
                Direction::Above,
                Boundary::Lenient,
                "households"
            )
            .status,
            "fail"
        );
    }

    #[test]
    fn an_empty_denominator_never_passes() {
        assert_eq!(
            Indicator::new(0, 0, pct(2), Direction::Below, Boundary::Lenient, "persons").status,
            "fail"
        );
    }
}
