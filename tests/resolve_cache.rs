//! `resolve()` is cached per (province, asOf, overrides) (issue 8 item 3): repeated calls give
//! what a first call gives, different overrides never share an entry, problems in overrides are
//! reported on every call, and a bounded cache that evicts still answers correctly.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::{json, Value};
use std::sync::Arc;
use tuopin::date::Date;
use tuopin::json_value::Json;
use tuopin::policy::{resolve, Resolved};
use tuopin::problem::{Code, Finding};
use tuopin::reader::Reader;

fn on(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// Everything a resolution gives, as comparable JSON.
fn seen(r: &Resolved) -> Value {
    json!({
        "params": format!("{:?}", r.params),
        "applied": serde_json::to_value(&*r.applied).unwrap(),
        "pack": r.pack,
        "overrides": r.overrides,
    })
}

fn clean(province: &str, date: &str, overrides: Option<&Value>) -> Arc<Resolved> {
    let mut r = Reader::new();
    let overrides = overrides.map(Json::from);
    let out = resolve(province, on(date), overrides.as_ref(), &mut r);
    assert!(r.is_clean(), "{:?}", r.findings());
    out
}

/// Issue 8 items 3 and 6: a cache hit is the cached resolution itself, shared, not a copy of
/// it; a different key is a different resolution.
#[test]
fn a_hit_shares_the_cached_resolution() {
    let first = clean("CN-GX", "2018-06-30", None);
    let again = clean("CN-GX", "2018-06-30", None);
    assert!(Arc::ptr_eq(&first, &again));
    let other_day = clean("CN-GX", "2018-07-01", None);
    assert!(!Arc::ptr_eq(&first, &other_day));
    let overridden = clean("CN-GX", "2018-06-30", Some(&json!({ "povertyLine": 3000 })));
    assert!(!Arc::ptr_eq(&first, &overridden));
}

#[test]
fn different_overrides_never_share_a_resolution() {
    let a = json!({ "povertyLine": 12000 });
    let b = json!({ "povertyLine": 3000 });
    for _ in 0..3 {
        let none = clean("CN-YN", "2019-12-31", None);
        let with_a = clean("CN-YN", "2019-12-31", Some(&a));
        let with_b = clean("CN-YN", "2019-12-31", Some(&b));
        assert_eq!(with_a.params.poverty_line.unwrap().fen(), 1_200_000);
        assert_eq!(with_b.params.poverty_line.unwrap().fen(), 300_000);
        // The pack's own line, untouched by the overrides resolved just before.
        assert_ne!(none.params.poverty_line, with_a.params.poverty_line);
        assert_ne!(none.params.poverty_line, with_b.params.poverty_line);
        assert_eq!(with_a.overrides, Json::from(&a));
        assert_eq!(with_b.overrides, Json::from(&b));
        assert_eq!(none.overrides, Json::from(json!({})));
    }
}

#[test]
fn a_bad_override_is_reported_on_every_call() {
    let bad = Json::from(json!({ "povertyLine": "lots" }));
    for _ in 0..3 {
        let mut r = Reader::new();
        resolve("CN-YN", on("2019-12-31"), Some(&bad), &mut r);
        assert!(
            r.findings()
                .iter()
                .any(|f| f.path == "options.policy.povertyLine"),
            "{:?}",
            r.findings()
        );
    }
}

#[test]
fn a_problem_hidden_by_the_crossing_is_still_reported_to_the_next_caller() {
    // A caller whose reader already holds the crossing's problem at the same path does not see
    // it twice; the resolution with a problem is not cached, so a clean caller still sees it.
    let bad = Json::from(json!({ "povertyLine": "lots" }));
    let crossing = vec![Finding::new(
        "options.policy.povertyLine",
        Code::InvalidType,
    )];
    let mut crossed = Reader::with_crossing(crossing);
    resolve("CN-GZ", on("2019-12-31"), Some(&bad), &mut crossed);
    assert_eq!(crossed.findings().len(), 1, "{:?}", crossed.findings());
    let mut r = Reader::new();
    resolve("CN-GZ", on("2019-12-31"), Some(&bad), &mut r);
    assert!(!r.is_clean());
}

#[test]
fn answers_stay_right_when_the_bounded_cache_evicts() {
    // More distinct keys than the cache holds (16), twice round: the second round, after
    // evictions, gives exactly what the first gave.
    let provinces = ["CN-YN", "CN-GZ", "CN-HB", "CN-SC", "CN-GS", "CN-XZ"];
    let dates = ["2016-06-30", "2019-12-31", "2024-06-30", "2025-06-30"];
    let mut keys = Vec::new();
    for p in provinces {
        for d in dates {
            keys.push((p, d));
        }
    }
    assert!(keys.len() > 16);
    let first: Vec<Value> = keys.iter().map(|(p, d)| seen(&clean(p, d, None))).collect();
    for _ in 0..2 {
        let again: Vec<Value> = keys.iter().map(|(p, d)| seen(&clean(p, d, None))).collect();
        assert_eq!(first, again);
    }
    // Provinces and dates really differ in what they resolve to.
    assert_ne!(first[0], first[1]);
    assert_ne!(first[0], first[dates.len()]);
}
