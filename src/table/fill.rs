//! The fast path of a CSV household (issue 8 item 1): its rows fill a `Household` directly, with
//! no JSON tree built and no path made.
//!
//! Each cell becomes the same small value as on the slow path ([`super::cell_value`]: aliases,
//! `是`/`否`, numbers) and is read by the same `Reader` function the path-collecting reader uses
//! for that field (`money`, `quantity`, `date`, `code`…), on a `Reader` that builds no path. On
//! any problem, any doubt (a broken row, two rows that disagree, a cell of the wrong kind) it gives
//! up and the caller builds the JSON tree and runs the slow path, which names every problem at
//! its row and column. The unit test `fill_agrees_with_the_slow_path` checks both ways give the
//! same `Household` for every column and many kinds of bad cell.

use super::{cell_value, Column, Record};
use crate::household::{
    read_province_code, Category, DropoutReason, Health, HouseGrade, Household, Housing, IdNumber,
    Income, Insurance, Labour, Measure, Member, MonitoringRecord, Registration, Relation,
    Relocation, RelocationMode, Risk, SafeAlternative, Schooling, Sex, Spending, Survey,
    TransferItem, Water,
};
use crate::money::Money;
use crate::reader::{limits, Codes, Reader};
use serde_json::Value;

/// What the household-level cells gave, before the objects are put together.
#[derive(Default)]
struct Top {
    /// Whether any cell of these objects was given (the slow path then builds the object).
    income: bool,
    transfer_items: bool,
    relocation: bool,
    monitoring: bool,
    survey: bool,
    transfer: Option<Money>,
}

/// Fills a household from its rows; `None` to ask the slow path.
pub fn fill(columns: &[Option<&'static Column>], rows: &[(usize, Record)]) -> Option<Household> {
    if rows.is_empty() || rows.len() > limits::MAX_MEMBERS {
        return None;
    }
    let mut r = Reader::new();
    let mut h = Household {
        id: None,
        province: String::new(),
        water_short_area: None,
        registration: None,
        identified_on: None,
        exited_on: None,
        monitoring: None,
        members: Vec::with_capacity(rows.len()),
        income: Income::default(),
        spending: Spending::default(),
        food: None,
        clothing: None,
        housing: Housing::default(),
        water: Water::default(),
        electricity: None,
        exit_procedure: Vec::new(),
        survey: None,
    };
    let mut top = Top::default();
    let mut province = false;
    let mut seen: Vec<(&'static str, &str)> = Vec::new();
    let mut monitoring = MonitoringRecord {
        category: None,
        identified_on: None,
        measures: Vec::new(),
        risks: Vec::new(),
        risk_gone: None,
        risk_eliminated_on: None,
    };
    let mut relocation = Relocation {
        mode: None,
        keys_handed_over: None,
        moved_in: None,
    };
    let mut survey = Survey::default();
    for (_, rec) in rows {
        let Record::Cells(cells) = rec else {
            return None;
        };
        let mut m = MemberCells::default();
        for (col, cell) in columns.iter().zip(cells.iter()) {
            let (Some(col), cell) = (col, cell.trim()) else {
                continue;
            };
            if cell.is_empty() {
                continue;
            }
            if col.4 {
                m.set(&mut r, col, cell)?;
                continue;
            }
            match seen.iter().find(|(k, _)| *k == col.2) {
                // Two rows that disagree: the slow path reports where.
                Some((_, first)) if *first != cell => return None,
                Some(_) => continue,
                None => seen.push((col.2, cell)),
            }
            let v = cell_value(col, cell);
            let p = "";
            match col.2 {
                "id" => h.id = Some(text(&mut r, &v)?),
                "province" => {
                    h.province = read_province_code(&mut r, &v, p)?;
                    province = true;
                }
                "survey.village" => {
                    top.survey = true;
                    survey.village = Some(text(&mut r, &v)?);
                }
                "registration" => h.registration = Some(r.code::<Registration>(&v, p)?),
                "identifiedOn" => h.identified_on = Some(r.date(&v, p)?),
                "exitedOn" => h.exited_on = Some(r.date(&v, p)?),
                "waterShortArea" => h.water_short_area = Some(r.boolean(&v, p)?),
                "income.wage" => {
                    top.income = true;
                    h.income.wage = Some(r.money(&v, p, false)?);
                }
                "income.business" => {
                    top.income = true;
                    h.income.business = Some(r.money(&v, p, true)?);
                }
                "income.property" => {
                    top.income = true;
                    h.income.property = Some(r.money(&v, p, false)?);
                }
                "income.transfer" => {
                    top.income = true;
                    top.transfer = Some(r.money(&v, p, false)?);
                }
                "income.businessCosts" => {
                    top.income = true;
                    h.income.business_costs = Some(r.money(&v, p, false)?);
                }
                "spending.medicalOutOfPocket" => {
                    h.spending.medical_out_of_pocket = Some(r.money(&v, p, false)?);
                }
                "spending.education" => h.spending.education = Some(r.money(&v, p, false)?),
                "spending.disasterLoss" => h.spending.disaster_loss = Some(r.money(&v, p, false)?),
                "food.secure" => h.food = Some(r.boolean(&v, p)?),
                "clothing.secure" => h.clothing = Some(r.boolean(&v, p)?),
                "housing.grade" => h.housing.grade = Some(r.code::<HouseGrade>(&v, p)?),
                "housing.areaM2" => h.housing.area_m2 = Some(r.quantity(&v, p)?),
                "housing.relocation.mode" => {
                    top.relocation = true;
                    relocation.mode = Some(r.code::<RelocationMode>(&v, p)?);
                }
                "housing.relocation.keysHandedOver" => {
                    top.relocation = true;
                    relocation.keys_handed_over = Some(r.boolean(&v, p)?);
                }
                "housing.relocation.movedIn" => {
                    top.relocation = true;
                    relocation.moved_in = Some(r.boolean(&v, p)?);
                }
                "housing.safeAlternative" => {
                    h.housing.safe_alternative = Some(r.code::<SafeAlternative>(&v, p)?);
                }
                "water.pipedToHome" => h.water.piped_to_home = Some(r.boolean(&v, p)?),
                "water.litresPerPersonDay" => {
                    h.water.litres_per_person_day = Some(r.quantity(&v, p)?);
                }
                "water.fetchMinutes" => h.water.fetch_minutes = Some(r.quantity(&v, p)?),
                "water.horizontalM" => h.water.horizontal_m = Some(r.quantity(&v, p)?),
                "water.verticalM" => h.water.vertical_m = Some(r.quantity(&v, p)?),
                "water.daysWithoutSupply" => {
                    h.water.days_without_supply = Some(r.quantity(&v, p)?);
                }
                "water.qualityOk" => h.water.quality_ok = Some(r.boolean(&v, p)?),
                "electricity.connected" => h.electricity = Some(r.boolean(&v, p)?),
                "monitoring.category" => {
                    top.monitoring = true;
                    monitoring.category = Some(r.code::<Category>(&v, p)?);
                }
                "monitoring.identifiedOn" => {
                    top.monitoring = true;
                    monitoring.identified_on = Some(r.date(&v, p)?);
                }
                "monitoring.measures" => {
                    top.monitoring = true;
                    monitoring.measures = r.code_list::<Measure>(&v, p)?;
                }
                "monitoring.risks" => {
                    top.monitoring = true;
                    monitoring.risks = r.code_list::<Risk>(&v, p)?;
                }
                "monitoring.riskGone" => {
                    top.monitoring = true;
                    monitoring.risk_gone = Some(r.boolean(&v, p)?);
                }
                "monitoring.riskEliminatedOn" => {
                    top.monitoring = true;
                    monitoring.risk_eliminated_on = Some(r.date(&v, p)?);
                }
                "survey.exitSample" => {
                    top.survey = true;
                    survey.exit_sample = Some(r.boolean(&v, p)?);
                }
                "survey.missedSample" => {
                    top.survey = true;
                    survey.missed_sample = Some(r.boolean(&v, p)?);
                }
                "survey.recognised" => {
                    top.survey = true;
                    survey.recognised = Some(r.boolean(&v, p)?);
                }
                other => {
                    let item = other.strip_prefix("income.transferItems.")?;
                    let (item, _) = <TransferItem as Codes>::ALL
                        .iter()
                        .find(|(_, c)| *c == item)?;
                    top.income = true;
                    top.transfer_items = true;
                    h.income
                        .transfer_items
                        .push((*item, r.money(&v, p, false)?));
                }
            }
        }
        h.members.push(m.member()?);
    }
    // What the slow path requires (`missing_field` there).
    if !province || !top.income {
        return None;
    }
    if top.transfer_items {
        // In the order of `TransferItem::ALL`, as the slow path lists them.
        h.income.transfer_items.sort_by_key(|(item, _)| {
            <TransferItem as Codes>::ALL
                .iter()
                .position(|(i, _)| i == item)
                .unwrap_or(usize::MAX)
        });
        h.income.transfer_items_given = true;
    }
    h.income.transfer = top.transfer;
    if let Some(total) = top.transfer {
        let sum: Money = h.income.transfer_items.iter().map(|(_, m)| *m).sum();
        if sum > total {
            return None;
        }
    }
    if top.relocation {
        h.housing.relocation = Some(relocation);
    }
    if top.monitoring {
        h.monitoring = Some(monitoring);
    }
    if top.survey {
        h.survey = Some(survey);
    }
    r.is_clean().then_some(h)
}

/// Free text within the length limit.
fn text(r: &mut Reader, v: &Value) -> Option<String> {
    r.string(v, "").map(str::to_string)
}

/// The cells of one member's row.
#[derive(Default)]
struct MemberCells {
    name: Option<String>,
    id_number: Option<IdNumber>,
    relation: Option<Relation>,
    sex: Option<Sex>,
    birth_date: Option<crate::date::Date>,
    health: Option<Health>,
    disability_grade: Option<u8>,
    labour: Option<Labour>,
    schooling: Option<Schooling>,
    dropout_reason: Option<DropoutReason>,
    completed_compulsory: Option<bool>,
    medical_insurance: Vec<Insurance>,
    critical_illness_insurance: Option<bool>,
    medical_assistance: Option<bool>,
}

impl MemberCells {
    /// Reads one member cell; `None` on a problem.
    fn set(&mut self, r: &mut Reader, col: &Column, cell: &str) -> Option<()> {
        let v = cell_value(col, cell);
        let p = "";
        match col.2 {
            "name" => self.name = Some(text(r, &v)?),
            "idNumber" => {
                let s = r.string(&v, p)?;
                self.id_number = Some(IdNumber::parse(s).ok()?);
            }
            "relation" => self.relation = Some(r.code::<Relation>(&v, p)?),
            "sex" => self.sex = Some(r.code::<Sex>(&v, p)?),
            "birthDate" => self.birth_date = Some(r.date(&v, p)?),
            "health" => self.health = Some(r.code::<Health>(&v, p)?),
            "disabilityGrade" => {
                self.disability_grade = Some(u8::try_from(r.integer(&v, p, 1, 4)?).ok()?);
            }
            "labour" => self.labour = Some(r.code::<Labour>(&v, p)?),
            "schooling" => self.schooling = Some(r.code::<Schooling>(&v, p)?),
            "dropoutReason" => self.dropout_reason = Some(r.code::<DropoutReason>(&v, p)?),
            "completedCompulsory" => self.completed_compulsory = Some(r.boolean(&v, p)?),
            "medicalInsurance" => {
                self.medical_insurance = match &v {
                    Value::Array(_) => r.code_list::<Insurance>(&v, p)?,
                    _ => vec![r.code::<Insurance>(&v, p)?],
                };
            }
            "criticalIllnessInsurance" => {
                self.critical_illness_insurance = Some(r.boolean(&v, p)?);
            }
            "medicalAssistance" => self.medical_assistance = Some(r.boolean(&v, p)?),
            _ => return None,
        }
        Some(())
    }

    /// The member, with the slow path's checks between its fields.
    fn member(self) -> Option<Member> {
        let (relation, sex, birth_date) = (self.relation?, self.sex?, self.birth_date?);
        if let Some(id) = &self.id_number {
            if id.birth_date() != birth_date || id.sex() != sex {
                return None;
            }
        }
        Some(Member {
            name: self.name,
            id_number: self.id_number,
            relation,
            sex,
            birth_date,
            health: self.health,
            disability_grade: self.disability_grade,
            labour: self.labour,
            schooling: self.schooling,
            dropout_reason: self.dropout_reason,
            completed_compulsory: self.completed_compulsory,
            medical_insurance: self.medical_insurance,
            critical_illness_insurance: self.critical_illness_insurance,
            medical_assistance: self.medical_assistance,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::{build, split_cells, COLUMNS};
    use super::*;
    use crate::household::read_household;

    /// A valid two-member household, one cell per column of `COLUMNS` (in its order).
    fn base() -> [Vec<String>; 2] {
        let first = [
            "H1",
            "CN-YN",
            "V1",
            "poor",
            "2016-03-01",
            "",
            "false",
            "20000",
            "100.5",
            "0",
            "300",
            "50",
            "100",
            "",
            "",
            "",
            "50",
            "10",
            "0",
            "0",
            "是",
            "true",
            "A级",
            "80",
            "",
            "",
            "",
            "",
            "1",
            "60",
            "0",
            "",
            "",
            "0",
            "true",
            "true",
            "",
            "",
            "industry;employment",
            "",
            "",
            "",
            "",
            "",
            "",
            "张三",
            "",
            "户主",
            "男",
            "1970-01-01",
            "healthy",
            "",
            "normal",
            "not_student",
            "",
            "",
            "resident",
            "true",
            "true",
        ];
        assert_eq!(first.len(), COLUMNS.len());
        let mut second = vec![String::new(); first.len()];
        second[0] = "H1".into();
        for (col, cell) in [
            ("name", "李四"),
            ("relation", "spouse"),
            ("sex", "female"),
            ("birthDate", "1972-05-05"),
            ("medicalInsurance", "城乡居民；商业保险"),
        ] {
            let i = COLUMNS.iter().position(|c| c.0 == col).unwrap();
            second[i] = cell.into();
        }
        [first.iter().map(|s| s.to_string()).collect(), second]
    }

    const CELLS: &[&str] = &[
        "",
        "x",
        "1e-400",
        "1e3",
        "1.234",
        "0.5",
        "-1",
        "-0",
        "2",
        "5",
        "1000000000000",
        "999999999999.99",
        "99999999999999999999",
        "是",
        "否",
        "Y",
        "男",
        "女",
        "户主",
        "head",
        "poor",
        "exited",
        "CN-ZZ",
        "CN-HB",
        "1970-02-30",
        "2019-12-31",
        "1972-05-05",
        "resident;commercial",
        "resident;bogus",
        "A级",
        "none",
        "marginal",
        "centralized",
        "with_family",
        "illness;housing",
        "industry",
        "532323198608043511",
        "NaN",
        "inf",
    ];

    /// The slow path: the JSON tree, then the path-collecting reader.
    fn slow(columns: &[Option<&'static Column>], rows: &[(usize, Record)]) -> Option<Household> {
        let headers: std::sync::Arc<[String]> = COLUMNS.iter().map(|c| c.0.to_string()).collect();
        let t = build(columns, &headers, rows, true);
        let mut r = Reader::new();
        let h = read_household(&mut r, &t.value, "");
        (r.is_clean() && t.conflicts.is_empty())
            .then_some(h)
            .flatten()
    }

    #[test]
    fn issue8_item1_fill_agrees_with_the_slow_path() {
        let columns: Vec<Option<&'static Column>> = COLUMNS.iter().map(Some).collect();
        let rows_of = |rows: &[Vec<String>; 2]| -> Vec<(usize, Record)> {
            rows.iter()
                .enumerate()
                .map(|(i, r)| (i + 2, split_cells(r.join(",").as_bytes(), None)))
                .collect()
        };
        let base = base();
        let rows = rows_of(&base);
        assert!(fill(&columns, &rows).is_some(), "the base household fills");
        assert_eq!(fill(&columns, &rows), slow(&columns, &rows));
        let long = "长".repeat(257);
        let (mut accepted, mut refused) = (0, 0);
        for c in 0..COLUMNS.len() {
            for cell in CELLS.iter().copied().chain([long.as_str()]) {
                // The cell on the first row; for household columns also on the second (two rows
                // that agree or disagree), for member columns on the second member.
                for on in [&[0][..], &[1], &[0, 1]] {
                    let mut m = base.clone();
                    for &k in on {
                        m[k][c] = cell.to_string();
                    }
                    let rows = rows_of(&m);
                    let fast = fill(&columns, &rows);
                    if fast.is_some() {
                        accepted += 1;
                        assert_eq!(
                            fast,
                            slow(&columns, &rows),
                            "column {}, {cell:?}",
                            COLUMNS[c].0
                        );
                    } else {
                        refused += 1;
                    }
                }
            }
        }
        assert!(accepted > 500 && refused > 500, "{accepted} / {refused}");
    }
}
