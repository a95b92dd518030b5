//! The eight checks in words: reasons, members' reasons, bases; the missing facts of an
//! `incomplete` verdict; the monitoring reasons (and, in `causes.rs`, causes and measures).
//! The sentences themselves are data: one message table per language (`zh.rs`, `en.rs`, a
//! `match` from a [`Msg`] to its template). This file decides which message a finding needs
//! and fills the template's `{name}` slots with its figures; the control flow is written once
//! for both languages.

use super::{en, yuan, zh, Lang};
use crate::assessment::{
    Basis, Check, CheckFinding, EduCase, HousingCase, IncomeFinding, LineKind, MedCase,
    MemberFinding, Status, Tri, WaterFinding, WaterPart,
};
use crate::household::{Measure, Risk, SafeAlternative};
use crate::money::Money;
use crate::monitoring::{Reason, ReasonFinding};
use std::fmt::{Display, Write};

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

/// A message of the tables: which sentence, never its words.
#[derive(Debug, Clone, Copy)]
pub(super) enum Msg<'a> {
    /// Between the items of a list ("、" or ", ").
    Sep,
    /// Members named for people, `{list}` of their numbers from 1.
    Member,
    Basis(Basis),
    /// `{item}` cannot be decided: fill in `{list}`.
    MissingFacts,
    MissingItem(&'a str),
    LineKind(LineKind),
    Income(IncomeMsg),
    MonitoringIncome(MonitoringMsg),
    RigidSpending,
    Risk(Risk),
    Food(Status),
    Clothing(Status),
    Electricity(Status),
    /// `{base}` and that this province does not make electricity a veto.
    ElectricityNoVeto,
    Education(Status),
    EducationMember(EduCase),
    Medical(Status),
    MedicalMember(MedCase),
    Housing(HousingMsg),
    SafeAlternative(SafeAlternative),
    WaterPart(WaterPart),
    Water(Status),
    Cause(CauseMsg),
    Measure(Measure),
}

/// The income check's sentences: `{kind}` of line, `{line}`, `{pc}`, `{missing}` parts.
#[derive(Debug, Clone, Copy)]
pub(super) enum IncomeMsg {
    Incomplete,
    Range,
    PassExact,
    Pass,
    AtLine,
    NotAboveExact,
    NotAbove,
}

/// The monitoring income reason's sentences: `{pc}` against the monitoring `{line}`.
#[derive(Debug, Clone, Copy)]
pub(super) enum MonitoringMsg {
    BelowExact,
    NotBelowExact,
    Below,
    NotBelow,
    Unknown,
}

/// The housing check's sentences (`{alt}`, `{g}` grade, `{area}`, `{min}`, `{persons}`).
#[derive(Debug, Clone, Copy)]
pub(super) enum HousingMsg {
    RelocatedKeys,
    KeysNotHandedOver,
    RelocationUnknown,
    RelocatedMovedIn,
    NotMovedIn,
    SafeElsewhere,
    SafeGrade,
    AreaUnknown,
    SmallArea,
    NoHouse,
    Unsafe,
    GradeUnknown,
}

/// The causes' evidence (`{w}` members, `{y}` yuan, `{able}` of `{n}`).
#[derive(Debug, Clone, Copy)]
pub(super) enum CauseMsg {
    IllnessChronic,
    IllnessSerious,
    Disability,
    Education,
    LackOfLabour,
    Disaster,
    NoSafeWater,
    NoSafeHousing,
}

/// The message table of `lang`; none in `Quiet` (no sentences).
pub(super) fn table(lang: Lang) -> Option<fn(Msg) -> &'static str> {
    match lang {
        Lang::ZhCn => Some(zh::table),
        Lang::En => Some(en::table),
        Lang::Quiet => None,
    }
}

/// `template` with each `{name}` slot replaced by the value of that name in `args` (a slot
/// without a value stays as it is, which tests/messages.rs would show).
pub(super) fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some((head, tail)) = rest.split_once('{') {
        out.push_str(head);
        let slot = tail
            .split_once('}')
            .and_then(|(name, after)| Some((args.iter().find(|(n, _)| *n == name)?.1, after)));
        match slot {
            Some((value, after)) => {
                let _ = write!(out, "{value}");
                rest = after;
            }
            None => {
                out.push('{');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The message `m` of `lang`, filled with `args`; empty in `Quiet`.
pub(super) fn say(lang: Lang, m: Msg, args: &[(&str, &dyn Display)]) -> String {
    match table(lang) {
        Some(t) => fill(t(m), args),
        None => String::new(),
    }
}

/// The fixed message `m` of `lang` (no slots); empty in `Quiet`.
fn fixed(lang: Lang, m: Msg) -> String {
    table(lang).map(|t| t(m).to_owned()).unwrap_or_default()
}

/// Items joined with the list separator of `t`.
pub(super) fn joined<T: Display>(
    t: fn(Msg) -> &'static str,
    items: impl Iterator<Item = T>,
) -> String {
    let mut out = String::new();
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(t(Msg::Sep));
        }
        let _ = write!(out, "{item}");
    }
    out
}

/// What each check rests on (`checks[].basis`); a sentence-free report keeps the zh-CN one.
pub fn basis(lang: Lang, b: Basis) -> &'static str {
    let t = if lang == Lang::En {
        en::table
    } else {
        zh::table
    };
    t(Msg::Basis(b))
}

/// Why an `incomplete` verdict is incomplete: the item that cannot be decided and the fields
/// to fill in (issue 10 §5: a blank field must not read like a finding).
pub fn missing_facts(lang: Lang, item: &str, paths: &[String]) -> String {
    let Some(t) = table(lang) else {
        return String::new();
    };
    let list = joined(t, paths.iter());
    let item = t(Msg::MissingItem(item));
    fill(t(Msg::MissingFacts), &[("item", &item), ("list", &list)])
}

pub fn income_check(lang: Lang, status: Status, f: &IncomeFinding) -> String {
    let Some(t) = table(lang) else {
        return String::new();
    };
    let line = yuan(f.line);
    let kind = t(Msg::LineKind(f.line_kind));
    let pc = f.per_capita.map(yuan);
    let m = match (status, &pc) {
        (Status::Unknown, _) if !f.net_known => {
            let missing = joined(t, f.missing.iter());
            return fill(
                t(Msg::Income(IncomeMsg::Incomplete)),
                &[("missing", &missing)],
            );
        }
        (Status::Unknown, _) => IncomeMsg::Range,
        (Status::Pass, Some(_)) => IncomeMsg::PassExact,
        (Status::Pass, None) => IncomeMsg::Pass,
        (_, Some(pc)) if *pc == line => IncomeMsg::AtLine,
        (_, Some(_)) => IncomeMsg::NotAboveExact,
        (_, None) => IncomeMsg::NotAbove,
    };
    let pc = pc.unwrap_or_default();
    fill(
        t(Msg::Income(m)),
        &[("kind", &kind), ("line", &line), ("pc", &pc)],
    )
}

/// Without an exact figure (unitemised excluded items) the range still decides: the sentence
/// says so without a number rather than print a placeholder.
pub fn monitoring_income(lang: Lang, below: Tri, per_capita: Option<Money>, line: Money) -> String {
    let m = match (below, per_capita.is_some()) {
        (Some(true), true) => MonitoringMsg::BelowExact,
        (Some(false), true) => MonitoringMsg::NotBelowExact,
        (Some(true), false) => MonitoringMsg::Below,
        (Some(false), false) => MonitoringMsg::NotBelow,
        (None, _) => MonitoringMsg::Unknown,
    };
    let (line, pc) = (yuan(line), per_capita.map(yuan).unwrap_or_default());
    say(
        lang,
        Msg::MonitoringIncome(m),
        &[("line", &line), ("pc", &pc)],
    )
}

pub fn rigid_spending(lang: Lang, medical: Money, education: Money, disaster: Money) -> String {
    let (med, edu, dis) = (yuan(medical), yuan(education), yuan(disaster));
    say(
        lang,
        Msg::RigidSpending,
        &[("med", &med), ("edu", &edu), ("dis", &dis)],
    )
}

pub fn risk(lang: Lang, r: Risk) -> String {
    fixed(lang, Msg::Risk(r))
}

pub fn food(lang: Lang, status: Status) -> String {
    fixed(lang, Msg::Food(status))
}

pub fn clothing(lang: Lang, status: Status) -> String {
    fixed(lang, Msg::Clothing(status))
}

/// `veto: false`: the sentence adds that this province does not count electricity as a veto.
pub fn electricity(lang: Lang, status: Status, veto: bool) -> String {
    let Some(t) = table(lang) else {
        return String::new();
    };
    let base = t(Msg::Electricity(status));
    if veto {
        base.to_owned()
    } else {
        fill(t(Msg::ElectricityNoVeto), &[("base", &base)])
    }
}

pub fn education_member(lang: Lang, case: EduCase, age: i32) -> String {
    say(lang, Msg::EducationMember(case), &[("age", &age)])
}

pub fn education(lang: Lang, status: Status, lo: i32, hi: i32) -> String {
    say(lang, Msg::Education(status), &[("lo", &lo), ("hi", &hi)])
}

pub fn medical_member(lang: Lang, case: MedCase) -> String {
    fixed(lang, Msg::MedicalMember(case))
}

pub fn medical(lang: Lang, status: Status) -> String {
    fixed(lang, Msg::Medical(status))
}

pub fn housing(lang: Lang, case: &HousingCase, persons: usize) -> String {
    let Some(t) = table(lang) else {
        return String::new();
    };
    let (m, alt, grade, area, min) = match case {
        HousingCase::RelocatedKeys => (HousingMsg::RelocatedKeys, "", "", None, None),
        HousingCase::KeysNotHandedOver => (HousingMsg::KeysNotHandedOver, "", "", None, None),
        HousingCase::RelocationUnknown => (HousingMsg::RelocationUnknown, "", "", None, None),
        HousingCase::RelocatedMovedIn => (HousingMsg::RelocatedMovedIn, "", "", None, None),
        HousingCase::NotMovedIn => (HousingMsg::NotMovedIn, "", "", None, None),
        HousingCase::SafeElsewhere(a) => (
            HousingMsg::SafeElsewhere,
            t(Msg::SafeAlternative(*a)),
            "",
            None,
            None,
        ),
        HousingCase::SafeGrade(g) => (HousingMsg::SafeGrade, "", g.as_str(), None, None),
        HousingCase::AreaUnknown(min) => (HousingMsg::AreaUnknown, "", "", None, Some(*min)),
        HousingCase::SmallArea(area, min) => {
            (HousingMsg::SmallArea, "", "", Some(*area), Some(*min))
        }
        HousingCase::NoHouse => (HousingMsg::NoHouse, "", "", None, None),
        HousingCase::Unsafe(g) => (HousingMsg::Unsafe, "", g.as_str(), None, None),
        HousingCase::GradeUnknown => (HousingMsg::GradeUnknown, "", "", None, None),
    };
    let (area, min) = (
        area.map(|a| a.to_string()).unwrap_or_default(),
        min.map(|m| m.to_string()).unwrap_or_default(),
    );
    fill(
        t(Msg::Housing(m)),
        &[
            ("alt", &alt),
            ("g", &grade),
            ("area", &area),
            ("min", &min),
            ("persons", &persons),
        ],
    )
}

pub fn water(lang: Lang, status: Status, f: &WaterFinding) -> String {
    let Some(t) = table(lang) else {
        return String::new();
    };
    let list = |want: Status| {
        let parts = f.parts.iter().filter(|(_, s)| *s == want).map(|(p, _)| {
            fill(
                t(Msg::WaterPart(*p)),
                &[
                    ("min", &f.litres_min),
                    ("minutes", &f.fetch_minutes_max),
                    ("horizontal", &f.horizontal_m_max),
                    ("vertical", &f.vertical_m_max),
                    ("days", &f.days_without_supply_max),
                ],
            )
        });
        joined(t, parts)
    };
    let list = match status {
        Status::Pass => String::new(),
        Status::Fail => list(Status::Fail),
        _ => list(Status::Unknown),
    };
    fill(t(Msg::Water(status)), &[("list", &list)])
}
