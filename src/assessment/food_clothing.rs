//! 不愁吃, 不愁穿 (两不愁), and 通生活用电: household-level yes/no facts.

use super::{Check, CheckId, Ctx, Status};
use crate::explain;
use crate::policy::Confidence;

pub fn food(ctx: &Ctx) -> Check {
    let status = Status::from_tri(ctx.household.food);
    Check::new(
        CheckId::Food,
        status,
        explain::food(ctx.lang, status),
        "厅字〔2016〕16号 吃穿不愁; 国家脱贫攻坚普查: 平常能吃得饱, 家庭有稳定充足的食物来源",
        Confidence::C,
    )
}

pub fn clothing(ctx: &Ctx) -> Check {
    let status = Status::from_tri(ctx.household.clothing);
    Check::new(
        CheckId::Clothing,
        status,
        explain::clothing(ctx.lang, status),
        "厅字〔2016〕16号 吃穿不愁; 国家脱贫攻坚普查: 一年四季都有应季的换洗衣物和御寒被褥",
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
        "通生活用电: a provincial exit indicator (陕西 five indicators; 广西 八有一超 有电用)",
        Confidence::S,
    )
}
