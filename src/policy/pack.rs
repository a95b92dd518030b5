//! The built-in packs, compiled in as static data at build time (see `build.rs`).

use crate::date::Date;
use crate::json_value::{Json, JsonMap, JsonNumber};
use crate::words::Lang;
use serde::Serialize;
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
    pub value: Option<Json>,
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

/// One value of a pack document in the compact text `build.rs` writes (see `emit` there): the
/// JSON data model of the TOML document, so the value read is exactly what the pack's readers
/// took when packs were embedded as JSON. Returns the value and the text after it; `None` for
/// text `build.rs` did not write (the pack is then skipped, and `tests/packs.rs` fails).
fn decode(text: &str) -> Option<(Json, &str)> {
    let rest = text.get(1..)?;
    match text.as_bytes().first()? {
        b'n' => Some((Json::Null, rest)),
        b't' => Some((Json::Bool(true), rest)),
        b'f' => Some((Json::Bool(false), rest)),
        b'u' => {
            let (digits, rest) = rest.split_once(';')?;
            Some((Json::from(digits.parse::<u64>().ok()?), rest))
        }
        b'i' => {
            let (digits, rest) = rest.split_once(';')?;
            Some((Json::from(crate::number::parse_i64(digits)?), rest))
        }
        b'd' => {
            // The double's bits, so the value is exactly the one TOML read.
            let (hex, rest) = rest.split_once(';')?;
            let bits = u64::from_str_radix(hex, 16).ok()?;
            let number = JsonNumber::from_f64(f64::from_bits(bits))?;
            Some((Json::Number(number), rest))
        }
        b's' => {
            let (s, rest) = sized(rest)?;
            Some((Json::String(s.to_string()), rest))
        }
        b'a' => {
            let (count, mut rest) = rest.split_once(';')?;
            let mut items = Vec::new();
            for _ in 0..count_of(count)? {
                let (item, after) = decode(rest)?;
                items.push(item);
                rest = after;
            }
            Some((Json::Array(items), rest))
        }
        b'o' => {
            let (count, mut rest) = rest.split_once(';')?;
            let mut map = JsonMap::new();
            for _ in 0..count_of(count)? {
                let (key, after) = sized(rest)?;
                let (item, after) = decode(after)?;
                map.insert(key.to_string(), item);
                rest = after;
            }
            Some((Json::Object(map), rest))
        }
        _ => None,
    }
}

/// A count or a length of the pack text, read as a `u64` like the numbers (one integer parser
/// in the module instead of two: issue 8 item 6).
fn count_of(digits: &str) -> Option<usize> {
    usize::try_from(digits.parse::<u64>().ok()?).ok()
}

/// `len:text` → the text of `len` bytes and what follows it.
fn sized(text: &str) -> Option<(&str, &str)> {
    let (len, rest) = text.split_once(':')?;
    let len = count_of(len)?;
    Some((rest.get(..len)?, rest.get(len..)?))
}

include!(concat!(env!("OUT_DIR"), "/packs.rs"));

static PACKS: OnceLock<Vec<Pack>> = OnceLock::new();

/// Every built-in pack, the national one first.
pub fn packs() -> &'static [Pack] {
    PACKS.get_or_init(|| {
        // A pack whose text does not decode to the end is skipped, never half read.
        // National first, then the provinces in file order: two lists filled in one loop keep
        // the order within each part, as the stable sort by "has a province" did, without a
        // sort (or `Iterator::partition`, 0.9 KB raw) in the module.
        let mut packs = Vec::with_capacity(RAW_PACKS.len());
        let mut provincial = Vec::with_capacity(RAW_PACKS.len());
        for text in RAW_PACKS {
            let Some((value, "")) = decode(text) else {
                continue;
            };
            match parse_pack(&value) {
                Some(p) if p.province.is_none() => packs.push(p),
                Some(p) => provincial.push(p),
                None => {}
            }
        }
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
fn parse_pack(v: &Json) -> Option<Pack> {
    let map = v.as_object()?;
    let text = |k: &str| map.get(k).and_then(Json::as_str).map(str::to_string);
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
            .and_then(Json::as_array)
            .map(|s| {
                s.iter()
                    .filter_map(Json::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
        parameters,
    })
}

fn parse_entry(v: &Json) -> Option<Entry> {
    let map = v.as_object()?;
    let date = |k: &str| map.get(k).and_then(Json::as_str).and_then(Date::parse);
    let confidence = match map.get("confidence").and_then(Json::as_str)? {
        "C" => Confidence::C,
        "S" => Confidence::S,
        "N" => Confidence::N,
        _ => return None,
    };
    Some(Entry {
        from: date("from")?,
        to: date("to"),
        value: map.get("value").cloned(),
        source: map.get("source").and_then(Json::as_str)?.to_string(),
        source_zh: map.get("sourceZh").and_then(Json::as_str)?.to_string(),
        confidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compact pack text (issue 8 item 6) reads back exactly the JSON data model build.rs
    /// wrote: negative integers, a double to the bit, byte lengths over Chinese text, keys in
    /// order, nesting; and text it did not write is refused, not half read.
    #[test]
    fn compact_pack_text_reads_back_exactly() {
        let text = format!(
            "o3;1:aa5;i-3;u18446744073709551615;d{:x};s6:婚龄a0;1:bt1:co1;1:xn",
            0.1f64.to_bits()
        );
        let (value, rest) = decode(&text).unwrap_or((Json::Null, "?"));
        assert_eq!(rest, "");
        assert_eq!(
            value,
            Json::from(serde_json::json!({
                "a": [-3, 18_446_744_073_709_551_615u64, 0.1, "婚龄", []],
                "b": true,
                "c": { "x": null },
            }))
        );
        for bad in [
            "",
            "x",
            "u12",
            "s9:婚龄",
            "s5:婚龄",
            "a2;n",
            "o1;3:key",
            "dzz;",
        ] {
            assert!(decode(bad).is_none(), "{bad:?} was read");
        }
    }
}
