//! The checks: one rule family per file. Each check reads the household and the resolved
//! parameters and returns a status with its finding (the case and figures that decided it),
//! what it rests on, and per-member detail. Sentences are not made here: `src/words/` fills
//! `reason` and `basis` when a report is written (issue 8 item 2).

mod education;
pub mod finding;
mod food_clothing;
mod housing;
pub mod income;
mod medical;
pub mod missing;
mod status;
mod water;

pub use finding::{
    Basis, CheckFinding, EduCase, HousingCase, IncomeFinding, MedCase, MemberFinding, WaterFinding,
    WaterPart,
};
pub use income::{IncomeFigures, LineKind};
pub use status::{Status, Tri};

use crate::codes;
use crate::date::Date;
use crate::household::Household;
use crate::policy::{Confidence, Params};
use serde::Serialize;

codes! {
    /// The eight veto items (一票否决) of the contract.
    pub enum CheckId {
        Income => "income",
        Food => "food",
        Clothing => "clothing",
        Education => "education",
        Medical => "medical",
        Housing => "housing",
        Water => "water",
        Electricity => "electricity",
    }
}

codes! {
    /// The regime in force on `asOf` (contract: Regime label).
    pub enum Regime {
        Exit2016 => "exit_2016",
        Monitoring2021 => "monitoring_2021",
    }
}

impl Regime {
    pub fn on(date: Date) -> Regime {
        if date < Date::MONITORING_START {
            Regime::Exit2016
        } else {
            Regime::Monitoring2021
        }
    }
}

/// What every check reads.
pub struct Ctx<'a> {
    pub household: &'a Household,
    pub as_of: Date,
    pub params: &'a Params,
    pub regime: Regime,
}

#[derive(Debug, Clone, Serialize)]
pub struct MemberResult {
    pub index: usize,
    pub status: Status,
    /// The member's sentence: empty until `words` renders the report.
    pub reason: String,
    #[serde(skip)]
    pub finding: MemberFinding,
}

impl MemberResult {
    pub fn new(index: usize, status: Status, finding: MemberFinding) -> MemberResult {
        MemberResult {
            index,
            status,
            reason: String::new(),
            finding,
        }
    }
}

/// One check. The serialized fields are the contract's; `reason` and `basis` are empty until
/// `words` renders the report, and `finding` / `rests_on` are what they are rendered from.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub id: CheckId,
    pub status: Status,
    pub veto: bool,
    pub reason: String,
    pub basis: &'static str,
    pub confidence: Confidence,
    pub members: Vec<MemberResult>,
    #[serde(skip)]
    pub finding: CheckFinding,
    #[serde(skip)]
    pub rests_on: Basis,
}

impl Check {
    fn new(
        id: CheckId,
        status: Status,
        finding: CheckFinding,
        rests_on: Basis,
        confidence: Confidence,
    ) -> Check {
        Check {
            id,
            status,
            veto: true,
            reason: String::new(),
            basis: "",
            confidence,
            members: Vec::new(),
            finding,
            rests_on,
        }
    }

    fn with_members(mut self, members: Vec<MemberResult>) -> Check {
        self.members = members;
        self
    }
}

/// Runs every check, in the contract's order.
pub fn run_checks(ctx: &Ctx, income: &IncomeFigures) -> Vec<Check> {
    let mut checks = vec![
        income::check(ctx, income),
        food_clothing::food(ctx),
        food_clothing::clothing(ctx),
        education::check(ctx),
        medical::check(ctx),
        housing::check(ctx),
        water::check(ctx),
        food_clothing::electricity(ctx),
    ];
    for c in &mut checks {
        if c.id == CheckId::Electricity {
            c.veto = ctx.params.electricity_veto;
        }
    }
    checks
}

/// Combines per-member statuses: any fail fails, else any unknown is unknown, else pass; with
/// nobody concerned the check does not apply.
pub fn combine(members: &[MemberResult]) -> Status {
    Status::all(members.iter().map(|m| m.status))
}
