//! The household exit checklist (贫困户退出, 2016–2020): every veto item, the blockers, and the
//! procedure 民主评议 → 驻村工作队核实 → 贫困户认可 → 村内公示 → 公告退出 → 销号.

use crate::assessment::income::spending_exceeds;
use crate::assessment::missing::{check_paths, spending_paths, MissingFacts};
use crate::assessment::{Check, IncomeFigures, Status};
use crate::date::Date;
use crate::household::{ExitStep, Household};
use crate::policy::Params;
use crate::reader::Codes;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExitVerdict {
    Ready,
    NotReady,
    Incomplete,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub id: ExitStep,
    pub done: bool,
    pub on: Option<Date>,
    /// On `public_notice` only: the pack's minimum notice length in days (`null`: none set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notice_days: Option<Option<i64>>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExitResult {
    pub verdict: ExitVerdict,
    pub blocking: Vec<String>,
    /// Extension: what is not known and keeps the verdict `incomplete`.
    pub unknown: Vec<String>,
    /// Extension: for each `unknown` item, the fields to fill in (issue 10 §5).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<MissingFacts>,
    pub steps: Vec<Step>,
}

pub const IDENTIFIED_THIS_YEAR: &str = "identified_this_year";
pub const RIGID_SPENDING: &str = "rigid_spending_exceeds_income";

pub fn exit_checklist(
    h: &Household,
    as_of: Date,
    params: &Params,
    checks: &[Check],
    income: &IncomeFigures,
) -> ExitResult {
    let mut blocking = Vec::new();
    let mut unknown = Vec::new();
    let mut missing = Vec::new();
    for c in checks.iter().filter(|c| c.veto) {
        match c.status {
            Status::Fail => blocking.push(c.id.as_str().to_string()),
            Status::Unknown => {
                unknown.push(c.id.as_str().to_string());
                missing.push(MissingFacts::new(c.id.as_str(), check_paths(c, income)));
            }
            _ => {}
        }
    }
    // 当年新识别贫困户当年不能退出 (陕西, 湖北 一出三不出).
    let mut note = |tri: Option<bool>, id: &str| match tri {
        Some(true) => blocking.push(id.to_string()),
        None => unknown.push(id.to_string()),
        Some(false) => {}
    };
    note(
        h.identified_on.map(|d| d.year() == as_of.year()),
        IDENTIFIED_THIS_YEAR,
    );
    note(
        spending_exceeds(
            income,
            &[h.spending.medical_out_of_pocket, h.spending.education],
            params.rigid_spending_ratio,
        ),
        RIGID_SPENDING,
    );
    let spending = [
        (
            "spending.medicalOutOfPocket",
            h.spending.medical_out_of_pocket,
        ),
        ("spending.education", h.spending.education),
    ];
    for id in &unknown {
        let paths = match id.as_str() {
            IDENTIFIED_THIS_YEAR => vec!["identifiedOn".to_string()],
            RIGID_SPENDING => spending_paths(&spending, income),
            _ => continue,
        };
        missing.push(MissingFacts::new(id, paths));
    }
    let verdict = if !blocking.is_empty() {
        ExitVerdict::NotReady
    } else if !unknown.is_empty() {
        ExitVerdict::Incomplete
    } else {
        ExitVerdict::Ready
    };
    ExitResult {
        verdict,
        blocking,
        unknown,
        missing,
        steps: steps(h, as_of, params),
    }
}

fn steps(h: &Household, as_of: Date, params: &Params) -> Vec<Step> {
    ExitStep::ALL
        .iter()
        .map(|(id, _)| {
            let on = h
                .exit_procedure
                .iter()
                .find(|(s, _)| s == id)
                .map(|(_, d)| *d);
            Step {
                id: *id,
                done: on.is_some_and(|d| d <= as_of),
                on,
                notice_days: (*id == ExitStep::PublicNotice).then_some(params.notice_days),
            }
        })
        .collect()
}
