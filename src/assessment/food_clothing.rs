//! 不愁吃, 不愁穿 (两不愁), and 通生活用电: household-level yes/no facts.

use super::{Check, CheckId, Ctx, Status};
use crate::explain::{self, Basis};
use crate::policy::Confidence;

pub fn food(ctx: &Ctx) -> Check {
    let status = Status::from_tri(ctx.household.food);
    Check::new(
        CheckId::Food,
        status,
        explain::food(ctx.lang, status),
        explain::basis(ctx.lang, Basis::Food),
        Confidence::C,
    )
}

pub fn clothing(ctx: &Ctx) -> Check {
    let status = Status::from_tri(ctx.household.clothing);
    Check::new(
        CheckId::Clothing,
        status,
        explain::clothing(ctx.lang, status),
        explain::basis(ctx.lang, Basis::Clothing),
        Confidence::C,
    )
}

/// Reported always; a veto only where the pack or an override says so (set by the caller).
pub fn electricity(ctx: &Ctx) -> Check {
    let status = Status::from_tri(ctx.household.electricity);
    Check::new(
        CheckId::Electricity,
        status,
        explain::electricity(ctx.lang, status, ctx.params.electricity_veto),
        explain::basis(ctx.lang, Basis::Electricity),
        Confidence::S,
    )
}
