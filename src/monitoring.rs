//! 防止返贫监测 (2021–): the monitoring category a household falls in, and for an already
//! monitored household the risk-elimination checklist (风险消除).

use crate::assessment::income::spending_exceeds;
use crate::assessment::missing::{
    check_paths, income_paths, labour_paths, spending_paths, MissingFacts,
};
use crate::assessment::{Check, CheckId, IncomeFigures, Status, Tri};
use crate::date::Date;
use crate::household::{Category, Health, Household, Labour, Registration, Risk, Schooling};
use crate::money::Money;
use crate::policy::Params;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CategoryOut {
    UnstableExited,
    Marginal,
    SuddenHardship,
    None,
    /// Extension: the facts that decide the category are missing.
    Unknown,
}

/// One reason of the category. `message` is empty until `words` renders the report.
#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    pub code: &'static str,
    pub message: String,
    /// Extension, on `missing_facts` only: the fields to fill in (issue 10 §5).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<String>,
    #[serde(skip)]
    pub finding: ReasonFinding,
}

/// What a monitoring reason says, as data.
#[derive(Debug, Clone, PartialEq)]
pub enum ReasonFinding {
    /// Counted per-capita income against the monitoring line (`per_capita` when exact).
    Income {
        below: Tri,
        per_capita: Option<Money>,
        line: Money,
    },
    /// The category cannot be decided: `item` and the reason's `paths` name what to fill in.
    MissingFacts {
        item: &'static str,
    },
    /// Rigid spending above net income (absent amounts count as zero).
    RigidSpending {
        medical: Money,
        education: Money,
        disaster: Money,
    },
    Risk(Risk),
    /// A failing guarantee: the check's own reason.
    Check(CheckId),
}

impl Reason {
    fn new(code: &'static str, finding: ReasonFinding) -> Reason {
        Reason {
            code,
            message: String::new(),
            paths: Vec::new(),
            finding,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct MonitoringResult {
    pub category: CategoryOut,
    pub recorded: Option<Category>,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EliminationVerdict {
    Eligible,
    NotEligible,
    Incomplete,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EliminationMode {
    Assisted,
    Natural,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Elimination {
    pub verdict: EliminationVerdict,
    pub blocking: Vec<String>,
    /// Extension: what is not known and keeps the verdict `incomplete`.
    pub unknown: Vec<String>,
    /// Extension: for each `unknown` item, the fields to fill in (issue 10 §5).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<MissingFacts>,
    pub mode: Option<EliminationMode>,
    /// Extension: calendar months since `monitoring.identifiedOn`.
    pub months_since_identification: Option<i32>,
}

/// Registration as the monitoring regime reads it: after 2020 no household is still 贫困户, so
/// `poor` reads as `exited` (the caller warns).
pub fn effective_registration(h: &Household) -> Option<Registration> {
    match h.registration {
        Some(Registration::Poor) => Some(Registration::Exited),
        other => other,
    }
}

pub fn hardship_spending(h: &Household) -> [Option<crate::money::Money>; 3] {
    [
        h.spending.medical_out_of_pocket,
        h.spending.education,
        h.spending.disaster_loss,
    ]
}

pub fn categorise(
    h: &Household,
    params: &Params,
    checks: &[Check],
    income: &IncomeFigures,
) -> MonitoringResult {
    let below = income.below_line(params.boundary);
    let hardship = spending_exceeds(
        income,
        &hardship_spending(h),
        params.hardship_spending_ratio,
    );
    let category = match below {
        Some(true) => match effective_registration(h) {
            Some(Registration::Exited) => CategoryOut::UnstableExited,
            Some(_) => CategoryOut::Marginal,
            None => CategoryOut::Unknown,
        },
        None => CategoryOut::Unknown,
        Some(false) => match hardship {
            Some(true) => CategoryOut::SuddenHardship,
            Some(false) => CategoryOut::None,
            None => CategoryOut::Unknown,
        },
    };
    let mut reasons = vec![Reason::new(
        if below == Some(true) {
            "income_below_line"
        } else {
            "income_not_below_line"
        },
        ReasonFinding::Income {
            below,
            per_capita: income.counted_per_capita(),
            line: income.line,
        },
    )];
    if category == CategoryOut::Unknown {
        // Name the blank fields the category waits for rather than leave a bare "unknown".
        let (item, paths) = if below.is_none() {
            ("income", income_paths(income))
        } else if hardship.is_none() {
            let parts = [
                (
                    "spending.medicalOutOfPocket",
                    h.spending.medical_out_of_pocket,
                ),
                ("spending.education", h.spending.education),
                ("spending.disasterLoss", h.spending.disaster_loss),
            ];
            ("rigid_spending", spending_paths(&parts, income))
        } else {
            ("registration", vec!["registration".to_string()])
        };
        reasons.push(Reason {
            paths,
            ..Reason::new("missing_facts", ReasonFinding::MissingFacts { item })
        });
    }
    if hardship == Some(true) {
        let s = &h.spending;
        let zero = |v: Option<Money>| v.unwrap_or(Money::ZERO);
        reasons.push(Reason::new(
            "rigid_spending",
            ReasonFinding::RigidSpending {
                medical: zero(s.medical_out_of_pocket),
                education: zero(s.education),
                disaster: zero(s.disaster_loss),
            },
        ));
    }
    for risk in risks_found(h, checks) {
        reasons.push(Reason::new(risk.as_str(), ReasonFinding::Risk(risk)));
    }
    for c in checks
        .iter()
        .filter(|c| c.veto && c.id != CheckId::Income && c.status == Status::Fail)
    {
        reasons.push(Reason::new(c.id.as_str(), ReasonFinding::Check(c.id)));
    }
    MonitoringResult {
        category,
        recorded: h.monitoring.as_ref().and_then(|m| m.category),
        reasons,
    }
}

/// Risks the record shows, plus those recorded in `monitoring.risks`, without repeats.
fn risks_found(h: &Household, checks: &[Check]) -> Vec<Risk> {
    let mut risks = Vec::new();
    let mut add = |r: Risk| {
        if !risks.contains(&r) {
            risks.push(r);
        }
    };
    if h.members
        .iter()
        .any(|m| matches!(m.health, Some(Health::Serious | Health::Chronic)))
    {
        add(Risk::Illness);
    }
    if h.members.iter().any(|m| m.health == Some(Health::Disabled)) {
        add(Risk::Disability);
    }
    let costly_study = h.members.iter().any(|m| {
        matches!(
            m.schooling,
            Some(Schooling::Senior | Schooling::Vocational | Schooling::College)
        )
    });
    if h.spending.education.is_some_and(|e| e.fen() > 0) && costly_study {
        add(Risk::Education);
    }
    if h.spending.disaster_loss.is_some_and(|d| d.fen() > 0) {
        add(Risk::Disaster);
    }
    let failing = |id: CheckId| {
        checks
            .iter()
            .any(|c| c.id == id && c.status == Status::Fail)
    };
    if failing(CheckId::Housing) {
        add(Risk::Housing);
    }
    if failing(CheckId::Water) {
        add(Risk::Water);
    }
    for r in h.monitoring.iter().flat_map(|m| m.risks.iter()) {
        add(*r);
    }
    risks
}

pub const TOO_SOON: &str = "too_soon";
pub const NO_MEASURE: &str = "no_measure";
pub const NO_LABOUR: &str = "no_labour_household";
pub const RIGID_UNRESOLVED: &str = "rigid_spending_unresolved";

/// 风险消除: income stably above the line, guarantees consolidated, rigid spending resolved, long
/// enough under monitoring, and help given (or the risk gone by itself); never for a household
/// with nobody able to work (暂不标注风险消除).
pub fn risk_elimination(
    h: &Household,
    as_of: Date,
    params: &Params,
    checks: &[Check],
    income: &IncomeFigures,
) -> Option<Elimination> {
    let record = h.monitoring.as_ref()?;
    let mut blocking = Vec::new();
    let mut unknown = Vec::new();
    let mut note = |tri: Tri, id: &str| match tri {
        Some(true) => blocking.push(id.to_string()),
        None => unknown.push(id.to_string()),
        Some(false) => {}
    };
    for c in checks.iter().filter(|c| c.veto) {
        match c.status {
            Status::Fail => note(Some(true), c.id.as_str()),
            Status::Unknown => note(None, c.id.as_str()),
            _ => {}
        }
    }
    note(
        spending_exceeds(
            income,
            &[h.spending.medical_out_of_pocket, h.spending.education],
            params.rigid_spending_ratio,
        ),
        RIGID_UNRESOLVED,
    );
    let months = record.identified_on.map(|d| d.months_until(as_of));
    note(
        months.map(|m| i64::from(m) < params.min_months_before_elimination),
        TOO_SOON,
    );

    let measures_enough =
        i64::try_from(record.measures.len()).unwrap_or(i64::MAX) >= params.min_measures;
    let mode = if measures_enough {
        Some(EliminationMode::Assisted)
    } else if record.risk_gone == Some(true) {
        Some(EliminationMode::Natural)
    } else {
        None
    };
    // Natural elimination must be recorded (riskGone: true); without it and without enough
    // measures, nothing has been done that could remove the risk.
    note(Some(mode.is_none()), NO_MEASURE);
    note(no_labour_household(h), NO_LABOUR);

    let spending = [
        (
            "spending.medicalOutOfPocket",
            h.spending.medical_out_of_pocket,
        ),
        ("spending.education", h.spending.education),
    ];
    let missing = unknown
        .iter()
        .map(|id| {
            let paths = match id.as_str() {
                RIGID_UNRESOLVED => spending_paths(&spending, income),
                TOO_SOON => vec!["monitoring.identifiedOn".to_string()],
                NO_LABOUR => labour_paths(h),
                _ => checks
                    .iter()
                    .find(|c| c.id.as_str() == id)
                    .map(|c| check_paths(c, income))
                    .unwrap_or_default(),
            };
            MissingFacts::new(id, paths)
        })
        .collect();
    let verdict = if !blocking.is_empty() {
        EliminationVerdict::NotEligible
    } else if !unknown.is_empty() {
        EliminationVerdict::Incomplete
    } else {
        EliminationVerdict::Eligible
    };
    Some(Elimination {
        verdict,
        blocking,
        unknown,
        missing,
        mode,
        months_since_identification: months,
    })
}

/// 整户无劳动能力: every member's labour is `none` or `lost`. Unknown when nobody is known to be
/// able but some members' labour is missing.
pub fn no_labour_household(h: &Household) -> Tri {
    if h.members
        .iter()
        .any(|m| m.labour.is_some_and(Labour::is_able))
    {
        Some(false)
    } else if h.members.iter().all(|m| m.labour.is_some()) {
        Some(true)
    } else {
        None
    }
}
