//! The JavaScript face of the engine: the ONLY file that names wasm_bindgen, js_sys or JsValue.
//!
//! Every function takes plain JS objects, turns them into JSON values once, calls the pure
//! engine, and hands back plain JSON-compatible objects (no ES Maps, no `undefined`). Invalid
//! input throws a real `Error` whose `problems` property lists `{ path, code, message }`.

use crate::problem::{Code, Problem};
use crate::{catalog, engine};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&e.to_string()).into())
}

/// Reads a JS value as JSON; `undefined` and `null` read as `None`.
fn from_js(value: JsValue, path: &str) -> Result<Option<Value>, Vec<Problem>> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    serde_wasm_bindgen::from_value::<Value>(value)
        .map(Some)
        .map_err(|e| {
            vec![Problem {
                path: path.to_string(),
                code: Code::InvalidType,
                message: e.to_string(),
            }]
        })
}

/// A thrown `Error` carrying the problems.
fn problems_error(problems: &[Problem]) -> JsValue {
    let first = problems
        .first()
        .map(|p| p.message.as_str())
        .unwrap_or("invalid input");
    let message = if problems.len() > 1 {
        format!("{first} (+{} more)", problems.len() - 1)
    } else {
        first.to_string()
    };
    let error = js_sys::Error::new(&message);
    if let Ok(list) = to_js(&problems) {
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str("problems"), &list);
    }
    let _ = js_sys::Reflect::set(
        &error,
        &JsValue::from_str("name"),
        &JsValue::from_str("TuopinInputError"),
    );
    error.into()
}

/// `assess(household, options)` → `Report`.
#[wasm_bindgen]
pub fn assess(household: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let household = from_js(household, "")
        .map_err(|p| problems_error(&p))?
        .unwrap_or(Value::Null);
    let options = from_js(options, "options").map_err(|p| problems_error(&p))?;
    match engine::assess_json(&household, options.as_ref()) {
        Ok(report) => to_js(&report),
        Err(problems) => Err(problems_error(&problems)),
    }
}

/// `validate(household, options?)` → `Problem[]` (empty when valid).
#[wasm_bindgen]
pub fn validate(household: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let household = match from_js(household, "") {
        Ok(h) => h.unwrap_or(Value::Null),
        Err(p) => return to_js(&p),
    };
    let options = match from_js(options, "options") {
        Ok(o) => o,
        Err(p) => return to_js(&p),
    };
    to_js(&engine::validate_json(&household, options.as_ref()))
}

/// `assessMany(households, options)` → `{ reports, summary }`.
#[wasm_bindgen(js_name = assessMany)]
pub fn assess_many(households: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let households = from_js(households, "")
        .map_err(|p| problems_error(&p))?
        .unwrap_or(Value::Null);
    let options = from_js(options, "options").map_err(|p| problems_error(&p))?;
    match crate::batch::assess_many_json(&households, options.as_ref()) {
        Ok(out) => to_js(&out),
        Err(problems) => Err(problems_error(&problems)),
    }
}

/// `policies()` → the built-in packs with every dated, sourced value.
#[wasm_bindgen]
pub fn policies() -> Result<JsValue, JsValue> {
    to_js(&catalog::policies())
}

/// `version()` → `{ crate, contract: 1, policyPacks }`.
#[wasm_bindgen]
pub fn version() -> Result<JsValue, JsValue> {
    to_js(&catalog::version())
}
