//! Issue 8 item 7 (same answers) for the fast report writer of `tuopin batch --out`
//! (`tuopin::report::json::write_compact`, issue 8's "full reports" row): it must write exactly
//! the bytes `serde_json::to_writer` writes. Checked on the report of every golden case in both
//! languages (with and without `policy.applied`), on strings holding every character that needs
//! an escape at every position of an 8-byte word, and on every shape serde can ask for (enum
//! variants, maps with integer and other keys, floats that are not finite, i128, bytes).
//!
//! Issue 8 item 6 (core package size) with item 7: the core wasm module writes every answer with
//! this writer alone (`write_alone`, no serde_json fallback compiled in), so every kind of answer
//! it returns must be written whole by it, byte for byte as serde_json writes it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "support/cases.rs"]
mod cases;

use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;
use tuopin::report::json::{write_alone, write_compact};

fn same<T: Serialize + ?Sized>(value: &T) {
    let want = serde_json::to_vec(value).unwrap();
    // Appended after what the buffer holds, as the CLI appends report after report.
    let mut got = b"before\n".to_vec();
    write_compact(value, &mut got).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&got[7..]),
        String::from_utf8_lossy(&want)
    );
}

#[test]
fn every_golden_report_is_written_as_serde_json_writes_it() {
    let cases = cases::load_all().unwrap();
    let mut reports = 0;
    for case in &cases {
        for lang in ["zh-CN", "en"] {
            let mut options = case.options.clone();
            if let Some(o) = options.as_object_mut() {
                o.insert("lang".into(), json!(lang));
            }
            if let Ok(mut report) = tuopin::assess_json(&case.household, Some(&options)) {
                same(&report);
                report.policy.applied = std::sync::Arc::from(Vec::new());
                same(&report);
                reports += 1;
            }
        }
    }
    assert!(reports > 100, "reports compared: {reports}");
}

#[test]
fn strings_are_escaped_as_serde_json_escapes_them() {
    let mut specials: Vec<char> = (0u8..0x20).map(char::from).collect();
    specials.extend(['"', '\\', '/', '\u{7f}', 'é', '脱', '贫', '\u{2028}', '😀']);
    for c in &specials {
        for at in 0..17 {
            let mut s = "a".repeat(at);
            s.push(*c);
            s.push_str(&"贫".repeat(at % 5));
            same(&s);
            same(&json!({ s.clone(): [s.clone(), at] }));
        }
    }
    let all: String = specials.iter().collect();
    same(&all);
    same(&all.repeat(9));
    same("");
}

#[derive(Serialize)]
enum Shape {
    Unit,
    Newtype(i32),
    Tuple(u8, String),
    Struct { a: Option<bool>, b: Vec<f64> },
}

#[derive(Serialize)]
struct Wrapper(Vec<Shape>);

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Everything {
    shapes: Wrapper,
    int_keys: BTreeMap<u32, &'static str>,
    neg_keys: BTreeMap<i64, ()>,
    bool_keys: BTreeMap<bool, u8>,
    char_keys: BTreeMap<char, u8>,
    wide: (i128, u128, i8, u64),
    floats: [f64; 6],
    small: f32,
    #[serde(with = "serde_bytes_as_seq")]
    bytes: Vec<u8>,
    empty: Vec<u8>,
    nothing: Option<()>,
    ch: char,
    value: serde_json::Value,
}

mod serde_bytes_as_seq {
    pub fn serialize<S: serde::Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(v)
    }
}

#[test]
fn every_serde_shape_is_written_as_serde_json_writes_it() {
    let value = Everything {
        shapes: Wrapper(vec![
            Shape::Unit,
            Shape::Newtype(-7),
            Shape::Tuple(3, "x\ny".into()),
            Shape::Struct {
                a: None,
                b: vec![0.1, -2.5, 1e21, 3.0],
            },
            Shape::Struct {
                a: Some(true),
                b: vec![],
            },
        ]),
        int_keys: [(1, "a"), (20, "b")].into_iter().collect(),
        neg_keys: [(-3, ())].into_iter().collect(),
        bool_keys: [(true, 1)].into_iter().collect(),
        char_keys: [('k', 2)].into_iter().collect(),
        wide: (i128::MIN, u128::MAX, -128, u64::MAX),
        floats: [
            f64::NAN,
            f64::INFINITY,
            -0.0,
            10514.5,
            0.07,
            f64::MIN_POSITIVE,
        ],
        small: 0.3,
        bytes: vec![0, 255, 34],
        empty: vec![],
        nothing: None,
        ch: '"',
        value: json!({"policy": {"povertyLine": 3218.5, "list": [1, -2, null, "\u{1}"]}, "e": {}}),
    };
    same(&value);
    // A date is written through `collect_str`.
    same(&tuopin::date::Date::parse("2019-12-31").unwrap());
}

/// What the core wasm module's `to_js` does: the writer alone must take the value whole (no
/// `GiveUp`) and write serde_json's bytes.
fn alone<T: Serialize + ?Sized>(value: &T) {
    let want = serde_json::to_vec(value).unwrap();
    let mut got = Vec::new();
    write_alone(value, &mut got).expect("the core writer gave up on an answer");
    assert_eq!(
        String::from_utf8(got).unwrap(),
        String::from_utf8(want).unwrap()
    );
}

#[test]
fn every_answer_of_the_core_module_is_written_by_the_writer_alone() {
    // `policies()` and `version()`.
    alone(&tuopin::catalog::policies());
    alone(&tuopin::catalog::version());
    let cases = cases::load_all().unwrap();
    let (mut reports, mut refused, mut batches) = (0, 0, 0);
    for case in &cases {
        for lang in ["zh-CN", "en"] {
            let mut options = case.options.clone();
            if let Some(o) = options.as_object_mut() {
                o.insert("lang".into(), json!(lang));
            }
            // `assess()`: a report, or the problems its error carries.
            match tuopin::assess_json(&case.household, Some(&options)) {
                Ok(report) => {
                    alone(&report);
                    reports += 1;
                }
                Err(problems) => {
                    alone(&problems);
                    refused += 1;
                }
            }
            // `validate()`.
            alone(&tuopin::engine::validate_json(
                &case.household,
                Some(&options),
            ));
            // `assessMany()`: the case's household twice, so the roll-up counts more than one.
            let many = json!([case.household.clone(), case.household.clone()]);
            match tuopin::batch::assess_many_json(&many, Some(&options)) {
                Ok(out) => {
                    alone(&out);
                    batches += 1;
                }
                Err(problems) => alone(&problems),
            }
        }
    }
    assert!(
        reports > 100 && refused > 0 && batches > 100,
        "{reports} {refused} {batches}"
    );
}
