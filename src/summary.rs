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
use crate::sorted_runs::{merge, push_run};
use serde::Serialize;
use std::cmp::Ordering;

/// The counts of one name: households (or rows), persons, remaining poor persons.
pub type NameCounts = (u64, u64, u64);

/// Counts kept by name, read out in name order: the villages of a roll-up (households, persons,
/// remaining poor persons) and the provinces of a batch (rows in `.0`).
///
/// Not a `BTreeMap`: the map's code is compiled once per `(K, V)` and this was the core module's
/// only instantiation besides serde_json's; this type is ~1.5 KB less wasm and 0.3 KB less
/// gzipped (BENCHMARKS.md, "Core package size", fifth round; issue 8 item 6). Names are kept
/// in sorted runs of distinct names (`crate::sorted_runs`: a new name is a run of one, merged
/// like a binary counter), so
/// a new name costs O(log n) amortised moves and a lookup O(log² n) comparisons, whatever the
/// number of villages (a national run has hundreds of thousands; a sorted `Vec` would move half
/// of them for every new one). The name found last is tried first: rows of one village mostly
/// come together.
#[derive(Debug, Clone, Default)]
pub struct ByName {
    runs: Vec<Vec<(String, NameCounts)>>,
    /// Run and index of the name found last.
    last: (usize, usize),
}

impl ByName {
    pub fn new() -> ByName {
        ByName::default()
    }

    /// Adds `n` to the counts of `name` (a name not seen before starts at zero and is copied
    /// once).
    pub fn add(&mut self, name: &str, n: NameCounts) {
        let Some((r, i)) = self.find(name) else {
            self.insert(name, n);
            return;
        };
        self.last = (r, i);
        if let Some((_, c)) = self.runs.get_mut(r).and_then(|run| run.get_mut(i)) {
            c.0 += n.0;
            c.1 += n.1;
            c.2 += n.2;
        }
    }

    fn find(&self, name: &str) -> Option<(usize, usize)> {
        let (r, i) = self.last;
        if self
            .runs
            .get(r)
            .and_then(|run| run.get(i))
            .is_some_and(|(k, _)| k == name)
        {
            return Some((r, i));
        }
        for (r, run) in self.runs.iter().enumerate() {
            if let Ok(i) = run.binary_search_by(|(k, _)| k.as_str().cmp(name)) {
                return Some((r, i));
            }
        }
        None
    }

    /// A new name as a run of one, merged while the run before is no longer: `last` may then
    /// point at another name, which `find` checks before trusting it.
    fn insert(&mut self, name: &str, n: NameCounts) {
        push_run(&mut self.runs, vec![(name.to_string(), n)]);
    }

    /// Every name with its counts, in name order (byte order of the names, as `String` sorts):
    /// the runs merged into one, by the same merge that builds them.
    pub fn in_order(&self) -> Vec<(String, NameCounts)> {
        self.runs
            .iter()
            .fold(Vec::new(), |all, run| merge(all, run.clone()))
    }
}

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
        RowFacts::from_parts(
            h,
            &report.checks,
            report.exit.as_ref(),
            report.monitoring.as_ref(),
            report.risk_elimination.as_ref(),
            &report.causes,
            income,
            boundary,
        )
    }

    /// The facts from the rules' decisions themselves, for the roll-up path that builds no
    /// report ([`crate::engine::facts_resolved`]).
    #[allow(clippy::too_many_arguments)]
    pub fn from_parts(
        h: &Household,
        checks: &[crate::assessment::Check],
        exit: Option<&crate::exit::ExitResult>,
        monitoring: Option<&crate::monitoring::MonitoringResult>,
        elimination: Option<&crate::monitoring::Elimination>,
        causes: &[crate::causes::CauseOut],
        income: &IncomeFigures,
        boundary: Boundary,
    ) -> RowFacts {
        let vetoes: Vec<Status> = checks.iter().filter(|c| c.veto).map(|c| c.status).collect();
        let meets_exit = match Status::all(vetoes.iter().copied()) {
            Status::Pass | Status::NotApplicable => Some(true),
            Status::Fail => Some(false),
            Status::Unknown => None,
        };
        let survey = h.survey.clone().unwrap_or_default();
        RowFacts {
            persons: u64::try_from(h.members.len()).unwrap_or(0),
            registration: h.registration,
            exit_verdict: exit.map(|e| verdict_code(&e.verdict)),
            category: monitoring.map(|m| category_code(&m.category)),
            elimination: elimination.map(|e| elimination_code(&e.verdict)),
            failing: checks
                .iter()
                .filter(|c| c.status == Status::Fail)
                .map(|c| c.id)
                .collect(),
            causes: causes.iter().map(|c| c.cause.as_str()).collect(),
            meets_exit,
            below_line: income.below_line(boundary),
            // Contract v1.1 item 7: the 错退 sample is drawn from exited households, the 漏评
            // sample from ordinary ones; a flag on any other household is left out (with the
            // warning from [`sample_warnings`]).
            exit_sample: survey.exit_sample == Some(true)
                && h.registration == Some(Registration::Exited),
            missed_sample: survey.missed_sample == Some(true)
                && h.registration == Some(Registration::Ordinary),
            recognised: survey.recognised,
            village: survey.village,
        }
    }
}

/// `sample_flag_ignored` for a sample flag on a household that cannot be in that sample
/// (contract v1.1 item 7): `exitSample` on anything but `exited`, `missedSample` on anything
/// but `ordinary`.
pub fn sample_warnings(h: &Household, lang: crate::words::Lang) -> Vec<crate::warning::Warning> {
    let Some(survey) = &h.survey else {
        return Vec::new();
    };
    let registration = h.registration.map(|r| r.as_str()).unwrap_or("");
    let mut out = Vec::new();
    for (flag, path, wanted) in [
        (
            survey.exit_sample,
            "survey.exitSample",
            Registration::Exited,
        ),
        (
            survey.missed_sample,
            "survey.missedSample",
            Registration::Ordinary,
        ),
    ] {
        if flag == Some(true) && h.registration != Some(wanted) {
            out.push(crate::warning::Warning::new(
                path,
                "sample_flag_ignored",
                crate::words::w_sample_flag_ignored(lang, path, registration, wanted.as_str()),
            ));
        }
    }
    out
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
    /// Persons of `ordinary` (未建档立卡) and `exited` households, for 综合贫困发生率.
    ordinary_persons: u64,
    exited_persons: u64,
    /// Persons of households whose registration is not given: 综合贫困发生率 cannot say
    /// which term they belong to.
    unregistered_persons: u64,
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
    villages: ByName,
}

impl Tally {
    pub fn add(&mut self, f: &RowFacts) {
        self.households += 1;
        self.persons += f.persons;
        match f.registration {
            Some(Registration::Poor) => self.registered_poor_persons += f.persons,
            Some(Registration::Ordinary) => self.ordinary_persons += f.persons,
            Some(Registration::Exited) => self.exited_persons += f.persons,
            None => self.unregistered_persons += f.persons,
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
            let poor = if remaining { f.persons } else { 0 };
            self.villages.add(v, (1, f.persons, poor));
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
            ordinary_persons,
            exited_persons,
            unregistered_persons,
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
        for (k, n) in o.villages.in_order() {
            self.villages.add(&k, n);
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
        // A plain loop: less wasm than the iterator chain's collect (issue 8 item 6).
        let mut villages = Vec::new();
        for (village, (h, p, poor)) in self.villages.in_order() {
            villages.push(VillageRow {
                village,
                households: h,
                persons: p,
                remaining_poor_persons: poor,
                incidence: (regime == Regime::Exit2016).then(|| {
                    Indicator::new(poor, p, incidence_max, Direction::Below, b, "persons")
                }),
            });
        }
        let composite_incidence = (regime == Regime::Exit2016)
            .then(|| self.composite(incidence_max, b))
            .flatten();
        // Contract v1.1 item 8: met only when all four county indicators were computed and
        // pass; any computed one failing is enough to say no; otherwise it cannot be told.
        let county = [&composite_incidence, &wrong_exit, &missed, &recognition];
        let exit_indicators_met = if county
            .iter()
            .any(|i| i.as_ref().is_some_and(|i| i.status != "pass"))
        {
            Some(false)
        } else if county.iter().all(|i| i.is_some()) {
            Some(true)
        } else {
            None
        };
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
                composite_incidence,
                wrong_exit,
                missed,
                recognition,
            },
            exit_indicators_met,
            villages,
        }
    }
}

impl Tally {
    /// 综合贫困发生率 = (remaining registered-poor persons + 漏评率 × persons of ordinary
    /// households + 错退率 × persons of exited households) ÷ persons (contract v1.1 item 8),
    /// as an exact fraction. `None` when a rate it needs has no sample (ordinary or exited
    /// persons without the matching sample), when a household's registration is not given,
    /// or when there is nobody.
    fn composite(&self, threshold: Ratio, boundary: Boundary) -> Option<Indicator> {
        if self.persons == 0 || self.unregistered_persons > 0 {
            return None;
        }
        // A rate as (numerator, denominator); a group with nobody in it adds 0 whatever its rate.
        let rate = |persons: u64, hits: u64, sample: u64| match (persons, sample) {
            (0, _) => Some((0u128, 1u128)),
            (_, 0) => None,
            _ => Some(reduce(u128::from(hits), u128::from(sample))),
        };
        let (mn, md) = rate(
            self.ordinary_persons,
            self.missed_persons,
            self.missed_sample_persons,
        )?;
        let (wn, wd) = rate(
            self.exited_persons,
            self.wrong_exit_persons,
            self.exit_sample_persons,
        )?;
        let r = u128::from(self.remaining_poor_persons);
        let (o, e, p) = (
            u128::from(self.ordinary_persons),
            u128::from(self.exited_persons),
            u128::from(self.persons),
        );
        let num = times(r, md, wd)?
            .checked_add(times(mn, o, wd)?)?
            .checked_add(times(wn, e, md)?)?;
        let den = times(p, md, wd)?;
        let (num, den) = reduce(num, den);
        Some(Indicator::new(
            u64::try_from(num).ok()?,
            u64::try_from(den).ok()?,
            threshold,
            Direction::Below,
            boundary,
            "persons",
        ))
    }
}

/// `a × b × c`, `None` past `u128`. One out-of-line copy of the overflow checks instead of
/// eight inlined ones (the core module's size, issue 8 item 6).
#[inline(never)]
fn times(a: u128, b: u128, c: u128) -> Option<u128> {
    a.checked_mul(b)?.checked_mul(c)
}

fn reduce(a: u128, b: u128) -> (u128, u128) {
    let (mut x, mut y) = (a, b);
    while y != 0 {
        (x, y) = (y, x % y);
    }
    match (a.checked_div(x), b.checked_div(x)) {
        (Some(n), Some(d)) => (n, d),
        _ => (a, b),
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
    /// 贫困发生率 (exit regime only): remaining registered-poor persons ÷ persons, the
    /// village-exit test.
    pub incidence: Option<Indicator>,
    /// 综合贫困发生率 (exit regime only), the county test: see [`Tally::composite`]; its
    /// numerator and denominator are the exact fraction, reduced. `null` when a sample it needs
    /// is missing.
    pub composite_incidence: Option<Indicator>,
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
    /// The county test (任何一项指标不符合条件的，不予退出): `true` only when 综合贫困发生率,
    /// 错退率, 漏评率 and 群众认可度 were all computed and pass; `false` when a computed one
    /// fails; `null` when none fails but one could not be computed. Never true by absence.
    pub exit_indicators_met: Option<bool>,
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

    /// A household's roll-up facts, as many persons as a test needs in one row.
    fn facts(persons: u64, registration: Registration) -> RowFacts {
        RowFacts {
            persons,
            registration: Some(registration),
            exit_verdict: None,
            category: None,
            elimination: None,
            failing: Vec::new(),
            causes: Vec::new(),
            meets_exit: Some(true),
            below_line: Some(false),
            exit_sample: false,
            missed_sample: false,
            recognised: Some(true),
            village: None,
        }
    }

    fn params(boundary: Boundary) -> Params {
        let on = crate::date::Date::parse("2019-12-31").unwrap();
        let mut p = crate::policy::resolve("CN-HB", on, None, &mut crate::reader::Reader::new())
            .params
            .clone();
        p.boundary = boundary;
        p
    }

    /// 1000 persons in Hubei (not western: thresholds 2% for 综合贫困发生率, 错退率, 漏评率;
    /// 90% 认可度):
    /// * registered poor: 11 persons not ready (remaining), 89 ready;
    /// * ordinary: 500 persons; 漏评 sample 100 persons, of whom 1 below the line → 1/100;
    /// * exited: 400 persons; 错退 sample 100 persons, of whom 1 failing a veto → 1/100.
    ///
    /// 综合贫困发生率 = (11 + 1/100 × 500 + 1/100 × 400) ÷ 1000 = 20/1000 = 2% exactly;
    /// 贫困发生率 = 11/1000; 认可度 8/8 households.
    fn county(sampled: bool) -> Tally {
        let mut t = Tally::default();
        let mut add = |f: RowFacts| t.add(&f);
        add(RowFacts {
            exit_verdict: Some("not_ready"),
            ..facts(11, Registration::Poor)
        });
        add(RowFacts {
            exit_verdict: Some("ready"),
            ..facts(89, Registration::Poor)
        });
        add(RowFacts {
            missed_sample: sampled,
            below_line: Some(true),
            ..facts(1, Registration::Ordinary)
        });
        add(RowFacts {
            missed_sample: sampled,
            ..facts(99, Registration::Ordinary)
        });
        add(facts(400, Registration::Ordinary));
        add(RowFacts {
            exit_sample: true,
            meets_exit: Some(false),
            ..facts(1, Registration::Exited)
        });
        add(RowFacts {
            exit_sample: true,
            ..facts(99, Registration::Exited)
        });
        add(facts(300, Registration::Exited));
        t
    }

    #[test]
    fn issue9_item13_composite_incidence_exactly_at_two_percent_under_both_readings() {
        let strict = county(true).finish(Regime::Exit2016, "CN-HB", &params(Boundary::Strict));
        let c = strict.indicators.composite_incidence.clone().unwrap();
        assert_eq!((c.numerator, c.denominator), (1, 50), "20/1000 reduced");
        assert_eq!(c.status, "fail", "strict: 2% is not below 2%");
        let plain = strict.indicators.incidence.clone().unwrap();
        assert_eq!(
            (plain.numerator, plain.denominator, plain.status),
            (11, 1000, "pass")
        );
        let w = strict.indicators.wrong_exit.clone().unwrap();
        assert_eq!((w.numerator, w.denominator, w.status), (1, 100, "pass"));
        let m = strict.indicators.missed.clone().unwrap();
        assert_eq!((m.numerator, m.denominator, m.status), (1, 100, "pass"));
        assert_eq!(strict.exit_indicators_met, Some(false));

        let lenient = county(true).finish(Regime::Exit2016, "CN-HB", &params(Boundary::Lenient));
        assert_eq!(
            lenient.indicators.composite_incidence.unwrap().status,
            "pass"
        );
        assert_eq!(
            lenient.exit_indicators_met,
            Some(true),
            "all four computed and pass"
        );
    }

    #[test]
    fn issue9_item13_exit_indicators_are_never_met_by_absence() {
        // No 漏评 sample: 漏评率 and so 综合贫困发生率 cannot be computed; the rest pass.
        let s = county(false).finish(Regime::Exit2016, "CN-HB", &params(Boundary::Lenient));
        assert!(s.indicators.missed.is_none());
        assert!(s.indicators.composite_incidence.is_none());
        assert_eq!(s.exit_indicators_met, None);
        // Only 贫困发生率 (and, with no ordinary or exited households, 综合贫困发生率) computed,
        // both 0/100 and passing; no sample, no survey: still not met.
        let mut t = Tally::default();
        t.add(&RowFacts {
            recognised: None,
            exit_verdict: Some("ready"),
            ..facts(100, Registration::Poor)
        });
        let s = t.finish(Regime::Exit2016, "CN-HB", &params(Boundary::Strict));
        assert!(s.indicators.incidence.is_some());
        assert_eq!(s.exit_indicators_met, None);
        // Monitoring regime, nothing computed: not true.
        let s = t.finish(Regime::Monitoring2021, "CN-HB", &params(Boundary::Strict));
        assert_eq!(s.exit_indicators_met, None);
        // A computed indicator failing is enough for false: 认可度 0 of 1 household.
        t.add(&RowFacts {
            recognised: Some(false),
            ..facts(1, Registration::Poor)
        });
        let s = t.finish(Regime::Exit2016, "CN-HB", &params(Boundary::Strict));
        assert_eq!(s.exit_indicators_met, Some(false));
    }

    #[test]
    fn issue9_item13_composite_adds_nothing_for_an_empty_group() {
        // No ordinary and no exited households: 综合贫困发生率 = 贫困发生率 = 2 remaining poor
        // of 100 persons = 1/50, which needs no sample; exactly at the 2% threshold it passes
        // only under the lenient reading.
        let mut t = Tally::default();
        t.add(&RowFacts {
            exit_verdict: Some("not_ready"),
            ..facts(2, Registration::Poor)
        });
        t.add(&RowFacts {
            exit_verdict: Some("ready"),
            ..facts(98, Registration::Poor)
        });
        let s = t.finish(Regime::Exit2016, "CN-HB", &params(Boundary::Lenient));
        let c = s.indicators.composite_incidence.unwrap();
        assert_eq!((c.numerator, c.denominator, c.status), (1, 50, "pass"));
        let s = t.finish(Regime::Exit2016, "CN-HB", &params(Boundary::Strict));
        assert_eq!(s.indicators.composite_incidence.unwrap().status, "fail");
        // 综合贫困发生率 fails under strict, so the county test is false (with no samples alone,
        // and nothing failing, it would be null).
        assert_eq!(
            s.exit_indicators_met,
            Some(false),
            "a computed indicator fails"
        );
    }

    /// Issue 8 item 6: `ByName` (sorted runs instead of a `BTreeMap`) keeps each name once,
    /// sums its counts and reads out in the byte order a `BTreeMap<String, _>` gives, whatever
    /// the order names arrive in (runs merged at every size), and tallies merged from shares
    /// give the same villages as one tally.
    #[test]
    fn by_name_counts_like_a_sorted_map() {
        use std::collections::BTreeMap;
        let mut names = ByName::new();
        let mut reference: BTreeMap<String, NameCounts> = BTreeMap::new();
        // A fixed pseudo-random walk over 300 names, ASCII and Chinese, most seen many times,
        // some in runs of the same name (the last-found shortcut).
        let mut x: u64 = 12_345;
        for step in 0..5_000u64 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let k = (x >> 33) % 300;
            let name = if k % 3 == 0 {
                format!("{k}村")
            } else {
                format!("v{k:03}")
            };
            let n = (1, step % 7, step % 2);
            for _ in 0..(1 + step % 3) {
                names.add(&name, n);
                let e = reference.entry(name.clone()).or_default();
                e.0 += n.0;
                e.1 += n.1;
                e.2 += n.2;
            }
        }
        let want: Vec<(String, NameCounts)> = reference.into_iter().collect();
        assert_eq!(names.in_order(), want);
        assert_eq!(ByName::new().in_order(), Vec::new());

        // Shares merged: the same villages as one tally of every row.
        let row = |village: &str, persons: u64| RowFacts {
            village: Some(village.to_string()),
            exit_verdict: Some("not_ready"),
            ..facts(persons, Registration::Poor)
        };
        let rows: Vec<RowFacts> = (0..200u64)
            .map(|i| row(&format!("村{}", (i * 37) % 23), 1 + i % 5))
            .collect();
        let mut whole = Tally::default();
        let (mut a, mut b) = (Tally::default(), Tally::default());
        for (i, r) in rows.iter().enumerate() {
            whole.add(r);
            if i % 2 == 0 {
                a.add(r)
            } else {
                b.add(r)
            }
        }
        a.merge(&b);
        let p = params(Boundary::Strict);
        let (one, two) = (
            whole.finish(Regime::Exit2016, "CN-HB", &p),
            a.finish(Regime::Exit2016, "CN-HB", &p),
        );
        let villages = |s: &Summary| {
            s.villages
                .iter()
                .map(|v| {
                    (
                        v.village.clone(),
                        v.households,
                        v.persons,
                        v.remaining_poor_persons,
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(villages(&one), villages(&two));
        assert_eq!(one.villages.len(), 23);
        assert!(one.villages.windows(2).all(|w| w[0].village < w[1].village));
    }

    #[test]
    fn an_empty_denominator_never_passes() {
        assert_eq!(
            Indicator::new(0, 0, pct(2), Direction::Below, Boundary::Lenient, "persons").status,
            "fail"
        );
    }
}
