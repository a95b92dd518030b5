//! Reads a `Household` from JSON, noting every problem with its path.

use super::*;
use crate::json_value::{Json, JsonMap};
use crate::problem::{Code, Finding};
use crate::province;
use crate::reader::{join, Reader};

const HOUSEHOLD_FIELDS: &[&str] = &[
    "id",
    "province",
    "waterShortArea",
    "registration",
    "identifiedOn",
    "exitedOn",
    "monitoring",
    "members",
    "income",
    "spending",
    "food",
    "clothing",
    "housing",
    "water",
    "electricity",
    "exitProcedure",
    "survey",
];
const MEMBER_FIELDS: &[&str] = &[
    "name",
    "idNumber",
    "relation",
    "sex",
    "birthDate",
    "health",
    "disabilityGrade",
    "labour",
    "schooling",
    "dropoutReason",
    "completedCompulsory",
    "medicalInsurance",
    "criticalIllnessInsurance",
    "medicalAssistance",
];
const INCOME_FIELDS: &[&str] = &[
    "wage",
    "business",
    "property",
    "transfer",
    "businessCosts",
    "transferItems",
];
const MONITORING_FIELDS: &[&str] = &[
    "category",
    "identifiedOn",
    "measures",
    "risks",
    "riskGone",
    "riskEliminatedOn",
];

/// Reads one household. Returns `None` when any problem was noted (they are in `r`).
pub fn read_household(r: &mut Reader, v: &Json, path: &str) -> Option<Household> {
    let before = r.findings().len();
    let map = r.object(v, path, HOUSEHOLD_FIELDS)?;

    let id = r.optional(map, path, "id", |r, v, p| {
        r.string(v, p).map(str::to_string)
    });
    let province = r.needed(map, path, "province", read_province);
    let water_short_area = r.optional(map, path, "waterShortArea", Reader::boolean);
    let registration = r.optional(map, path, "registration", Reader::code::<Registration>);
    let identified_on = r.optional(map, path, "identifiedOn", Reader::date);
    let exited_on = r.optional(map, path, "exitedOn", Reader::date);
    let monitoring = r.optional(map, path, "monitoring", read_monitoring);
    let members = r.needed(map, path, "members", read_members);
    let income = r.needed(map, path, "income", read_income);
    let spending = r
        .optional(map, path, "spending", read_spending)
        .unwrap_or_default();
    let food = r.optional(map, path, "food", read_secure);
    let clothing = r.optional(map, path, "clothing", read_secure);
    let housing = r
        .optional(map, path, "housing", read_housing)
        .unwrap_or_default();
    let water = r
        .optional(map, path, "water", read_water)
        .unwrap_or_default();
    let electricity = r.optional(map, path, "electricity", read_electricity);
    let exit_procedure = r
        .optional(map, path, "exitProcedure", read_exit_procedure)
        .unwrap_or_default();
    let survey = r.optional(map, path, "survey", read_survey);

    if r.findings().len() > before {
        return None;
    }
    Some(Household {
        id,
        province: province?,
        water_short_area,
        registration,
        identified_on,
        exited_on,
        monitoring,
        members: members?,
        income: income?,
        spending,
        food: food.flatten(),
        clothing: clothing.flatten(),
        housing,
        water,
        electricity: electricity.flatten(),
        exit_procedure,
        survey,
    })
}

pub fn read_province(r: &mut Reader, v: &Json, p: &str) -> Option<String> {
    let s = r.string(v, p)?;
    if province::is_known(s) {
        Some(s.to_string())
    } else {
        r.note(
            Finding::new(p, Code::InvalidValue)
                .given(s)
                .expected("ISO 3166-2:CN, e.g. CN-YN"),
        );
        None
    }
}

/// `{ "secure": true }` for 不愁吃 / 不愁穿. An object without `secure` is "not known".
fn read_secure(r: &mut Reader, v: &Json, p: &str) -> Option<Option<bool>> {
    let map = r.object(v, p, &["secure"])?;
    Some(r.optional(map, p, "secure", Reader::boolean))
}

fn read_electricity(r: &mut Reader, v: &Json, p: &str) -> Option<Option<bool>> {
    let map = r.object(v, p, &["connected"])?;
    Some(r.optional(map, p, "connected", Reader::boolean))
}

fn read_members(r: &mut Reader, v: &Json, p: &str) -> Option<Vec<Member>> {
    let items = r.array(v, p)?;
    if items.is_empty() {
        r.note(Finding::new(p, Code::EmptyMembers));
        return None;
    }
    if items.len() > crate::reader::limits::MAX_MEMBERS {
        // Refused before any member is read: the answer comes in microseconds, not minutes.
        r.note(
            Finding::new(p, Code::TooManyMembers)
                .given(items.len().to_string())
                .expected(crate::reader::limits::MAX_MEMBERS.to_string()),
        );
        return None;
    }
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let path = r.take_index_path(p, i);
        let member = read_member(r, item, &path);
        r.give_path(path);
        match member {
            Some(m) => out.push(m),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn read_member(r: &mut Reader, v: &Json, p: &str) -> Option<Member> {
    let before = r.findings().len();
    let map = r.object(v, p, MEMBER_FIELDS)?;
    let name = r.optional(map, p, "name", |r, v, p| r.string(v, p).map(str::to_string));
    let id_number = r.optional(map, p, "idNumber", |r, v, p| {
        let s = r.string(v, p)?;
        match IdNumber::parse(s) {
            Ok(id) => Some(id),
            Err(code) => {
                r.note(
                    Finding::new(p, code)
                        .given(s)
                        .expected("GB 11643, 18 characters"),
                );
                None
            }
        }
    });
    let relation = r.needed(map, p, "relation", Reader::code::<Relation>);
    let sex = r.needed(map, p, "sex", Reader::code::<Sex>);
    let birth_date = r.needed(map, p, "birthDate", Reader::date);
    let health = r.optional(map, p, "health", Reader::code::<Health>);
    let disability_grade = r.optional(map, p, "disabilityGrade", |r, v, p| r.integer(v, p, 1, 4));
    let labour = r.optional(map, p, "labour", Reader::code::<Labour>);
    let schooling = r.optional(map, p, "schooling", Reader::code::<Schooling>);
    let dropout_reason = r.optional(map, p, "dropoutReason", Reader::code::<DropoutReason>);
    let completed_compulsory = r.optional(map, p, "completedCompulsory", Reader::boolean);
    let medical_insurance = r
        .optional(map, p, "medicalInsurance", read_insurance)
        .unwrap_or_default();
    let critical_illness_insurance =
        r.optional(map, p, "criticalIllnessInsurance", Reader::boolean);
    let medical_assistance = r.optional(map, p, "medicalAssistance", Reader::boolean);

    // Checks between fields of the same member that make the record self-contradictory.
    if let (Some(id), Some(birth)) = (&id_number, birth_date) {
        if id.birth_date() != birth {
            r.note(
                Finding::new(join(p, "idNumber"), Code::IdBirthDateMismatch)
                    .given(id.birth_date().to_string())
                    .expected(birth.to_string()),
            );
        }
    }
    if let (Some(id), Some(sex)) = (&id_number, sex) {
        if id.sex() != sex {
            r.note(
                Finding::new(join(p, "idNumber"), Code::IdSexMismatch)
                    .given(id.sex().as_str())
                    .expected(sex.as_str()),
            );
        }
    }
    if r.findings().len() > before {
        return None;
    }
    Some(Member {
        name,
        id_number,
        relation: relation?,
        sex: sex?,
        birth_date: birth_date?,
        health,
        disability_grade: disability_grade.and_then(|g| u8::try_from(g).ok()),
        labour,
        schooling,
        dropout_reason,
        completed_compulsory,
        medical_insurance,
        critical_illness_insurance,
        medical_assistance,
    })
}

/// One scheme as a string, or (extension) a list of schemes.
fn read_insurance(r: &mut Reader, v: &Json, p: &str) -> Option<Vec<Insurance>> {
    match v {
        Json::Array(_) => r.code_list::<Insurance>(v, p),
        _ => r.code::<Insurance>(v, p).map(|i| vec![i]),
    }
}

fn read_income(r: &mut Reader, v: &Json, p: &str) -> Option<Income> {
    let before = r.findings().len();
    let map = r.object(v, p, INCOME_FIELDS)?;
    let money = |r: &mut Reader, key: &str, neg: bool| {
        r.optional(map, p, key, |r, v, p| r.money(v, p, neg))
    };
    let wage = money(r, "wage", false);
    let business = money(r, "business", true);
    let property = money(r, "property", false);
    let transfer = money(r, "transfer", false);
    let business_costs = money(r, "businessCosts", false);
    let items_path = join(p, "transferItems");
    let items = r.optional(map, p, "transferItems", |r, v, ip| {
        read_transfer_items(r, v, ip)
    });
    let transfer_items_given = items.is_some();
    let transfer_items = items.unwrap_or_default();
    if let Some(total) = transfer {
        let sum: Money = transfer_items.iter().map(|(_, m)| *m).sum();
        if sum > total {
            r.note(
                Finding::new(items_path, Code::TransferItemsExceedTransfer)
                    .given(sum.to_decimal().to_string())
                    .expected(format!("≤ {}", total.to_decimal())),
            );
        }
    }
    if r.findings().len() > before {
        return None;
    }
    Some(Income {
        wage,
        business,
        property,
        transfer,
        business_costs,
        transfer_items,
        transfer_items_given,
    })
}

fn read_transfer_items(r: &mut Reader, v: &Json, p: &str) -> Option<Vec<(TransferItem, Money)>> {
    let names: Vec<&str> = TransferItem::ALL.iter().map(|(_, c)| *c).collect();
    let map = r.object(v, p, &names)?;
    let mut out = Vec::new();
    for (item, key) in TransferItem::ALL {
        if let Some(m) = r.optional(map, p, key, |r, v, p| r.money(v, p, false)) {
            out.push((*item, m));
        }
    }
    Some(out)
}

use crate::reader::Codes;

fn read_spending(r: &mut Reader, v: &Json, p: &str) -> Option<Spending> {
    let map = r.object(v, p, &["medicalOutOfPocket", "education", "disasterLoss"])?;
    let money = |r: &mut Reader, key: &str| r.optional(map, p, key, |r, v, p| r.money(v, p, false));
    Some(Spending {
        medical_out_of_pocket: money(r, "medicalOutOfPocket"),
        education: money(r, "education"),
        disaster_loss: money(r, "disasterLoss"),
    })
}

fn read_housing(r: &mut Reader, v: &Json, p: &str) -> Option<Housing> {
    let map = r.object(v, p, &["grade", "areaM2", "relocation", "safeAlternative"])?;
    Some(Housing {
        grade: r.optional(map, p, "grade", Reader::code::<HouseGrade>),
        area_m2: r.optional(map, p, "areaM2", Reader::quantity),
        relocation: r.optional(map, p, "relocation", |r, v, p| {
            let m = r.object(v, p, &["mode", "keysHandedOver", "movedIn"])?;
            Some(Relocation {
                mode: r.optional(m, p, "mode", Reader::code::<RelocationMode>),
                keys_handed_over: r.optional(m, p, "keysHandedOver", Reader::boolean),
                moved_in: r.optional(m, p, "movedIn", Reader::boolean),
            })
        }),
        safe_alternative: r.optional(map, p, "safeAlternative", Reader::code::<SafeAlternative>),
    })
}

fn read_water(r: &mut Reader, v: &Json, p: &str) -> Option<Water> {
    let map = r.object(
        v,
        p,
        &[
            "pipedToHome",
            "litresPerPersonDay",
            "fetchMinutes",
            "horizontalM",
            "verticalM",
            "daysWithoutSupply",
            "qualityOk",
        ],
    )?;
    let q = |r: &mut Reader, key: &str| r.optional(map, p, key, Reader::quantity);
    Some(Water {
        piped_to_home: r.optional(map, p, "pipedToHome", Reader::boolean),
        litres_per_person_day: q(r, "litresPerPersonDay"),
        fetch_minutes: q(r, "fetchMinutes"),
        horizontal_m: q(r, "horizontalM"),
        vertical_m: q(r, "verticalM"),
        days_without_supply: q(r, "daysWithoutSupply"),
        quality_ok: r.optional(map, p, "qualityOk", Reader::boolean),
    })
}

fn read_monitoring(r: &mut Reader, v: &Json, p: &str) -> Option<MonitoringRecord> {
    let map = r.object(v, p, MONITORING_FIELDS)?;
    Some(MonitoringRecord {
        category: r.optional(map, p, "category", Reader::code::<Category>),
        identified_on: r.optional(map, p, "identifiedOn", Reader::date),
        measures: r
            .optional(map, p, "measures", Reader::code_list::<Measure>)
            .unwrap_or_default(),
        risks: r
            .optional(map, p, "risks", Reader::code_list::<Risk>)
            .unwrap_or_default(),
        risk_gone: r.optional(map, p, "riskGone", Reader::boolean),
        risk_eliminated_on: r.optional(map, p, "riskEliminatedOn", Reader::date),
    })
}

/// Extension: `{ "democratic_review": "2019-10-08", ... }`, the date each step was done.
fn read_exit_procedure(r: &mut Reader, v: &Json, p: &str) -> Option<Vec<(ExitStep, Date)>> {
    let names: Vec<&str> = ExitStep::ALL.iter().map(|(_, c)| *c).collect();
    let map: &JsonMap = r.object(v, p, &names)?;
    let mut out = Vec::new();
    for (step, key) in ExitStep::ALL {
        if let Some(d) = r.optional(map, p, key, Reader::date) {
            out.push((*step, d));
        }
    }
    Some(out)
}

fn read_survey(r: &mut Reader, v: &Json, p: &str) -> Option<Survey> {
    let map = r.object(
        v,
        p,
        &["exitSample", "missedSample", "recognised", "village"],
    )?;
    Some(Survey {
        exit_sample: r.optional(map, p, "exitSample", Reader::boolean),
        missed_sample: r.optional(map, p, "missedSample", Reader::boolean),
        recognised: r.optional(map, p, "recognised", Reader::boolean),
        village: r.optional(map, p, "village", |r, v, p| {
            r.string(v, p).map(str::to_string)
        }),
    })
}
