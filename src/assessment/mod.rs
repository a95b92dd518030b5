//! The checks: one rule family per file. Each check reads the household and the resolved
//! parameters and returns a status with its reason, source and per-member detail.

mod education;
mod food_clothing;
mod housing;
pub mod income;
mod medical;
pub mod missing;
mod status;
mod water;

pub use income::{IncomeFigures, LineKind};
pub use status::{Status, Tri};

use crate::codes;
use crate::date::Date;
use crate::explain::Lang;
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
    pub lang: Lang,
    pub regime: Regime,
}

#[derive(Debug, Clone, Serialize)]
pub struct MemberResult {
    pub index: usize,
    pub status: Status,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub id: CheckId,
    pub status: Status,
    pub veto: bool,
    pub reason: String,
    pub basis: &'static str,
    pub confidence: Confidence,
    pub members: Vec<MemberResult>,
}

impl Check {
    fn new(
        id: CheckId,
        status: Status,
        reason: String,
        basis: &'static str,
        confidence: Confidence,
    ) -> Check {
        Check {
            id,
            status,
            veto: true,
            reason,
            basis,
            confidence,
            members: Vec::new(),
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
