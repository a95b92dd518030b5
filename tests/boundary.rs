//! Issue 9: nothing lost, nothing silently repaired, natively and through the program.
//! Items 6 (validate reads options as assess does), 7 (policy overrides checked like household
//! data), 8 (checked money, exact numbers, duplicate keys), 10 (limits), and contract v1.1
//! item 4 (a line as a 低保 multiple, `income.lineBasis`). The JS side (item 5) is in
//! tests/node/boundary.test.mjs.

#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Stdio};

fn household() -> Value {
    json!({
      "id": "B-1", "province": "CN-YN", "registration": "poor", "identifiedOn": "2016-03-01",
      "members": [
        { "relation": "head", "sex": "male", "birthDate": "1970-05-01", "medicalInsurance": "resident" },
        { "relation": "spouse", "sex": "female", "birthDate": "1972-05-01", "medicalInsurance": "resident" }
      ],
      "income": { "wage": 12000, "business": 0, "property": 0, "transfer": 0, "businessCosts": 0 },
      "spending": { "medicalOutOfPocket": 0, "education": 0 },
      "food": { "secure": true }, "clothing": { "secure": true },
      "housing": { "grade": "A", "areaM2": 80 },
      "water": { "pipedToHome": true, "litresPerPersonDay": 60, "daysWithoutSupply": 0, "qualityOk": true }
    })
}

fn opts(policy: Value) -> Value {
    json!({ "asOf": "2019-12-31", "lang": "en", "policy": policy })
}

/// `(path, code)` of the problems `assess` fails with; `validate` must say the same.
fn problems(h: &Value, o: &Value) -> Vec<(String, String)> {
    let err = tuopin::assess_json(h, Some(o)).expect_err("assess must fail");
    let pairs: Vec<(String, String)> = err
        .iter()
        .map(|p| (p.path.clone(), p.code.as_str().to_string()))
        .collect();
    let v: Vec<(String, String)> = tuopin::validate_json(h, Some(o))
        .iter()
        .map(|p| (p.path.clone(), p.code.as_str().to_string()))
        .collect();
    assert_eq!(v, pairs, "validate agrees with assess");
    pairs
}

fn one(path: &str, code: &str) -> Vec<(String, String)> {
    vec![(path.to_string(), code.to_string())]
}

/// Runs the program with `stdin`, returning (exit code, stdout, stderr).
fn tuopin_cli(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tuopin"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn cli_problems(stderr: &str) -> Vec<(String, String)> {
    let v: Value = serde_json::from_str(stderr).unwrap_or_else(|_| panic!("stderr: {stderr}"));
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["path"].as_str().unwrap().to_string(),
                p["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("tuopin-boundary-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn issue9_item6_validate_checks_options_exactly_as_assess_does() {
    let h = household();
    assert_eq!(
        problems(&h, &json!({ "asOf": 5 })),
        one("options.asOf", "invalid_type")
    );
    assert_eq!(
        problems(&h, &json!({ "asOf": "2019-12-31", "lang": "fr" })),
        one("options.lang", "invalid_value")
    );
    assert_eq!(
        problems(&h, &opts(json!({ "minMeasures": 1.5 }))),
        one("options.policy.minMeasures", "invalid_value")
    );
    assert_eq!(
        problems(&h, &json!({ "asOf": "2019-12-31", "policy": 3 })),
        one("options.policy", "invalid_type")
    );
    // A bad override is reported beside the record's own problems: every problem at once.
    let mut bad = household();
    bad["members"][0]["birthDate"] = json!("1970-02-30");
    assert_eq!(
        problems(&bad, &opts(json!({ "boundary": "loose" }))),
        vec![
            (
                "members[0].birthDate".to_string(),
                "invalid_date".to_string()
            ),
            (
                "options.policy.boundary".to_string(),
                "invalid_value".to_string()
            ),
        ]
    );
    // A date after asOf and a bad override: both, from either call.
    let mut late = household();
    late["identifiedOn"] = json!("2020-03-01");
    assert_eq!(
        problems(&late, &opts(json!({ "minMeasures": 99 }))),
        vec![
            ("identifiedOn".to_string(), "date_after_as_of".to_string()),
            (
                "options.policy.minMeasures".to_string(),
                "invalid_value".to_string()
            ),
        ]
    );
    // asOf may be left out of validate only.
    assert!(tuopin::validate_json(&h, Some(&json!({}))).is_empty());
    assert!(tuopin::validate_json(&h, None).is_empty());
}

#[test]
fn issue9_item7_nan_override_is_a_problem() {
    // CLI --policy TOML: nan and inf are problems at options.policy.<key>, not a cleared rule.
    let gx = {
        let mut h = household();
        h["province"] = json!("CN-GX");
        h["housing"]["areaM2"] = json!(5);
        h.to_string()
    };
    for (toml, code) in [
        ("minAreaPerPerson = nan\n", "invalid_number"),
        ("minAreaPerPerson = inf\n", "invalid_number"),
        ("minAreaPerPerson = -inf\n", "invalid_number"),
    ] {
        let policy = temp_file("nan.toml", toml);
        let (status, _, stderr) = tuopin_cli(
            &["assess", "-", "--as-of", "2019-12-31", "--policy", &policy],
            &gx,
        );
        assert_eq!(status, 2, "{toml}: {stderr}");
        assert_eq!(
            cli_problems(&stderr),
            one("options.policy.minAreaPerPerson", code)
        );
    }
    // The same through JSON options: null never clears a rule.
    let h: Value = serde_json::from_str(&gx).unwrap();
    assert_eq!(
        problems(&h, &opts(json!({ "minAreaPerPerson": null }))),
        one("options.policy.minAreaPerPerson", "invalid_type")
    );
    assert_eq!(
        problems(&h, &opts(json!({ "rigidSpendingRatio": null }))),
        one("options.policy.rigidSpendingRatio", "invalid_type")
    );
}

#[test]
fn issue9_item7_false_switches_a_rule_off_and_applied_shows_the_value_used() {
    let mut h = household();
    h["province"] = json!("CN-GX");
    h["housing"]["areaM2"] = json!(5);
    let status = |r: &tuopin::Report| {
        let v = serde_json::to_value(r).unwrap();
        v["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "housing")
            .unwrap()["status"]
            .clone()
    };
    let applied = |r: &tuopin::Report, key: &str| {
        let v = serde_json::to_value(r).unwrap();
        v["policy"]["applied"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["key"] == key)
            .unwrap()
            .clone()
    };
    // Guangxi: 13 m² per person; 5 m² for two fails.
    let plain = tuopin::assess_json(&h, Some(&opts(json!({})))).unwrap();
    assert_eq!(status(&plain), "fail");
    let off = tuopin::assess_json(&h, Some(&opts(json!({ "minAreaPerPerson": false })))).unwrap();
    assert_eq!(status(&off), "pass");
    let a = applied(&off, "minAreaPerPerson");
    assert_eq!(
        (a["value"].clone(), a["pack"].clone()),
        (json!(false), json!("override"))
    );
    // The value actually used, in its normal form: 2.50 m² is 2.5, a ratio of 1.50 is 1.5.
    let set = tuopin::assess_json(
        &h,
        Some(&opts(
            json!({ "minAreaPerPerson": 2.50, "rigidSpendingRatio": 1.50, "noticeDays": false }),
        )),
    )
    .unwrap();
    assert_eq!(applied(&set, "minAreaPerPerson")["value"], json!(2.5));
    assert_eq!(applied(&set, "rigidSpendingRatio")["value"], json!(1.5));
    assert_eq!(applied(&set, "noticeDays")["value"], json!(false));
    // `false` is refused where a rule cannot be off.
    assert_eq!(
        problems(&h, &opts(json!({ "povertyLine": false }))),
        one("options.policy.povertyLine", "invalid_type")
    );
}

#[test]
fn issue9_item7_every_override_has_a_stated_range() {
    let h = household();
    for (key, value, code) in [
        ("povertyLine", json!(0), "out_of_range"),
        ("povertyLine", json!(100_000.01), "out_of_range"),
        ("monitoringLine", json!(-1), "negative_amount"),
        ("minAreaPerPerson", json!(101), "out_of_range"),
        ("noticeDays", json!(366), "invalid_value"),
        ("minMonthsBeforeElimination", json!(121), "invalid_value"),
        ("minMeasures", json!(21), "invalid_value"),
        ("rigidSpendingRatio", json!(101), "out_of_range"),
        ("transferShareWarning", json!(1.01), "out_of_range"),
        ("incidenceMax", json!(-0.01), "negative_amount"),
        ("boundary", json!(1), "invalid_type"),
        ("electricityVeto", json!("yes"), "invalid_type"),
    ] {
        assert_eq!(
            problems(&h, &opts(json!({ key: value }))),
            one(&format!("options.policy.{key}"), code),
            "{key} = {value}"
        );
    }
    assert_eq!(
        problems(&h, &opts(json!({ "schoolAge": [6, 31] }))),
        one("options.policy.schoolAge[1]", "invalid_value")
    );
    assert_eq!(
        problems(&h, &opts(json!({ "water": { "litresMin": 1001 } }))),
        one("options.policy.water.litresMin", "out_of_range")
    );
    assert_eq!(
        problems(&h, &opts(json!({ "water": { "fetchMinutesMax": null } }))),
        one("options.policy.water.fetchMinutesMax", "invalid_type")
    );
}

#[test]
fn issue9_item8_amounts_beyond_the_supported_range_are_amount_too_large() {
    let mut h = household();
    h["income"]["wage"] = json!(1e12);
    assert_eq!(
        problems(&h, &opts(json!({}))),
        one("income.wage", "amount_too_large")
    );
    let mut h = household();
    h["spending"]["education"] = json!(9e14);
    assert_eq!(
        problems(&h, &opts(json!({}))),
        one("spending.education", "amount_too_large")
    );
    let mut h = household();
    h["income"]["transferItems"] = json!({ "basicPension": 1e15 });
    assert_eq!(
        problems(&h, &opts(json!({}))),
        one("income.transferItems.basicPension", "amount_too_large")
    );
    // Just inside the range, every sum is exact: net and per-capita are the real figures.
    let mut h = household();
    let max = 999_999_999_999.99;
    h["income"] = json!({ "wage": max, "business": max, "property": max, "transfer": max, "businessCosts": 0 });
    let r = serde_json::to_value(tuopin::assess_json(&h, Some(&opts(json!({})))).unwrap()).unwrap();
    assert_eq!(r["income"]["net"], json!(3_999_999_999_999.96));
    assert_eq!(r["income"]["perCapita"], json!(1_999_999_999_999.98));
    assert_eq!(r["checks"][0]["status"], json!("pass"));
}

#[test]
fn issue9_item8_tiny_exponent_and_duplicate_keys_through_the_cli() {
    let text = household().to_string();
    let tiny = text.replace("\"wage\":12000", "\"wage\":1e-400");
    assert_ne!(tiny, text);
    let (status, _, stderr) = tuopin_cli(&["assess", "-", "--as-of", "2019-12-31"], &tiny);
    assert_eq!(status, 2);
    assert_eq!(
        cli_problems(&stderr),
        one("income.wage", "too_many_decimals")
    );

    let dup = text.replace("\"wage\":12000", "\"wage\":9000,\"wage\":1");
    let (status, _, stderr) = tuopin_cli(&["assess", "-", "--as-of", "2019-12-31"], &dup);
    assert_eq!(status, 2);
    assert_eq!(cli_problems(&stderr), one("income.wage", "duplicate_key"));

    // Inside the { household, options } wrapper the paths are the record's own.
    let wrapped = format!(
        "{{\"household\":{dup},\"options\":{{\"asOf\":\"2019-12-31\",\"lang\":\"en\",\"lang\":\"zh-CN\"}}}}"
    );
    let (status, _, stderr) = tuopin_cli(&["validate", "-"], &wrapped);
    assert_eq!(status, 2);
    assert_eq!(
        cli_problems(&stderr),
        vec![
            ("income.wage".to_string(), "duplicate_key".to_string()),
            ("options.lang".to_string(), "duplicate_key".to_string()),
        ]
    );
    // A policy file in JSON is read as strictly.
    let policy = temp_file("dup.json", "{\"povertyLine\": 3000, \"povertyLine\": 99}");
    let (status, _, stderr) = tuopin_cli(
        &["assess", "-", "--as-of", "2019-12-31", "--policy", &policy],
        &text,
    );
    assert_eq!(status, 2);
    assert_eq!(
        cli_problems(&stderr),
        one("options.policy.povertyLine", "duplicate_key")
    );
}

#[test]
fn issue9_item10_limits_are_reported_at_once() {
    // Members per household: a million members is one problem, found before any is read.
    let mut h = household();
    let m = h["members"][0].clone();
    h["members"] = Value::Array(vec![m.clone(); 1_000_000]);
    assert_eq!(
        problems(&h, &opts(json!({}))),
        one("members", "too_many_members")
    );
    h["members"] = Value::Array(vec![m; 100]);
    let r = tuopin::assess_json(&h, Some(&opts(json!({})))).unwrap();
    assert_eq!(r.income.members, 100);

    // String length, and the message quotes at most ~200 characters of any value.
    let mut h = household();
    h["id"] = json!("X".repeat(10_000_000));
    assert_eq!(problems(&h, &opts(json!({}))), one("id", "value_too_long"));
    let mut h = household();
    h["members"][0]["relation"] = json!("y".repeat(250));
    let err = tuopin::assess_json(&h, Some(&opts(json!({})))).unwrap_err();
    assert_eq!(err[0].code.as_str(), "invalid_value");
    assert!(err[0].message.chars().count() < 400, "{}", err[0].message);

    // A hostile key is quoted short too, in the path and the message.
    let mut h = household();
    h["k".repeat(100_000)] = json!(1);
    let err = tuopin::assess_json(&h, Some(&opts(json!({})))).unwrap_err();
    assert_eq!(err[0].code.as_str(), "unknown_field");
    assert!(err[0].path.chars().count() <= 201, "{}", err[0].path.len());
    assert!(
        err[0].message.chars().count() < 600,
        "{}",
        err[0].message.len()
    );

    // Input size per call: 1 MiB of JSON text.
    let mut big = household();
    big["survey"] = json!({ "village": " ".repeat(2_000_000) });
    let (status, _, stderr) =
        tuopin_cli(&["assess", "-", "--as-of", "2019-12-31"], &big.to_string());
    assert_eq!(status, 2);
    assert_eq!(cli_problems(&stderr), one("", "input_too_large"));

    // Nesting: a deep document is one problem, not a stack overflow.
    let deep = format!("{{\"survey\":{}{}}}", "[".repeat(5000), "]".repeat(5000));
    let (status, _, stderr) = tuopin_cli(&["assess", "-", "--as-of", "2019-12-31"], &deep);
    assert_eq!(status, 2);
    assert_eq!(cli_problems(&stderr)[0].1, "too_deep");
}

#[test]
fn issue9_item10_messages_say_the_right_limit() {
    // Litres are not money: the message states the real limit, not "money takes two decimals".
    let mut h = household();
    h["water"]["litresPerPersonDay"] = json!(35.1234567891);
    let err = tuopin::assess_json(&h, Some(&opts(json!({})))).unwrap_err();
    assert_eq!(err[0].code.as_str(), "too_many_decimals");
    assert!(!err[0].message.contains("money"), "{}", err[0].message);
    assert!(err[0].message.contains("at most 9"), "{}", err[0].message);
    let mut h = household();
    h["income"]["wage"] = json!(1.234);
    let err = tuopin::assess_json(&h, Some(&opts(json!({})))).unwrap_err();
    assert!(err[0].message.contains("money"), "{}", err[0].message);
    // No message ends on an empty range.
    let mut h = household();
    h["housing"]["areaM2"] = json!(1e16);
    let err = tuopin::assess_json(&h, Some(&opts(json!({})))).unwrap_err();
    assert_eq!(err[0].code.as_str(), "out_of_range");
    assert!(
        !err[0].message.trim_end().ends_with("range"),
        "{}",
        err[0].message
    );
}

#[test]
fn contract_v1_1_item4_line_as_a_dibao_multiple() {
    let mut h = household();
    h["registration"] = json!("exited");
    h["exitedOn"] = json!("2019-10-01");
    let o = json!({ "asOf": "2023-06-30", "policy": { "monitoringLine": { "dibaoMonthly": 815, "factor": 2 } } });
    let r = serde_json::to_value(tuopin::assess_json(&h, Some(&o)).unwrap()).unwrap();
    // 815 × 12 × 2 = 19 560 yuan; 6 000 per capita is below it.
    assert_eq!(r["income"]["line"], json!(19560));
    // The basis names the caller as the source, in the report's language (zh-CN by default),
    // as policy.applied does for every override.
    assert_eq!(
        r["income"]["lineBasis"],
        json!({ "kind": "dibao_multiple", "source": "调用方通过 options.policy 提供", "confidence": "caller" })
    );
    assert_eq!(r["monitoring"]["category"], json!("unstable_exited"));
    let applied = r["policy"]["applied"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["key"] == "monitoringLine")
        .unwrap()
        .clone();
    assert_eq!(
        applied["value"],
        json!({ "dibaoMonthly": 815, "factor": 2, "amount": 19560 })
    );
    // Exact in fen: 333.33 × 12 × 1.5 = 5 999.94; 333.33 × 12 × 1.25 = 4 999.95.
    let line = |dibao: Value| {
        let o = json!({ "asOf": "2019-12-31", "policy": { "povertyLine": dibao } });
        tuopin::assess_json(&household(), Some(&o))
            .map(|r| serde_json::to_value(r).unwrap()["income"]["line"].clone())
    };
    assert_eq!(
        line(json!({ "dibaoMonthly": 333.33, "factor": 1.5 })).unwrap(),
        json!(5999.94)
    );
    assert_eq!(
        line(json!({ "dibaoMonthly": 333.33, "factor": 1.25 })).unwrap(),
        json!(4999.95)
    );
    // 0.01 × 12 × 0.05 = 0.006 yuan is not a whole fen; each part is checked like household data.
    let bad = |dibao: Value| {
        problems(
            &household(),
            &json!({ "asOf": "2019-12-31", "policy": { "povertyLine": dibao } }),
        )
    };
    assert_eq!(
        bad(json!({ "dibaoMonthly": 815, "factor": 1.234 })),
        one("options.policy.povertyLine.factor", "too_many_decimals")
    );
    assert_eq!(
        bad(json!({ "dibaoMonthly": 815, "factor": 11 })),
        one("options.policy.povertyLine.factor", "out_of_range")
    );
    assert_eq!(
        bad(json!({ "dibaoMonthly": -815, "factor": 2 })),
        one("options.policy.povertyLine.dibaoMonthly", "negative_amount")
    );
    assert_eq!(
        bad(json!({ "factor": 2 })),
        one("options.policy.povertyLine.dibaoMonthly", "missing_field")
    );
    assert_eq!(
        bad(json!({ "dibaoMonthly": 815, "factor": 2, "x": 1 })),
        one("options.policy.povertyLine.x", "unknown_field")
    );
    assert_eq!(
        bad(json!({ "dibaoMonthly": 0.01, "factor": 0.05 })),
        one("options.policy.povertyLine", "too_many_decimals")
    );
    // A pack line is an amount, with the pack's source and confidence.
    let r = serde_json::to_value(
        tuopin::assess_json(&household(), Some(&json!({ "asOf": "2019-12-31" }))).unwrap(),
    )
    .unwrap();
    assert_eq!(r["income"]["lineBasis"]["kind"], json!("amount"));
    assert_eq!(
        r["income"]["lineBasis"]["source"],
        r["income"]["lineSource"]
    );
    assert!(["C", "S", "N"].contains(&r["income"]["lineBasis"]["confidence"].as_str().unwrap()));
}
