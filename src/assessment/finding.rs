//! What a check found, as data: the case that decided it and the figures that matter. No
//! sentence is made here; `src/words/` puts findings into words when a report is written (a
//! roll-up reads only ids, statuses and codes and never pays for sentences).

use super::LineKind;
use crate::household::{HouseGrade, SafeAlternative};
use crate::money::Money;
use crate::number::Decimal;

/// Why a check has its status: one variant per check, with the figures its sentence names.
#[derive(Debug, Clone, PartialEq)]
pub enum CheckFinding {
    Income(IncomeFinding),
    Food,
    Clothing,
    /// Whether electricity is a veto item is the check's own `veto` flag.
    Electricity,
    /// Compulsory-school ages `[lo, hi]` in force.
    Education {
        lo: i32,
        hi: i32,
    },
    Medical,
    Housing {
        case: HousingCase,
        persons: usize,
    },
    /// Boxed: its five limits would make every `Check` 256 bytes instead of about 100, and the
    /// bigger records cost the report path 7% of its CPU time (measured, BENCHMARKS.md).
    Water(Box<WaterFinding>),
}

/// The income figures the income check's sentence names.
#[derive(Debug, Clone, PartialEq)]
pub struct IncomeFinding {
    pub line: Money,
    pub line_kind: LineKind,
    /// Counted per-capita net income, rounded for display, when it is known exactly.
    pub per_capita: Option<Money>,
    /// Whether net income could be computed; when not, `missing` lists the absent parts.
    pub net_known: bool,
    pub missing: Vec<&'static str>,
}

/// 饮水安全: the status of each of the four parts, and the minimums that applied.
#[derive(Debug, Clone, PartialEq)]
pub struct WaterFinding {
    pub parts: [(WaterPart, super::Status); 4],
    /// Litres per person a day required (the lower minimum in a water-short area).
    pub litres_min: Decimal,
    pub fetch_minutes_max: Decimal,
    pub horizontal_m_max: Decimal,
    pub vertical_m_max: Decimal,
    pub days_without_supply_max: Decimal,
}

/// What one member's status rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberFinding {
    /// 义务教育: the member's case and age on `asOf`.
    Education(EduCase, i32),
    /// 基本医疗: the member's insurance case.
    Medical(MedCase),
}

/// What each check rests on (`checks[].basis`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    IncomeExit,
    IncomeMonitoring,
    Food,
    Clothing,
    Electricity,
    EducationNoDropout,
    EducationNoPovertyDropout,
    Medical,
    Housing,
    Water,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EduCase {
    Completed,
    NoStatus,
    InSchool,
    HomeTutoring,
    Exempt,
    DeferredEntry,
    DeferredTooOld,
    DroppedOut,
    PovertyDropout,
    OtherDropout,
    DropoutNoReason,
    NotInSchool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MedCase {
    CommercialOnly,
    Uninsured,
    NoCriticalIllness,
    NoAssistance,
    InsuranceUnknown,
    RequirementUnknown,
    Insured,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HousingCase {
    RelocatedKeys,
    KeysNotHandedOver,
    RelocationUnknown,
    RelocatedMovedIn,
    NotMovedIn,
    SafeElsewhere(SafeAlternative),
    SafeGrade(HouseGrade),
    AreaUnknown(Decimal),
    SmallArea(Decimal, Decimal),
    NoHouse,
    Unsafe(HouseGrade),
    GradeUnknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaterPart {
    Quantity,
    Convenience,
    Supply,
    Quality,
}
