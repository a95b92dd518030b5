//! The fast path of reading a household from JSON text (issue 8 item 1): the text is scanned
//! once, straight into `Household`, with no JSON value tree (`crate::json_value::Json`), no path
//! built and no allocation beyond the household's own.
//!
//! It accepts only a strict subset of what the path-collecting reader ([`super::read_household`]
//! on [`crate::json_text`]) accepts, and gives up (`None`) on anything else: then the caller runs
//! the slow path, which finds every problem at its exact path. So a problem never depends on
//! which path ran, and the fast path never accepts what the slow one refuses:
//!
//! * the scanner ([`Scan`]) reads the JSON grammar exactly, and gives up on anything it does not
//!   expect where it is: an escape or a control character in a string, a key not of the
//!   contract, the same key twice, a value of the wrong type, text after the household;
//! * a number is kept as its token and read by [`crate::json_text::number`], then by the very
//!   `Reader` functions the slow path uses (`money`, `quantity`, `integer`), on a `Reader` that
//!   builds no path; any finding gives up. Money and quantities in the plain form every file
//!   has are read straight from their digits, to the same value;
//! * codes, dates and id numbers go through the same `Codes::from_code`, `Date::parse`,
//!   `IdNumber::parse`, `province::is_known`; free text through the same length limit;
//! * the checks between fields that the slow reader makes (id number against birth date and sex,
//!   transfer items against the transfer total, members' count) are made here too, and give up.
//!
//! The engine's own checks (date order, consistency warnings, two heads in a batch) run on the
//! `Household`, whichever path read it. `tests/typed_reading.rs` reads generated and mutated
//! households both ways and requires the same answer.

use super::*;
use crate::json_value::Json;
use crate::province;
use crate::reader::{limits, Codes, Reader};

/// Reads one household from JSON text by the fast path; `None` means "ask the slow path" (there
/// may be no problem at all: text with an escaped key, say, is simply not handled here).
pub fn read_household_text(text: &str) -> Option<Household> {
    if text.len() > limits::MAX_INPUT_BYTES {
        return None;
    }
    let mut r = Reader::new();
    let mut scan = Scan {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let h = RawHousehold::scan(&mut scan, &mut r)?;
    scan.ws();
    if scan.at != scan.bytes.len() {
        return None;
    }
    r.is_clean().then_some(h)
}

/// A cursor over JSON text that reads the grammar exactly and gives up (`None`) on anything
/// else, or on anything the fast path leaves to the slow one.
struct Scan<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Scan<'a> {
    /// JSON whitespace: space, tab, line feed, carriage return.
    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    /// The next byte after whitespace.
    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> Option<()> {
        (self.peek()? == b).then(|| self.at += 1)
    }

    fn word(&mut self, word: &[u8]) -> Option<()> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end)? == word).then(|| self.at = end)
    }

    /// A string without escapes or control characters (which a string may not hold raw).
    fn str(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.at;
        loop {
            // Eight bytes at a time to the first quote, backslash or control character (names
            // and villages are Chinese text, keys short); byte by byte in the text's last seven.
            if let Some(word) = self.bytes.get(self.at..self.at + 8) {
                let mut w = [0u8; 8];
                w.copy_from_slice(word);
                match crate::json_text::first_special(u64::from_le_bytes(w)) {
                    None => {
                        self.at += 8;
                        continue;
                    }
                    Some(i) => self.at += i,
                }
            }
            match *self.bytes.get(self.at)? {
                b'"' => break,
                b'\\' | 0..=0x1F => return None,
                _ => self.at += 1,
            }
        }
        let s = self.text.get(start..self.at)?;
        self.at += 1;
        Some(s)
    }

    fn boolean(&mut self) -> Option<bool> {
        match self.peek()? {
            b't' => self.word(b"true").map(|_| true),
            b'f' => self.word(b"false").map(|_| false),
            _ => None,
        }
    }

    /// A number token, by JSON's grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    fn number(&mut self) -> Option<&'a str> {
        self.ws();
        let start = self.at;
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        match self.bytes.get(self.at)? {
            b'0' => self.at += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            self.some_digits()?;
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            self.some_digits()?;
        }
        self.text.get(start..self.at)
    }

    fn digits(&mut self) {
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
    }

    fn some_digits(&mut self) -> Option<()> {
        let from = self.at;
        self.digits();
        (self.at > from).then_some(())
    }

    /// `null` (then `None`), or a value read by `read`.
    fn opt<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        if self.peek()? == b'n' {
            self.word(b"null")?;
            return Some(None);
        }
        read(self).map(Some)
    }

    /// An object: `field` is called with each key, and reads its value.
    fn object(&mut self, mut field: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        self.eat(b'{')?;
        if self.peek()? == b'}' {
            self.at += 1;
            return Some(());
        }
        loop {
            self.ws();
            let key = self.str()?;
            self.eat(b':')?;
            field(self, key)?;
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// An array: `item` reads each element.
    fn array(&mut self, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.eat(b'[')?;
        if self.peek()? == b']' {
            self.at += 1;
            return Some(());
        }
        loop {
            item(self)?;
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// A code of a closed set (`"poor"`, `"head"`…).
    fn code<T: Codes>(&mut self) -> Option<T> {
        T::from_code(self.str()?)
    }

    /// A `YYYY-MM-DD` date.
    fn date(&mut self) -> Option<Date> {
        Date::parse(self.str()?)
    }

    fn codes<T: Codes>(&mut self) -> Option<Vec<T>> {
        let mut out = Vec::new();
        self.array(|s| {
            out.push(s.code()?);
            Some(())
        })?;
        Some(out)
    }

    /// `medicalInsurance`: one scheme as a string, or (extension) a list of schemes.
    fn insurances(&mut self) -> Option<Vec<Insurance>> {
        if self.peek()? == b'[' {
            self.codes()
        } else {
            Some(vec![self.code()?])
        }
    }

    /// `food`, `clothing` and `electricity` are objects holding one optional flag (`secure`,
    /// `connected`): the flag `null` or left out reads as no answer, as the slow path reads it.
    fn flag(&mut self, name: &str) -> Option<Option<bool>> {
        let mut value = None;
        let mut seen = Seen::default();
        self.object(|s, key| {
            (key == name).then_some(())?;
            seen.first(0)?;
            value = s.opt(Scan::boolean)?;
            Some(())
        })?;
        Some(value)
    }
}

/// The keys of an object met so far: the same key twice gives up (the slow path says
/// `duplicate_key`), even when the first was `null`.
#[derive(Default)]
struct Seen(u32);

impl Seen {
    fn first(&mut self, bit: u32) -> Option<()> {
        let mask = 1u32.checked_shl(bit)?;
        if self.0 & mask != 0 {
            return None;
        }
        self.0 |= mask;
        Some(())
    }
}

type Num<'a> = Option<&'a str>;
type Text<'a> = Option<&'a str>;

#[derive(Default)]
struct RawHousehold<'a> {
    id: Text<'a>,
    province: Text<'a>,
    water_short_area: Option<bool>,
    registration: Option<Registration>,
    identified_on: Option<Date>,
    exited_on: Option<Date>,
    monitoring: Option<MonitoringRecord>,
    members: Option<Vec<Member>>,
    income: Option<Income>,
    spending: Option<RawSpending<'a>>,
    food: Option<Option<bool>>,
    clothing: Option<Option<bool>>,
    housing: Option<RawHousing<'a>>,
    water: Option<RawWater<'a>>,
    electricity: Option<Option<bool>>,
    exit_procedure: Option<Vec<(ExitStep, Date)>>,
    survey: Option<RawSurvey<'a>>,
}

#[derive(Default)]
struct RawMember<'a> {
    name: Text<'a>,
    id_number: Option<IdNumber>,
    relation: Option<Relation>,
    sex: Option<Sex>,
    birth_date: Option<Date>,
    health: Option<Health>,
    disability_grade: Num<'a>,
    labour: Option<Labour>,
    schooling: Option<Schooling>,
    dropout_reason: Option<DropoutReason>,
    completed_compulsory: Option<bool>,
    medical_insurance: Option<Vec<Insurance>>,
    critical_illness_insurance: Option<bool>,
    medical_assistance: Option<bool>,
}

#[derive(Default)]
struct RawIncome<'a> {
    wage: Num<'a>,
    business: Num<'a>,
    property: Num<'a>,
    transfer: Num<'a>,
    business_costs: Num<'a>,
    transfer_items: Option<RawTransferItems<'a>>,
}

#[derive(Default)]
struct RawTransferItems<'a> {
    basic_pension: Num<'a>,
    dibao_a: Num<'a>,
    dibao_b: Num<'a>,
    dibao_c: Num<'a>,
    one_off_relief: Num<'a>,
}

#[derive(Default)]
struct RawSpending<'a> {
    medical_out_of_pocket: Num<'a>,
    education: Num<'a>,
    disaster_loss: Num<'a>,
}

#[derive(Default)]
struct RawHousing<'a> {
    grade: Option<HouseGrade>,
    area_m2: Num<'a>,
    relocation: Option<Relocation>,
    safe_alternative: Option<SafeAlternative>,
}

#[derive(Default)]
struct RawRelocation {
    mode: Option<RelocationMode>,
    keys_handed_over: Option<bool>,
    moved_in: Option<bool>,
}

#[derive(Default)]
struct RawWater<'a> {
    piped_to_home: Option<bool>,
    litres_per_person_day: Num<'a>,
    fetch_minutes: Num<'a>,
    horizontal_m: Num<'a>,
    vertical_m: Num<'a>,
    days_without_supply: Num<'a>,
    quality_ok: Option<bool>,
}

#[derive(Default)]
struct RawSurvey<'a> {
    exit_sample: Option<bool>,
    missed_sample: Option<bool>,
    recognised: Option<bool>,
    village: Text<'a>,
}

/// Reads the fields of an object into `$raw`: each arm is `"key" => field: reader`, where the
/// reader reads a non-null value (`null` leaves the field `None`). An unknown key or the same
/// key twice gives up.
macro_rules! fields {
    ($scan:expr, $raw:ident, { $($key:literal => $field:ident : $read:expr),* $(,)? }) => {{
        let mut seen = Seen::default();
        $scan.object(|s, key| {
            let mut bit = 0u32;
            $(
                if key == $key {
                    seen.first(bit)?;
                    $raw.$field = s.opt($read)?;
                    return Some(());
                }
                bit += 1;
            )*
            let _ = bit;
            None
        })
    }};
}

impl<'a> RawHousehold<'a> {
    fn scan(s: &mut Scan<'a>, r: &mut Reader) -> Option<Household> {
        let mut raw = RawHousehold::default();
        fields!(s, raw, {
            "id" => id: Scan::str,
            "province" => province: Scan::str,
            "waterShortArea" => water_short_area: Scan::boolean,
            "registration" => registration: Scan::code,
            "identifiedOn" => identified_on: Scan::date,
            "exitedOn" => exited_on: Scan::date,
            "monitoring" => monitoring: scan_monitoring,
            "members" => members: |s| scan_members(s, r),
            "income" => income: |s| scan_income(s, r),
            "spending" => spending: |s| {
                let mut raw = RawSpending::default();
                fields!(s, raw, {
                    "medicalOutOfPocket" => medical_out_of_pocket: Scan::number,
                    "education" => education: Scan::number,
                    "disasterLoss" => disaster_loss: Scan::number,
                })?;
                Some(raw)
            },
            "food" => food: |s| s.flag("secure"),
            "clothing" => clothing: |s| s.flag("secure"),
            "housing" => housing: |s| {
                let mut raw = RawHousing::default();
                fields!(s, raw, {
                    "grade" => grade: Scan::code,
                    "areaM2" => area_m2: Scan::number,
                    "relocation" => relocation: |s| {
                        let mut raw = RawRelocation::default();
                        fields!(s, raw, {
                            "mode" => mode: Scan::code,
                            "keysHandedOver" => keys_handed_over: Scan::boolean,
                            "movedIn" => moved_in: Scan::boolean,
                        })?;
                        Some(Relocation {
                            mode: raw.mode,
                            keys_handed_over: raw.keys_handed_over,
                            moved_in: raw.moved_in,
                        })
                    },
                    "safeAlternative" => safe_alternative: Scan::code,
                })?;
                Some(raw)
            },
            "water" => water: |s| {
                let mut raw = RawWater::default();
                fields!(s, raw, {
                    "pipedToHome" => piped_to_home: Scan::boolean,
                    "litresPerPersonDay" => litres_per_person_day: Scan::number,
                    "fetchMinutes" => fetch_minutes: Scan::number,
                    "horizontalM" => horizontal_m: Scan::number,
                    "verticalM" => vertical_m: Scan::number,
                    "daysWithoutSupply" => days_without_supply: Scan::number,
                    "qualityOk" => quality_ok: Scan::boolean,
                })?;
                Some(raw)
            },
            "electricity" => electricity: |s| s.flag("connected"),
            "exitProcedure" => exit_procedure: scan_exit_procedure,
            "survey" => survey: |s| {
                let mut raw = RawSurvey::default();
                fields!(s, raw, {
                    "exitSample" => exit_sample: Scan::boolean,
                    "missedSample" => missed_sample: Scan::boolean,
                    "recognised" => recognised: Scan::boolean,
                    "village" => village: Scan::str,
                })?;
                Some(raw)
            },
        })?;
        raw.into_household(r)
    }
}

fn scan_monitoring(s: &mut Scan) -> Option<MonitoringRecord> {
    let mut raw = RawMonitoring::default();
    fields!(s, raw, {
        "category" => category: Scan::code,
        "identifiedOn" => identified_on: Scan::date,
        "measures" => measures: Scan::codes,
        "risks" => risks: Scan::codes,
        "riskGone" => risk_gone: Scan::boolean,
        "riskEliminatedOn" => risk_eliminated_on: Scan::date,
    })?;
    Some(MonitoringRecord {
        category: raw.category,
        identified_on: raw.identified_on,
        measures: raw.measures.unwrap_or_default(),
        risks: raw.risks.unwrap_or_default(),
        risk_gone: raw.risk_gone,
        risk_eliminated_on: raw.risk_eliminated_on,
    })
}

#[derive(Default)]
struct RawMonitoring {
    category: Option<Category>,
    identified_on: Option<Date>,
    measures: Option<Vec<Measure>>,
    risks: Option<Vec<Risk>>,
    risk_gone: Option<bool>,
    risk_eliminated_on: Option<Date>,
}

/// The members, each read into a `Member` as soon as it is scanned.
fn scan_members(s: &mut Scan, r: &mut Reader) -> Option<Vec<Member>> {
    // Households have 1–7 members, rarely more: one allocation for nearly all of them.
    let mut out = Vec::with_capacity(8);
    s.array(|s| {
        if out.len() >= limits::MAX_MEMBERS {
            return None;
        }
        let mut raw = RawMember::default();
        fields!(s, raw, {
            "name" => name: Scan::str,
            "idNumber" => id_number: |s| IdNumber::parse(s.str()?).ok(),
            "relation" => relation: Scan::code,
            "sex" => sex: Scan::code,
            "birthDate" => birth_date: Scan::date,
            "health" => health: Scan::code,
            "disabilityGrade" => disability_grade: Scan::number,
            "labour" => labour: Scan::code,
            "schooling" => schooling: Scan::code,
            "dropoutReason" => dropout_reason: Scan::code,
            "completedCompulsory" => completed_compulsory: Scan::boolean,
            "medicalInsurance" => medical_insurance: Scan::insurances,
            "criticalIllnessInsurance" => critical_illness_insurance: Scan::boolean,
            "medicalAssistance" => medical_assistance: Scan::boolean,
        })?;
        out.push(raw.into_member(r)?);
        Some(())
    })?;
    Some(out)
}

fn scan_income(s: &mut Scan, r: &mut Reader) -> Option<Income> {
    let mut raw = RawIncome::default();
    fields!(s, raw, {
        "wage" => wage: Scan::number,
        "business" => business: Scan::number,
        "property" => property: Scan::number,
        "transfer" => transfer: Scan::number,
        "businessCosts" => business_costs: Scan::number,
        "transferItems" => transfer_items: |s| {
            let mut raw = RawTransferItems::default();
            fields!(s, raw, {
                "basicPension" => basic_pension: Scan::number,
                "dibaoA" => dibao_a: Scan::number,
                "dibaoB" => dibao_b: Scan::number,
                "dibaoC" => dibao_c: Scan::number,
                "oneOffRelief" => one_off_relief: Scan::number,
            })?;
            Some(raw)
        },
    })?;
    raw.into_income(r).ok()
}

/// `exitProcedure`: the date of each step given, in the order of `ExitStep::ALL`, as the slow
/// path lists them.
fn scan_exit_procedure(s: &mut Scan) -> Option<Vec<(ExitStep, Date)>> {
    let mut dates: [Option<Date>; 6] = [None; 6];
    let mut seen = Seen::default();
    s.object(|s, key| {
        let (i, _) = ExitStep::ALL
            .iter()
            .enumerate()
            .find(|(_, (_, code))| *code == key)?;
        seen.first(u32::try_from(i).ok()?)?;
        *dates.get_mut(i)? = s.opt(Scan::date)?;
        Some(())
    })?;
    Some(
        ExitStep::ALL
            .iter()
            .zip(dates)
            .filter_map(|((step, _), d)| d.map(|d| (*step, d)))
            .collect(),
    )
}

/// Free text within the length limit (`value_too_long` otherwise, on the slow path).
fn text(s: Option<&str>) -> Result<Option<String>, ()> {
    match s {
        None => Ok(None),
        Some(s)
            if s.len() > limits::MAX_STRING_CHARS
                && s.chars().count() > limits::MAX_STRING_CHARS =>
        {
            Err(())
        }
        Some(s) => Ok(Some(s.to_string())),
    }
}

/// The number a token stands for, as the slow path's `Json::Number` would hold it; `None` for
/// a number `json_text` refuses.
fn number(token: &str) -> Option<Json> {
    crate::json_text::number(token).ok().map(Json::Number)
}

/// Reads an optional number with one of the slow path's `Reader` functions. `Err` when it has a
/// problem (the `Reader` then holds a finding with an empty path, never shown: the slow path
/// runs instead).
fn num<T>(
    r: &mut Reader,
    raw: Num,
    read: impl FnOnce(&mut Reader, &Json, &str) -> Option<T>,
) -> Result<Option<T>, ()> {
    let Some(raw) = raw else {
        return Ok(None);
    };
    let v = number(raw).ok_or(())?;
    read(r, &v, "").map(Some).ok_or(())
}

fn money(r: &mut Reader, raw: Num, allow_negative: bool) -> Result<Option<Money>, ()> {
    if let Some(fen) = raw.and_then(plain_fen) {
        if fen >= 0 || allow_negative {
            return Ok(Some(Money::from_fen(fen)));
        }
    }
    num(r, raw, |r, v, p| r.money(v, p, allow_negative))
}

/// A non-negative quantity (litres, minutes, metres, m²), as [`Reader::quantity`] reads it.
fn quantity(r: &mut Reader, raw: Num) -> Result<Option<Decimal>, ()> {
    if let Some(d) = raw.and_then(plain_quantity) {
        return Ok(Some(d));
    }
    num(r, raw, Reader::quantity)
}

/// The digits of a number token in plain form (`-?digits(.digits)?`, no exponent): sign, whole
/// and fractional digits. The token is a JSON number already ([`Scan::number`] read it), so
/// there is no leading zero, empty part or stray character to look for beyond these.
fn plain_parts(token: &str) -> Option<(bool, &str, &str)> {
    let (negative, body) = match token.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    let (whole, frac) = match body.bytes().position(|b| b == b'.') {
        Some(dot) => (body.get(..dot)?, body.get(dot + 1..)?),
        None => (body, ""),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    (!whole.is_empty() && digits(whole) && digits(frac)).then_some((negative, whole, frac))
}

/// Money written the way every file writes it (`-?digits(.d{1,2})?`, at most 12 whole digits,
/// so below `MAX_YUAN`), read straight to fen: exactly what [`Reader::money`] makes of it
/// through a double and its shortest text (14 significant digits at most round-trip exactly;
/// issue 8 item 1). `None` for any other form, which the `Reader` path reads.
fn plain_fen(token: &str) -> Option<i64> {
    let (negative, whole, frac) = plain_parts(token)?;
    if whole.len() > 12 || frac.len() > 2 {
        return None;
    }
    let mut fen: i64 = 0;
    for b in whole
        .bytes()
        .chain(frac.bytes())
        .chain(std::iter::repeat_n(b'0', 2 - frac.len()))
    {
        fen = fen * 10 + i64::from(b - b'0');
    }
    Some(if negative { -fen } else { fen })
}

/// A non-negative quantity in plain form with at most 15 significant digits and
/// `MAX_SCALE` decimals, read as exact decimal text: the value [`Reader::quantity`] gets
/// through a double and its shortest text, since a double holds any 15 digits exactly. `None`
/// for a negative or any other form, which the `Reader` path reads.
fn plain_quantity(token: &str) -> Option<Decimal> {
    let (negative, whole, frac) = plain_parts(token)?;
    if negative || whole.len() + frac.len() > 15 || frac.len() > crate::number::MAX_SCALE as usize {
        return None;
    }
    Decimal::parse(token).ok()
}

impl RawHousehold<'_> {
    fn into_household(self, r: &mut Reader) -> Option<Household> {
        let province = self.province?;
        if !province::is_known(province) {
            return None;
        }
        let members = self.members?;
        if members.is_empty() {
            return None;
        }
        let income = self.income?;
        let spending = match self.spending {
            Some(s) => Spending {
                medical_out_of_pocket: money(r, s.medical_out_of_pocket, false).ok()?,
                education: money(r, s.education, false).ok()?,
                disaster_loss: money(r, s.disaster_loss, false).ok()?,
            },
            None => Spending::default(),
        };
        let housing = match self.housing {
            Some(h) => Housing {
                grade: h.grade,
                area_m2: quantity(r, h.area_m2).ok()?,
                relocation: h.relocation,
                safe_alternative: h.safe_alternative,
            },
            None => Housing::default(),
        };
        let water = match self.water {
            Some(w) => Water {
                piped_to_home: w.piped_to_home,
                litres_per_person_day: quantity(r, w.litres_per_person_day).ok()?,
                fetch_minutes: quantity(r, w.fetch_minutes).ok()?,
                horizontal_m: quantity(r, w.horizontal_m).ok()?,
                vertical_m: quantity(r, w.vertical_m).ok()?,
                days_without_supply: quantity(r, w.days_without_supply).ok()?,
                quality_ok: w.quality_ok,
            },
            None => Water::default(),
        };
        let survey = match self.survey {
            Some(s) => Some(Survey {
                exit_sample: s.exit_sample,
                missed_sample: s.missed_sample,
                recognised: s.recognised,
                village: text(s.village).ok()?,
            }),
            None => None,
        };
        Some(Household {
            id: text(self.id).ok()?,
            province: province.to_string(),
            water_short_area: self.water_short_area,
            registration: self.registration,
            identified_on: self.identified_on,
            exited_on: self.exited_on,
            monitoring: self.monitoring,
            members,
            income,
            spending,
            food: self.food.flatten(),
            clothing: self.clothing.flatten(),
            housing,
            water,
            electricity: self.electricity.flatten(),
            exit_procedure: self.exit_procedure.unwrap_or_default(),
            survey,
        })
    }
}

impl RawMember<'_> {
    fn into_member(self, r: &mut Reader) -> Option<Member> {
        let sex = self.sex?;
        let birth_date = self.birth_date?;
        let id_number = self.id_number;
        // The slow path's checks between fields of one member.
        if let Some(id) = &id_number {
            if id.birth_date() != birth_date || id.sex() != sex {
                return None;
            }
        }
        let disability_grade = num(r, self.disability_grade, |r, v, p| r.integer(v, p, 1, 4))
            .ok()?
            .map(u8::try_from)
            .transpose()
            .ok()?;
        Some(Member {
            name: text(self.name).ok()?,
            id_number,
            relation: self.relation?,
            sex,
            birth_date,
            health: self.health,
            disability_grade,
            labour: self.labour,
            schooling: self.schooling,
            dropout_reason: self.dropout_reason,
            completed_compulsory: self.completed_compulsory,
            medical_insurance: self.medical_insurance.unwrap_or_default(),
            critical_illness_insurance: self.critical_illness_insurance,
            medical_assistance: self.medical_assistance,
        })
    }
}

impl RawIncome<'_> {
    fn into_income(self, r: &mut Reader) -> Result<Income, ()> {
        let transfer = money(r, self.transfer, false)?;
        let transfer_items_given = self.transfer_items.is_some();
        let mut transfer_items = Vec::new();
        if let Some(t) = self.transfer_items {
            // In the order of `TransferItem::ALL`, as the slow path lists them.
            for (item, _) in TransferItem::ALL {
                let raw = match item {
                    TransferItem::BasicPension => t.basic_pension,
                    TransferItem::DibaoA => t.dibao_a,
                    TransferItem::DibaoB => t.dibao_b,
                    TransferItem::DibaoC => t.dibao_c,
                    TransferItem::OneOffRelief => t.one_off_relief,
                };
                if let Some(m) = money(r, raw, false)? {
                    transfer_items.push((*item, m));
                }
            }
        }
        if let Some(total) = transfer {
            let sum: Money = transfer_items.iter().map(|(_, m)| *m).sum();
            if sum > total {
                return Err(());
            }
        }
        Ok(Income {
            wage: money(r, self.wage, false)?,
            business: money(r, self.business, true)?,
            property: money(r, self.property, false)?,
            transfer,
            business_costs: money(r, self.business_costs, false)?,
            transfer_items,
            transfer_items_given,
        })
    }
}
