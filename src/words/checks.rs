//! The eight checks in words: reasons, members' reasons, bases; the missing facts of an
//! `incomplete` verdict; the monitoring reasons. The sentences themselves are in one message
//! table per language (`zh.rs`, `en.rs`), both of the shape [`Table`]; this file picks the
//! table of the report's language and hands it the finding.

use super::{en, zh, Lang};
use crate::assessment::{
    Basis, Check, CheckFinding, EduCase, HousingCase, IncomeFinding, MedCase, MemberFinding,
    Status, Tri, WaterFinding,
};
use crate::causes::CauseFinding;
use crate::household::{Measure, Risk};
use crate::money::Money;
use crate::monitoring::{Reason, ReasonFinding};

/// A check's reason from its finding (`veto`: electricity says when it is not a veto item).
pub fn check_reason(lang: Lang, status: Status, veto: bool, f: &CheckFinding) -> String {
    match f {
        CheckFinding::Income(i) => income_check(lang, status, i),
        CheckFinding::Food => food(lang, status),
        CheckFinding::Clothing => clothing(lang, status),
        CheckFinding::Electricity => electricity(lang, status, veto),
        CheckFinding::Education { lo, hi } => education(lang, status, *lo, *hi),
        CheckFinding::Medical => medical(lang, status),
        CheckFinding::Housing { case, persons } => housing(lang, case, *persons),
        CheckFinding::Water(w) => water(lang, status, w),
    }
}

/// A member's reason from its finding.
pub fn member_reason(lang: Lang, f: &MemberFinding) -> String {
    match f {
        MemberFinding::Education(case, age) => education_member(lang, *case, *age),
        MemberFinding::Medical(case) => medical_member(lang, *case),
    }
}

/// A monitoring reason from its finding; a failing guarantee says what its check says.
pub fn monitoring_reason(lang: Lang, r: &Reason, checks: &[Check]) -> String {
    match &r.finding {
        ReasonFinding::Income {
            below,
            per_capita,
            line,
        } => monitoring_income(lang, *below, *per_capita, *line),
        ReasonFinding::MissingFacts { item } => missing_facts(lang, item, &r.paths),
        ReasonFinding::RigidSpending {
            medical,
            education,
            disaster,
        } => rigid_spending(lang, *medical, *education, *disaster),
        ReasonFinding::Risk(risk) => self::risk(lang, *risk),
        ReasonFinding::Check(id) => checks
            .iter()
            .find(|c| c.id == *id)
            .map(|c| c.reason.clone())
            .unwrap_or_default(),
    }
}

/// One language's sentences for the checks' findings. Each language gives every entry (the
/// compiler holds `zh.rs` and `en.rs` to the same set); `tests/messages.rs` checks the words.
pub(super) struct Table {
    basis: fn(Basis) -> &'static str,
    missing_facts: fn(&str, &[String]) -> String,
    income_check: fn(Status, &IncomeFinding) -> String,
    monitoring_income: fn(Tri, Option<Money>, Money) -> String,
    rigid_spending: fn(Money, Money, Money) -> String,
    risk: fn(Risk) -> &'static str,
    food: fn(Status) -> &'static str,
    clothing: fn(Status) -> &'static str,
    electricity: fn(Status, bool) -> String,
    education_member: fn(EduCase, i32) -> String,
    education: fn(Status, i32, i32) -> String,
    medical_member: fn(MedCase) -> &'static str,
    medical: fn(Status) -> &'static str,
    housing: fn(&HousingCase, usize) -> String,
    water: fn(Status, &WaterFinding) -> String,
    pub(super) cause: fn(&CauseFinding) -> String,
    pub(super) measure_why: fn(Measure) -> &'static str,
}

static ZH: Table = Table {
    basis: zh::basis,
    missing_facts: zh::missing_facts,
    income_check: zh::income_check,
    monitoring_income: zh::monitoring_income,
    rigid_spending: zh::rigid_spending,
    risk: zh::risk,
    food: zh::food,
    clothing: zh::clothing,
    electricity: zh::electricity,
    education_member: zh::education_member,
    education: zh::education,
    medical_member: zh::medical_member,
    medical: zh::medical,
    housing: zh::housing,
    water: zh::water,
    cause: zh::cause,
    measure_why: zh::measure_why,
};

static EN: Table = Table {
    basis: en::basis,
    missing_facts: en::missing_facts,
    income_check: en::income_check,
    monitoring_income: en::monitoring_income,
    rigid_spending: en::rigid_spending,
    risk: en::risk,
    food: en::food,
    clothing: en::clothing,
    electricity: en::electricity,
    education_member: en::education_member,
    education: en::education,
    medical_member: en::medical_member,
    medical: en::medical,
    housing: en::housing,
    water: en::water,
    cause: en::cause,
    measure_why: en::measure_why,
};

/// The table of `lang`; none in `Quiet` (no sentences).
pub(super) fn table(lang: Lang) -> Option<&'static Table> {
    match lang {
        Lang::ZhCn => Some(&ZH),
        Lang::En => Some(&EN),
        Lang::Quiet => None,
    }
}

/// What each check rests on (`checks[].basis`); a sentence-free report keeps the zh-CN one.
pub fn basis(lang: Lang, b: Basis) -> &'static str {
    let t = if lang == Lang::En { &EN } else { &ZH };
    (t.basis)(b)
}

/// Why an `incomplete` verdict is incomplete: the item that cannot be decided and the fields
/// to fill in (issue 10 §5: a blank field must not read like a finding).
pub fn missing_facts(lang: Lang, item: &str, paths: &[String]) -> String {
    table(lang).map_or_else(String::new, |t| (t.missing_facts)(item, paths))
}

pub fn income_check(lang: Lang, status: Status, f: &IncomeFinding) -> String {
    table(lang).map_or_else(String::new, |t| (t.income_check)(status, f))
}

/// Without an exact figure (unitemised excluded items) the range still decides: the sentence
/// says so without a number rather than print a placeholder.
pub fn monitoring_income(lang: Lang, below: Tri, per_capita: Option<Money>, line: Money) -> String {
    table(lang).map_or_else(String::new, |t| {
        (t.monitoring_income)(below, per_capita, line)
    })
}

pub fn rigid_spending(lang: Lang, medical: Money, education: Money, disaster: Money) -> String {
    table(lang).map_or_else(String::new, |t| {
        (t.rigid_spending)(medical, education, disaster)
    })
}

pub fn risk(lang: Lang, r: Risk) -> String {
    fixed(lang, |t| (t.risk)(r))
}

pub fn food(lang: Lang, status: Status) -> String {
    fixed(lang, |t| (t.food)(status))
}

pub fn clothing(lang: Lang, status: Status) -> String {
    fixed(lang, |t| (t.clothing)(status))
}

/// `veto: false`: the sentence adds that this province does not count electricity as a veto.
pub fn electricity(lang: Lang, status: Status, veto: bool) -> String {
    table(lang).map_or_else(String::new, |t| (t.electricity)(status, veto))
}

pub fn education_member(lang: Lang, case: EduCase, age: i32) -> String {
    table(lang).map_or_else(String::new, |t| (t.education_member)(case, age))
}

pub fn education(lang: Lang, status: Status, lo: i32, hi: i32) -> String {
    table(lang).map_or_else(String::new, |t| (t.education)(status, lo, hi))
}

pub fn medical_member(lang: Lang, case: MedCase) -> String {
    fixed(lang, |t| (t.medical_member)(case))
}

pub fn medical(lang: Lang, status: Status) -> String {
    fixed(lang, |t| (t.medical)(status))
}

pub fn housing(lang: Lang, case: &HousingCase, persons: usize) -> String {
    table(lang).map_or_else(String::new, |t| (t.housing)(case, persons))
}

pub fn water(lang: Lang, status: Status, f: &WaterFinding) -> String {
    table(lang).map_or_else(String::new, |t| (t.water)(status, f))
}

/// A fixed sentence of the table, owned (empty in `Quiet`).
fn fixed(lang: Lang, entry: impl Fn(&Table) -> &'static str) -> String {
    table(lang).map(|t| entry(t).to_owned()).unwrap_or_default()
}
