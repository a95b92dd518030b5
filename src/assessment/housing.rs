//! 住房安全有保障: an appraised-safe house (grade A/B), or a relocation that counts (集中安置 with
//! keys handed over, 分散安置 moved in), or living safely elsewhere (投亲靠友, 公租房, 租赁).

use super::{Basis, Check, CheckFinding, CheckId, Ctx, HousingCase, Status};
use crate::household::{HouseGrade, RelocationMode};
use crate::number::Decimal;
use crate::policy::Confidence;

pub fn check(ctx: &Ctx) -> Check {
    let h = &ctx.household.housing;
    let persons = ctx.household.members.len();

    let relocation = h.relocation.as_ref().map(|r| match r.mode {
        Some(RelocationMode::Centralized) => match r.keys_handed_over {
            Some(true) => (Status::Pass, HousingCase::RelocatedKeys),
            Some(false) => (Status::Fail, HousingCase::KeysNotHandedOver),
            None => (Status::Unknown, HousingCase::RelocationUnknown),
        },
        Some(RelocationMode::Scattered) => match r.moved_in {
            Some(true) => (Status::Pass, HousingCase::RelocatedMovedIn),
            Some(false) => (Status::Fail, HousingCase::NotMovedIn),
            None => (Status::Unknown, HousingCase::RelocationUnknown),
        },
        None => (Status::Unknown, HousingCase::RelocationUnknown),
    });
    let elsewhere = h
        .safe_alternative
        .map(|a| (Status::Pass, HousingCase::SafeElsewhere(a)));
    let own = match h.grade {
        Some(g @ (HouseGrade::A | HouseGrade::B)) => match ctx.params.min_area_per_person {
            None => (Status::Pass, HousingCase::SafeGrade(g)),
            Some(min) => match h.area_m2 {
                None => (Status::Unknown, HousingCase::AreaUnknown(min)),
                Some(area) if enough_area(area, min, persons) => {
                    (Status::Pass, HousingCase::SafeGrade(g))
                }
                Some(area) => (Status::Fail, HousingCase::SmallArea(area, min)),
            },
        },
        Some(HouseGrade::None) => (Status::Fail, HousingCase::NoHouse),
        Some(g) => (Status::Fail, HousingCase::Unsafe(g)),
        None => (Status::Unknown, HousingCase::GradeUnknown),
    };

    let paths: Vec<(Status, HousingCase)> = [relocation, elsewhere, Some(own)]
        .into_iter()
        .flatten()
        .collect();
    let status = Status::any(paths.iter().map(|(s, _)| *s));
    // The reason names the path that decided: the passing one, else the first failing or
    // unknown one (a pending relocation explains a failure better than the old house alone).
    let case = paths
        .iter()
        .find(|(s, _)| *s == status)
        .map(|(_, c)| *c)
        .unwrap_or(HousingCase::GradeUnknown);
    Check::new(
        CheckId::Housing,
        status,
        CheckFinding::Housing { case, persons },
        Basis::Housing,
        Confidence::S,
    )
}

/// `area ≥ min × persons`, exactly.
fn enough_area(area: Decimal, min: Decimal, persons: usize) -> bool {
    let (an, ad) = area.as_fraction();
    let (mn, md) = min.as_fraction();
    let persons = i128::try_from(persons).unwrap_or(i128::MAX / 4);
    an * md >= mn * persons * ad
}
