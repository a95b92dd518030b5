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

use super::{alias_of, bool_cell, cell_value, Column, Record};
use crate::date::Date;
use crate::household::{
    read_province_code, Category, DropoutReason, Health, HouseGrade, Household, Housing, IdNumber,
    Income, Insurance, Labour, Measure, Member, MonitoringRecord, Registration, Relation,
    Relocation, RelocationMode, Risk, SafeAlternative, Schooling, Sex, Spending, Survey,
    TransferItem, Water,
};
use crate::json_value::{Json, JsonNumber};
use crate::money::Money;
use crate::reader::{limits, Codes, Reader};

/// The field a column fills, found once per file from its JSON path (matching ~60 paths as
/// strings for every cell of every row was a tenth of reading a CSV file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Id,
    Province,
    Village,
    Registration,
    IdentifiedOn,
    ExitedOn,
    WaterShortArea,
    Wage,
    Business,
    Property,
    Transfer,
    BusinessCosts,
    TransferItem(TransferItem),
    MedicalOutOfPocket,
    EducationSpending,
    DisasterLoss,
    FoodSecure,
    ClothingSecure,
    HouseGrade,
    AreaM2,
    RelocationMode,
    KeysHandedOver,
    MovedIn,
    SafeAlternative,
    PipedToHome,
    LitresPerPersonDay,
    FetchMinutes,
    HorizontalM,
    VerticalM,
    DaysWithoutSupply,
    WaterQualityOk,
    Electricity,
    MonitoringCategory,
    MonitoringIdentifiedOn,
    Measures,
    Risks,
    RiskGone,
    RiskEliminatedOn,
    ExitSample,
    MissedSample,
    Recognised,
    Name,
    IdNumber,
    Relation,
    Sex,
    BirthDate,
    Health,
    DisabilityGrade,
    Labour,
    Schooling,
    DropoutReason,
    CompletedCompulsory,
    MedicalInsurance,
    CriticalIllnessInsurance,
    MedicalAssistance,
}

/// Household fields a file can give (for the "given once, or the same on every row" check).
const HOUSEHOLD_FIELDS: usize = 64;

impl Field {
    /// The field at a column's JSON path (`COLUMNS`' third item).
    pub fn of(col: &Column) -> Option<Field> {
        Some(match col.2 {
            "id" => Field::Id,
            "province" => Field::Province,
            "survey.village" => Field::Village,
            "registration" => Field::Registration,
            "identifiedOn" => Field::IdentifiedOn,
            "exitedOn" => Field::ExitedOn,
            "waterShortArea" => Field::WaterShortArea,
            "income.wage" => Field::Wage,
            "income.business" => Field::Business,
            "income.property" => Field::Property,
            "income.transfer" => Field::Transfer,
            "income.businessCosts" => Field::BusinessCosts,
            "spending.medicalOutOfPocket" => Field::MedicalOutOfPocket,
            "spending.education" => Field::EducationSpending,
            "spending.disasterLoss" => Field::DisasterLoss,
            "food.secure" => Field::FoodSecure,
            "clothing.secure" => Field::ClothingSecure,
            "housing.grade" => Field::HouseGrade,
            "housing.areaM2" => Field::AreaM2,
            "housing.relocation.mode" => Field::RelocationMode,
            "housing.relocation.keysHandedOver" => Field::KeysHandedOver,
            "housing.relocation.movedIn" => Field::MovedIn,
            "housing.safeAlternative" => Field::SafeAlternative,
            "water.pipedToHome" => Field::PipedToHome,
            "water.litresPerPersonDay" => Field::LitresPerPersonDay,
            "water.fetchMinutes" => Field::FetchMinutes,
            "water.horizontalM" => Field::HorizontalM,
            "water.verticalM" => Field::VerticalM,
            "water.daysWithoutSupply" => Field::DaysWithoutSupply,
            "water.qualityOk" => Field::WaterQualityOk,
            "electricity.connected" => Field::Electricity,
            "monitoring.category" => Field::MonitoringCategory,
            "monitoring.identifiedOn" => Field::MonitoringIdentifiedOn,
            "monitoring.measures" => Field::Measures,
            "monitoring.risks" => Field::Risks,
            "monitoring.riskGone" => Field::RiskGone,
            "monitoring.riskEliminatedOn" => Field::RiskEliminatedOn,
            "survey.exitSample" => Field::ExitSample,
            "survey.missedSample" => Field::MissedSample,
            "survey.recognised" => Field::Recognised,
            "name" if col.4 => Field::Name,
            "idNumber" if col.4 => Field::IdNumber,
            "relation" if col.4 => Field::Relation,
            "sex" if col.4 => Field::Sex,
            "birthDate" if col.4 => Field::BirthDate,
            "health" if col.4 => Field::Health,
            "disabilityGrade" if col.4 => Field::DisabilityGrade,
            "labour" if col.4 => Field::Labour,
            "schooling" if col.4 => Field::Schooling,
            "dropoutReason" if col.4 => Field::DropoutReason,
            "completedCompulsory" if col.4 => Field::CompletedCompulsory,
            "medicalInsurance" if col.4 => Field::MedicalInsurance,
            "criticalIllnessInsurance" if col.4 => Field::CriticalIllnessInsurance,
            "medicalAssistance" if col.4 => Field::MedicalAssistance,
            other => {
                let item = other.strip_prefix("income.transferItems.")?;
                let (item, _) = <TransferItem as Codes>::ALL
                    .iter()
                    .find(|(_, c)| *c == item)?;
                Field::TransferItem(*item)
            }
        })
    }

    /// A household field's slot in the list of fields given so far; `None` for member fields.
    fn slot(self) -> Option<usize> {
        let n = match self {
            Field::TransferItem(item) => {
                40 + <TransferItem as Codes>::ALL
                    .iter()
                    .position(|(i, _)| *i == item)?
            }
            Field::Name
            | Field::IdNumber
            | Field::Relation
            | Field::Sex
            | Field::BirthDate
            | Field::Health
            | Field::DisabilityGrade
            | Field::Labour
            | Field::Schooling
            | Field::DropoutReason
            | Field::CompletedCompulsory
            | Field::MedicalInsurance
            | Field::CriticalIllnessInsurance
            | Field::MedicalAssistance => return None,
            other => other.household_index(),
        };
        (n < HOUSEHOLD_FIELDS).then_some(n)
    }

    fn household_index(self) -> usize {
        match self {
            Field::Id => 0,
            Field::Province => 1,
            Field::Village => 2,
            Field::Registration => 3,
            Field::IdentifiedOn => 4,
            Field::ExitedOn => 5,
            Field::WaterShortArea => 6,
            Field::Wage => 7,
            Field::Business => 8,
            Field::Property => 9,
            Field::Transfer => 10,
            Field::BusinessCosts => 11,
            Field::MedicalOutOfPocket => 12,
            Field::EducationSpending => 13,
            Field::DisasterLoss => 14,
            Field::FoodSecure => 15,
            Field::ClothingSecure => 16,
            Field::HouseGrade => 17,
            Field::AreaM2 => 18,
            Field::RelocationMode => 19,
            Field::KeysHandedOver => 20,
            Field::MovedIn => 21,
            Field::SafeAlternative => 22,
            Field::PipedToHome => 23,
            Field::LitresPerPersonDay => 24,
            Field::FetchMinutes => 25,
            Field::HorizontalM => 26,
            Field::VerticalM => 27,
            Field::DaysWithoutSupply => 28,
            Field::WaterQualityOk => 29,
            Field::Electricity => 30,
            Field::MonitoringCategory => 31,
            Field::MonitoringIdentifiedOn => 32,
            Field::Measures => 33,
            Field::Risks => 34,
            Field::RiskGone => 35,
            Field::RiskEliminatedOn => 36,
            Field::ExitSample => 37,
            Field::MissedSample => 38,
            Field::Recognised => 39,
            _ => HOUSEHOLD_FIELDS,
        }
    }
}

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

/// Each cell is read as the slow path reads the value [`cell_value`] makes of it, without making
/// that value (no `String` per cell): these helpers accept exactly what the `Reader` function
/// of the slow path accepts for that value, and give `None` (ask the slow path) otherwise.
///
/// A code: the alias's code or the cell itself (`Reader::code` on the string).
fn code<T: Codes>(col: &Column, cell: &str) -> Option<T> {
    // Every alias is Chinese text: an ASCII cell (most cells) has none to look up.
    let text = if cell.is_ascii() {
        cell
    } else {
        alias_of(col.0, cell)
    };
    T::from_code(text)
}

/// A date (`Reader::date` on the string).
fn date(cell: &str) -> Option<Date> {
    Date::parse(cell)
}

/// `true`/`是`/… (`Reader::boolean` on what `cell_value` makes of it).
fn boolean(cell: &str) -> Option<bool> {
    bool_cell(cell)
}

/// A number as `cell_value` reads it (any other cell is a string there: a wrong type).
fn number(cell: &str) -> Option<Json> {
    cell.parse::<serde_json::Number>()
        .ok()
        .map(|n| Json::Number(JsonNumber::from(&n)))
}

fn money(r: &mut Reader, cell: &str, allow_negative: bool) -> Option<Money> {
    r.money(&number(cell)?, "", allow_negative)
}

fn quantity(r: &mut Reader, cell: &str) -> Option<crate::number::Decimal> {
    r.quantity(&number(cell)?, "")
}

/// Free text within the length limit (`Reader::string`).
fn text(cell: &str) -> Option<String> {
    if cell.len() > limits::MAX_STRING_CHARS && cell.chars().count() > limits::MAX_STRING_CHARS {
        return None;
    }
    Some(cell.to_string())
}

/// Codes separated by `;`, `；` or `,` (`Reader::code_list` on the list `cell_value` makes).
fn code_list<T: Codes>(cell: &str) -> Option<Vec<T>> {
    cell.split([';', '；', ','])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(T::from_code)
        .collect()
}

/// The stretches `[from, to)` of consecutive columns that hold household fields.
fn household_stretches(fields: &[Option<Field>]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (c, f) in fields.iter().enumerate() {
        if !f.is_some_and(|f| f.slot().is_some()) {
            continue;
        }
        match out.last_mut() {
            Some((_, to)) if *to == c => *to = c + 1,
            _ => out.push((c, c + 1)),
        }
    }
    out
}

/// Fills a household from its rows; `None` to ask the slow path.
pub fn fill(
    columns: &[Option<&'static Column>],
    fields: &[Option<Field>],
    rows: &[(usize, Record)],
) -> Option<Household> {
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
    // The first cell given for each household field: later rows must agree with it.
    let mut seen: [Option<&str>; HOUSEHOLD_FIELDS] = [None; HOUSEHOLD_FIELDS];
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
    // Household fields are repeated on every member's row. Where a stretch of household
    // columns holds exactly the first row's cells, each of them was read there and kept (or was
    // empty), so the stretch is passed over whole: comparing each cell was a tenth of the time.
    let stretches = household_stretches(fields);
    let mut first: Option<&super::Cells> = None;
    for (_, rec) in rows {
        let Record::Cells(cells) = rec else {
            return None;
        };
        let mut m = MemberCells::default();
        let (mut next, mut skip_to) = (0, 0);
        for (c, ((col, field), cell)) in columns
            .iter()
            .zip(fields.iter())
            .zip(cells.iter())
            .enumerate()
        {
            if c < skip_to {
                continue;
            }
            if let (Some(f), Some(&(a, b))) = (first, stretches.get(next)) {
                if c == a {
                    next += 1;
                    if cells.same(f, a, b) {
                        skip_to = b;
                        continue;
                    }
                }
            }
            let (Some(col), cell) = (col, super::trimmed(cell)) else {
                continue;
            };
            if cell.is_empty() {
                continue;
            }
            let field = (*field)?;
            let Some(slot) = field.slot() else {
                m.set(&mut r, col, field, cell)?;
                continue;
            };
            match seen.get_mut(slot)? {
                // Two rows that disagree: the slow path reports where.
                Some(first) if *first != cell => return None,
                Some(_) => continue,
                first => *first = Some(cell),
            }
            match field {
                Field::Id => h.id = Some(text(cell)?),
                Field::Province => {
                    h.province = read_province_code(&mut r, &cell_value(col, cell), "")?;
                    province = true;
                }
                Field::Village => {
                    top.survey = true;
                    survey.village = Some(text(cell)?);
                }
                Field::Registration => h.registration = Some(code::<Registration>(col, cell)?),
                Field::IdentifiedOn => h.identified_on = Some(date(cell)?),
                Field::ExitedOn => h.exited_on = Some(date(cell)?),
                Field::WaterShortArea => h.water_short_area = Some(boolean(cell)?),
                Field::Wage => {
                    top.income = true;
                    h.income.wage = Some(money(&mut r, cell, false)?);
                }
                Field::Business => {
                    top.income = true;
                    h.income.business = Some(money(&mut r, cell, true)?);
                }
                Field::Property => {
                    top.income = true;
                    h.income.property = Some(money(&mut r, cell, false)?);
                }
                Field::Transfer => {
                    top.income = true;
                    top.transfer = Some(money(&mut r, cell, false)?);
                }
                Field::BusinessCosts => {
                    top.income = true;
                    h.income.business_costs = Some(money(&mut r, cell, false)?);
                }
                Field::TransferItem(item) => {
                    top.income = true;
                    top.transfer_items = true;
                    h.income
                        .transfer_items
                        .push((item, money(&mut r, cell, false)?));
                }
                Field::MedicalOutOfPocket => {
                    h.spending.medical_out_of_pocket = Some(money(&mut r, cell, false)?);
                }
                Field::EducationSpending => {
                    h.spending.education = Some(money(&mut r, cell, false)?);
                }
                Field::DisasterLoss => {
                    h.spending.disaster_loss = Some(money(&mut r, cell, false)?);
                }
                Field::FoodSecure => h.food = Some(boolean(cell)?),
                Field::ClothingSecure => h.clothing = Some(boolean(cell)?),
                Field::HouseGrade => h.housing.grade = Some(code::<HouseGrade>(col, cell)?),
                Field::AreaM2 => h.housing.area_m2 = Some(quantity(&mut r, cell)?),
                Field::RelocationMode => {
                    top.relocation = true;
                    relocation.mode = Some(code::<RelocationMode>(col, cell)?);
                }
                Field::KeysHandedOver => {
                    top.relocation = true;
                    relocation.keys_handed_over = Some(boolean(cell)?);
                }
                Field::MovedIn => {
                    top.relocation = true;
                    relocation.moved_in = Some(boolean(cell)?);
                }
                Field::SafeAlternative => {
                    h.housing.safe_alternative = Some(code::<SafeAlternative>(col, cell)?);
                }
                Field::PipedToHome => h.water.piped_to_home = Some(boolean(cell)?),
                Field::LitresPerPersonDay => {
                    h.water.litres_per_person_day = Some(quantity(&mut r, cell)?);
                }
                Field::FetchMinutes => h.water.fetch_minutes = Some(quantity(&mut r, cell)?),
                Field::HorizontalM => h.water.horizontal_m = Some(quantity(&mut r, cell)?),
                Field::VerticalM => h.water.vertical_m = Some(quantity(&mut r, cell)?),
                Field::DaysWithoutSupply => {
                    h.water.days_without_supply = Some(quantity(&mut r, cell)?);
                }
                Field::WaterQualityOk => h.water.quality_ok = Some(boolean(cell)?),
                Field::Electricity => h.electricity = Some(boolean(cell)?),
                Field::MonitoringCategory => {
                    top.monitoring = true;
                    monitoring.category = Some(code::<Category>(col, cell)?);
                }
                Field::MonitoringIdentifiedOn => {
                    top.monitoring = true;
                    monitoring.identified_on = Some(date(cell)?);
                }
                Field::Measures => {
                    top.monitoring = true;
                    monitoring.measures = code_list::<Measure>(cell)?;
                }
                Field::Risks => {
                    top.monitoring = true;
                    monitoring.risks = code_list::<Risk>(cell)?;
                }
                Field::RiskGone => {
                    top.monitoring = true;
                    monitoring.risk_gone = Some(boolean(cell)?);
                }
                Field::RiskEliminatedOn => {
                    top.monitoring = true;
                    monitoring.risk_eliminated_on = Some(date(cell)?);
                }
                Field::ExitSample => {
                    top.survey = true;
                    survey.exit_sample = Some(boolean(cell)?);
                }
                Field::MissedSample => {
                    top.survey = true;
                    survey.missed_sample = Some(boolean(cell)?);
                }
                Field::Recognised => {
                    top.survey = true;
                    survey.recognised = Some(boolean(cell)?);
                }
                // Member fields have no slot (above).
                _ => return None,
            }
        }
        h.members.push(m.member()?);
        first = first.or(Some(cells));
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

/// The cells of one member's row.
#[derive(Default)]
struct MemberCells {
    name: Option<String>,
    id_number: Option<IdNumber>,
    relation: Option<Relation>,
    sex: Option<Sex>,
    birth_date: Option<Date>,
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
    fn set(&mut self, r: &mut Reader, col: &Column, field: Field, cell: &str) -> Option<()> {
        match field {
            Field::Name => self.name = Some(text(cell)?),
            Field::IdNumber => self.id_number = Some(IdNumber::parse(cell).ok()?),
            Field::Relation => self.relation = Some(code::<Relation>(col, cell)?),
            Field::Sex => self.sex = Some(code::<Sex>(col, cell)?),
            Field::BirthDate => self.birth_date = Some(date(cell)?),
            Field::Health => self.health = Some(code::<Health>(col, cell)?),
            Field::DisabilityGrade => {
                let grade = r.integer(&number(cell)?, "", 1, 4)?;
                self.disability_grade = Some(u8::try_from(grade).ok()?);
            }
            Field::Labour => self.labour = Some(code::<Labour>(col, cell)?),
            Field::Schooling => self.schooling = Some(code::<Schooling>(col, cell)?),
            Field::DropoutReason => self.dropout_reason = Some(code::<DropoutReason>(col, cell)?),
            Field::CompletedCompulsory => self.completed_compulsory = Some(boolean(cell)?),
            Field::MedicalInsurance => {
                // Several schemes in one cell are a list on the slow path too.
                let v = cell_value(col, cell);
                self.medical_insurance = match &v {
                    Json::Array(_) => r.code_list::<Insurance>(&v, "")?,
                    _ => vec![code::<Insurance>(col, cell)?],
                };
            }
            Field::CriticalIllnessInsurance => {
                self.critical_illness_insurance = Some(boolean(cell)?);
            }
            Field::MedicalAssistance => self.medical_assistance = Some(boolean(cell)?),
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
    fn slow(
        columns: &std::sync::Arc<[Option<&'static Column>]>,
        rows: &[(usize, Record)],
    ) -> Option<Household> {
        let headers: std::sync::Arc<[String]> = COLUMNS.iter().map(|c| c.0.to_string()).collect();
        let t = build(columns, &headers, rows.to_vec(), true);
        let mut r = Reader::new();
        let h = read_household(&mut r, &t.value, "");
        (r.is_clean() && t.conflicts.is_empty())
            .then_some(h)
            .flatten()
    }

    #[test]
    fn issue8_item1_fill_agrees_with_the_slow_path() {
        let columns: std::sync::Arc<[Option<&'static Column>]> = COLUMNS.iter().map(Some).collect();
        let fields: Vec<Option<Field>> = COLUMNS.iter().map(Field::of).collect();
        assert!(
            fields.iter().all(Option::is_some),
            "every column fills a field"
        );
        let rows_of = |rows: &[Vec<String>; 2]| -> Vec<(usize, Record)> {
            rows.iter()
                .enumerate()
                .map(|(i, r)| (i + 2, split_cells(r.join(",").as_bytes(), None)))
                .collect()
        };
        let base = base();
        let rows = rows_of(&base);
        assert!(
            fill(&columns, &fields, &rows).is_some(),
            "the base household fills"
        );
        assert_eq!(fill(&columns, &fields, &rows), slow(&columns, &rows));
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
                    let fast = fill(&columns, &fields, &rows);
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
