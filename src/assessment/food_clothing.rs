//! 不愁吃, 不愁穿 (两不愁), and 通生活用电: household-level yes/no facts.

use super::{Basis, Check, CheckFinding, CheckId, Ctx, Status};
use crate::policy::Confidence;

pub fn food(ctx: &Ctx) -> Check {
    let status = Status::from_tri(ctx.household.food);
    Check::new(
        CheckId::Food,
        status,
        CheckFinding::Food,
        Basis::Food,
        Confidence::C,
    )
}

pub fn clothing(ctx: &Ctx) -> Check {
    let status = Status::from_tri(ctx.household.clothing);
    Check::new(
        CheckId::Clothing,
        status,
        CheckFinding::Clothing,
        Basis::Clothing,
        Confidence::C,
    )
}

/// Reported always; a veto only where the pack or an override says so (set by the caller).
pub fn electricity(ctx: &Ctx) -> Check {
    let status = Status::from_tri(ctx.household.electricity);
    Check::new(
        CheckId::Electricity,
        status,
        CheckFinding::Electricity,
        Basis::Electricity,
        Confidence::S,
    )
}
