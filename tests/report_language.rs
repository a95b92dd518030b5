//! What a report says beyond codes: pack citations in the report's language (contract v1.1
//! item 6, issue 11 §5), the facts an `incomplete` verdict waits for (issue 10 §5), and the
//! impossible date orders `validate` reports like `assess` (issue 9 item 9).

#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::{json, Value};
use tuopin::{assess_json, validate_json};

fn household() -> Value {
    json!({
        "id": "HH-1", "province": "CN-YN", "registration": "poor", "identifiedOn": "2016-03-01",
        "members": [
            { "relation": "head", "sex": "male", "birthDate": "1980-05-10", "health": "healthy",
              "labour": "normal", "schooling": "not_student", "medicalInsurance": "resident" },
            { "relation": "spouse", "sex": "female", "birthDate": "1982-08-20", "health": "healthy",
              "labour": "normal", "schooling": "not_student", "medicalInsurance": "resident" }
        ],
        "income": { "wage": 12000, "business": 0, "property": 0, "transfer": 0, "businessCosts": 0 },
        "spending": { "medicalOutOfPocket": 300, "education": 0, "disasterLoss": 0 },
        "food": { "secure": true }, "clothing": { "secure": true },
        "housing": { "grade": "A", "areaM2": 80 },
        "water": { "pipedToHome": true, "litresPerPersonDay": 60, "daysWithoutSupply": 5, "qualityOk": true },
        "electricity": { "connected": true }
    })
}

fn report(h: &Value, lang: &str) -> Value {
    let r = assess_json(h, Some(&json!({ "asOf": "2019-12-31", "lang": lang }))).unwrap();
    serde_json::to_value(r).unwrap()
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Contract v1.1 item 6: a zh-CN report shows each pack value's Chinese citation, an en report
/// the English one; check bases follow the language too.
#[test]
fn a_report_cites_its_sources_in_its_own_language() {
    let zh = report(&household(), "zh-CN");
    let en = report(&household(), "en");
    let line_zh = zh["income"]["lineSource"].as_str().unwrap();
    let line_en = en["income"]["lineSource"].as_str().unwrap();
    assert!(
        line_zh.starts_with("国家统计局：按2010年不变价"),
        "{line_zh}"
    );
    assert!(
        line_en.starts_with(
            "National Bureau of Statistics (国家统计局): the current-price value for 2019"
        ),
        "{line_en}"
    );
    for a in zh["policy"]["applied"].as_array().unwrap() {
        let s = a["source"].as_str().unwrap();
        assert!(has_cjk(s), "zh-CN report shows a non-Chinese source: {s}");
        assert!(!s.contains("policy-reference"), "{s}");
    }
    let basis_zh = zh["checks"][0]["basis"].as_str().unwrap();
    let basis_en = en["checks"][0]["basis"].as_str().unwrap();
    assert!(
        basis_zh.contains("年人均纯收入稳定超过国家扶贫标准"),
        "{basis_zh}"
    );
    assert!(
        basis_en.contains("stably above the national poverty line"),
        "{basis_en}"
    );
}

/// Contract v1.1 item 6: an override's source is said in the report's language.
#[test]
fn an_override_source_is_in_the_report_language() {
    let opts =
        json!({ "asOf": "2019-12-31", "lang": "zh-CN", "policy": { "boundary": "lenient" } });
    let r = serde_json::to_value(assess_json(&household(), Some(&opts)).unwrap()).unwrap();
    let applied = r["policy"]["applied"].as_array().unwrap();
    let b = applied.iter().find(|a| a["key"] == "boundary").unwrap();
    assert_eq!(b["pack"], "override");
    assert!(has_cjk(b["source"].as_str().unwrap()), "{b}");
}

/// Issue 10 §5: a blank spending field makes exit `incomplete` and the report names the
/// missing field, rather than reading like a finding about the household.
#[test]
fn a_blank_spending_field_is_named_as_missing() {
    let mut h = household();
    h["spending"].as_object_mut().unwrap().remove("education");
    let r = report(&h, "zh-CN");
    assert_eq!(r["exit"]["verdict"], "incomplete");
    let missing = r["exit"]["missing"].as_array().unwrap();
    let rigid = missing
        .iter()
        .find(|m| m["item"] == "rigid_spending_exceeds_income")
        .unwrap();
    assert_eq!(rigid["paths"], json!(["spending.education"]));
    let msg = rigid["message"].as_str().unwrap();
    assert!(
        msg.starts_with("信息不全") && msg.contains("spending.education"),
        "{msg}"
    );
    let en = report(&h, "en");
    let msg = en["exit"]["missing"][0]["message"].as_str().unwrap();
    assert!(msg.contains("fill in spending.education"), "{msg}");
}

/// Issue 10 §5: unknown checks name their fields too (a member's missing insurance).
#[test]
fn an_unknown_check_names_the_member_field() {
    let mut h = household();
    h["members"][1]
        .as_object_mut()
        .unwrap()
        .remove("medicalInsurance");
    let r = report(&h, "en");
    assert_eq!(r["exit"]["verdict"], "incomplete");
    let m = r["exit"]["missing"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["item"] == "medical")
        .unwrap()
        .clone();
    assert_eq!(m["paths"], json!(["members[1].medicalInsurance"]));
}

/// A complete record carries no `missing` list.
#[test]
fn a_ready_household_has_nothing_missing() {
    let r = report(&household(), "en");
    assert_eq!(r["exit"]["verdict"], "ready");
    assert!(r["exit"].get("missing").is_none());
}

/// Issue 9 item 9 and issue 9 item 6 (validate checks as assess does): `validate` reports an
/// impossible date order with its path, with or without options.
#[test]
fn validate_reports_impossible_date_orders_like_assess() {
    let mut h = household();
    h["registration"] = json!("exited");
    h["exitedOn"] = json!("2015-12-01");
    for opts in [None, Some(json!({ "asOf": "2019-12-31" }))] {
        let problems = serde_json::to_value(validate_json(&h, opts.as_ref())).unwrap();
        assert_eq!(problems.as_array().unwrap().len(), 1, "{problems}");
        assert_eq!(problems[0]["path"], "exitedOn");
        assert_eq!(problems[0]["code"], "impossible_date_order");
    }
    let err = assess_json(&h, Some(&json!({ "asOf": "2019-12-31", "lang": "en" }))).unwrap_err();
    let err = serde_json::to_value(err).unwrap();
    assert_eq!(err[0]["code"], "impossible_date_order");
    let msg = err[0]["message"].as_str().unwrap();
    assert!(
        msg.contains("2015-12-01") && msg.contains("identifiedOn (2016-03-01)"),
        "{msg}"
    );
}

/// Issue 10 §5: in the monitoring regime a category that cannot be decided names the blank
/// fields (here the disaster loss the hardship test needs).
#[test]
fn an_undecided_category_names_the_missing_fields() {
    let mut h = household();
    h["registration"] = json!("exited");
    h["exitedOn"] = json!("2018-11-30");
    h["income"]["wage"] = json!(30000);
    h["spending"]
        .as_object_mut()
        .unwrap()
        .remove("disasterLoss");
    h["spending"]["medicalOutOfPocket"] = json!(100);
    let opts = json!({ "asOf": "2023-12-31", "lang": "zh-CN", "province": "CN-YN" });
    let r = serde_json::to_value(assess_json(&h, Some(&opts)).unwrap()).unwrap();
    assert_eq!(
        r["monitoring"]["category"], "unknown",
        "{}",
        r["monitoring"]
    );
    let reasons = r["monitoring"]["reasons"].as_array().unwrap();
    let m = reasons
        .iter()
        .find(|x| x["code"] == "missing_facts")
        .unwrap();
    assert_eq!(m["paths"], json!(["spending.disasterLoss"]));
    assert!(m["message"]
        .as_str()
        .unwrap()
        .contains("spending.disasterLoss"));
}
