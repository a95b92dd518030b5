//! The input record: one household (户) and its members, as the contract v1 spells it.
//!
//! Every fact but the few the contract requires is optional: `None` means "not known", and a
//! check that needs an unknown fact is `unknown`, never `pass`.

mod consistency;
mod id_number;
mod read;
#[cfg(reads_files)]
mod typed;

pub use consistency::{consistency_warnings, date_order_problems};
pub use id_number::IdNumber;
pub use read::read_household;
pub use read::read_province as read_province_code;
#[cfg(reads_files)]
pub use typed::read_household_text;

use crate::codes;
use crate::date::Date;
use crate::money::Money;
use crate::number::Decimal;

codes! {
    /// 户类型: registration status of the household.
    pub enum Registration {
        Poor => "poor",
        Exited => "exited",
        Ordinary => "ordinary",
    }
}

codes! {
    /// 监测对象类别.
    pub enum Category {
        UnstableExited => "unstable_exited",
        Marginal => "marginal",
        SuddenHardship => "sudden_hardship",
    }
}

codes! {
    /// 帮扶措施 recorded for, or suggested to, a household (docs/rules.md rule 31).
    pub enum Measure {
        Industry => "industry",
        Employment => "employment",
        Finance => "finance",
        PublicWelfareJob => "public_welfare_job",
        Health => "health",
        Education => "education",
        CompulsoryEducation => "compulsory_education",
        Housing => "housing",
        Water => "water",
        SocialSecurity => "social_security",
        Relocation => "relocation",
        SocialAssistance => "social_assistance",
        LivingConditions => "living_conditions",
        Infrastructure => "infrastructure",
        EcologicalCompensation => "ecological_compensation",
    }
}

codes! {
    /// 返贫致贫风险 types (docs/rules.md rule 19).
    pub enum Risk {
        Illness => "illness",
        Disability => "disability",
        Education => "education",
        Disaster => "disaster",
        Accident => "accident",
        BusinessFailure => "business_failure",
        UnstableEmployment => "unstable_employment",
        LackOfLabour => "lack_of_labour",
        Housing => "housing",
        Water => "water",
        Other => "other",
    }
}

codes! {
    /// 与户主关系.
    pub enum Relation {
        Head => "head",
        Spouse => "spouse",
        Child => "child",
        ChildInLaw => "child_in_law",
        Grandchild => "grandchild",
        Parent => "parent",
        Grandparent => "grandparent",
        Sibling => "sibling",
        Other => "other",
    }
}

codes! {
    pub enum Sex {
        Male => "male",
        Female => "female",
    }
}

codes! {
    /// 健康状况.
    pub enum Health {
        Healthy => "healthy",
        Chronic => "chronic",
        Serious => "serious",
        Disabled => "disabled",
    }
}

codes! {
    /// 劳动技能 / 劳动能力.
    pub enum Labour {
        Normal => "normal",
        Skilled => "skilled",
        Weak => "weak",
        Lost => "lost",
        None => "none",
    }
}

impl Labour {
    /// Able to work at all (普通、技能、弱劳动力).
    pub fn is_able(self) -> bool {
        matches!(self, Labour::Normal | Labour::Skilled | Labour::Weak)
    }

    /// Full labour (普通、技能劳动力).
    pub fn is_full(self) -> bool {
        matches!(self, Labour::Normal | Labour::Skilled)
    }
}

codes! {
    /// 在校生状况, with the two statuses that count as schooled without a school.
    pub enum Schooling {
        NotStudent => "not_student",
        Preschool => "preschool",
        Primary => "primary",
        Junior => "junior",
        Senior => "senior",
        Vocational => "vocational",
        College => "college",
        HomeTutoring => "home_tutoring",
        Exempt => "exempt",
        Deferred => "deferred",
        DroppedOut => "dropped_out",
        NotEnrolled => "not_enrolled",
    }
}

impl Schooling {
    /// Enrolled at any stage from primary school up.
    pub fn in_school(self) -> bool {
        matches!(
            self,
            Schooling::Primary
                | Schooling::Junior
                | Schooling::Senior
                | Schooling::Vocational
                | Schooling::College
        )
    }

    /// A student of any kind (for labour-coding consistency).
    pub fn is_student(self) -> bool {
        self.in_school() || matches!(self, Schooling::Preschool | Schooling::HomeTutoring)
    }
}

codes! {
    pub enum DropoutReason {
        Poverty => "poverty",
        Other => "other",
    }
}

codes! {
    pub enum Insurance {
        Resident => "resident",
        Employee => "employee",
        Commercial => "commercial",
        None => "none",
    }
}

codes! {
    /// Housing safety grade (农村危险房屋鉴定), or `none` for no house.
    pub enum HouseGrade {
        A => "A",
        B => "B",
        C => "C",
        D => "D",
        None => "none",
    }
}

codes! {
    /// 易地扶贫搬迁 安置方式.
    pub enum RelocationMode {
        Centralized => "centralized",
        Scattered => "scattered",
    }
}

codes! {
    /// Living safely elsewhere while the own house is unsafe.
    pub enum SafeAlternative {
        WithFamily => "with_family",
        PublicRental => "public_rental",
        Rented => "rented",
    }
}

codes! {
    /// Exit procedure steps (厅字〔2016〕16号).
    pub enum ExitStep {
        DemocraticReview => "democratic_review",
        Verification => "verification",
        HouseholdConsent => "household_consent",
        PublicNotice => "public_notice",
        Announcement => "announcement",
        Deregistration => "deregistration",
    }
}

codes! {
    /// Itemised transfer income (转移性收入 items).
    pub enum TransferItem {
        BasicPension => "basicPension",
        DibaoA => "dibaoA",
        DibaoB => "dibaoB",
        DibaoC => "dibaoC",
        OneOffRelief => "oneOffRelief",
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Household {
    pub id: Option<String>,
    pub province: String,
    pub water_short_area: Option<bool>,
    pub registration: Option<Registration>,
    pub identified_on: Option<Date>,
    pub exited_on: Option<Date>,
    pub monitoring: Option<MonitoringRecord>,
    pub members: Vec<Member>,
    pub income: Income,
    pub spending: Spending,
    pub food: Option<bool>,
    pub clothing: Option<bool>,
    pub housing: Housing,
    pub water: Water,
    pub electricity: Option<bool>,
    /// Extension: dates on which the exit procedure steps were done.
    pub exit_procedure: Vec<(ExitStep, Date)>,
    /// Extension: batch sampling flags (三率一度 survey), see `summary`.
    pub survey: Option<Survey>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MonitoringRecord {
    pub category: Option<Category>,
    pub identified_on: Option<Date>,
    pub measures: Vec<Measure>,
    pub risks: Vec<Risk>,
    pub risk_gone: Option<bool>,
    pub risk_eliminated_on: Option<Date>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub name: Option<String>,
    pub id_number: Option<IdNumber>,
    pub relation: Relation,
    pub sex: Sex,
    pub birth_date: Date,
    pub health: Option<Health>,
    pub disability_grade: Option<u8>,
    pub labour: Option<Labour>,
    pub schooling: Option<Schooling>,
    pub dropout_reason: Option<DropoutReason>,
    /// Extension: finished the nine years of compulsory schooling (九年级毕业).
    pub completed_compulsory: Option<bool>,
    /// The scheme(s) of basic medical insurance; more than one is a data error worth a warning.
    pub medical_insurance: Vec<Insurance>,
    pub critical_illness_insurance: Option<bool>,
    pub medical_assistance: Option<bool>,
}

impl Member {
    pub fn age_on(&self, on: Date) -> i32 {
        self.birth_date.age_on(on)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Income {
    pub wage: Option<Money>,
    pub business: Option<Money>,
    pub property: Option<Money>,
    pub transfer: Option<Money>,
    pub business_costs: Option<Money>,
    /// Itemised parts of `transfer`; an item absent here is not known.
    pub transfer_items: Vec<(TransferItem, Money)>,
    /// Whether `transferItems` was given at all.
    pub transfer_items_given: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Spending {
    pub medical_out_of_pocket: Option<Money>,
    pub education: Option<Money>,
    pub disaster_loss: Option<Money>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Housing {
    pub grade: Option<HouseGrade>,
    pub area_m2: Option<Decimal>,
    pub relocation: Option<Relocation>,
    pub safe_alternative: Option<SafeAlternative>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Relocation {
    pub mode: Option<RelocationMode>,
    pub keys_handed_over: Option<bool>,
    pub moved_in: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Water {
    pub piped_to_home: Option<bool>,
    pub litres_per_person_day: Option<Decimal>,
    pub fetch_minutes: Option<Decimal>,
    pub horizontal_m: Option<Decimal>,
    pub vertical_m: Option<Decimal>,
    pub days_without_supply: Option<Decimal>,
    pub quality_ok: Option<bool>,
}

/// Extension for batch roll-ups: what a 三率一度 sample survey recorded about this household.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Survey {
    /// In the 错退 sample (an exited household re-checked).
    pub exit_sample: Option<bool>,
    /// In the 漏评 sample (a non-registered household checked).
    pub missed_sample: Option<bool>,
    /// The household's answer to the 群众认可度 question.
    pub recognised: Option<bool>,
    /// Village code for per-village roll-ups.
    pub village: Option<String>,
}
