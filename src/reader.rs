//! Reading untyped JSON into typed records while collecting every problem at once.
//!
//! serde's derive stops at the first error, but a person fixing a form wants every problem, each
//! tied to its field. So the edge reads a JSON value (`crate::json_value::Json`) with this
//! reader, which notes a [`Finding`] for each bad field and carries on. The core never sees a
//! `Json`. (Batch files first try a typed fast path, `household::read_household_text` and
//! `table::fill`, which use these same functions on each field and fall back here on any
//! problem.)

use crate::date::Date;
use crate::json_value::{Json, JsonMap};
use crate::money::{Money, MoneyError};
use crate::number::{Decimal, NumberError};
use crate::problem::{Code, Finding};

/// A closed set of snake_case codes (an enum of the contract).
pub trait Codes: Sized + Copy + 'static {
    const ALL: &'static [(Self, &'static str)];
    /// The codes of [`Codes::ALL`], in the same order (both written by [`codes!`]). The
    /// reading code works on this list, not on `ALL`, so the core wasm module holds it once
    /// instead of once per enum (20 enums: 8 KB raw of copies, issue 8 item 6).
    const CODES: &'static [&'static str];

    fn from_code(code: &str) -> Option<Self> {
        let i = position_of(Self::CODES, code)?;
        Self::ALL.get(i).map(|(v, _)| *v)
    }

    fn code(self) -> &'static str
    where
        Self: PartialEq,
    {
        Self::ALL
            .iter()
            .find(|(v, _)| *v == self)
            .map(|(_, c)| *c)
            .unwrap_or("")
    }

    fn expected() -> String {
        Self::CODES.join(" | ")
    }
}

/// Where `code` is in `codes` (not generic: one copy for every enum of codes).
#[inline(never)]
fn position_of(codes: &[&str], code: &str) -> Option<usize> {
    codes.iter().position(|c| *c == code)
}

/// Declares an enum whose values travel as snake_case strings.
#[macro_export]
macro_rules! codes {
    ($(#[$meta:meta])* pub enum $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }
        impl $crate::reader::Codes for $name {
            const ALL: &'static [(Self, &'static str)] = &[$(($name::$variant, $code)),+];
            const CODES: &'static [&'static str] = &[$($code),+];
        }
        impl $name {
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
        }
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

/// Documented limits of one call (README "Limits"). Real rural households have well under 20
/// members and ids, names and village names fit in a few dozen characters; the limits are far
/// above that and low enough that a hostile input is refused in microseconds, not minutes.
pub mod limits {
    /// Members of one household (`too_many_members`).
    pub const MAX_MEMBERS: usize = 100;
    /// Characters of any one string value (`value_too_long`).
    pub const MAX_STRING_CHARS: usize = 256;
    /// Bytes of JSON text (or, in the browser, of values read) for one household and its
    /// options (`input_too_large`).
    pub const MAX_INPUT_BYTES: usize = 1 << 20;
    /// Nesting levels of objects and arrays (`too_deep`); a household needs four.
    pub const MAX_DEPTH: usize = 32;
    /// Largest magnitude of an amount of money, in yuan (`amount_too_large`): 10¹² yuan. Every
    /// sum of a record's amounts then stays far inside i64 fen, so no arithmetic can overflow.
    pub const MAX_YUAN: i64 = 1_000_000_000_000;
}

pub struct Reader {
    findings: Vec<Finding>,
    /// Paths with a problem found while the data crossed into Rust (a NaN, a function, a
    /// cycle...). The value there was replaced by null, so later findings at or under these
    /// paths (a `missing_field` for the null) would only repeat the problem and are dropped.
    crossed: Vec<String>,
    /// Path buffers for [`Reader::optional`] and [`Reader::needed`], reused: every field read
    /// needs its path (`members[2].birthDate`) for the problem it might have, almost none has
    /// one, and a fresh `String` per field was the largest cost of reading a household
    /// (profile of one `assess()` call, BENCHMARKS.md "speed2"). One buffer per nesting level.
    spare_paths: Vec<String>,
}

impl Default for Reader {
    fn default() -> Self {
        Self::new()
    }
}

/// Joins a path and a key: `members[2]` + `birthDate` → `members[2].birthDate`.
/// (Built by hand, not with `format!`: every field read makes one, so this is hot.)
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        return key.to_string();
    }
    let mut s = String::with_capacity(path.len() + 1 + key.len());
    s.push_str(path);
    s.push('.');
    s.push_str(key);
    s
}

/// Whether `path` is `base` or lies under it (`income.wage` under `income`, `members[1]` under
/// `members`).
pub fn is_under(path: &str, base: &str) -> bool {
    match path.strip_prefix(base) {
        Some(rest) => rest.is_empty() || base.is_empty() || rest.starts_with(['.', '[']),
        None => false,
    }
}

pub fn index(path: &str, i: usize) -> String {
    let mut s = String::with_capacity(path.len() + 4);
    s.push_str(path);
    s.push('[');
    s.push_str(itoa(i).as_str());
    s.push(']');
    s
}

/// `members[i]` (or `members[i].field`), made the first time it is read: warnings are checked
/// for every member, most members have none, and making every member's path for nothing was
/// ~5% of a batch in wasm. Reads as a `&str`; turns into the `String` a warning keeps.
#[derive(Clone)]
pub struct MemberPath {
    i: usize,
    field: Option<&'static str>,
    path: std::cell::OnceCell<String>,
}

impl MemberPath {
    pub fn new(i: usize, field: Option<&'static str>) -> MemberPath {
        MemberPath {
            i,
            field,
            path: std::cell::OnceCell::new(),
        }
    }
}

impl std::ops::Deref for MemberPath {
    type Target = str;
    fn deref(&self) -> &str {
        self.path.get_or_init(|| {
            let member = index("members", self.i);
            match self.field {
                Some(f) => join(&member, f),
                None => member,
            }
        })
    }
}

impl From<MemberPath> for String {
    fn from(p: MemberPath) -> String {
        let s: &str = &p;
        s.to_string()
    }
}

fn itoa(mut n: usize) -> String {
    let mut digits = Vec::with_capacity(4);
    loop {
        digits.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

fn type_name(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "boolean",
        Json::Number(_) => "number",
        Json::String(_) => "string",
        Json::Array(_) => "array",
        Json::Object(_) => "object",
    }
}

fn shown(v: &Json) -> String {
    match v {
        Json::String(s) => s.chars().take(60).collect(),
        other => {
            let t = other.to_string();
            t.chars().take(60).collect()
        }
    }
}

impl Reader {
    pub fn new() -> Reader {
        Reader {
            findings: Vec::new(),
            crossed: Vec::new(),
            spare_paths: Vec::new(),
        }
    }

    /// A reader that starts with the problems found while the data crossed a boundary.
    pub fn with_crossing(prior: Vec<Finding>) -> Reader {
        Reader {
            crossed: prior.iter().map(|f| f.path.clone()).collect(),
            findings: prior,
            spare_paths: Vec::new(),
        }
    }

    pub fn note(&mut self, finding: Finding) {
        if !self.crossed.is_empty() && self.crossed.iter().any(|p| is_under(&finding.path, p)) {
            return;
        }
        self.findings.push(finding);
    }

    pub fn is_clean(&self) -> bool {
        self.findings.is_empty()
    }

    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }

    fn wrong_type(&mut self, path: &str, v: &Json, expected: &str) {
        self.note(
            Finding::new(path, Code::InvalidType)
                .given(type_name(v))
                .expected(expected.to_string()),
        );
    }

    /// An object whose keys must all be in `allowed`; unknown keys are noted, not dropped.
    pub fn object<'v>(&mut self, v: &'v Json, path: &str, allowed: &[&str]) -> Option<&'v JsonMap> {
        match v {
            Json::Object(map) => {
                for key in map.keys() {
                    if !allowed.contains(&key.as_str()) {
                        self.note(
                            Finding::new(join(path, key), Code::UnknownField).given(key.clone()),
                        );
                    }
                }
                Some(map)
            }
            other => {
                self.wrong_type(path, other, "object");
                None
            }
        }
    }

    /// A field that must be present and not null.
    pub fn required<'v>(&mut self, map: &'v JsonMap, path: &str, key: &str) -> Option<&'v Json> {
        match map.get(key) {
            None | Some(Json::Null) => {
                self.note(Finding::new(join(path, key), Code::MissingField));
                None
            }
            Some(v) => Some(v),
        }
    }

    pub fn array<'v>(&mut self, v: &'v Json, path: &str) -> Option<&'v Vec<Json>> {
        match v {
            Json::Array(items) => Some(items),
            other => {
                self.wrong_type(path, other, "array");
                None
            }
        }
    }

    pub fn string<'v>(&mut self, v: &'v Json, path: &str) -> Option<&'v str> {
        match v {
            Json::String(s) if s.len() > limits::MAX_STRING_CHARS => {
                let chars = s.chars().count();
                if chars > limits::MAX_STRING_CHARS {
                    self.note(
                        Finding::new(path, Code::ValueTooLong)
                            .given(chars.to_string())
                            .expected(limits::MAX_STRING_CHARS.to_string()),
                    );
                    return None;
                }
                Some(s.as_str())
            }
            Json::String(s) => Some(s.as_str()),
            other => {
                self.wrong_type(path, other, "string");
                None
            }
        }
    }

    pub fn boolean(&mut self, v: &Json, path: &str) -> Option<bool> {
        match v {
            Json::Bool(b) => Some(*b),
            other => {
                self.wrong_type(path, other, "boolean");
                None
            }
        }
    }

    pub fn code<T: Codes>(&mut self, v: &Json, path: &str) -> Option<T> {
        let i = self.code_index(v, path, T::CODES)?;
        T::ALL.get(i).map(|(t, _)| *t)
    }

    /// The position in `codes` of the string at `v`; a string not among them is
    /// `invalid_value` listing them. Not generic, so the core module holds one copy (one per
    /// enum of codes was 4 KB raw, issue 8 item 6).
    #[inline(never)]
    fn code_index(&mut self, v: &Json, path: &str, codes: &[&str]) -> Option<usize> {
        let s = self.string(v, path)?;
        let found = position_of(codes, s);
        if found.is_none() {
            self.note(
                Finding::new(path, Code::InvalidValue)
                    .given(s)
                    .expected(codes.join(" | ")),
            );
        }
        found
    }

    pub fn date(&mut self, v: &Json, path: &str) -> Option<Date> {
        let s = self.string(v, path)?;
        let found = Date::parse(s);
        if found.is_none() {
            self.note(
                Finding::new(path, Code::InvalidDate)
                    .given(s)
                    .expected("YYYY-MM-DD"),
            );
        }
        found
    }

    pub fn decimal(&mut self, v: &Json, path: &str) -> Option<Decimal> {
        let n = match v {
            Json::Number(n) => n,
            other => {
                self.wrong_type(path, other, "number");
                return None;
            }
        };
        match Decimal::from_json(n) {
            Ok(d) => Some(d),
            Err(NumberError::TooPrecise) => {
                self.note(
                    Finding::new(path, Code::TooManyDecimals)
                        .given(n.to_string())
                        .expected(crate::number::MAX_SCALE.to_string()),
                );
                None
            }
            Err(NumberError::NotFinite) => {
                self.note(Finding::new(path, Code::InvalidNumber).given(n.to_string()));
                None
            }
            Err(NumberError::OutOfRange) => {
                self.note(
                    Finding::new(path, Code::OutOfRange)
                        .given(n.to_string())
                        .expected(crate::number::MAX_ABS_TEXT),
                );
                None
            }
        }
    }

    /// A non-negative quantity (litres, minutes, metres, m²).
    pub fn quantity(&mut self, v: &Json, path: &str) -> Option<Decimal> {
        let d = self.decimal(v, path)?;
        if d.is_negative() {
            self.note(Finding::new(path, Code::NegativeAmount).given(d.to_string()));
            return None;
        }
        Some(d)
    }

    /// A whole number within `lo..=hi`.
    pub fn integer(&mut self, v: &Json, path: &str, lo: i64, hi: i64) -> Option<i64> {
        let d = self.decimal(v, path)?;
        match d.as_integer() {
            Some(i) if (lo..=hi).contains(&i) => Some(i),
            _ => {
                self.note(
                    Finding::new(path, Code::InvalidValue)
                        .given(d.to_string())
                        .expected(format!("{lo}..{hi}")),
                );
                None
            }
        }
    }

    /// Yuan with at most two decimals; negative only where `allow_negative`.
    pub fn money(&mut self, v: &Json, path: &str, allow_negative: bool) -> Option<Money> {
        let d = match v {
            // Beyond the decimal reader's range is beyond money's range too: say so as money.
            Json::Number(n) if matches!(Decimal::from_json(n), Err(NumberError::OutOfRange)) => {
                self.note(
                    Finding::new(path, Code::AmountTooLarge)
                        .given(n.to_string())
                        .expected(limits::MAX_YUAN.to_string()),
                );
                return None;
            }
            _ => self.decimal(v, path)?,
        };
        if d.abs_ge_int(limits::MAX_YUAN) {
            self.note(
                Finding::new(path, Code::AmountTooLarge)
                    .given(d.to_string())
                    .expected(limits::MAX_YUAN.to_string()),
            );
            return None;
        }
        if d.is_negative() && !allow_negative {
            self.note(Finding::new(path, Code::NegativeAmount).given(d.to_string()));
            return None;
        }
        match Money::from_decimal(d) {
            Ok(m) => Some(m),
            Err(e) => {
                let code = match e {
                    MoneyError::TooManyDecimals => Code::TooManyDecimals,
                    MoneyError::OutOfRange => Code::AmountTooLarge,
                };
                self.note(Finding::new(path, code).given(d.to_string()));
                None
            }
        }
    }

    /// Reads an optional field with `read` when present and not null.
    pub fn optional<'v, T>(
        &mut self,
        map: &'v JsonMap,
        path: &str,
        key: &str,
        read: impl FnOnce(&mut Reader, &'v Json, &str) -> Option<T>,
    ) -> Option<T> {
        match map.get(key) {
            None | Some(Json::Null) => None,
            Some(v) => {
                let p = self.take_path(path, key);
                let out = read(self, v, &p);
                self.give_path(p);
                out
            }
        }
    }

    /// `path.key` in a reused buffer (see `spare_paths`); hand it back with
    /// [`Reader::give_path`]. Not generic, so the core module holds one copy (a closure-taking
    /// helper made one per field reader: +1.8 KB gzipped, measured).
    #[inline(never)]
    pub fn take_path(&mut self, path: &str, key: &str) -> String {
        let mut buf = self.spare_paths.pop().unwrap_or_default();
        buf.clear();
        if !path.is_empty() {
            buf.push_str(path);
            buf.push('.');
        }
        buf.push_str(key);
        buf
    }

    /// `path[i]` in a reused buffer, as [`Reader::take_path`].
    #[inline(never)]
    pub fn take_index_path(&mut self, path: &str, i: usize) -> String {
        let mut buf = self.spare_paths.pop().unwrap_or_default();
        buf.clear();
        buf.push_str(path);
        buf.push('[');
        // The digits written in place (no `itoa` String: this runs once per member).
        let start = buf.len();
        let mut n = i;
        loop {
            buf.insert(start, char::from(b'0' + (n % 10) as u8));
            n /= 10;
            if n == 0 {
                break;
            }
        }
        buf.push(']');
        buf
    }

    /// Returns a buffer from [`Reader::take_path`] for the next field.
    #[inline(never)]
    pub fn give_path(&mut self, buf: String) {
        self.spare_paths.push(buf);
    }

    /// Reads a required field with `read`; a missing one is `missing_field`.
    pub fn needed<'v, T>(
        &mut self,
        map: &'v JsonMap,
        path: &str,
        key: &str,
        read: impl FnOnce(&mut Reader, &'v Json, &str) -> Option<T>,
    ) -> Option<T> {
        let v = self.required(map, path, key)?;
        let p = self.take_path(path, key);
        let out = read(self, v, &p);
        self.give_path(p);
        out
    }

    /// A list of codes, e.g. `["industry", "employment"]`.
    pub fn code_list<T: Codes>(&mut self, v: &Json, path: &str) -> Option<Vec<T>> {
        let items = self.array(v, path)?;
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match self.code::<T>(item, &index(path, i)) {
                Some(c) => out.push(c),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }
}

/// Shown form of a value for messages (quoted input).
pub fn show(v: &Json) -> String {
    shown(v)
}

#[cfg(test)]
mod codes_tests {
    use super::*;

    crate::codes! {
        pub enum Sample { A => "alpha", B => "beta", C => "gamma" }
    }

    /// Issue 8 item 6: codes are read through the one non-generic list search; each code reads
    /// back as its variant, an unknown one is `invalid_value` listing every code in order.
    #[test]
    fn codes_read_through_the_shared_list() {
        assert_eq!(Sample::CODES, ["alpha", "beta", "gamma"]);
        for (v, c) in Sample::ALL {
            assert_eq!(Sample::from_code(c), Some(*v));
            let mut r = Reader::new();
            assert_eq!(
                r.code::<Sample>(&Json::String(c.to_string()), "x"),
                Some(*v)
            );
            assert!(r.is_clean());
        }
        assert_eq!(Sample::from_code("delta"), None);
        assert_eq!(Sample::expected(), "alpha | beta | gamma");
        let mut r = Reader::new();
        assert_eq!(r.code::<Sample>(&Json::String("delta".into()), "x"), None);
        let f = r.findings();
        assert_eq!(f.len(), 1);
        assert_eq!(f.first().map(|f| f.code), Some(Code::InvalidValue));
        assert_eq!(
            f.first().and_then(|f| f.expected.clone()).as_deref(),
            Some("alpha | beta | gamma")
        );
    }
}
