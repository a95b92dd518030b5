//! The fast path of reading a household from JSON text (issue 8 item 1): serde's derive straight
//! into `Household`, no `serde_json::Value` tree, no path built.
//!
//! It accepts only a strict subset of what the path-collecting reader ([`super::read_household`]
//! on [`crate::json_text`]) accepts, and gives up (`None`) on anything else: then the caller runs
//! the slow path, which finds every problem at its exact path. So a problem never depends on
//! which path ran, and the fast path never accepts what the slow one refuses:
//!
//! * the same key twice is a serde `duplicate_field` error, an unknown key a
//!   `deny_unknown_fields` error, a wrong type a type error: all give up;
//! * a number is kept as its text (`RawValue`) and read by [`crate::json_text::number`], then by
//!   the very `Reader` functions the slow path uses (`money`, `quantity`, `integer`), on a
//!   `Reader` that builds no path; any finding gives up;
//! * codes, dates and id numbers go through the same `Codes::from_code`, `Date::parse`,
//!   `IdNumber::parse`, `province::is_known`; free text through the same length limit;
//! * the checks between fields that the slow reader makes (id number against birth date and sex,
//!   transfer items against the transfer total, members' count) are made here too, and give up.
//!
//! The engine's own checks (date order, consistency warnings, two heads in a batch) run on the
//! `Household`, whichever path read it. `tests/typed_reading.rs` reads generated and mutated
//! households both ways and requires the same answer.

use super::*;
use crate::province;
use crate::reader::{limits, Codes, Reader};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::borrow::Cow;
use std::marker::PhantomData;

/// Reads one household from JSON text by the fast path; `None` means "ask the slow path" (there
/// may be no problem at all: text with an escaped key, say, is simply not handled here).
pub fn read_household_text(text: &str) -> Option<Household> {
    if text.len() > limits::MAX_INPUT_BYTES {
        return None;
    }
    let Obj(raw) = serde_json::from_str::<Obj<RawHousehold>>(text).ok()?;
    let mut r = Reader::new();
    let h = raw.into_household(&mut r)?;
    r.is_clean().then_some(h)
}

/// A JSON object, and only an object: serde's derive would also read a struct from an array of
/// its fields in order (`"food": [true]`), which the slow path rightly calls `invalid_type`.
struct Obj<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Obj<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Obj<T>, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Obj)
            }
        }
        d.deserialize_map(V(PhantomData))
    }
}

/// A code of a closed set (`"poor"`, `"head"`…), checked as it is read.
struct Code<T>(T);

impl<'de, T: Codes> Deserialize<'de> for Code<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<T: Codes> Visitor<'_> for V<T> {
            type Value = Code<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a code")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Code<T>, E> {
                T::from_code(s)
                    .map(Code)
                    .ok_or_else(|| E::custom("not a code"))
            }
        }
        d.deserialize_str(V(PhantomData))
    }
}

/// A `YYYY-MM-DD` date, checked as it is read.
struct DateText(Date);

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = DateText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<DateText, E> {
                Date::parse(s)
                    .map(DateText)
                    .ok_or_else(|| E::custom("not a date"))
            }
        }
        d.deserialize_str(V)
    }
}

/// An 18-character 公民身份号码, checked as it is read.
struct IdText(IdNumber);

impl<'de> Deserialize<'de> for IdText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = IdText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an id number")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<IdText, E> {
                IdNumber::parse(s)
                    .map(IdText)
                    .map_err(|_| E::custom("not an id number"))
            }
        }
        d.deserialize_str(V)
    }
}

/// `medicalInsurance`: one scheme as a string, or (extension) a list of schemes.
struct Insurances(Vec<Insurance>);

impl<'de> Deserialize<'de> for Insurances {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Insurances;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a scheme or a list of schemes")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Insurances, E> {
                Insurance::from_code(s)
                    .map(|i| Insurances(vec![i]))
                    .ok_or_else(|| E::custom("not a scheme"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Insurances, A::Error> {
                let mut out = Vec::new();
                while let Some(Code(i)) = seq.next_element::<Code<Insurance>>()? {
                    out.push(i);
                }
                Ok(Insurances(out))
            }
        }
        d.deserialize_any(V)
    }
}

type Num<'a> = Option<&'a RawValue>;
type Text<'a> = Option<Cow<'a, str>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawHousehold<'a> {
    #[serde(borrow)]
    id: Text<'a>,
    #[serde(borrow)]
    province: Text<'a>,
    water_short_area: Option<bool>,
    registration: Option<Code<Registration>>,
    identified_on: Option<DateText>,
    exited_on: Option<DateText>,
    monitoring: Option<Obj<RawMonitoring>>,
    #[serde(borrow)]
    members: Option<Vec<Obj<RawMember<'a>>>>,
    #[serde(borrow)]
    income: Option<Obj<RawIncome<'a>>>,
    #[serde(borrow)]
    spending: Option<Obj<RawSpending<'a>>>,
    food: Option<Obj<Secure>>,
    clothing: Option<Obj<Secure>>,
    #[serde(borrow)]
    housing: Option<Obj<RawHousing<'a>>>,
    #[serde(borrow)]
    water: Option<Obj<RawWater<'a>>>,
    electricity: Option<Obj<Connected>>,
    exit_procedure: Option<Obj<RawExitProcedure>>,
    #[serde(borrow)]
    survey: Option<Obj<RawSurvey<'a>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Secure {
    secure: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Connected {
    connected: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawMonitoring {
    category: Option<Code<Category>>,
    identified_on: Option<DateText>,
    measures: Option<Vec<Code<Measure>>>,
    risks: Option<Vec<Code<Risk>>>,
    risk_gone: Option<bool>,
    risk_eliminated_on: Option<DateText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawMember<'a> {
    #[serde(borrow)]
    name: Text<'a>,
    id_number: Option<IdText>,
    relation: Option<Code<Relation>>,
    sex: Option<Code<Sex>>,
    birth_date: Option<DateText>,
    health: Option<Code<Health>>,
    #[serde(borrow)]
    disability_grade: Num<'a>,
    labour: Option<Code<Labour>>,
    schooling: Option<Code<Schooling>>,
    dropout_reason: Option<Code<DropoutReason>>,
    completed_compulsory: Option<bool>,
    medical_insurance: Option<Insurances>,
    critical_illness_insurance: Option<bool>,
    medical_assistance: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawIncome<'a> {
    #[serde(borrow)]
    wage: Num<'a>,
    #[serde(borrow)]
    business: Num<'a>,
    #[serde(borrow)]
    property: Num<'a>,
    #[serde(borrow)]
    transfer: Num<'a>,
    #[serde(borrow)]
    business_costs: Num<'a>,
    #[serde(borrow)]
    transfer_items: Option<Obj<RawTransferItems<'a>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawTransferItems<'a> {
    #[serde(borrow)]
    basic_pension: Num<'a>,
    #[serde(borrow)]
    dibao_a: Num<'a>,
    #[serde(borrow)]
    dibao_b: Num<'a>,
    #[serde(borrow)]
    dibao_c: Num<'a>,
    #[serde(borrow)]
    one_off_relief: Num<'a>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawSpending<'a> {
    #[serde(borrow)]
    medical_out_of_pocket: Num<'a>,
    #[serde(borrow)]
    education: Num<'a>,
    #[serde(borrow)]
    disaster_loss: Num<'a>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawHousing<'a> {
    grade: Option<Code<HouseGrade>>,
    #[serde(borrow)]
    area_m2: Num<'a>,
    relocation: Option<Obj<RawRelocation>>,
    safe_alternative: Option<Code<SafeAlternative>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawRelocation {
    mode: Option<Code<RelocationMode>>,
    keys_handed_over: Option<bool>,
    moved_in: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawWater<'a> {
    piped_to_home: Option<bool>,
    #[serde(borrow)]
    litres_per_person_day: Num<'a>,
    #[serde(borrow)]
    fetch_minutes: Num<'a>,
    #[serde(borrow)]
    horizontal_m: Num<'a>,
    #[serde(borrow)]
    vertical_m: Num<'a>,
    #[serde(borrow)]
    days_without_supply: Num<'a>,
    quality_ok: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExitProcedure {
    democratic_review: Option<DateText>,
    verification: Option<DateText>,
    household_consent: Option<DateText>,
    public_notice: Option<DateText>,
    announcement: Option<DateText>,
    deregistration: Option<DateText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawSurvey<'a> {
    exit_sample: Option<bool>,
    missed_sample: Option<bool>,
    recognised: Option<bool>,
    #[serde(borrow)]
    village: Text<'a>,
}

/// Free text within the length limit (`value_too_long` otherwise, on the slow path).
fn text(s: Option<Cow<str>>) -> Result<Option<String>, ()> {
    match s {
        None => Ok(None),
        Some(s)
            if s.len() > limits::MAX_STRING_CHARS
                && s.chars().count() > limits::MAX_STRING_CHARS =>
        {
            Err(())
        }
        Some(s) => Ok(Some(s.into_owned())),
    }
}

/// The number a token stands for, as the slow path's `Value::Number` would hold it; `None` for
/// anything else (a string, an object…) or a number `json_text` refuses.
fn number(raw: &RawValue) -> Option<Value> {
    let token = raw.get();
    if !token.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        return None;
    }
    crate::json_text::number(token).ok().map(Value::Number)
}

/// Reads an optional number with one of the slow path's `Reader` functions. `Err` when it has a
/// problem (the `Reader` then holds a finding with an empty path, never shown: the slow path
/// runs instead).
fn num<T>(
    r: &mut Reader,
    raw: Num,
    read: impl FnOnce(&mut Reader, &Value, &str) -> Option<T>,
) -> Result<Option<T>, ()> {
    let Some(raw) = raw else {
        return Ok(None);
    };
    let v = number(raw).ok_or(())?;
    read(r, &v, "").map(Some).ok_or(())
}

fn money(r: &mut Reader, raw: Num, allow_negative: bool) -> Result<Option<Money>, ()> {
    if let Some(fen) = raw.and_then(|t| plain_fen(t.get())) {
        if fen >= 0 || allow_negative {
            return Ok(Some(Money::from_fen(fen)));
        }
    }
    num(r, raw, |r, v, p| r.money(v, p, allow_negative))
}

/// A non-negative quantity (litres, minutes, metres, m²), as [`Reader::quantity`] reads it.
fn quantity(r: &mut Reader, raw: Num) -> Result<Option<Decimal>, ()> {
    if let Some(d) = raw.and_then(|t| plain_quantity(t.get())) {
        return Ok(Some(d));
    }
    num(r, raw, Reader::quantity)
}

/// The digits of a number token in plain form (`-?digits(.digits)?`, no exponent): sign, whole
/// and fractional digits. The token is valid JSON already (serde_json checked it), so there
/// is no leading zero, empty part or stray character to look for beyond these.
fn plain_parts(token: &str) -> Option<(bool, &str, &str)> {
    let (negative, body) = match token.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    let (whole, frac) = body.split_once('.').unwrap_or((body, ""));
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

fn codes<T: Codes>(list: Option<Vec<Code<T>>>) -> Vec<T> {
    list.unwrap_or_default().into_iter().map(|c| c.0).collect()
}

fn date(d: Option<DateText>) -> Option<Date> {
    d.map(|d| d.0)
}

impl RawHousehold<'_> {
    fn into_household(self, r: &mut Reader) -> Option<Household> {
        let province = self.province?;
        if !province::is_known(&province) {
            return None;
        }
        let members = self.members?;
        if members.is_empty() || members.len() > limits::MAX_MEMBERS {
            return None;
        }
        let members = members
            .into_iter()
            .map(|m| m.0.into_member(r))
            .collect::<Option<Vec<_>>>()?;
        let income = self.income?.0.into_income(r).ok()?;
        let spending = match self.spending {
            Some(Obj(s)) => Spending {
                medical_out_of_pocket: money(r, s.medical_out_of_pocket, false).ok()?,
                education: money(r, s.education, false).ok()?,
                disaster_loss: money(r, s.disaster_loss, false).ok()?,
            },
            None => Spending::default(),
        };
        let housing = match self.housing {
            Some(Obj(h)) => Housing {
                grade: h.grade.map(|c| c.0),
                area_m2: quantity(r, h.area_m2).ok()?,
                relocation: h.relocation.map(|Obj(x)| Relocation {
                    mode: x.mode.map(|c| c.0),
                    keys_handed_over: x.keys_handed_over,
                    moved_in: x.moved_in,
                }),
                safe_alternative: h.safe_alternative.map(|c| c.0),
            },
            None => Housing::default(),
        };
        let water = match self.water {
            Some(Obj(w)) => Water {
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
        let exit_procedure = match self.exit_procedure {
            Some(Obj(e)) => {
                let mut out = Vec::new();
                // In the order of `ExitStep::ALL`, as the slow path lists them.
                for (step, _) in ExitStep::ALL {
                    let d = match step {
                        ExitStep::DemocraticReview => &e.democratic_review,
                        ExitStep::Verification => &e.verification,
                        ExitStep::HouseholdConsent => &e.household_consent,
                        ExitStep::PublicNotice => &e.public_notice,
                        ExitStep::Announcement => &e.announcement,
                        ExitStep::Deregistration => &e.deregistration,
                    };
                    if let Some(d) = d {
                        out.push((*step, d.0));
                    }
                }
                out
            }
            None => Vec::new(),
        };
        let survey = match self.survey {
            Some(Obj(s)) => Some(Survey {
                exit_sample: s.exit_sample,
                missed_sample: s.missed_sample,
                recognised: s.recognised,
                village: text(s.village).ok()?,
            }),
            None => None,
        };
        Some(Household {
            id: text(self.id).ok()?,
            province: province.into_owned(),
            water_short_area: self.water_short_area,
            registration: self.registration.map(|c| c.0),
            identified_on: date(self.identified_on),
            exited_on: date(self.exited_on),
            monitoring: self.monitoring.map(|Obj(m)| MonitoringRecord {
                category: m.category.map(|c| c.0),
                identified_on: date(m.identified_on),
                measures: codes(m.measures),
                risks: codes(m.risks),
                risk_gone: m.risk_gone,
                risk_eliminated_on: date(m.risk_eliminated_on),
            }),
            members,
            income,
            spending,
            food: self.food.and_then(|s| s.0.secure),
            clothing: self.clothing.and_then(|s| s.0.secure),
            housing,
            water,
            electricity: self.electricity.and_then(|c| c.0.connected),
            exit_procedure,
            survey,
        })
    }
}

impl RawMember<'_> {
    fn into_member(self, r: &mut Reader) -> Option<Member> {
        let sex = self.sex?.0;
        let birth_date = self.birth_date?.0;
        let id_number = self.id_number.map(|i| i.0);
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
            relation: self.relation?.0,
            sex,
            birth_date,
            health: self.health.map(|c| c.0),
            disability_grade,
            labour: self.labour.map(|c| c.0),
            schooling: self.schooling.map(|c| c.0),
            dropout_reason: self.dropout_reason.map(|c| c.0),
            completed_compulsory: self.completed_compulsory,
            medical_insurance: self.medical_insurance.map(|i| i.0).unwrap_or_default(),
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
        if let Some(Obj(t)) = self.transfer_items {
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
