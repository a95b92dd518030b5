//! Runs every golden case natively (`tests/cases/*.toml`, see its README).

#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "support/cases.rs"]
mod cases;

use cases::{run_all, Outcome, FILES};
use serde_json::Value;

fn run_native(case: &cases::Case) -> Outcome {
    match tuopin::assess_json(&case.household, Some(&case.options)) {
        Ok(report) => Outcome::Report(serde_json::to_value(report).unwrap()),
        Err(problems) => Outcome::Problems(serde_json::to_value(problems).unwrap()),
    }
}

#[test]
fn every_case_file_is_listed() {
    let mut on_disk: Vec<String> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases"))
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".toml"))
            .collect();
    on_disk.sort();
    let mut listed: Vec<String> = FILES.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "tests/support/case_files.rs is stale: run scripts/list-cases.sh"
    );
}

#[test]
fn golden_cases_pass_natively() {
    let (count, failures) = run_all(run_native);
    assert!(
        count >= 60,
        "expected at least 60 golden cases, found {count}"
    );
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_case_names_its_rule_and_invalid_inputs_are_covered() {
    let cases = cases::load_all().unwrap();
    for c in &cases {
        assert!(
            c.name.split_whitespace().count() >= 4,
            "case name should be a sentence: {}",
            c.name
        );
        assert!(!c.rule.trim().is_empty(), "case without a rule: {}", c.name);
    }
    let invalid = cases
        .iter()
        .filter(|c| c.expect.contains_key("problems"))
        .count();
    assert!(
        invalid >= 15,
        "expected at least 15 invalid-input cases, found {invalid}"
    );
    // Every check id appears with every status it can take somewhere in the cases.
    for id in [
        "income",
        "food",
        "clothing",
        "education",
        "medical",
        "housing",
        "water",
        "electricity",
    ] {
        for status in ["pass", "fail", "unknown"] {
            let seen = cases.iter().any(|c| {
                c.expect
                    .get("checks")
                    .and_then(|m| m.get(id))
                    .and_then(Value::as_str)
                    == Some(status)
            });
            assert!(seen, "no golden case expects {id} = {status}");
        }
    }
}

/// The comparison must be able to fail: every expectation, changed, is caught.
#[test]
fn a_wrong_expectation_is_caught() {
    let cases = cases::load_all().unwrap();
    let mut checked = 0;
    for case in cases.iter().filter(|c| !c.expect.is_empty()).take(400) {
        let outcome = run_native(case);
        assert!(cases::check(case, &outcome).is_empty());
        let mut wrong = cases::Case {
            file: case.file,
            name: case.name.clone(),
            rule: case.rule.clone(),
            household: case.household.clone(),
            options: case.options.clone(),
            expect: case.expect.clone(),
        };
        if let Some(Value::Object(m)) = wrong.expect.get_mut("checks") {
            for v in m.values_mut() {
                *v = Value::String(if v == "pass" {
                    "fail".into()
                } else {
                    "pass".into()
                });
            }
        } else if wrong.expect.contains_key("problems") {
            wrong.expect.insert(
                "problems".into(),
                serde_json::json!([{ "path": "x", "code": "y" }]),
            );
        } else if let Some(Value::Object(m)) = wrong.expect.get_mut("income") {
            for v in m.values_mut() {
                *v = serde_json::json!(-123456.78);
            }
        } else {
            continue;
        }
        assert!(
            !cases::check(&wrong, &outcome).is_empty(),
            "a changed expectation passed: {}",
            case.name
        );
        checked += 1;
    }
    assert!(checked > 100, "only {checked} cases were mutated");
}
