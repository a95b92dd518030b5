//! The report for one household, as the contract v1 shapes it (plus the documented extensions).

use crate::assessment::{Check, IncomeFigures, LineKind, Regime};
use crate::causes::{CauseOut, MeasureOut};
use crate::date::Date;
use crate::exit::ExitResult;
use crate::household::TransferItem;
use crate::json_value::Json;
use crate::money::Money;
use crate::monitoring::{Elimination, MonitoringResult};
use crate::number::Decimal;
use crate::policy::{Applied, Confidence, IncomeConcept};
use crate::warning::Warning;
use serde::Serialize;

/// The compact JSON writer: `tuopin batch --out` and every answer of the wasm module.
pub mod json;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub household_id: Option<String>,
    pub regime: Regime,
    pub policy: PolicyEcho,
    pub income: IncomeOut,
    pub checks: Vec<Check>,
    pub exit: Option<ExitResult>,
    pub monitoring: Option<MonitoringResult>,
    pub risk_elimination: Option<Elimination>,
    pub causes: Vec<CauseOut>,
    pub measures: Vec<MeasureOut>,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyEcho {
    pub pack: String,
    pub province: String,
    pub as_of: Date,
    pub overrides: Json,
    /// Extension: every parameter in force, with its date range and source. Left out of the
    /// reports of `assessMany`, which give it once per province instead (it is most of a
    /// report's bytes and the same for every household of a province).
    #[serde(skip_serializing_if = "no_applied")]
    pub applied: std::sync::Arc<[Applied]>,
}

fn no_applied(a: &std::sync::Arc<[Applied]>) -> bool {
    a.is_empty()
}

#[derive(Debug, Clone, Serialize)]
pub struct Excluded {
    pub item: TransferItem,
    pub amount: Money,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IncomeOut {
    pub net: Option<Money>,
    pub members: usize,
    pub per_capita: Option<Money>,
    pub counted_per_capita: Option<Money>,
    pub excluded: Vec<Excluded>,
    pub transfer_share: Option<f64>,
    pub line: Money,
    pub line_kind: LineKind,
    pub margin: Option<Money>,
    pub line_source: String,
    pub line_from: Option<Date>,
    pub concept: IncomeConcept,
    /// Paths of missing components (then the figures are null and the check unknown).
    pub unknown: Vec<&'static str>,
    /// Excluded items not itemised: the counted figure is then a range.
    pub unitemised: Vec<TransferItem>,
    /// How the line in force was set (contract v1.1 item 4).
    pub line_basis: LineBasis,
}

/// `report.income.lineBasis`: a plain amount or a multiple of the local 低保 standard, where it
/// comes from, and how sure the reference is of it (`caller` for `options.policy`).
#[derive(Debug, Clone, Serialize)]
pub struct LineBasis {
    pub kind: LineBasisKind,
    pub source: String,
    pub confidence: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineBasisKind {
    Amount,
    DibaoMultiple,
}

impl LineBasis {
    pub fn of(applied: Option<&Applied>) -> LineBasis {
        let Some(a) = applied else {
            return LineBasis {
                kind: LineBasisKind::Amount,
                source: String::new(),
                confidence: "caller",
            };
        };
        let kind = if a.value.as_object().is_some() {
            LineBasisKind::DibaoMultiple
        } else {
            LineBasisKind::Amount
        };
        let confidence = match a.confidence {
            Some(Confidence::C) => "C",
            Some(Confidence::S) => "S",
            Some(Confidence::N) => "N",
            None => "caller",
        };
        LineBasis {
            kind,
            source: a.source.clone(),
            confidence,
        }
    }
}

impl IncomeOut {
    pub fn new(f: &IncomeFigures, concept: IncomeConcept, line: Option<&Applied>) -> IncomeOut {
        let counted = f.counted_exact();
        IncomeOut {
            net: f.net,
            members: f.persons,
            per_capita: f.net.map(|n| f.per_capita(n).rounded()),
            counted_per_capita: f.counted_per_capita(),
            excluded: f
                .excluded
                .iter()
                .map(|(item, amount)| Excluded {
                    item: *item,
                    amount: *amount,
                })
                .collect(),
            transfer_share: transfer_share(f),
            line: f.line,
            line_kind: f.line_kind,
            margin: counted.map(|c| f.per_capita(c).margin(f.line)),
            line_source: line.map(|a| a.source.clone()).unwrap_or_default(),
            line_from: line.and_then(|a| a.from),
            concept,
            unknown: f.missing.clone(),
            unitemised: f.unitemised.clone(),
            line_basis: LineBasis::of(line),
        }
    }
}

/// Share of transfers in net income, to two decimals (display only; comparisons are exact).
fn transfer_share(f: &IncomeFigures) -> Option<f64> {
    let (t, n) = (f.transfer?, f.net?);
    if n <= Money::ZERO {
        return None;
    }
    let hundredths = (i128::from(t.fen()) * 200 + i128::from(n.fen())) / (2 * i128::from(n.fen()));
    hundredths_decimal(hundredths).map(|d| d.to_f64())
}

/// `hundredths / 100` read back from its text `{whole}.{rest:02}`. Written through i64: an i128
/// `{}` would bring core's u128 formatting into the wasm module (issue 8 item 6). Same answer as
/// formatting the i128: a whole part past i64 is past MAX_ABS too, which `parse` refuses all the
/// same, and the remainder is below 100.
fn hundredths_decimal(hundredths: i128) -> Option<Decimal> {
    let whole = i64::try_from(hundredths / 100).ok()?;
    let rest = i64::try_from(hundredths % 100).ok()?;
    Decimal::parse(&format!("{whole}.{rest:02}")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 8 item 6: the transfer share read through i64 is the same number as through the
    /// i128 text it replaced, at the edges of i64 and MAX_ABS, negative and positive.
    #[test]
    fn hundredths_through_i64_same_as_through_i128() {
        let mut cases: Vec<i128> = vec![0, 1, 5, 99, 100, 101, 12_345, -1, -5, -100, -250, -12_345];
        for edge in [
            crate::number::MAX_ABS * 100,
            i128::from(i64::MAX),
            i128::from(i64::MAX) * 100,
            i128::from(i64::MAX) * 1000,
        ] {
            for d in [-101, -100, -1, 0, 1, 99, 100] {
                cases.push(edge + d);
                cases.push(-(edge + d));
            }
        }
        for h in cases {
            let old = Decimal::parse(&format!("{}.{:02}", h / 100, h % 100))
                .ok()
                .map(|d| d.to_f64().to_bits());
            let new = hundredths_decimal(h).map(|d| d.to_f64().to_bits());
            assert_eq!(new, old, "{h}");
        }
    }
}
