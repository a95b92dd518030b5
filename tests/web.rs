//! Runs every golden case through the wasm build's JS API in headless Chromium
//! (`wasm-pack test --headless --chrome`).

#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "support/cases.rs"]
mod cases;

use cases::{run_all, Outcome};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js(v: &Value) -> JsValue {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap()
}

fn run_wasm(case: &cases::Case) -> Outcome {
    match tuopin::wasm::assess(js(&case.household), js(&case.options)) {
        Ok(report) => Outcome::Report(serde_wasm_bindgen::from_value(report).unwrap()),
        Err(error) => {
            assert!(
                error.is_instance_of::<js_sys::Error>(),
                "assess must throw an Error"
            );
            let problems = js_sys::Reflect::get(&error, &JsValue::from_str("problems")).unwrap();
            Outcome::Problems(serde_wasm_bindgen::from_value(problems).unwrap())
        }
    }
}

#[wasm_bindgen_test]
fn golden_cases_pass_in_the_browser() {
    let (count, failures) = run_all(run_wasm);
    assert!(count > 0);
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed in wasm:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[wasm_bindgen_test]
fn results_are_plain_json_objects() {
    let cases = cases::load_all().unwrap();
    let case = cases
        .iter()
        .find(|c| !c.expect.contains_key("problems"))
        .unwrap();
    let report = tuopin::wasm::assess(js(&case.household), js(&case.options)).unwrap();
    // No ES Map anywhere: JSON.stringify round-trips the whole report.
    let text = js_sys::JSON::stringify(&report)
        .unwrap()
        .as_string()
        .unwrap();
    let back: Value = serde_json::from_str(&text).unwrap();
    assert!(back.get("checks").is_some());
    assert!(!report.is_instance_of::<js_sys::Map>());
}
