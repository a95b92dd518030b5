//! `tuopin batch` over every import format, with expectations worked out by hand from the
//! fixture rows (tests/fixtures/households-zh.csv):
//! * H1 (CN-YN, 2 persons): (9000 + 1000 + 0 + 500 − 200) / 2 = 5150 > 3218, every guarantee
//!   passes → ready.
//! * H2 (1 person): 2000 < 3218 and a grade D house → not_ready (income, housing).
//! * H3: birth date 1990-02-30 does not exist → invalid row (line 5), not assessed.
//!   Persons assessed: 3; remaining poor: H2's 1 person → 贫困发生率 1/3, against Yunnan's
//!   western threshold of 3%.

#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::Value;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_tuopin");

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn batch(file: &str, extra: &[&str]) -> (i32, Value, String) {
    let out = Command::new(BIN)
        .args(["batch", file, "--as-of", "2019-12-31"])
        .args(extra)
        .output()
        .unwrap();
    let stdout: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (
        out.status.code().unwrap_or(-1),
        stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn check_summary(doc: &Value) {
    let s = &doc["summary"];
    assert_eq!(s["households"], 3);
    assert_eq!(s["valid"], 2);
    assert_eq!(s["invalid"], 1);
    assert_eq!(s["persons"], 3);
    assert_eq!(s["byVerdict"]["ready"], 1);
    assert_eq!(s["byVerdict"]["not_ready"], 1);
    assert_eq!(s["failingChecks"]["income"], 1);
    assert_eq!(s["failingChecks"]["housing"], 1);
    let inc = &s["indicators"]["incidence"];
    assert_eq!(
        (inc["numerator"].as_u64(), inc["denominator"].as_u64()),
        (Some(1), Some(3))
    );
    assert_eq!(inc["threshold"], 0.03);
    assert_eq!(inc["status"], "fail");
    let bad = &doc["invalid"][0];
    assert_eq!(bad["row"], 5);
    assert_eq!(bad["householdId"], "H3");
    assert_eq!(bad["problems"][0]["path"], "members[0].birthDate");
    assert_eq!(bad["problems"][0]["code"], "invalid_date");
    assert!(bad["problems"][0]["message"]
        .as_str()
        .unwrap()
        .contains("出生日期"));
}

#[test]
fn csv_with_chinese_headers_and_values() {
    let (code, doc, err) = batch(&fixture("households-zh.csv"), &[]);
    assert_eq!(code, 0, "{err}");
    check_summary(&doc);
}

#[test]
fn gbk_encoded_csv_reads_the_same() {
    let (code, doc, err) = batch(&fixture("households-gbk.csv"), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("GBK"), "the GBK conversion is said: {err}");
    check_summary(&doc);
}

#[test]
fn xlsx_reads_the_same() {
    let text = std::fs::read_to_string(fixture("households-zh.csv")).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, line) in text.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            let (r, c) = (r as u32, c as u16);
            // Numbers as numbers and one date as a real Excel date, as a person's sheet has them.
            if let Ok(n) = cell.parse::<f64>() {
                sheet.write_number(r, c, n).unwrap();
            } else if r > 0 && cell == "1980-01-01" {
                let d = rust_xlsxwriter::ExcelDateTime::from_ymd(1980, 1, 1).unwrap();
                sheet
                    .write_datetime_with_format(
                        r,
                        c,
                        &d,
                        &rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd"),
                    )
                    .unwrap();
            } else {
                sheet.write_string(r, c, cell).unwrap();
            }
        }
    }
    let path = std::env::temp_dir().join(format!("tuopin-{}.xlsx", std::process::id()));
    book.save(&path).unwrap();
    let (code, doc, err) = batch(path.to_str().unwrap(), &[]);
    assert_eq!(code, 0, "{err}");
    check_summary(&doc);
}

#[test]
fn jsonl_with_a_broken_line_reports_it_and_assesses_the_rest() {
    let good = r#"{"id":"J1","province":"CN-YN","registration":"poor","identifiedOn":"2016-03-01","members":[{"relation":"head","sex":"male","birthDate":"1980-01-01"}],"income":{"wage":1,"business":0,"property":0,"transfer":0,"businessCosts":0}}"#;
    let path = std::env::temp_dir().join(format!("tuopin-{}.jsonl", std::process::id()));
    std::fs::write(&path, format!("{good}\n{{broken\n{good}\n")).unwrap();
    let out_path = std::env::temp_dir().join(format!("tuopin-{}-out.jsonl", std::process::id()));
    let bad_path = std::env::temp_dir().join(format!("tuopin-{}-bad.jsonl", std::process::id()));
    let (code, doc, err) = batch(
        path.to_str().unwrap(),
        &[
            "--out",
            out_path.to_str().unwrap(),
            "--invalid",
            bad_path.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(doc["summary"]["households"], 3);
    assert_eq!(doc["summary"]["valid"], 2);
    assert_eq!(doc["invalid"][0]["row"], 2);
    assert_eq!(doc["invalid"][0]["problems"][0]["code"], "invalid_json");
    let reports = std::fs::read_to_string(out_path).unwrap();
    assert_eq!(reports.lines().count(), 2, "one report per valid household");
    assert_eq!(doc["invalidTotal"], 1);
    assert_eq!(doc["invalidTruncated"], false);
    let bad = std::fs::read_to_string(bad_path).unwrap();
    let row: Value = serde_json::from_str(bad.lines().next().unwrap()).unwrap();
    assert_eq!(
        row["row"], 2,
        "every invalid row is written to --invalid as it comes"
    );
}

#[test]
fn unknown_and_missing_columns_refuse_the_file_clearly() {
    let path = std::env::temp_dir().join(format!("tuopin-{}-bad.csv", std::process::id()));
    std::fs::write(&path, "户编号,省份,收入\nX,CN-YN,1\n").unwrap();
    let out = Command::new(BIN)
        .args(["batch", path.to_str().unwrap(), "--as-of", "2019-12-31"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let problems: Value = serde_json::from_slice(&out.stderr).unwrap();
    let codes: Vec<&str> = problems
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"unknown_column"), "{codes:?}");
    assert!(codes.contains(&"missing_column"), "{codes:?}");
}

#[test]
fn a_row_with_the_wrong_number_of_cells_is_reported_not_dropped() {
    let text = std::fs::read_to_string(fixture("households-zh.csv")).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.insert(3, "H9,CN-YN,only-three-cells");
    let path = std::env::temp_dir().join(format!("tuopin-{}-ragged.csv", std::process::id()));
    std::fs::write(&path, lines.join("\n")).unwrap();
    let (code, doc, err) = batch(path.to_str().unwrap(), &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(doc["summary"]["valid"], 2, "H1 and H2 are still assessed");
    let rows: Vec<u64> = doc["invalid"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["row"].as_u64().unwrap())
        .collect();
    assert!(rows.contains(&4), "the ragged line 4 is reported: {rows:?}");
}

#[test]
fn sample_flags_give_wrong_exit_missed_and_recognition_rates() {
    // Two sampled exited households of 2 persons each: one fails housing (wrong exit), one
    // passes; one sampled ordinary household below the line (missed); 3 of 4 households
    // recognise the work. 错退率 2/4 persons, 漏评率 1/1 person, 认可度 3/4 households.
    let head = "id,province,registration,wage,business,property,transfer,businessCosts,foodSecure,clothingSecure,houseGrade,pipedToHome,litresPerPersonDay,daysWithoutSupply,waterQualityOk,exitSample,missedSample,recognised,relation,sex,birthDate,medicalInsurance";
    let rows = [
        "E1,CN-HB,exited,20000,0,0,0,0,true,true,A,true,50,0,true,true,,true,head,male,1970-01-01,resident",
        "E1,CN-HB,exited,20000,0,0,0,0,true,true,A,true,50,0,true,true,,true,spouse,female,1971-01-01,resident",
        "E2,CN-HB,exited,20000,0,0,0,0,true,true,D,true,50,0,true,true,,false,head,male,1970-01-01,resident",
        "E2,CN-HB,exited,20000,0,0,0,0,true,true,D,true,50,0,true,true,,false,spouse,female,1971-01-01,resident",
        "O1,CN-HB,ordinary,1000,0,0,0,0,true,true,A,true,50,0,true,,true,true,head,male,1960-01-01,resident",
        "O2,CN-HB,ordinary,30000,0,0,0,0,true,true,A,true,50,0,true,,,true,head,male,1960-01-01,resident",
    ];
    let path = std::env::temp_dir().join(format!("tuopin-{}-survey.csv", std::process::id()));
    std::fs::write(&path, format!("{head}\n{}\n", rows.join("\n"))).unwrap();
    let (code, doc, err) = batch(path.to_str().unwrap(), &[]);
    assert_eq!(code, 0, "{err}");
    let i = &doc["summary"]["indicators"];
    assert_eq!(
        (
            i["wrongExit"]["numerator"].as_u64(),
            i["wrongExit"]["denominator"].as_u64()
        ),
        (Some(2), Some(4))
    );
    assert_eq!(i["wrongExit"]["status"], "fail");
    assert_eq!(
        (
            i["missed"]["numerator"].as_u64(),
            i["missed"]["denominator"].as_u64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(
        (
            i["recognition"]["numerator"].as_u64(),
            i["recognition"]["denominator"].as_u64()
        ),
        (Some(3), Some(4))
    );
    assert_eq!(i["recognition"]["status"], "fail");
    // Hubei is not western: the incidence threshold is 2%.
    assert_eq!(i["incidence"]["threshold"], 0.02);
    assert_eq!(doc["summary"]["exitIndicatorsMet"], false);
}
