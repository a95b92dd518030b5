//! 基本医疗有保障: every member in basic medical insurance (城乡居民 or 城镇职工), plus 大病保险 /
//! 医疗救助 where the pack requires them; commercial insurance only where the pack allows.

use super::{
    combine, Basis, Check, CheckFinding, CheckId, Ctx, MedCase, MemberFinding, MemberResult, Status,
};
use crate::household::{Insurance, Member};
use crate::policy::{Confidence, MedicalRequirement};

pub fn check(ctx: &Ctx) -> Check {
    let members: Vec<MemberResult> = ctx
        .household
        .members
        .iter()
        .enumerate()
        .map(|(index, m)| {
            let (status, case) = member_status(ctx, m);
            MemberResult::new(index, status, MemberFinding::Medical(case))
        })
        .collect();
    let status = combine(&members);
    Check::new(
        CheckId::Medical,
        status,
        CheckFinding::Medical,
        Basis::Medical,
        Confidence::C,
    )
    .with_members(members)
}

fn member_status(ctx: &Ctx, m: &Member) -> (Status, MedCase) {
    let p = ctx.params;
    let basic = if m.medical_insurance.is_empty() {
        Status::Unknown
    } else if m.medical_insurance.iter().any(|i| match i {
        Insurance::Resident | Insurance::Employee => true,
        Insurance::Commercial => p.commercial_insurance_counts,
        Insurance::None => false,
    }) {
        Status::Pass
    } else {
        Status::Fail
    };
    let required = |req: MedicalRequirement, fact: Option<bool>| {
        if p.medical_requires.contains(&req) {
            Status::from_tri(fact)
        } else {
            Status::NotApplicable
        }
    };
    let critical = required(
        MedicalRequirement::CriticalIllness,
        m.critical_illness_insurance,
    );
    let assistance = required(MedicalRequirement::Assistance, m.medical_assistance);
    let status = Status::all([basic, critical, assistance]);
    let case = match (basic, critical, assistance) {
        (Status::Fail, _, _) if m.medical_insurance.contains(&Insurance::Commercial) => {
            MedCase::CommercialOnly
        }
        (Status::Fail, _, _) => MedCase::Uninsured,
        (_, Status::Fail, _) => MedCase::NoCriticalIllness,
        (_, _, Status::Fail) => MedCase::NoAssistance,
        (Status::Unknown, _, _) => MedCase::InsuranceUnknown,
        (_, Status::Unknown, _) | (_, _, Status::Unknown) => MedCase::RequirementUnknown,
        _ => MedCase::Insured,
    };
    (status, case)
}
