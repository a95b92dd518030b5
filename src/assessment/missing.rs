//! The facts an `incomplete` verdict waits for: for every item that cannot be decided, the
//! fields to fill in (issue 10 §5). A blank field must read as "fill this in", never as a
//! finding about the household.

use super::{Check, CheckId, IncomeFigures, Status};
use crate::household::Household;
use crate::reader::{index, join};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingFacts {
    /// The undecided item: a check id or a blocker id (as in `unknown`).
    pub item: String,
    /// Paths of the fields whose values would decide it.
    pub paths: Vec<String>,
    /// Made from `item` and `paths` by `words` when a report is written; empty until then.
    pub message: String,
}

impl MissingFacts {
    pub fn new(item: &str, paths: Vec<String>) -> MissingFacts {
        MissingFacts {
            item: item.to_string(),
            paths,
            message: String::new(),
        }
    }
}

/// Paths of the income figures that are not known (missing parts, unitemised excluded items).
pub fn income_paths(income: &IncomeFigures) -> Vec<String> {
    let mut paths: Vec<String> = income.missing.iter().map(|p| p.to_string()).collect();
    paths.extend(
        income
            .unitemised
            .iter()
            .map(|i| join("income.transferItems", i.as_str())),
    );
    paths
}

/// Rigid spending (`spending.*` given in `parts`) compared with income: the blank spending
/// fields, and the income parts when the income itself is not known.
pub fn spending_paths(
    parts: &[(&str, Option<crate::money::Money>)],
    income: &IncomeFigures,
) -> Vec<String> {
    let mut paths: Vec<String> = parts
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(p, _)| p.to_string())
        .collect();
    if income.counted.is_none() || !income.unitemised.is_empty() {
        paths.extend(income_paths(income));
    }
    paths
}

/// The fields of a veto check whose status is `unknown`.
pub fn check_paths(c: &Check, income: &IncomeFigures) -> Vec<String> {
    let members = |field: &str| -> Vec<String> {
        c.members
            .iter()
            .filter(|m| m.status == Status::Unknown)
            .map(|m| join(&index("members", m.index), field))
            .collect()
    };
    match c.id {
        CheckId::Income => income_paths(income),
        CheckId::Food => vec!["food.secure".to_string()],
        CheckId::Clothing => vec!["clothing.secure".to_string()],
        CheckId::Electricity => vec!["electricity.connected".to_string()],
        CheckId::Education => members("schooling"),
        CheckId::Medical => members("medicalInsurance"),
        CheckId::Housing => vec!["housing".to_string()],
        CheckId::Water => vec!["water".to_string()],
    }
}

/// Members whose labour is not recorded (整户无劳动能力 cannot be decided without them).
pub fn labour_paths(h: &Household) -> Vec<String> {
    h.members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.labour.is_none())
        .map(|(i, _)| join(&index("members", i), "labour"))
        .collect()
}
