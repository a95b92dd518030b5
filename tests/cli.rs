//! Runs every golden case through the `tuopin` command-line program, and checks the CLI's own
//! contract (exit codes, stdout / stderr, flags).

#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "support/cases.rs"]
mod cases;

use cases::{run_all, Outcome};
use serde_json::{json, Value};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_tuopin");

fn temp_file(name: &str, body: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tuopin-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, body).unwrap();
    path
}

fn run_cli(case: &cases::Case) -> Outcome {
    // asOf goes through the flag, the rest through the file's own options, as a user would.
    let mut options = case.options.clone();
    let as_of = options.as_object_mut().unwrap().remove("asOf").unwrap();
    let doc = json!({ "household": case.household, "options": options });
    let slug: String = case
        .name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(40)
        .collect();
    let path = temp_file(&format!("{slug}-{}.json", case.file), &doc.to_string());
    let out = Command::new(BIN)
        .arg("assess")
        .arg(&path)
        .arg("--as-of")
        .arg(as_of.as_str().unwrap())
        .output()
        .unwrap();
    match out.status.code() {
        Some(0) => Outcome::Report(serde_json::from_slice(&out.stdout).unwrap()),
        Some(2) => Outcome::Problems(serde_json::from_slice(&out.stderr).unwrap()),
        other => panic!(
            "unexpected exit {other:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

#[test]
fn golden_cases_pass_through_the_cli() {
    let (count, failures) = run_all(run_cli);
    assert!(count > 0);
    assert!(
        failures.is_empty(),
        "{} of {count} cases failed through the CLI:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn contract_household() -> Value {
    json!({
      "id": "HH-0001", "province": "CN-YN", "waterShortArea": false, "registration": "poor",
      "identifiedOn": "2016-03-01", "exitedOn": null, "monitoring": null,
      "members": [{
        "name": "张三", "idNumber": "11010519491231002X", "relation": "head", "sex": "female",
        "birthDate": "1949-12-31", "health": "healthy", "disabilityGrade": null, "labour": "normal",
        "schooling": "not_student", "dropoutReason": null, "medicalInsurance": "resident",
        "criticalIllnessInsurance": true, "medicalAssistance": true
      }],
      "income": { "wage": 12000, "business": 5000, "property": 200, "transfer": 3000, "businessCosts": 1500,
        "transferItems": { "basicPension": 1200, "dibaoA": 0, "dibaoB": 0, "dibaoC": 0, "oneOffRelief": 0 } },
      "spending": { "medicalOutOfPocket": 0, "education": 0, "disasterLoss": 0 },
      "food": { "secure": true }, "clothing": { "secure": true },
      "housing": { "grade": "B", "areaM2": 80, "relocation": null, "safeAlternative": null },
      "water": { "pipedToHome": true, "litresPerPersonDay": 60, "fetchMinutes": 0, "horizontalM": 0, "verticalM": 0,
                 "daysWithoutSupply": 5, "qualityOk": true },
      "electricity": { "connected": true }
    })
}

#[test]
fn answers_the_contract_example_household() {
    let path = temp_file("contract.json", &contract_household().to_string());
    let out = Command::new(BIN)
        .args([
            "assess",
            path.to_str().unwrap(),
            "--as-of",
            "2019-12-31",
            "--province",
            "CN-YN",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["regime"], "exit_2016");
    // (12000 + 5000 + 200 + 3000 − 1500) ÷ 1 = 18700 > 3218 (2019 national line).
    assert_eq!(r["income"]["net"], 18700);
    assert_eq!(r["income"]["line"], 3218);
    assert_eq!(r["exit"]["verdict"], "ready");
}

#[test]
fn missing_as_of_is_a_problem_with_exit_code_2() {
    let path = temp_file("no-asof.json", &contract_household().to_string());
    let out = Command::new(BIN)
        .args(["assess", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let problems: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(problems[0]["code"], "missing_as_of");
    assert!(out.stdout.is_empty());
}

#[test]
fn messages_follow_the_lang_flag() {
    let mut h = contract_household();
    h["members"][0]["birthDate"] = json!("1949-13-31");
    let path = temp_file("bad-date.json", &h.to_string());
    let zh = Command::new(BIN)
        .args(["assess", path.to_str().unwrap(), "--as-of", "2019-12-31"])
        .output()
        .unwrap();
    let en = Command::new(BIN)
        .args([
            "assess",
            path.to_str().unwrap(),
            "--as-of",
            "2019-12-31",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    let zh: Value = serde_json::from_slice(&zh.stderr).unwrap();
    let en: Value = serde_json::from_slice(&en.stderr).unwrap();
    assert_eq!(zh[0]["path"], "members[0].birthDate");
    assert_eq!(zh[0]["code"], "invalid_date");
    assert!(zh[0]["message"].as_str().unwrap().contains("日期"));
    assert!(en[0]["message"].as_str().unwrap().contains("invalid date"));
}

#[test]
fn policy_file_overrides_a_parameter_and_is_echoed() {
    let pack = temp_file(
        "county.toml",
        "monitoringLine = 9000\nboundary = \"lenient\"\n",
    );
    let mut h = contract_household();
    h["registration"] = json!("ordinary");
    let path = temp_file("monitor.json", &h.to_string());
    let out = Command::new(BIN)
        .args([
            "assess",
            path.to_str().unwrap(),
            "--as-of",
            "2023-06-30",
            "--policy",
            pack.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["income"]["line"], 9000);
    assert_eq!(r["policy"]["overrides"]["monitoringLine"], 9000);
}

#[test]
fn invalid_json_is_a_problem_not_a_crash() {
    let path = temp_file("broken.json", "{ \"members\": [");
    let out = Command::new(BIN)
        .args(["assess", path.to_str().unwrap(), "--as-of", "2019-12-31"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let problems: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(problems[0]["code"], "invalid_json");
}

#[test]
fn lists_the_policy_packs() {
    let out = Command::new(BIN).arg("policies").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let packs: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = packs
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    for id in ["cn-national", "cn-gx", "cn-yn", "cn-hb", "cn-sn", "cn-ah"] {
        assert!(ids.contains(&id), "missing pack {id}");
    }
}
