//! The English message table of the checks' findings (Chinese only as a gloss or a document
//! number). Same functions, same order, as `zh.rs`; `checks.rs` picks the table of the
//! report's language.

use super::yuan;
use crate::assessment::CheckId;
use crate::assessment::{
    Basis, EduCase, HousingCase, IncomeFinding, LineKind, MedCase, Status, Tri, WaterFinding,
    WaterPart,
};
use crate::causes::CauseFinding;
use crate::household::{Measure, Risk, SafeAlternative};
use crate::money::Money;

pub(super) fn basis(b: Basis) -> &'static str {
    match b {
        Basis::IncomeExit => "厅字〔2016〕16号: annual per-capita net income stably above the national poverty line",
        Basis::IncomeMonitoring => "中农组发〔2021〕7号: the monitoring line set by the province",
        Basis::Food => "厅字〔2016〕16号: food and clothing secure; national poverty-alleviation census: enough to eat, a stable and sufficient food supply",
        Basis::Clothing => "厅字〔2016〕16号: food and clothing secure; national poverty-alleviation census: seasonal clothes and warm bedding all year",
        Basis::Electricity => "household electricity: a provincial exit indicator (Shaanxi's five indicators; Guangxi's eight haves (八有一超))",
        Basis::EducationNoDropout => "国开发〔2019〕15号: no child of compulsory-school age out of school; census: ages 6–15, home tutoring (送教上门) counts, children unable to study excepted",
        Basis::EducationNoPovertyDropout => "2016–2018 exit standards: no dropout because of poverty (无因贫辍学; Guangxi until 2020)",
        Basis::Medical => "basic medical care guaranteed: registered poor people covered by basic medical insurance, critical-illness insurance and medical assistance (national poverty-alleviation census)",
        Basis::Housing => "safe housing: not living in a grade C or D house; relocation keys handed over (centralised) or moved in (scattered); housed with family or in public rental (2020 verification)",
        Basis::Water => "T/CHES 18-2018 rural drinking-water safety standard: quantity, quality, convenience and reliability all met or basically met",
    }
}

pub(super) fn missing_facts(item: &str, paths: &[String]) -> String {
    let en_list = paths.join(", ");
    let en_item = match item {
        "rigid_spending_exceeds_income" => "whether medical and schooling spending exceeds income",
        "rigid_spending_unresolved" => "whether rigid spending is resolved",
        "identified_this_year" => "whether the household was identified this year",
        "too_soon" => "whether the household has been monitored long enough",
        "no_labour_household" => "whether nobody in the household can work",
        "income" => "whether income meets the line",
        "food" => "whether food is secure",
        "clothing" => "whether clothing is secure",
        "education" => "whether compulsory schooling is secured",
        "medical" => "whether basic medical care is secured",
        "housing" => "whether housing is safe",
        "water" => "whether drinking water is safe",
        "electricity" => "whether electricity is connected",
        _ => "this item",
    };
    format!("not known {en_item}: fill in {en_list}")
}

pub(super) fn income_check(status: Status, f: &IncomeFinding) -> String {
    let line = yuan(f.line);
    let en_line = match f.line_kind {
        LineKind::PovertyLine => "poverty line",
        LineKind::MonitoringLine => "monitoring line",
    };
    let pc = f.per_capita.map(yuan);
    match (status, pc) {
        (Status::Unknown, _) if !f.net_known => {
            let en = f.missing.join(", ");
            format!("income is incomplete ({en}): per-capita net income cannot be computed")
        }
        (Status::Unknown, _) => format!("some excluded transfer items are not itemised: counted income may be above or below the {en_line} of {line} yuan"),
        (Status::Pass, Some(pc)) => format!("per-capita net income {pc} yuan is above the {en_line} of {line} yuan"),
        (Status::Pass, None) => format!("per-capita net income is above the {en_line} of {line} yuan"),
        (_, Some(pc)) if pc == line => format!("per-capita net income {pc} yuan equals the {en_line} exactly, which under the strict reading is not above it"),
        (_, Some(pc)) => format!("per-capita net income {pc} yuan is not above the {en_line} of {line} yuan"),
        (_, None) => format!("per-capita net income is not above the {en_line} of {line} yuan"),
    }
}

pub(super) fn monitoring_income(below: Tri, per_capita: Option<Money>, line: Money) -> String {
    let line = yuan(line);
    let pc = per_capita.map(yuan);
    match (below, pc) {
        (Some(true), Some(pc)) => format!("per-capita net income {pc} yuan is below the monitoring line of {line} yuan"),
        (Some(false), Some(pc)) => format!("per-capita net income {pc} yuan is not below the monitoring line of {line} yuan"),
        (Some(true), None) => format!("per-capita net income is below the monitoring line of {line} yuan"),
        (Some(false), None) => format!("per-capita net income is not below the monitoring line of {line} yuan"),
        (None, _) => format!("income is incomplete: cannot tell whether it is below the monitoring line of {line} yuan"),
    }
}

pub(super) fn rigid_spending(medical: Money, education: Money, disaster: Money) -> String {
    let (med, edu, dis) = (yuan(medical), yuan(education), yuan(disaster));
    format!("large rigid spending: medical out-of-pocket {med} yuan, education {edu} yuan, disaster loss {dis} yuan, above the household's net income")
}

pub(super) fn risk(r: Risk) -> &'static str {
    match r {
        Risk::Illness => "illness: a member has a serious or chronic illness",
        Risk::Disability => "disability: a member is disabled",
        Risk::Education => "schooling costs: a student at senior, vocational or college stage with education spending",
        Risk::Disaster => "disaster: a disaster loss in the period",
        Risk::Accident => "accident",
        Risk::BusinessFailure => "business failure",
        Risk::UnstableEmployment => "unstable employment",
        Risk::LackOfLabour => "lack of labour",
        Risk::Housing => "housing: housing safety is not guaranteed",
        Risk::Water => "water: drinking-water safety is not guaranteed",
        Risk::Other => "other risk",
    }
}

pub(super) fn food(status: Status) -> &'static str {
    match status {
        Status::Pass => "food is secure: a stable and sufficient food supply",
        Status::Fail => "food is not secure",
        _ => "whether food is secure is not recorded",
    }
}

pub(super) fn clothing(status: Status) -> &'static str {
    match status {
        Status::Pass => "clothing is secure: seasonal clothes and bedding all year",
        Status::Fail => "clothing is not secure",
        _ => "whether clothing is secure is not recorded",
    }
}

pub(super) fn medical(status: Status) -> &'static str {
    match status {
        Status::Pass => "every member has basic medical insurance",
        Status::Fail => "a member lacks basic medical insurance",
        _ => "a member's insurance is not known",
    }
}

pub(super) fn electricity(status: Status, veto: bool) -> String {
    let base = match status {
        Status::Pass => "household electricity is connected",
        Status::Fail => "household electricity is not connected",
        _ => "whether electricity is connected is not recorded",
    };
    if veto {
        base.to_owned()
    } else {
        format!("{base} (not a veto item under this province's rules; shown for information)")
    }
}

pub(super) fn education_member(case: EduCase, age: i32) -> String {
    match case {
        EduCase::Completed => format!("aged {age}, has completed compulsory schooling"),
        EduCase::NoStatus => format!("aged {age}, schooling status not recorded"),
        EduCase::InSchool => format!("aged {age}, in school"),
        EduCase::HomeTutoring => format!("aged {age}, taught at home (送教上门), which counts as schooling"),
        EduCase::Exempt => format!("aged {age}, assessed by the county expert committee as unable to study for health reasons: not a dropout"),
        EduCase::DeferredEntry => format!("aged {age}, approved deferred entry at the lowest school age: not a dropout"),
        EduCase::DeferredTooOld => format!("aged {age}, too old for deferred entry and not in school"),
        EduCase::DroppedOut => format!("aged {age}, dropped out (from 2019 no dropout is allowed, whatever the reason)"),
        EduCase::PovertyDropout => format!("aged {age}, dropped out because of poverty"),
        EduCase::OtherDropout => format!("aged {age}, dropped out for a reason other than poverty (no veto under the then rule of no dropout because of poverty (无因贫辍学))"),
        EduCase::DropoutNoReason => format!("aged {age}, dropped out with no recorded reason: cannot apply the rule of no dropout because of poverty (无因贫辍学)"),
        EduCase::NotInSchool => format!("aged {age}, of compulsory-school age but not in school"),
    }
}

pub(super) fn education(status: Status, lo: i32, hi: i32) -> String {
    match status {
        Status::Pass => format!("every member aged {lo}–{hi} is in compulsory schooling or exempt"),
        Status::Fail => format!("a member aged {lo}–{hi} is out of compulsory schooling"),
        Status::Unknown => format!("the schooling of a member aged {lo}–{hi} is not known"),
        Status::NotApplicable => format!("no member is of compulsory-school age ({lo}–{hi})"),
    }
}

pub(super) fn medical_member(case: MedCase) -> &'static str {
    match case {
        MedCase::CommercialOnly => {
            "commercial insurance only, which this province does not count as basic insurance"
        }
        MedCase::Uninsured => "not in basic medical insurance",
        MedCase::NoCriticalIllness => "not in critical-illness insurance (required here)",
        MedCase::NoAssistance => "not covered by medical assistance (required here)",
        MedCase::InsuranceUnknown => "medical insurance not recorded",
        MedCase::RequirementUnknown => {
            "critical-illness insurance or medical assistance not recorded (required here)"
        }
        MedCase::Insured => "in basic medical insurance",
    }
}

pub(super) fn housing(case: &HousingCase, persons: usize) -> String {
    match case {
        HousingCase::RelocatedKeys => "relocated to a centralised site with keys handed over".to_owned(),
        HousingCase::KeysNotHandedOver => "centralised relocation: keys not yet handed over, and the old house is not safe".to_owned(),
        HousingCase::RelocationUnknown => "relocation progress not recorded".to_owned(),
        HousingCase::RelocatedMovedIn => "scattered relocation, moved in".to_owned(),
        HousingCase::NotMovedIn => "scattered relocation not yet moved into, and the old house is not safe".to_owned(),
        HousingCase::SafeElsewhere(a) => {
            let en = match a {
                SafeAlternative::WithFamily => "with family",
                SafeAlternative::PublicRental => "in public rental housing",
                SafeAlternative::Rented => "in a rented safe house",
            };
            format!("living safely elsewhere ({en})")
        }
        HousingCase::SafeGrade(g) => {
            let g = g.as_str();
            format!("the house is appraised grade {g}, safe")
        }
        HousingCase::AreaUnknown(min) => format!("this province requires at least {min} m² per person; floor area not recorded"),
        HousingCase::SmallArea(area, min) => format!("floor area {area} m² for {persons} persons is below this province's {min} m² per person"),
        HousingCase::NoHouse => "no house".to_owned(),
        HousingCase::Unsafe(g) => {
            let g = g.as_str();
            format!("the house is grade {g}, unsafe")
        }
        HousingCase::GradeUnknown => "the house has not been appraised (no grade)".to_owned(),
    }
}

pub(super) fn water(status: Status, f: &WaterFinding) -> String {
    let min = f.litres_min;
    let describe = |p: WaterPart| -> String {
        match p {
            WaterPart::Quantity => format!("quantity (at least {min} L per person a day)"),
            WaterPart::Convenience => format!(
                "convenience (piped home, or a trip within {} min / {} m horizontal / {} m vertical)",
                f.fetch_minutes_max, f.horizontal_m_max, f.vertical_m_max
            ),
            WaterPart::Supply => format!("reliability (no more than {} days without supply a year)", f.days_without_supply_max),
            WaterPart::Quality => "quality".to_string(),
        }
    };
    let list = |want: Status| -> String {
        f.parts
            .iter()
            .filter(|(_, s)| *s == want)
            .map(|(p, _)| describe(*p))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match status {
        Status::Pass => {
            "quantity, quality, convenience and reliability all meet the standard".to_owned()
        }
        Status::Fail => {
            let en = list(Status::Fail);
            format!("not met: {en}")
        }
        _ => {
            let en = list(Status::Unknown);
            format!("not known: {en}")
        }
    }
}

/// Members named for people (numbered from 1).
fn who(idx: &[usize]) -> String {
    let list = idx
        .iter()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join(", ");
    format!("member {list}")
}

pub(super) fn cause(f: &CauseFinding) -> String {
    match f {
        CauseFinding::Illness {
            serious,
            chronic,
            medical,
        } => {
            // A serious illness is named first; else the chronically ill with heavy costs.
            if serious.is_empty() {
                let (w, y) = (who(chronic), yuan(*medical));
                format!("{w} has a chronic illness with heavy out-of-pocket costs ({y} yuan)")
            } else {
                let w = who(serious);
                format!("{w} has a serious illness")
            }
        }
        CauseFinding::Disability(idx) => {
            let w = who(idx);
            format!("{w} is disabled with limited labour ability")
        }
        CauseFinding::Education(idx, amount) => {
            let (w, y) = (who(idx), yuan(*amount));
            format!("{w} is at senior, vocational or college stage; education spending {y} yuan")
        }
        CauseFinding::LackOfLabour { able, persons: n } => {
            format!("only {able} of {n} members can work fully")
        }
        CauseFinding::Disaster(loss) => {
            let y = yuan(*loss);
            format!("disaster loss of {y} yuan in the period")
        }
        CauseFinding::FailingCheck(CheckId::Water) => "drinking water is not safe".to_owned(),
        CauseFinding::FailingCheck(_) => "housing is not safe".to_owned(),
    }
}

pub(super) fn measure_why(m: Measure) -> &'static str {
    match m {
        Measure::Industry => "the household can work: develop production (发展生产脱贫一批)",
        Measure::Employment => "the household can work: help into stable employment",
        Measure::Finance => "microcredit",
        Measure::PublicWelfareJob => "a public-welfare job",
        Measure::Health => "illness: health support through basic insurance, critical-illness insurance and medical assistance",
        Measure::Education => "schooling costs: education support (the Rain and Dew grant (雨露计划) for vocational and college students)",
        Measure::CompulsoryEducation => "compulsory schooling: bring the child back to school or arrange home tutoring",
        Measure::Housing => "housing safety: renovate the unsafe house or provide safe housing",
        Measure::Water => "drinking-water safety: fix quantity, quality, convenience or reliability",
        Measure::SocialSecurity => "social security: minimum living allowance (低保), support for the extremely poor (特困供养), disability allowances (社会保障兜底一批)",
        Measure::Relocation => "no house: consider relocation (易地搬迁脱贫一批)",
        Measure::SocialAssistance => "temporary relief and social assistance",
        Measure::LivingConditions => "improve living and production conditions",
        Measure::Infrastructure => "infrastructure",
        Measure::EcologicalCompensation => "ecological compensation",
    }
}
