//! The crate's own JSON value: what every reader of the crate reads (a household, options,
//! policy overrides, pack documents).
//!
//! It replaces `serde_json::Value` in the core wasm module (issue 8 item 6): serde_json's `Map`
//! is a `BTreeMap`, and its B-tree code, with `Value`'s `Clone`, `PartialEq`, `Drop` and
//! `Number::from_f64`, made up several KB of the module for objects of a few dozen keys. Here an
//! object is a `Vec` of entries kept sorted by key, so everything observable stays as it was
//! with serde_json's map: keys iterate in sorted (byte) order (the order of `unknown_field`
//! problems and of echoed overrides), a key inserted twice keeps the last value. Lookups
//! compare small objects key by key and search large ones in halves (`JsonMap::find`). Numbers keep serde_json's three kinds (non-negative integer, negative
//! integer, finite double), so `Decimal::from_json` reads them as before, and they are written
//! as serde_json wrote them. Native code still parses JSON text with `crate::json_text` (or
//! serde_json, converted with `From`), which the core module never does.

use crate::report::json::write_alone;
use crate::sorted_runs::{merge, push_run};
use std::fmt;

/// A JSON value (the JSON data model, as `serde_json::Value` without its B-tree map).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Json {
    #[default]
    Null,
    Bool(bool),
    Number(JsonNumber),
    String(String),
    Array(Vec<Json>),
    Object(JsonMap),
}

/// A JSON number in serde_json's three kinds: integers are exact, a double is always finite.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum JsonNumber {
    /// A non-negative integer.
    PosInt(u64),
    /// A negative integer.
    NegInt(i64),
    /// A finite double that is not read as an integer.
    Float(f64),
}

/// An object: entries sorted by key, each key once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JsonMap {
    entries: Vec<(String, Json)>,
}

impl JsonNumber {
    /// A double, `None` when it is NaN or infinite (as `serde_json::Number::from_f64`).
    pub fn from_f64(f: f64) -> Option<JsonNumber> {
        f.is_finite().then_some(JsonNumber::Float(f))
    }

    pub fn as_i64(&self) -> Option<i64> {
        match *self {
            JsonNumber::PosInt(u) => i64::try_from(u).ok(),
            JsonNumber::NegInt(i) => Some(i),
            JsonNumber::Float(_) => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            JsonNumber::PosInt(u) => Some(u),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        Some(match *self {
            JsonNumber::PosInt(u) => u as f64,
            JsonNumber::NegInt(i) => i as f64,
            JsonNumber::Float(f) => f,
        })
    }
}

impl From<i64> for JsonNumber {
    fn from(i: i64) -> JsonNumber {
        match u64::try_from(i) {
            Ok(u) => JsonNumber::PosInt(u),
            Err(_) => JsonNumber::NegInt(i),
        }
    }
}

impl From<u64> for JsonNumber {
    fn from(u: u64) -> JsonNumber {
        JsonNumber::PosInt(u)
    }
}

/// The text serde_json gives the number (`Display` of `serde_json::Number`): integers in
/// decimal, a double as its shortest round-trip text (the same float writer serde_json uses).
impl fmt::Display for JsonNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            JsonNumber::PosInt(u) => f.write_str(itoa::Buffer::new().format(u)),
            JsonNumber::NegInt(i) => f.write_str(itoa::Buffer::new().format(i)),
            JsonNumber::Float(x) => f.write_str(zmij::Buffer::new().format_finite(x)),
        }
    }
}

/// Objects up to this many keys are searched from the start (see [`JsonMap::find`]).
const LINEAR_SEARCH_MAX: usize = 32;

impl JsonMap {
    pub fn new() -> JsonMap {
        JsonMap::default()
    }

    fn position(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// Where `key` is. A household's objects have a dozen keys or so and most fields looked up
    /// are absent: comparing for equality (lengths first) finds or misses a key with fewer byte
    /// comparisons than the ordered comparisons of a binary search, which took a third of one
    /// `assess()` call in `memcmp` (issue 8, BENCHMARKS.md fifth round). Large objects are
    /// still searched in halves.
    fn find(&self, key: &str) -> Option<usize> {
        if self.entries.len() <= LINEAR_SEARCH_MAX {
            self.entries.iter().position(|(k, _)| k == key)
        } else {
            self.position(key).ok()
        }
    }

    pub fn get(&self, key: &str) -> Option<&Json> {
        let i = self.find(key)?;
        self.entries.get(i).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_some()
    }

    /// Sets `key` to `value`; a key already there keeps its place and takes the new value
    /// (last wins, as in serde_json's map). Keys arriving in order are appended.
    pub fn insert(&mut self, key: String, value: Json) {
        let at = match self.entries.last() {
            Some((last, _)) if last.as_str() < key.as_str() => Err(self.entries.len()),
            None => Err(0),
            _ => self.position(&key),
        };
        match at {
            Ok(i) => {
                if let Some(slot) = self.entries.get_mut(i) {
                    slot.1 = value;
                }
            }
            Err(i) => self.entries.insert(i, (key, value)),
        }
    }

    /// An object from entries in the order they arrived, a later entry for a key replacing an
    /// earlier one (as inserting them one by one would). Put in order once, by merging runs
    /// (`crate::sorted_runs`), not kept sorted entry by entry: inserting keys that arrive in
    /// descending order moved the whole list each time, so one object of 100,000 keys (within
    /// the 1 MiB input limit) took seconds instead of milliseconds. Entries already in order,
    /// the usual case, are taken as they are.
    pub fn from_entries(entries: Vec<(String, Json)>) -> JsonMap {
        if entries.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)) {
            return JsonMap { entries };
        }
        let mut runs = Vec::new();
        for entry in entries {
            push_run(&mut runs, vec![entry]);
        }
        // Older runs first: a key's entries stay in arrival order, so the last of each wins.
        let sorted = runs.into_iter().fold(Vec::new(), merge);
        let mut out: Vec<(String, Json)> = Vec::with_capacity(sorted.len());
        for entry in sorted {
            match out.last_mut() {
                Some(last) if last.0 == entry.0 => *last = entry,
                _ => out.push(entry),
            }
        }
        JsonMap { entries: out }
    }

    /// The value at `key`, first set to `make()` when the key is not there (an entry API for
    /// the table reader's dotted paths). `None` never happens; it keeps the code panic-free.
    pub fn get_or_insert_with(
        &mut self,
        key: &str,
        make: impl FnOnce() -> Json,
    ) -> Option<&mut Json> {
        let i = match self.position(key) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (key.to_string(), make()));
                i
            }
        };
        self.entries.get_mut(i).map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The keys in sorted order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Json)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<'a> IntoIterator for &'a JsonMap {
    type Item = (&'a String, &'a Json);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (String, Json)>, EntryRef<'a>>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(entry_ref)
    }
}

type EntryRef<'a> = fn(&'a (String, Json)) -> (&'a String, &'a Json);

fn entry_ref(e: &(String, Json)) -> (&String, &Json) {
    (&e.0, &e.1)
}

impl Json {
    /// The member `key` of an object; `None` for a missing key or a value that is not an
    /// object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(map) => map.get(key),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Json>> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&JsonMap> {
        match self {
            Json::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }
}

impl From<i64> for Json {
    fn from(i: i64) -> Json {
        Json::Number(JsonNumber::from(i))
    }
}

impl From<u64> for Json {
    fn from(u: u64) -> Json {
        Json::Number(JsonNumber::from(u))
    }
}

/// Compact JSON text, as `Display` of `serde_json::Value` (quoted values in problems).
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = Vec::new();
        write_alone(self, &mut out).map_err(|_| fmt::Error)?;
        f.write_str(std::str::from_utf8(&out).map_err(|_| fmt::Error)?)
    }
}

/// Written exactly as serde_json writes its `Value` (`serialize_map` with the length, entries
/// in key order; integers as integers, a double as a double).
impl serde::Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Number(n) => n.serialize(s),
            Json::String(text) => s.serialize_str(text),
            Json::Array(items) => items.serialize(s),
            Json::Object(map) => {
                let mut m = s.serialize_map(Some(map.len()))?;
                for (k, v) in map {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
    }
}

impl serde::Serialize for JsonNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            JsonNumber::PosInt(u) => s.serialize_u64(u),
            JsonNumber::NegInt(i) => s.serialize_i64(i),
            JsonNumber::Float(f) => s.serialize_f64(f),
        }
    }
}

/// serde_json's values (native readers, tests, the CLI's TOML files) taken as they are: the same
/// kinds of number, the same keys in the same order.
impl From<&serde_json::Value> for Json {
    fn from(v: &serde_json::Value) -> Json {
        match v {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(*b),
            serde_json::Value::Number(n) => Json::Number(JsonNumber::from(n)),
            serde_json::Value::String(s) => Json::String(s.clone()),
            serde_json::Value::Array(items) => Json::Array(items.iter().map(Json::from).collect()),
            serde_json::Value::Object(map) => {
                // serde_json's map iterates its keys in sorted order (it is a B-tree unless a
                // dependency turns on `preserve_order`), so the entries are taken as they come.
                Json::Object(JsonMap::from_entries(
                    map.iter()
                        .map(|(k, v)| (k.clone(), Json::from(v)))
                        .collect(),
                ))
            }
        }
    }
}

impl From<serde_json::Value> for Json {
    fn from(v: serde_json::Value) -> Json {
        Json::from(&v)
    }
}

impl From<&serde_json::Number> for JsonNumber {
    fn from(n: &serde_json::Number) -> JsonNumber {
        if let Some(u) = n.as_u64() {
            JsonNumber::PosInt(u)
        } else if let Some(i) = n.as_i64() {
            JsonNumber::NegInt(i)
        } else {
            // Without serde_json's arbitrary precision every other number is a finite double.
            JsonNumber::Float(n.as_f64().unwrap_or(0.0))
        }
    }
}

/// Back to serde_json's value (tests and the CLI compare and print with serde_json).
impl From<&Json> for serde_json::Value {
    fn from(v: &Json) -> serde_json::Value {
        match v {
            Json::Null => serde_json::Value::Null,
            Json::Bool(b) => serde_json::Value::Bool(*b),
            Json::Number(JsonNumber::PosInt(u)) => serde_json::Value::from(*u),
            Json::Number(JsonNumber::NegInt(i)) => serde_json::Value::from(*i),
            Json::Number(JsonNumber::Float(f)) => serde_json::Number::from_f64(*f)
                .map(serde_json::Value::Number)
                .unwrap_or(serde_json::Value::Null),
            Json::String(s) => serde_json::Value::String(s.clone()),
            Json::Array(items) => {
                serde_json::Value::Array(items.iter().map(serde_json::Value::from).collect())
            }
            Json::Object(map) => serde_json::Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), serde_json::Value::from(v)))
                    .collect(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Lookups search small objects from the start and large ones in halves: both find every
    /// key there and miss every key not there, on both sides of the switch, and a value
    /// converted from serde_json reads the same as one built key by key (in and out of order).
    #[test]
    fn lookups_agree_on_both_sides_of_the_linear_search_limit() {
        for n in [
            0,
            1,
            2,
            LINEAR_SEARCH_MAX,
            LINEAR_SEARCH_MAX + 1,
            3 * LINEAR_SEARCH_MAX,
        ] {
            // "k0", "k1", "k10", "k11"...: text order is not number order.
            let keys: Vec<String> = (0..n).map(|i| format!("k{i}")).collect();
            let mut m = JsonMap::new();
            let mut serde_map = serde_json::Map::new();
            for (i, k) in keys.iter().enumerate().rev() {
                m.insert(k.clone(), Json::from(i as i64));
                serde_map.insert(k.clone(), json!(i));
            }
            let converted = Json::from(&serde_json::Value::Object(serde_map));
            for (i, k) in keys.iter().enumerate() {
                assert_eq!(m.get(k), Some(&Json::from(i as i64)), "{k} of {n}");
                assert!(m.contains_key(k));
                assert_eq!(converted.get(k), m.get(k), "{k} of {n}");
            }
            for missing in ["", "k", "k00", "zz", "K1"] {
                assert_eq!(m.get(missing), None, "{missing} of {n}");
                assert!(!m.contains_key(missing));
            }
        }
    }

    /// Entries put in order once (merged runs) make the object that inserting them one by one
    /// makes: keys in order whatever the arrival order, the last value of a repeated key.
    #[test]
    fn from_entries_is_inserting_one_by_one() {
        for n in [0usize, 1, 2, 5, 17, 64, 300] {
            for step in [1usize, 7, 13] {
                // Arrival orders: ascending, descending and scattered, with repeats of keys.
                let arrivals: Vec<(String, Json)> = (0..n)
                    .map(|i| {
                        (
                            format!("k{}", (i * step) % (n / 2 + 1)),
                            Json::from(i as i64),
                        )
                    })
                    .chain(
                        (0..n)
                            .rev()
                            .map(|i| (format!("k{i}"), Json::from(-(i as i64)))),
                    )
                    .collect();
                let mut one_by_one = JsonMap::new();
                for (k, v) in arrivals.clone() {
                    one_by_one.insert(k, v);
                }
                assert_eq!(JsonMap::from_entries(arrivals), one_by_one, "{n} {step}");
            }
        }
    }

    /// Issue 8 item 6: the own value keeps what serde_json's map did: sorted keys whatever the
    /// insertion order, last value wins for a key given twice, the same compact text.
    #[test]
    fn objects_keep_serde_json_map_order_and_last_wins() {
        let mut m = JsonMap::new();
        for (k, v) in [("b", 1), ("a", 2), ("c", 3), ("a", 4), ("ab", 5), ("B", 6)] {
            m.insert(k.to_string(), Json::from(v as i64));
        }
        let keys: Vec<&str> = m.keys().map(String::as_str).collect();
        assert_eq!(keys, ["B", "a", "ab", "b", "c"]);
        assert_eq!(m.get("a"), Some(&Json::from(4i64)));
        assert_eq!(m.get("zz"), None);
        let mut sm = serde_json::Map::new();
        for (k, v) in [("b", 1), ("a", 2), ("c", 3), ("a", 4), ("ab", 5), ("B", 6)] {
            sm.insert(k.to_string(), json!(v));
        }
        let theirs = serde_json::Value::Object(sm);
        assert_eq!(Json::Object(m.clone()), Json::from(&theirs));
        assert_eq!(Json::Object(m).to_string(), theirs.to_string());
    }

    /// Numbers convert both ways and print as serde_json prints them: integers exact at the
    /// i64/u64 edges, doubles in shortest text, -0.0 kept.
    #[test]
    fn numbers_print_as_serde_json_numbers() {
        let cases = json!([
            0,
            -1,
            i64::MIN,
            u64::MAX,
            0.1,
            -0.0,
            1e-7,
            1.5e300,
            123456.789,
            [1, {"z": null, "a": "é\"\n"}],
            true
        ]);
        let ours = Json::from(&cases);
        assert_eq!(ours.to_string(), cases.to_string());
        assert_eq!(serde_json::Value::from(&ours), cases);
        for item in cases.as_array().into_iter().flatten() {
            if let serde_json::Value::Number(n) = item {
                assert_eq!(JsonNumber::from(n).to_string(), n.to_string());
            }
        }
    }
}
