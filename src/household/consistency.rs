//! Data-consistency warnings, raised before scoring, and the date orders that cannot happen.
//! The warnings mirror the validators of local poverty-alleviation systems and the plain facts
//! of family life: each is a place to look, not a verdict, so they never change a check's
//! status. The rules, with their sources, are listed in docs/rules.md ("Consistency").
//!
//! Warning or problem: a date order that cannot happen between two dates the engine *reads*
//! (one of them is false, and a verdict would rest on it) is a problem `impossible_date_order`
//! and the call is rejected; anything that is merely implausible, or concerns a date the
//! verdicts do not read, is a warning beside the field.

use super::{
    Health, Household, Insurance, Labour, Member, Registration, Relation, Risk, Schooling, Sex,
    TransferItem,
};
use crate::date::Date;
use crate::money::Money;
use crate::monitoring::no_labour_household;
use crate::number::Ratio;
use crate::problem::{Code, Finding};
use crate::reader::{index, join, MemberPath};
use crate::warning::Warning;
use crate::words::{self, Lang};
use std::cmp::Ordering;

/// Age from which labour may be coded (under 16 → 无劳动力).
const LABOUR_AGE: i32 = 16;
/// Upper age of the healthy-adult check (validators: 16–60).
const WORKING_AGE_MAX: i32 = 60;

pub fn consistency_warnings(
    h: &Household,
    as_of: Date,
    school_age: (i32, i32),
    lack_of_labour_share: Ratio,
    marriage_age: (i32, i32),
    lang: Lang,
) -> Vec<Warning> {
    let mut out = Vec::new();
    for (i, m) in h.members.iter().enumerate() {
        let p = MemberPath::new(i, None);
        let age = m.age_on(as_of);
        let labour = m.labour;
        let student = m.schooling.is_some_and(|s| s.is_student());
        if age < LABOUR_AGE && labour.is_some_and(Labour::is_able) {
            out.push(Warning::new(
                join(&p, "labour"),
                "child_coded_as_labour",
                words::w_child_labour(lang, age),
            ));
        } else if student && labour.is_some_and(Labour::is_able) {
            out.push(Warning::new(
                join(&p, "labour"),
                "student_coded_as_labour",
                words::w_student_labour(lang),
            ));
        }
        if m.health == Some(Health::Disabled)
            && m.disability_grade.is_some_and(|g| g <= 2)
            && labour.is_some_and(Labour::is_full)
        {
            out.push(Warning::new(
                join(&p, "labour"),
                "severe_disability_normal_labour",
                words::w_severe_disability(lang),
            ));
        }
        if m.disability_grade.is_some() && m.health.is_some_and(|h| h != Health::Disabled) {
            out.push(Warning::new(
                join(&p, "disabilityGrade"),
                "disability_grade_without_disability",
                words::w_grade_without_disability(lang),
            ));
        }
        if m.health == Some(Health::Healthy)
            && (LABOUR_AGE..=WORKING_AGE_MAX).contains(&age)
            && !student
            && labour == Some(Labour::None)
        {
            out.push(Warning::new(
                join(&p, "labour"),
                "healthy_adult_no_labour",
                words::w_healthy_no_labour(lang, age),
            ));
        }
        if m.medical_insurance.contains(&Insurance::Resident)
            && m.medical_insurance.contains(&Insurance::Employee)
        {
            out.push(Warning::new(
                join(&p, "medicalInsurance"),
                "double_medical_insurance",
                words::w_double_insurance(lang),
            ));
        }
        if (school_age.0..=school_age.1).contains(&age)
            && m.schooling.is_none()
            && m.completed_compulsory != Some(true)
        {
            out.push(Warning::new(
                join(&p, "schooling"),
                "school_age_no_status",
                words::w_school_age_no_status(lang, age),
            ));
        }
    }
    let heads: Vec<usize> = h
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.relation == Relation::Head)
        .map(|(i, _)| i)
        .collect();
    match heads.as_slice() {
        [] => out.push(Warning::new("members", "no_head", words::w_no_head(lang))),
        [head] => {
            let head_sex = h.members.get(*head).map(|m| m.sex);
            for (i, m) in h.members.iter().enumerate() {
                if m.relation == Relation::Spouse && Some(m.sex) == head_sex {
                    out.push(Warning::new(
                        join(&index("members", i), "sex"),
                        "head_spouse_same_sex",
                        words::w_same_sex(lang),
                    ));
                }
            }
        }
        _ => out.push(Warning::new(
            "members",
            "multiple_heads",
            words::w_multiple_heads(lang, heads.len()),
        )),
    }
    if no_labour_household(h) == Some(true) && h.income.transfer_items_given {
        let dibao: Money = h
            .income
            .transfer_items
            .iter()
            .filter(|(i, _)| {
                matches!(
                    i,
                    TransferItem::DibaoA | TransferItem::DibaoB | TransferItem::DibaoC
                )
            })
            .map(|(_, m)| *m)
            .sum();
        if dibao == Money::ZERO {
            out.push(Warning::new(
                "income.transferItems",
                "no_labour_without_dibao",
                words::w_no_labour_no_dibao(lang),
            ));
        }
    }
    out.extend(family_age_warnings(h, as_of, marriage_age, lang));
    out.extend(date_order_warnings(h, lang));
    if let Some(mon) = &h.monitoring {
        let able = h
            .members
            .iter()
            .filter(|m| m.labour.is_some_and(Labour::is_full))
            .count();
        let share = lack_of_labour_share.cmp_fraction(
            i128::try_from(able).unwrap_or(0),
            i128::try_from(h.members.len()).unwrap_or(1),
        );
        if mon.risks.contains(&Risk::LackOfLabour) && share == Ordering::Greater {
            out.push(Warning::new(
                "monitoring.risks",
                "lack_of_labour_risk_inconsistent",
                words::w_lack_of_labour_risk(lang, able, h.members.len()),
            ));
        }
    }
    out
}

/// Years between the births of two adjacent generations below which a relation is flagged:
/// a parent younger than 14 at a child's birth does not happen in practice. Deliberately looser
/// than the marriage ages (民法典 第一千零四十七条) to leave room for step-children (继子女) and
/// adopted children.
const GENERATION_GAP_YEARS: i32 = 14;

/// Years past a stage's usual last age before a student is flagged: entry may be deferred to
/// age 7 (义务教育法 第十一条) and a pupil may repeat a year or two.
const STAGE_TOLERANCE_YEARS: i32 = 3;

/// Usual age at the end of a stage for a child who entered primary school at 7 (six years of
/// primary, three of junior, three of senior or vocational); `None` for stages any age may be
/// in (college, adult study) or that are not stages.
fn stage_last_age(s: Schooling) -> Option<i32> {
    match s {
        Schooling::Preschool => Some(7),
        Schooling::Primary => Some(13),
        Schooling::Junior => Some(16),
        Schooling::Senior | Schooling::Vocational => Some(19),
        _ => None,
    }
}

/// Generations relative to the head: parents one up, children one down.
fn generation(r: Relation) -> Option<i32> {
    match r {
        Relation::Grandparent => Some(2),
        Relation::Parent => Some(1),
        Relation::Head | Relation::Spouse | Relation::Sibling => Some(0),
        Relation::Child | Relation::ChildInLaw => Some(-1),
        Relation::Grandchild => Some(-2),
        Relation::Other => None,
    }
}

/// Ages that cannot fit the relations: a 子女 not 14 years younger than the head or the head's
/// spouse (a grandchild 28), a parent not 14 years older than the head (a grandparent 28), a
/// married member under the legal marriage age, a student far older than the stage.
fn family_age_warnings(
    h: &Household,
    as_of: Date,
    marriage_age: (i32, i32),
    lang: Lang,
) -> Vec<Warning> {
    let mut out = Vec::new();
    let head = h.members.iter().position(|m| m.relation == Relation::Head);
    let spouses: Vec<usize> = h
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.relation == Relation::Spouse)
        .map(|(i, _)| i)
        .collect();
    let gap = |older: &Member, younger: &Member, generations: i32| {
        // Whole years from the older's birth to the younger's: below the gap → implausible.
        older.birth_date.age_on(younger.birth_date) < GENERATION_GAP_YEARS * generations
    };
    for (i, m) in h.members.iter().enumerate() {
        let birth = MemberPath::new(i, Some("birthDate"));
        let Some(g) = generation(m.relation) else {
            continue;
        };
        // Children and grandchildren (not children-in-law, who may be older than a step-parent
        // by marriage) against the head and the head's spouse.
        if matches!(m.relation, Relation::Child | Relation::Grandchild) {
            if let Some(hd) = head.and_then(|x| h.members.get(x)) {
                if gap(hd, m, -g) {
                    out.push(Warning::new(
                        birth.clone(),
                        "child_too_old_for_head",
                        words::w_child_too_old(lang, i, m.relation, hd.birth_date, -g),
                    ));
                }
            }
            for sp in spouses.iter().filter_map(|x| h.members.get(*x)) {
                if gap(sp, m, -g) {
                    out.push(Warning::new(
                        birth.clone(),
                        "child_too_old_for_spouse",
                        words::w_child_too_old_for_spouse(lang, i, sp.birth_date, -g),
                    ));
                }
            }
        }
        if g > 0 {
            if let Some(hd) = head.and_then(|x| h.members.get(x)) {
                if gap(m, hd, g) {
                    out.push(Warning::new(
                        birth.clone(),
                        "elder_too_young_for_head",
                        words::w_elder_too_young(lang, i, m.relation, hd.birth_date, g),
                    ));
                }
            }
        }
        let married = matches!(m.relation, Relation::Spouse | Relation::ChildInLaw)
            || (m.relation == Relation::Head && !spouses.is_empty());
        // 法定婚龄 is a dated pack parameter (民法典 第一千零四十七条; 婚姻法 第六条 before 2021).
        let min_age = match m.sex {
            Sex::Male => marriage_age.0,
            Sex::Female => marriage_age.1,
        };
        let age = m.age_on(as_of);
        if married && age < min_age {
            out.push(Warning::new(
                birth.clone(),
                "under_marriage_age",
                words::w_under_marriage_age(lang, age, m.sex == Sex::Male, min_age),
            ));
        }
        if let Some(last) = m.schooling.and_then(stage_last_age) {
            if age > last + STAGE_TOLERANCE_YEARS {
                out.push(Warning::new(
                    join(&index("members", i), "schooling"),
                    "student_too_old_for_stage",
                    words::w_student_too_old(lang, age, m.schooling, last),
                ));
            }
        }
    }
    out
}

/// 建档立卡 began in 2014 (扶贫开发建档立卡工作方案, 国开办发〔2014〕24号).
const REGISTRATION_START: (i32, u32, u32) = (2014, 1, 1);
/// The monitoring mechanism began on 2020-03-20 (国开发〔2020〕6号).
const MONITORING_MECHANISM: (i32, u32, u32) = (2020, 3, 20);

fn day(d: (i32, u32, u32)) -> Option<Date> {
    Date::new(d.0, d.1, d.2)
}

/// Implausible date orders that no verdict reads (see the module note): warnings.
fn date_order_warnings(h: &Household, lang: Lang) -> Vec<Warning> {
    let mut out = Vec::new();
    if let (Some(id), Some(start)) = (h.identified_on, day(REGISTRATION_START)) {
        if id < start && h.registration != Some(Registration::Ordinary) {
            out.push(Warning::new(
                "identifiedOn",
                "identified_before_registration_began",
                words::w_identified_before_2014(lang, id),
            ));
        }
    }
    if let Some(id) = h.identified_on {
        for (step, d) in h.exit_procedure.iter().filter(|(_, d)| *d < id) {
            out.push(Warning::new(
                join("exitProcedure", step.as_str()),
                "exit_step_before_identification",
                words::w_step_before_identification(lang, *d, id),
            ));
        }
    }
    // A 脱贫不稳定户 is an exited household found at risk after its exit; identification before
    // the exit date means the monitoring record predates the exit (a 2020 边缘户 later
    // registered, or a wrong date).
    if let (Some(exited), Some(mon)) = (h.exited_on, h.monitoring.as_ref()) {
        if let Some(mid) = mon.identified_on.filter(|d| *d < exited) {
            if h.registration == Some(Registration::Exited) {
                out.push(Warning::new(
                    "monitoring.identifiedOn",
                    "monitoring_before_exit",
                    words::w_monitoring_before_exit(lang, mid, exited),
                ));
            }
        }
    }
    out
}

/// Date orders that cannot happen between dates the assessment reads (issue 9 item 9): the
/// problem `impossible_date_order` at the later field of the pair, which must be the wrong one
/// or its partner is.
///
/// * `exitedOn` before `identifiedOn`: a household leaves the register only after entering it
///   (厅字〔2016〕16号: exit is from 建档立卡).
/// * `monitoring.riskEliminatedOn` before `monitoring.identifiedOn`: a risk is eliminated only
///   for a household already under monitoring.
/// * `monitoring.identifiedOn` before 2020-03-20: no household was identified for monitoring
///   before 国开发〔2020〕6号 set up the mechanism; the elimination clock (`too_soon`) reads it.
pub fn date_order_problems(h: &Household) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut before = |later: Option<Date>, path: &str, earlier: Option<Date>, what: &str| {
        if let (Some(l), Some(e)) = (later, earlier) {
            if l < e {
                out.push(
                    Finding::new(path, Code::ImpossibleDateOrder)
                        .given(l.to_string())
                        .expected(format!("{what} {e}")),
                );
            }
        }
    };
    before(h.exited_on, "exitedOn", h.identified_on, "identifiedOn");
    if let Some(m) = &h.monitoring {
        before(
            m.risk_eliminated_on,
            "monitoring.riskEliminatedOn",
            m.identified_on,
            "monitoring.identifiedOn",
        );
        before(
            m.identified_on,
            "monitoring.identifiedOn",
            day(MONITORING_MECHANISM),
            "国开发〔2020〕6号",
        );
    }
    out
}
