//! 家庭人均纯收入: net income, the items a province does not count, and the test against the
//! line in force (exit: poverty line; monitoring: the province's monitoring line).
//!
//! Per-capita figures stay exact fractions (`PerCapita`); they are rounded only for display.

use super::{Basis, Check, CheckFinding, CheckId, Ctx, IncomeFinding, Regime, Status, Tri};
use crate::household::{Income, TransferItem};
use crate::money::{Money, PerCapita};
use crate::policy::{Boundary, Confidence};
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    PovertyLine,
    MonitoringLine,
}

#[derive(Debug, Clone)]
pub struct IncomeFigures {
    /// `net = wage + business + property + transfer − businessCosts`; `None` if a part is missing.
    pub net: Option<Money>,
    pub persons: usize,
    pub transfer: Option<Money>,
    /// Excluded items with known amounts.
    pub excluded: Vec<(TransferItem, Money)>,
    /// Excluded items whose amount was not itemised (then the counted figure is a range).
    pub unitemised: Vec<TransferItem>,
    /// Counted net income: a range `[low, high]`, a single value when everything is itemised.
    pub counted: Option<(Money, Money)>,
    pub line: Money,
    pub line_kind: LineKind,
    /// Paths of the missing components.
    pub missing: Vec<&'static str>,
}

impl IncomeFigures {
    pub fn compute(
        income: &Income,
        persons: usize,
        excluded_items: &[TransferItem],
        line: Money,
        line_kind: LineKind,
    ) -> IncomeFigures {
        let parts = [
            ("income.wage", income.wage),
            ("income.business", income.business),
            ("income.property", income.property),
            ("income.transfer", income.transfer),
            ("income.businessCosts", income.business_costs),
        ];
        let missing: Vec<&'static str> = parts
            .iter()
            .filter(|(_, v)| v.is_none())
            .map(|(p, _)| *p)
            .collect();
        let net = match (
            income.wage,
            income.business,
            income.property,
            income.transfer,
            income.business_costs,
        ) {
            (Some(w), Some(b), Some(p), Some(t), Some(c)) => Some(w + b + p + t - c),
            _ => None,
        };
        let itemised_sum: Money = income.transfer_items.iter().map(|(_, m)| *m).sum();
        let remainder = income
            .transfer
            .map(|t| t - itemised_sum)
            .unwrap_or(Money::ZERO);
        let mut excluded = Vec::new();
        let mut unitemised = Vec::new();
        for item in excluded_items {
            match income.transfer_items.iter().find(|(i, _)| i == item) {
                Some((_, amount)) => excluded.push((*item, *amount)),
                None if remainder > Money::ZERO => unitemised.push(*item),
                // Itemised parts already make up the whole transfer: this item is zero.
                None => {}
            }
        }
        let known: Money = excluded.iter().map(|(_, m)| *m).sum();
        let counted = net.map(|n| {
            let high = n - known;
            let low = if unitemised.is_empty() {
                high
            } else {
                high - remainder
            };
            (low, high)
        });
        IncomeFigures {
            net,
            persons,
            transfer: income.transfer,
            excluded,
            unitemised,
            counted,
            line,
            line_kind,
            missing,
        }
    }

    /// The counted net income when it is known exactly.
    pub fn counted_exact(&self) -> Option<Money> {
        match self.counted {
            Some((low, high)) if low == high => Some(high),
            _ => None,
        }
    }

    /// The counted income per person as reports show it (rounded to the fen), when the counted
    /// income is known exactly: the income block, the income check and monitoring all name this.
    pub fn counted_per_capita(&self) -> Option<Money> {
        self.counted_exact().map(|c| self.per_capita(c).rounded())
    }

    /// Evaluates a monotone test at both ends of the counted range: known only when both agree.
    pub fn decide(&self, test: impl Fn(Money) -> bool) -> Tri {
        let (low, high) = self.counted?;
        let (a, b) = (test(low), test(high));
        (a == b).then_some(a)
    }

    /// What the income check's sentence names: the line, and the per-capita figure when it is
    /// exact (with unitemised excluded items only the range is known, and no figure is shown).
    pub fn finding(&self) -> IncomeFinding {
        IncomeFinding {
            line: self.line,
            line_kind: self.line_kind,
            per_capita: self.counted_per_capita(),
            net_known: self.net.is_some(),
            missing: if self.net.is_some() {
                Vec::new()
            } else {
                self.missing.clone()
            },
        }
    }

    pub fn per_capita(&self, total: Money) -> PerCapita {
        PerCapita::new(total, self.persons)
    }

    /// Counted per-capita income above the line (exit test, elimination test).
    pub fn above_line(&self, boundary: Boundary) -> Tri {
        self.decide(|n| {
            let o = self.per_capita(n).cmp_line(self.line);
            o == Ordering::Greater || (boundary == Boundary::Lenient && o == Ordering::Equal)
        })
    }

    /// Counted per-capita income below the line (monitoring inclusion).
    pub fn below_line(&self, boundary: Boundary) -> Tri {
        self.decide(|n| {
            let o = self.per_capita(n).cmp_line(self.line);
            o == Ordering::Less || (boundary == Boundary::Lenient && o == Ordering::Equal)
        })
    }
}

pub fn check(ctx: &Ctx, f: &IncomeFigures) -> Check {
    let status = if f.net.is_none() {
        Status::Unknown
    } else {
        Status::from_tri(f.above_line(ctx.params.boundary))
    };
    let (basis, confidence) = match ctx.regime {
        Regime::Exit2016 => (Basis::IncomeExit, Confidence::C),
        Regime::Monitoring2021 => (Basis::IncomeMonitoring, Confidence::C),
    };
    Check::new(
        CheckId::Income,
        status,
        CheckFinding::Income(f.finding()),
        basis,
        confidence,
    )
}

/// Rigid spending above `ratio ×` counted net household income (因病因学支出明显大于收入).
/// Missing parts leave it unknown unless the known parts already exceed; no spending never
/// exceeds, whatever the income.
pub fn spending_exceeds(
    f: &IncomeFigures,
    parts: &[Option<Money>],
    ratio: crate::number::Ratio,
) -> Tri {
    let known: Money = parts.iter().flatten().copied().sum();
    let all_known = parts.iter().all(Option::is_some);
    let exceeds = |spend: Money| {
        f.decide(|net| {
            spend > Money::ZERO
                && ratio.cmp_scaled(i128::from(spend.fen()), i128::from(net.fen()))
                    == Ordering::Greater
        })
    };
    match exceeds(known) {
        Some(true) => Some(true),
        Some(false) if all_known => Some(false),
        _ => None,
    }
}
