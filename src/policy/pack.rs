//! The built-in packs, compiled in as static data at build time (see `build.rs`).

use crate::date::Date;
use crate::explain::Lang;
use serde::Serialize;
use serde_json::Value;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Confidence {
    C,
    S,
    N,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub from: Date,
    pub to: Option<Date>,
    /// `None`: the reference found no figure for this period.
    pub value: Option<Value>,
    /// The citation in English: document number, issuer, address.
    pub source: String,
    /// The same citation in Chinese, for zh-CN reports (contract v1.1 item 6).
    pub source_zh: String,
    pub confidence: Confidence,
}

impl Entry {
    /// The citation in the report's language.
    pub fn source_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.source,
            Lang::ZhCn | Lang::Quiet => &self.source_zh,
        }
    }

    pub fn covers(&self, on: Date) -> bool {
        self.from <= on && self.to.is_none_or(|to| on <= to)
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pack {
    pub id: String,
    pub title: String,
    pub province: Option<String>,
    pub sources: Vec<String>,
    /// Parameter key → dated entries, in file order.
    pub parameters: Vec<(String, Vec<Entry>)>,
}

impl Pack {
    pub fn entry(&self, key: &str, on: Date) -> Option<&Entry> {
        self.parameters
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, entries)| entries.iter().find(|e| e.covers(on)))
    }

    /// First and last dates any of its entries covers (`None` for open-ended).
    /// The entry of `key` that starts on `from`: how a report finds the citation of a value
    /// it applied, to show it in the report's language.
    pub fn entry_from(&self, key: &str, from: Date) -> Option<&Entry> {
        self.parameters
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, entries)| entries.iter().find(|e| e.from == from))
    }

    pub fn valid_range(&self) -> (Option<Date>, Option<Date>) {
        let entries = self.parameters.iter().flat_map(|(_, e)| e.iter());
        let from = entries.clone().map(|e| e.from).min();
        let to = if entries.clone().any(|e| e.to.is_none()) {
            None
        } else {
            entries.filter_map(|e| e.to).max()
        };
        (from, to)
    }
}

/// A pack document as static data, written by `build.rs` from the TOML file (issue 8 item 3:
/// packs are compiled in, nothing is parsed at run time). It is the JSON data model of the
/// document, so [`RawValue::to_json`] gives exactly the value the pack's readers take.
#[derive(Debug)]
enum RawValue {
    // Kept for completeness of the data model; TOML itself has no null.
    #[allow(dead_code)]
    Null,
    Bool(bool),
    UInt(u64),
    // TOML integers are read as u64 when not negative; no pack has a negative one yet.
    #[allow(dead_code)]
    Int(i64),
    Float(f64),
    Str(&'static str),
    Array(&'static [RawValue]),
    Object(&'static [(&'static str, RawValue)]),
}

impl RawValue {
    fn to_json(&self) -> Value {
        match self {
            RawValue::Null => Value::Null,
            RawValue::Bool(b) => Value::Bool(*b),
            RawValue::UInt(u) => Value::from(*u),
            RawValue::Int(i) => Value::from(*i),
            RawValue::Float(f) => {
                serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number)
            }
            RawValue::Str(s) => Value::String((*s).to_string()),
            RawValue::Array(items) => Value::Array(items.iter().map(RawValue::to_json).collect()),
            RawValue::Object(fields) => {
                // Inserted one by one rather than collected: `Map: FromIterator` sorts the
                // entries first, and that stable sort costs the core wasm ~1.4 KB gzipped
                // (BENCHMARKS.md "Core package size"). Same map: keys are unique in TOML.
                let mut map = serde_json::Map::new();
                for (k, v) in fields.iter() {
                    map.insert((*k).to_string(), v.to_json());
                }
                Value::Object(map)
            }
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/packs.rs"));

static PACKS: OnceLock<Vec<Pack>> = OnceLock::new();

/// Every built-in pack, the national one first.
pub fn packs() -> &'static [Pack] {
    PACKS.get_or_init(|| {
        let raw: Vec<Value> = RAW_PACKS.iter().map(RawValue::to_json).collect();
        // National first, then the provinces in file order: a partition keeps the order within
        // each part, as the stable sort by "has a province" did, without a sort in the module.
        let (mut packs, provincial): (Vec<Pack>, Vec<Pack>) = raw
            .iter()
            .filter_map(parse_pack)
            .partition(|p| p.province.is_none());
        packs.extend(provincial);
        packs
    })
}

const META: &[&str] = &["id", "title", "province", "sources"];

/// The citation of the pack value `pack_id`.`key` in force from `from`, in `lang`; `None`
/// when no such entry exists (an override, a default).
pub fn source_of(pack_id: &str, key: &str, from: Date, lang: Lang) -> Option<&'static str> {
    packs()
        .iter()
        .find(|p| p.id == pack_id)
        .and_then(|p| p.entry_from(key, from))
        .map(|e| e.source_in(lang))
}

/// Packs are checked by tests (`tests/packs.rs`); a malformed one is skipped here, not a panic.
fn parse_pack(v: &Value) -> Option<Pack> {
    let map = v.as_object()?;
    let text = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_string);
    let mut parameters = Vec::new();
    for (key, value) in map {
        if META.contains(&key.as_str()) {
            continue;
        }
        let entries = value
            .as_array()?
            .iter()
            .map(parse_entry)
            .collect::<Option<Vec<_>>>()?;
        parameters.push((key.clone(), entries));
    }
    Some(Pack {
        id: text("id")?,
        title: text("title")?,
        province: text("province"),
        sources: map
            .get("sources")
            .and_then(Value::as_array)
            .map(|s| {
                s.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
        parameters,
    })
}

fn parse_entry(v: &Value) -> Option<Entry> {
    let map = v.as_object()?;
    let date = |k: &str| map.get(k).and_then(Value::as_str).and_then(Date::parse);
    let confidence = match map.get("confidence").and_then(Value::as_str)? {
        "C" => Confidence::C,
        "S" => Confidence::S,
        "N" => Confidence::N,
        _ => return None,
    };
    Some(Entry {
        from: date("from")?,
        to: date("to"),
        value: map.get("value").cloned(),
        source: map.get("source").and_then(Value::as_str)?.to_string(),
        source_zh: map.get("sourceZh").and_then(Value::as_str)?.to_string(),
        confidence,
    })
}
