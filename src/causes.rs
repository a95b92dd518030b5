//! Suggested 致贫原因 (causes, rule 18) and 帮扶措施 (support measures, rules 29–31), derived from
//! the record. These are suggestions for the person assessing, never the official assignment.

use crate::assessment::{Check, CheckId, IncomeFigures, Status};
use crate::codes;
use crate::household::{Health, HouseGrade, Household, Labour, Measure, Schooling};
use crate::money::Money;
use crate::monitoring::no_labour_household;
use crate::policy::Params;
use serde::Serialize;
use std::cmp::Ordering;

codes! {
    /// 致贫原因 that can be read off the record, in order of precedence for the primary one.
    pub enum Cause {
        Illness => "illness",
        Disability => "disability",
        Education => "education",
        LackOfLabour => "lack_of_labour",
        Disaster => "disaster",
        LackOfWater => "lack_of_water",
        LackOfHousing => "lack_of_housing",
    }
}

codes! {
    /// 五个一批: the five routes out of poverty.
    pub enum Batch {
        Production => "production",
        Relocation => "relocation",
        EcologicalCompensation => "ecological_compensation",
        Education => "education",
        SocialSecurity => "social_security",
    }
}

/// A suggested cause. `evidence` is empty until `words` renders the report from `finding`.
#[derive(Debug, Clone, Serialize)]
pub struct CauseOut {
    pub cause: Cause,
    pub primary: bool,
    pub evidence: String,
    pub suggested: bool,
    #[serde(skip)]
    pub finding: CauseFinding,
}

/// What a cause rests on: the members (0-based) and amounts its evidence names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CauseFinding {
    /// Members with a serious illness; when none, the chronically ill with heavy costs.
    Illness {
        serious: Vec<usize>,
        chronic: Vec<usize>,
        medical: Money,
    },
    Disability(Vec<usize>),
    /// Students at the costly stages and the education spending.
    Education(Vec<usize>, Money),
    LackOfLabour {
        able: usize,
        persons: usize,
    },
    Disaster(Money),
    /// A failing guarantee (water or housing).
    FailingCheck(CheckId),
}

/// A suggested measure. `why` is empty until `words` renders the report.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureOut {
    pub measure: Measure,
    pub batch: Option<Batch>,
    pub why: String,
    pub suggested: bool,
}

fn failing(checks: &[Check], id: CheckId) -> bool {
    checks
        .iter()
        .any(|c| c.id == id && c.status == Status::Fail)
}

pub fn suggest_causes(
    h: &Household,
    params: &Params,
    checks: &[Check],
    income: &IncomeFigures,
) -> Vec<CauseOut> {
    let mut found: Vec<(Cause, CauseFinding)> = Vec::new();
    let medical = h.spending.medical_out_of_pocket.unwrap_or(Money::ZERO);
    let heavy_medical = income
        .decide(|net| {
            medical > Money::ZERO
                && params
                    .illness_spending_share
                    .cmp_scaled(i128::from(medical.fen()), i128::from(net.fen()))
                    == Ordering::Greater
        })
        .unwrap_or(false);
    let serious: Vec<usize> = indexes(h, |m| m.health == Some(Health::Serious));
    let chronic: Vec<usize> = indexes(h, |m| m.health == Some(Health::Chronic));
    if !serious.is_empty() || (!chronic.is_empty() && heavy_medical) {
        found.push((
            Cause::Illness,
            CauseFinding::Illness {
                serious,
                chronic,
                medical,
            },
        ));
    }
    let disabled: Vec<usize> = indexes(h, |m| {
        m.health == Some(Health::Disabled)
            && (m.disability_grade.is_some_and(|g| g <= 2)
                || m.labour.is_some_and(|l| !l.is_full()))
    });
    if !disabled.is_empty() {
        found.push((Cause::Disability, CauseFinding::Disability(disabled)));
    }
    let students: Vec<usize> = indexes(h, |m| {
        matches!(
            m.schooling,
            Some(Schooling::Senior | Schooling::Vocational | Schooling::College)
        )
    });
    let education = h.spending.education.unwrap_or(Money::ZERO);
    if education > Money::ZERO && !students.is_empty() {
        found.push((
            Cause::Education,
            CauseFinding::Education(students, education),
        ));
    }
    let known: Vec<Labour> = h.members.iter().filter_map(|m| m.labour).collect();
    let able = known.iter().filter(|l| l.is_full()).count();
    if !known.is_empty()
        && params.lack_of_labour_share.cmp_fraction(
            i128::try_from(able).unwrap_or(0),
            i128::try_from(h.members.len()).unwrap_or(1),
        ) != Ordering::Greater
    {
        found.push((
            Cause::LackOfLabour,
            CauseFinding::LackOfLabour {
                able,
                persons: h.members.len(),
            },
        ));
    }
    if let Some(loss) = h.spending.disaster_loss.filter(|d| *d > Money::ZERO) {
        found.push((Cause::Disaster, CauseFinding::Disaster(loss)));
    }
    if failing(checks, CheckId::Water) {
        found.push((
            Cause::LackOfWater,
            CauseFinding::FailingCheck(CheckId::Water),
        ));
    }
    if failing(checks, CheckId::Housing) {
        found.push((
            Cause::LackOfHousing,
            CauseFinding::FailingCheck(CheckId::Housing),
        ));
    }
    // Pushed above in the order of precedence of `Cause`, so the first one is the primary.
    found
        .into_iter()
        .enumerate()
        .map(|(i, (cause, finding))| CauseOut {
            cause,
            primary: i == 0,
            evidence: String::new(),
            suggested: true,
            finding,
        })
        .collect()
}

fn indexes(h: &Household, pred: impl Fn(&crate::household::Member) -> bool) -> Vec<usize> {
    h.members
        .iter()
        .enumerate()
        .filter(|(_, m)| pred(m))
        .map(|(i, _)| i)
        .collect()
}

/// Measures matched to causes and failing guarantees (rule 31's consistency rules read as
/// recommendations): 因病 → 健康帮扶, 因学 → 教育帮扶, 因残 → 综合保障, 住房 → 住房安全保障 or 搬迁,
/// 饮水 → 饮水安全保障; a household with labour gets development measures (产业, 就业), not only
/// 综合保障; a household with nobody able to work gets 综合保障 (兜底).
pub fn suggest_measures(h: &Household, checks: &[Check], causes: &[CauseOut]) -> Vec<MeasureOut> {
    let mut out: Vec<MeasureOut> = Vec::new();
    let add = |out: &mut Vec<MeasureOut>, measure: Measure, batch: Option<Batch>| {
        if !out.iter().any(|m| m.measure == measure) {
            out.push(MeasureOut {
                measure,
                batch,
                why: String::new(),
                suggested: true,
            });
        }
    };
    for c in causes {
        match c.cause {
            Cause::Illness => add(&mut out, Measure::Health, None),
            Cause::Disability => add(
                &mut out,
                Measure::SocialSecurity,
                Some(Batch::SocialSecurity),
            ),
            Cause::Education => add(&mut out, Measure::Education, Some(Batch::Education)),
            Cause::LackOfLabour => add(
                &mut out,
                Measure::SocialSecurity,
                Some(Batch::SocialSecurity),
            ),
            Cause::Disaster => add(&mut out, Measure::SocialAssistance, None),
            Cause::LackOfWater => add(&mut out, Measure::Water, None),
            Cause::LackOfHousing => {
                add(&mut out, Measure::Housing, None);
                if h.housing.grade == Some(HouseGrade::None) {
                    add(&mut out, Measure::Relocation, Some(Batch::Relocation));
                }
            }
        }
    }
    if failing(checks, CheckId::Education) {
        add(
            &mut out,
            Measure::CompulsoryEducation,
            Some(Batch::Education),
        );
    }
    let has_labour = no_labour_household(h) == Some(false);
    let only_social_security =
        !out.is_empty() && out.iter().all(|m| m.measure == Measure::SocialSecurity);
    if has_labour && (failing(checks, CheckId::Income) || only_social_security) {
        add(&mut out, Measure::Industry, Some(Batch::Production));
        add(&mut out, Measure::Employment, Some(Batch::Production));
    }
    if no_labour_household(h) == Some(true) {
        add(
            &mut out,
            Measure::SocialSecurity,
            Some(Batch::SocialSecurity),
        );
    }
    if h.members.iter().any(|m| {
        matches!(
            m.schooling,
            Some(Schooling::Vocational | Schooling::College)
        )
    }) {
        add(&mut out, Measure::Education, Some(Batch::Education));
    }
    out
}
