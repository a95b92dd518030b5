//! 义务教育有保障: every member of compulsory-school age is in school, taught at home
//! (送教上门), or exempted by the county expert committee (不具备学习条件).

use super::{
    combine, Basis, Check, CheckFinding, CheckId, Ctx, EduCase, MemberFinding, MemberResult, Status,
};
use crate::household::{DropoutReason, Member, Schooling};
use crate::policy::{Confidence, EducationRule};

pub fn check(ctx: &Ctx) -> Check {
    let (lo, hi) = ctx.params.school_age;
    let members: Vec<MemberResult> = ctx
        .household
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| (lo..=hi).contains(&m.age_on(ctx.as_of)))
        .map(|(index, m)| {
            let (status, case) = member_status(ctx, m, lo);
            MemberResult::new(
                index,
                status,
                MemberFinding::Education(case, m.age_on(ctx.as_of)),
            )
        })
        .collect();
    let status = combine(&members);
    let rule = ctx.params.education_rule;
    let (basis, confidence) = match rule {
        EducationRule::NoDropout => (Basis::EducationNoDropout, Confidence::S),
        EducationRule::NoPovertyDropout => (Basis::EducationNoPovertyDropout, Confidence::S),
    };
    Check::new(
        CheckId::Education,
        status,
        CheckFinding::Education { lo, hi },
        basis,
        confidence,
    )
    .with_members(members)
}

fn member_status(ctx: &Ctx, m: &Member, lowest_age: i32) -> (Status, EduCase) {
    if m.completed_compulsory == Some(true) {
        return (Status::Pass, EduCase::Completed);
    }
    let Some(schooling) = m.schooling else {
        return (Status::Unknown, EduCase::NoStatus);
    };
    let at_lowest_age = m.age_on(ctx.as_of) == lowest_age;
    match schooling {
        s if s.in_school() => (Status::Pass, EduCase::InSchool),
        Schooling::HomeTutoring => (Status::Pass, EduCase::HomeTutoring),
        Schooling::Exempt => (Status::Pass, EduCase::Exempt),
        // Entry may be put off a year (义务教育法: 条件不具备的地区可推迟到七周岁).
        Schooling::Deferred | Schooling::Preschool if at_lowest_age => {
            (Status::Pass, EduCase::DeferredEntry)
        }
        Schooling::Deferred | Schooling::Preschool => (Status::Fail, EduCase::DeferredTooOld),
        Schooling::DroppedOut => match (ctx.params.education_rule, m.dropout_reason) {
            (EducationRule::NoDropout, _) => (Status::Fail, EduCase::DroppedOut),
            (EducationRule::NoPovertyDropout, Some(DropoutReason::Poverty)) => {
                (Status::Fail, EduCase::PovertyDropout)
            }
            (EducationRule::NoPovertyDropout, Some(DropoutReason::Other)) => {
                (Status::Pass, EduCase::OtherDropout)
            }
            (EducationRule::NoPovertyDropout, None) => (Status::Unknown, EduCase::DropoutNoReason),
        },
        // not_student, not_enrolled
        _ => (Status::Fail, EduCase::NotInSchool),
    }
}
