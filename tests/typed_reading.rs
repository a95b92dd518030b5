//! Issue 8 item 1, typed reading: the fast path (`read_household_text`, serde's derive straight
//! into `Household`) never accepts what the path-collecting reader refuses, and reads what it
//! accepts into the very same `Household`. Every golden case's household, and mutations of each
//! of its fields (numbers a double cannot hold, amounts ≥ 10¹², too many decimals, wrong types,
//! invalid dates and codes, over-long text, duplicate and unknown keys, too many members, id
//! numbers that contradict the record…), is read both ways and compared.

#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "support/cases.rs"]
mod cases;

use serde_json::Value;
use tuopin::household::{read_household, read_household_text, Household};
use tuopin::reader::Reader;

/// The slow path as `tuopin batch` runs it: strict JSON text, then the path-collecting reader.
/// `None` when it notes any problem.
fn slow(text: &str) -> Option<Household> {
    let (v, found) = tuopin::json_text::parse(text, "").ok()?;
    let mut r = Reader::with_crossing(found);
    let h = read_household(&mut r, &v, "");
    if r.is_clean() {
        h
    } else {
        None
    }
}

/// The rule: accepted by the fast path ⇒ accepted by the slow path, as the same household.
fn check(text: &str, accepted: &mut usize, refused: &mut usize) {
    let fast = read_household_text(text);
    let slow = slow(text);
    if let Some(h) = &fast {
        assert_eq!(
            Some(h),
            slow.as_ref(),
            "fast path accepted what the slow path reads otherwise: {text}"
        );
        *accepted += 1;
    } else {
        *refused += 1;
    }
}

/// Every leaf of a JSON value, as a list of JSON pointers.
fn leaves(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                out.push(format!("{at}/{k}"));
                leaves(x, format!("{at}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                out.push(format!("{at}/{i}"));
                leaves(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Replacements written as raw JSON text, so that numbers a `Value` cannot hold can be tried.
const REPLACEMENTS: &[&str] = &[
    "null",
    "\"x\"",
    "\"\"",
    "true",
    "[]",
    "{}",
    "[null]",
    "0",
    "-1",
    "1.5",
    "1.234",
    "0.1234567890123",
    "1e-400",
    "1e400",
    "1e3",
    "-0",
    "2",
    "5",
    "999999999999.99",
    "1000000000000",
    "-1000000000000",
    "99999999999999999999",
    "\"1970-02-30\"",
    "\"2019-12-31\"",
    "\"head\"",
    "\"male\"",
    "\"resident\"",
    "[\"resident\", \"commercial\"]",
    "\"CN-ZZ\"",
    "\"53232319860804351X\"",
    "\"h\\u0065ad\"",
];

fn long_text() -> String {
    format!("\"{}\"", "长".repeat(257))
}

#[test]
fn issue8_item1_fast_path_accepts_only_what_the_slow_path_accepts_and_reads_it_alike() {
    let all = cases::load_all().unwrap();
    let marker = "\u{1}MUTATE";
    let (mut accepted, mut refused) = (0, 0);
    let mut fast_on_valid = 0;
    let mut valid = 0;
    let long = long_text();
    for (n, case) in all.iter().enumerate() {
        let text = serde_json::to_string(&case.household).unwrap();
        // Unchanged: what the slow path accepts, the fast path accepts too (it is the fast path
        // for ordinary input, not only a filter).
        if slow(&text).is_some() {
            valid += 1;
            if read_household_text(&text).is_some() {
                fast_on_valid += 1;
            }
        }
        check(&text, &mut accepted, &mut refused);
        // Text-level mutations: duplicate and unknown keys, escaped keys, too many members.
        for (from, to) in [
            ("{\"", "{\"id\":\"dup\",\""),
            ("\"members\":[{", "\"members\":[{\"sex\":\"female\","),
            ("\"members\":[{", "\"members\":[{\"relation\":\"head\","),
            ("\"income\":{", "\"income\":{\"wage\":1,"),
            ("\"income\":{", "\"income\":{\"wage\":1,\"wage\":2,"),
            ("\"income\":{", "\"income\":{\"salary\":1,"),
            ("{\"", "{\"extra\":1,\""),
            ("\"relation\"", "\"rel\\u0061tion\""),
            (
                "\"members\":[{",
                "\"members\":[{\"idNumber\":\"532323198608043511\",",
            ),
        ] {
            if text.contains(from) {
                check(&text.replacen(from, to, 1), &mut accepted, &mut refused);
            }
        }
        if let Some(members) = case.household.get("members").and_then(Value::as_array) {
            if let Some(first) = members.first() {
                let mut h = case.household.clone();
                h["members"] = Value::Array(vec![first.clone(); 101]);
                check(&h.to_string(), &mut accepted, &mut refused);
            }
        }
        // Field-level mutations of every field on one case in 20 (a spread of households; the
        // whole set takes a minute in a debug build).
        if n % 20 != 0 {
            continue;
        }
        let mut at = Vec::new();
        leaves(&case.household, String::new(), &mut at);
        for pointer in &at {
            let mut h = case.household.clone();
            *h.pointer_mut(pointer).unwrap() = Value::String(marker.into());
            let shell = serde_json::to_string(&h).unwrap();
            let hole = serde_json::to_string(marker).unwrap();
            for with in REPLACEMENTS.iter().copied().chain([long.as_str()]) {
                check(&shell.replacen(&hole, with, 1), &mut accepted, &mut refused);
            }
        }
    }
    assert!(valid > 100, "{valid} valid golden households");
    assert_eq!(
        fast_on_valid, valid,
        "the fast path reads every valid household"
    );
    assert!(accepted > 1000 && refused > 1000, "{accepted} / {refused}");
}

#[test]
fn issue8_item1_problems_keep_their_paths_when_the_fast_path_gives_up() {
    // The fast path gives up on a duplicate key; the slow path names it.
    let text = r#"{"province":"CN-HB","members":[{"relation":"head","sex":"male","birthDate":"1970-01-01"}],"income":{"wage":9000,"wage":1}}"#;
    assert!(read_household_text(text).is_none());
    let (_, found) = tuopin::json_text::parse(text, "").unwrap();
    assert_eq!(found[0].path, "income.wage");
    assert_eq!(found[0].code.as_str(), "duplicate_key");
    // Without it the fast path reads the household.
    let ok = text.replace(r#","wage":1"#, "");
    let h = read_household_text(&ok).unwrap();
    assert_eq!(h.income.wage.unwrap().to_decimal().to_string(), "9000");
}

/// Issue 8 item 1: the fast path reads money in plain form straight to fen and quantities as
/// exact decimal text, without a `Value` or a double. Every money and quantity field of a valid
/// household, given each of these tokens, reads the same both ways (and plain forms are read
/// by the fast path itself, not handed to the slow one).
#[test]
fn issue8_item1_plain_numbers_read_straight_as_the_slow_path_reads_them() {
    let base = serde_json::json!({
        "id": "N1", "province": "CN-YN", "registration": "poor",
        "members": [{"relation": "head", "sex": "male", "birthDate": "1970-01-01"}],
        "income": {"wage": 1, "business": 1, "property": 1, "transfer": 900000000000_i64,
                   "businessCosts": 1},
        "spending": {"medicalOutOfPocket": 1, "education": 1, "disasterLoss": 1},
        "housing": {"areaM2": 1},
        "water": {"litresPerPersonDay": 1, "fetchMinutes": 1, "horizontalM": 1,
                  "verticalM": 1, "daysWithoutSupply": 1}
    });
    let fields = [
        "/income/wage",
        "/income/business",
        "/income/property",
        "/income/businessCosts",
        "/spending/medicalOutOfPocket",
        "/housing/areaM2",
        "/water/litresPerPersonDay",
        "/water/daysWithoutSupply",
    ];
    let plain = [
        "0",
        "7",
        "10514",
        "1.5",
        "1.50",
        "1.05",
        "0.05",
        "2.0",
        "123456789012",
        "999999999999.99",
        "0.000000001",
        "12345678901234.5",
        "123456789012345",
    ];
    let other = [
        "-0",
        "-0.0",
        "-5",
        "-5.25",
        "1.234",
        "1.999",
        "999999999999.995",
        "1000000000000",
        "1000000000000.0",
        "1234567890123456",
        "0.0000000001",
        "1e2",
        "1E-2",
        "-1e3",
        "12345678901234.56",
        "0.1234567890123456",
        "100000000000000000000",
    ];
    let marker = "\u{1}MUTATE";
    let (mut accepted, mut refused) = (0, 0);
    for field in fields {
        let mut h = base.clone();
        *h.pointer_mut(field).unwrap() = Value::String(marker.into());
        let shell = serde_json::to_string(&h).unwrap();
        let hole = serde_json::to_string(marker).unwrap();
        for token in plain.iter().chain(other.iter()) {
            let text = shell.replacen(&hole, token, 1);
            check(&text, &mut accepted, &mut refused);
            let money = field.starts_with("/income") || field.starts_with("/spending");
            let fits =
                !money || !token.contains('.') || token.split('.').nth(1).unwrap().len() <= 2;
            if plain.contains(token) && fits && (money || token.len() <= 16) {
                let slow_reads = slow(&text).is_some();
                assert!(
                    !slow_reads || read_household_text(&text).is_some(),
                    "plain {token} at {field} left to the slow path"
                );
            }
        }
    }
    assert!(accepted > 60 && refused > 20, "{accepted} / {refused}");
}

/// Issue 8 item 1: the fast path's own JSON scanner reads the grammar exactly. Whitespace of
/// every kind between every token is read as the slow path reads it (by the fast path itself);
/// text that is not JSON (trailing commas, missing separators, numbers JSON does not allow,
/// misspelt literals, raw control characters in strings, text after the household) is never
/// accepted by it.
#[test]
fn issue8_item1_the_fast_scanner_reads_json_exactly() {
    let all = cases::load_all().unwrap();
    let (mut accepted, mut refused) = (0, 0);
    let mut spaced_read = 0;
    for case in all.iter().step_by(7) {
        let text = serde_json::to_string(&case.household).unwrap();
        if slow(&text).is_none() {
            continue;
        }
        // Whitespace around every structural character (outside strings).
        let mut spaced = String::new();
        let mut in_string = false;
        let mut escaped = false;
        for c in text.chars() {
            if in_string {
                spaced.push(c);
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    in_string = false;
                }
                continue;
            }
            match c {
                '"' => {
                    in_string = true;
                    spaced.push(c);
                }
                '{' | '}' | '[' | ']' | ',' | ':' => {
                    spaced.push_str(" \t");
                    spaced.push(c);
                    spaced.push_str("\r\n ");
                }
                _ => spaced.push(c),
            }
        }
        check(&spaced, &mut accepted, &mut refused);
        if read_household_text(&spaced).is_some() {
            spaced_read += 1;
        }
        for (from, to) in [
            ("{\"", "{,\""),
            ("\"members\":[", "\"members\":[,"),
            ("}]", "},]"),
            ("}]", "}]]"),
            ("\":", "\" "),
            ("\",\"", "\" \""),
            (":true", ":tru"),
            (":true", ":True"),
            (":false", ":fals"),
            (":true", ":truex"),
            (":1", ":01"),
            (":1", ":1."),
            (":1", ":.1"),
            (":1", ":-"),
            (":1", ":+1"),
            (":1", ":1e"),
            (":1", ":1e+"),
            (":1", ":1.e3"),
            (":1", ":-01"),
            ("\"name\":\"", "\"name\":\"\t"),
            ("\"name\":\"", "\"name\":\"\u{1}"),
            ("\"name\":\"", "\"name\":\"\u{1f}"),
            ("\"id\":\"", "\"id\":\"\u{1}"),
            ("\"id\":\"", "\"id\":\"\\\"x"),
            ("\"name\":\"", "\"name\":\"\\u4e00"),
            ("\"name\":\"", "\"name\":\"\\"),
            ("\"id\":\"", "\"id\":\"\n"),
            (":null", ":nul"),
            ("\"members\":[", "\"members\":[null,"),
            ("\"members\":", "\"members\":{},\"x\":"),
        ] {
            if text.contains(from) {
                check(&text.replacen(from, to, 1), &mut accepted, &mut refused);
            }
        }
        for tail in ["x", "}", ",", "{}", "\u{0}", " \n\t\r"] {
            check(&format!("{text}{tail}"), &mut accepted, &mut refused);
        }
        for head in ["[", "x", "\u{feff}"] {
            check(&format!("{head}{text}"), &mut accepted, &mut refused);
        }
    }
    assert!(
        spaced_read > 10,
        "spaced households read by the fast path: {spaced_read}"
    );
    assert!(accepted > 10 && refused > 100, "{accepted} / {refused}");
}
