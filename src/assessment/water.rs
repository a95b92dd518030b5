//! 饮水安全有保障 (T/CHES 18-2018): quantity, convenience, supply reliability and quality must all
//! be at least 基本达标.

use super::{Basis, Check, CheckFinding, CheckId, Ctx, Status, WaterFinding, WaterPart};
use crate::number::Decimal;
use crate::policy::Confidence;

fn at_most(v: Option<Decimal>, max: Decimal) -> Status {
    Status::from_tri(v.map(|v| v <= max))
}

pub fn check(ctx: &Ctx) -> Check {
    let w = &ctx.household.water;
    let rule = &ctx.params.water;

    // Quantity: the lower minimum applies in water-short areas; with the area unknown, only a
    // figure that passes or fails under both minimums decides.
    let quantity = match (w.litres_per_person_day, ctx.household.water_short_area) {
        (None, _) => Status::Unknown,
        (Some(l), Some(true)) => Status::from_tri(Some(l >= rule.litres_min_short_area)),
        (Some(l), Some(false)) => Status::from_tri(Some(l >= rule.litres_min)),
        (Some(l), None) if l >= rule.litres_min => Status::Pass,
        (Some(l), None) if l < rule.litres_min_short_area => Status::Fail,
        (Some(_), None) => Status::Unknown,
    };
    let convenience = Status::any([
        Status::from_tri(w.piped_to_home),
        at_most(w.fetch_minutes, rule.fetch_minutes_max),
        at_most(w.horizontal_m, rule.horizontal_m_max),
        at_most(w.vertical_m, rule.vertical_m_max),
    ]);
    let supply = at_most(w.days_without_supply, rule.days_without_supply_max);
    let quality = Status::from_tri(w.quality_ok);

    let parts = [
        (WaterPart::Quantity, quantity),
        (WaterPart::Convenience, convenience),
        (WaterPart::Supply, supply),
        (WaterPart::Quality, quality),
    ];
    let status = Status::all(parts.iter().map(|(_, s)| *s));
    // The sentence names the minimum of a water-short area only when the area is known to be
    // one.
    let litres_min = if ctx.household.water_short_area == Some(true) {
        rule.litres_min_short_area
    } else {
        rule.litres_min
    };
    let finding = WaterFinding {
        parts,
        litres_min,
        fetch_minutes_max: rule.fetch_minutes_max,
        horizontal_m_max: rule.horizontal_m_max,
        vertical_m_max: rule.vertical_m_max,
        days_without_supply_max: rule.days_without_supply_max,
    };
    Check::new(
        CheckId::Water,
        status,
        CheckFinding::Water(Box::new(finding)),
        Basis::Water,
        Confidence::C,
    )
}
