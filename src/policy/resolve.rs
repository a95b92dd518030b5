//! Resolution: the parameters in force for one province on one date, plus overrides.

use super::pack::{packs, Confidence, Pack};
use super::params::{can_switch_off, is_optional, Params, KEYS};
use crate::date::Date;
use crate::json_value::Json;
use crate::problem::{Code, Finding};
use crate::reader::{join, Reader};
use serde::Serialize;
use std::sync::Arc;

/// Where one parameter's value came from, echoed in every report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Applied {
    pub key: &'static str,
    /// `null` when the period has no figure.
    pub value: Json,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub source: String,
    pub confidence: Option<Confidence>,
    /// Pack id, or `override` for `options.policy`, or `default` for a contract default.
    pub pack: String,
}

#[derive(Debug, Clone)]
pub struct Resolved {
    pub params: Params,
    pub applied: Arc<[Applied]>,
    /// The most specific pack used: the province's, else the national one.
    pub pack: String,
    pub overrides: Json,
}

impl Resolved {
    pub fn applied(&self, key: &str) -> Option<&Applied> {
        self.applied.iter().find(|a| a.key == key)
    }
}

pub const OVERRIDE: &str = "override";

/// Resolutions kept, per thread: a portal assessing one form after another, or a batch over a
/// few provinces, resolves each (province, asOf, overrides) once (issue 8 item 3).
const CACHED: usize = 16;

/// What a resolution depends on. Overrides compare as JSON values; an object's entries are kept
/// sorted by key (`json_value::JsonMap`), so equal values give the same `applied` order.
struct Key {
    province: String,
    on: Date,
    overrides: Option<Json>,
}

thread_local! {
    /// Most recently used first. Packs are compiled in, so an entry never goes stale; no clock.
    static CACHE: std::cell::RefCell<Vec<(Key, Arc<Resolved>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The parameters for `province` on `on`. Problems in `overrides` are noted in `r` with paths
/// under `options.policy`. Only resolutions without problems are cached: one with problems is
/// redone, so its problems are noted every time.
///
/// Shared, not copied: a cache hit hands out the cached resolution itself (issue 8 items 3 and
/// 6; a deep clone of the parameters per call was 1.5 KB of the core module and work per
/// `assess`). Nothing downstream changes a resolution.
pub fn resolve(
    province: &str,
    on: Date,
    overrides: Option<&Json>,
    r: &mut Reader,
) -> Arc<Resolved> {
    // Looked up by reference: a hit (the usual case) copies nothing.
    let hit = CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let i = cache.iter().position(|(k, _)| {
            k.province == province && k.on == on && k.overrides.as_ref() == overrides
        })?;
        let entry = cache.remove(i);
        let resolved = entry.1.clone();
        cache.insert(0, entry);
        Some(resolved)
    });
    if let Some(resolved) = hit {
        return resolved;
    }
    let mut own = Reader::new();
    let resolved = Arc::new(resolve_uncached(province, on, overrides, &mut own));
    if own.is_clean() {
        let key = Key {
            province: province.to_string(),
            on,
            overrides: overrides.cloned(),
        };
        CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            cache.insert(0, (key, resolved.clone()));
            cache.truncate(CACHED);
        });
    }
    // Noted through `r`, as if read there: problems already found where the values crossed
    // into Rust are not repeated.
    for f in own.into_findings() {
        r.note(f);
    }
    resolved
}

fn resolve_uncached(
    province: &str,
    on: Date,
    overrides: Option<&Json>,
    r: &mut Reader,
) -> Resolved {
    let all = packs();
    let national = all.iter().find(|p| p.province.is_none());
    let local = all.iter().find(|p| p.province.as_deref() == Some(province));
    let mut params = Params::default();
    let mut applied = Vec::with_capacity(KEYS.len());
    // Pack data was checked by the test suite; a fault in it must not become the caller's problem.
    let mut internal = Reader::new();
    for key in KEYS {
        let found = [local, national]
            .into_iter()
            .flatten()
            .find_map(|pack| pack.entry(key, on).map(|e| (pack, e)));
        match found {
            Some((pack, entry)) => {
                match &entry.value {
                    Some(v) => {
                        params.set(key, v, &format!("{}.{key}", pack.id), &mut internal);
                    }
                    None => params.clear(key),
                }
                applied.push(Applied {
                    key,
                    value: entry.value.clone().unwrap_or(Json::Null),
                    from: Some(entry.from),
                    to: entry.to,
                    source: entry.source.clone(),
                    confidence: Some(entry.confidence),
                    pack: pack.id.clone(),
                });
            }
            None if is_optional(key) => {}
            None => applied.push(Applied {
                key,
                value: Json::Null,
                from: None,
                to: None,
                source: "contract v1 default".to_string(),
                confidence: None,
                pack: "default".to_string(),
            }),
        }
    }
    if let Some(v) = overrides {
        apply_overrides(&mut params, &mut applied, v, r);
    }
    Resolved {
        params,
        applied: applied.into(),
        pack: local
            .or(national)
            .map(|p: &Pack| p.id.clone())
            .unwrap_or_default(),
        overrides: overrides
            .cloned()
            .unwrap_or_else(|| Json::Object(Default::default())),
    }
}

fn apply_overrides(params: &mut Params, applied: &mut Vec<Applied>, v: &Json, r: &mut Reader) {
    let path = "options.policy";
    let Some(map) = r.object(v, path, KEYS) else {
        return;
    };
    for (key, value) in map {
        let Some(key) = KEYS.iter().find(|k| **k == key.as_str()) else {
            continue;
        };
        let before = r.findings().len();
        let at = join(path, key);
        if value.is_null() {
            // `null` (or a NaN that JSON turned into null) never clears a rule: a rule is
            // switched off only by the documented `false` (issue 9 item 7).
            // Where a rule can be off, the problem says how (`false`); elsewhere a key left out
            // keeps the pack's value (docs/contract-extensions.md).
            let mut f = Finding::new(at, Code::InvalidType).given("null");
            if can_switch_off(key) {
                f = f.expected("number | false");
            }
            r.note(f);
            continue;
        }
        params.set(key, value, &at, r);
        if r.findings().len() > before {
            continue;
        }
        // A value that passed the reader is used exactly as given (JSON has one form per
        // number, and `false` is the switched-off rule); a 低保 multiple also shows the line it
        // makes (issue 9 item 7: `applied` shows the value actually used).
        let used = match (*key, value) {
            ("povertyLine" | "monitoringLine", Json::Object(given)) => {
                let line = if *key == "povertyLine" {
                    params.poverty_line
                } else {
                    params.monitoring_line
                };
                let mut shown = given.clone();
                shown.insert(
                    "amount".to_string(),
                    // Written as every amount of a report is (Money's serializer).
                    line.map(|m| m.to_decimal().to_json()).unwrap_or(Json::Null),
                );
                Json::Object(shown)
            }
            _ => value.clone(),
        };
        applied.retain(|a| a.key != *key);
        applied.push(Applied {
            key,
            value: used,
            from: None,
            to: None,
            // In English here; a zh-CN report shows the same sentence in Chinese
            // (engine::localized_sources), as for every pack citation.
            source: crate::words::source_override(crate::words::Lang::En),
            confidence: None,
            pack: OVERRIDE.to_string(),
        });
    }
}
