//! Data-consistency warnings (policy-reference §4 and edge case 14), raised before scoring.
//! They mirror the validators of local poverty-alleviation systems: each is a place to look,
//! not a verdict, so they never change a check's status.

use super::{Health, Household, Insurance, Labour, Relation, Risk, TransferItem};
use crate::date::Date;
use crate::explain::{self, Lang};
use crate::money::Money;
use crate::monitoring::no_labour_household;
use crate::number::Ratio;
use crate::reader::{index, join};
use crate::warning::Warning;
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
    lang: Lang,
) -> Vec<Warning> {
    let mut out = Vec::new();
    for (i, m) in h.members.iter().enumerate() {
        let p = index("members", i);
        let age = m.age_on(as_of);
        let labour = m.labour;
        let student = m.schooling.is_some_and(|s| s.is_student());
        if age < LABOUR_AGE && labour.is_some_and(Labour::is_able) {
            out.push(Warning::new(
                join(&p, "labour"),
                "child_coded_as_labour",
                explain::w_child_labour(lang, age),
            ));
        } else if student && labour.is_some_and(Labour::is_able) {
            out.push(Warning::new(
                join(&p, "labour"),
                "student_coded_as_labour",
                explain::w_student_labour(lang),
            ));
        }
        if m.health == Some(Health::Disabled)
            && m.disability_grade.is_some_and(|g| g <= 2)
            && labour.is_some_and(Labour::is_full)
        {
            out.push(Warning::new(
                join(&p, "labour"),
                "severe_disability_normal_labour",
                explain::w_severe_disability(lang),
            ));
        }
        if m.disability_grade.is_some() && m.health.is_some_and(|h| h != Health::Disabled) {
            out.push(Warning::new(
                join(&p, "disabilityGrade"),
                "disability_grade_without_disability",
                explain::w_grade_without_disability(lang),
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
                explain::w_healthy_no_labour(lang, age),
            ));
        }
        if m.medical_insurance.contains(&Insurance::Resident)
            && m.medical_insurance.contains(&Insurance::Employee)
        {
            out.push(Warning::new(
                join(&p, "medicalInsurance"),
                "double_medical_insurance",
                explain::w_double_insurance(lang),
            ));
        }
        if (school_age.0..=school_age.1).contains(&age)
            && m.schooling.is_none()
            && m.completed_compulsory != Some(true)
        {
            out.push(Warning::new(
                join(&p, "schooling"),
                "school_age_no_status",
                explain::w_school_age_no_status(lang, age),
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
        [] => out.push(Warning::new("members", "no_head", explain::w_no_head(lang))),
        [head] => {
            let head_sex = h.members.get(*head).map(|m| m.sex);
            for (i, m) in h.members.iter().enumerate() {
                if m.relation == Relation::Spouse && Some(m.sex) == head_sex {
                    out.push(Warning::new(
                        join(&index("members", i), "sex"),
                        "head_spouse_same_sex",
                        explain::w_same_sex(lang),
                    ));
                }
            }
        }
        _ => out.push(Warning::new(
            "members",
            "multiple_heads",
            explain::w_multiple_heads(lang, heads.len()),
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
                explain::w_no_labour_no_dibao(lang),
            ));
        }
    }
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
                explain::w_lack_of_labour_risk(lang, able, h.members.len()),
            ));
        }
    }
    out
}
