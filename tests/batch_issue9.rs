//! Issue 9, batch files (items 1-4), exports (item 11) and batch indicators (item 13): nothing
//! in a file is lost or silently repaired. Each test is named for the item it keeps.
//!
//! The households are one-person Hubei households assessed on 2019-12-31 (poverty line 3218
//! yuan): income 20000 passes, 1000 fails; every guarantee passes (house grade A, piped water).

#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::{json, Value};
use std::process::Command;
use tuopin::batch::{assess_many_json, BatchJob};
use tuopin::options::read_options;
use tuopin::reader::Reader;

const BIN: &str = env!("CARGO_BIN_EXE_tuopin");

const HEAD: &str = "id,province,village,registration,identifiedOn,wage,business,property,transfer,businessCosts,foodSecure,clothingSecure,houseGrade,pipedToHome,litresPerPersonDay,daysWithoutSupply,waterQualityOk,exitSample,missedSample,name,relation,sex,birthDate,medicalInsurance";

/// One member row; `wage` is the household's income, repeated on each of its rows.
fn row(id: &str, wage: u32, name: &str, relation: &str, birth: &str) -> String {
    format!("{id},CN-HB,V1,poor,2016-03-01,{wage},0,0,0,0,true,true,A,true,50,0,true,,,{name},{relation},male,{birth},resident")
}

fn temp(name: &str, bytes: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("tuopin-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

fn batch(file: &str, extra: &[&str]) -> (i32, Value, String) {
    let out = Command::new(BIN)
        .args(["batch", file, "--as-of", "2019-12-31", "--lang", "en"])
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

fn codes(row: &Value) -> Vec<String> {
    row["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap().to_string())
        .collect()
}

fn opts() -> tuopin::options::Options {
    read_options(
        &mut Reader::new(),
        Some(&tuopin::json_value::Json::from(
            json!({"asOf": "2019-12-31", "lang": "en"}),
        )),
    )
    .unwrap()
}

fn job(bytes: &[u8], format: &str) -> BatchJob {
    let mut job = BatchJob::new(bytes.to_vec(), format, opts()).unwrap();
    while !job.finished() {
        job.step(100);
    }
    job
}

#[test]
fn issue9_item1_stray_quote_in_row_10_of_50_is_reported_on_its_line_and_reading_resumes() {
    let mut lines = vec![HEAD.to_string()];
    for i in 1..=50 {
        let name = if i == 10 {
            "\"Zhang".to_string()
        } else {
            format!("P{i}")
        };
        lines.push(row(&format!("H{i}"), 20000, &name, "head", "1970-01-01"));
    }
    let file = temp("stray.csv", lines.join("\n").as_bytes());
    let (code, doc, err) = batch(&file, &[]);
    assert_eq!(code, 0, "{err}");
    let s = &doc["summary"];
    assert_eq!(
        (s["households"].as_u64(), s["valid"].as_u64()),
        (Some(50), Some(49))
    );
    let bad = &doc["invalid"][0];
    assert_eq!(
        bad["line"], 11,
        "household 10 is on line 11 (the header is line 1)"
    );
    assert_eq!(bad["householdId"], "H10");
    assert_eq!(codes(bad), ["unterminated_quote"]);
    assert_eq!(bad["problems"][0]["path"], "members[0].name");
    assert_eq!(
        doc["lines"],
        json!({"read": 51, "header": 1, "blank": 0, "assessed": 49, "invalid": 1})
    );
}

#[test]
fn issue9_item1_a_quoted_cell_may_hold_commas_and_quotes_on_its_line() {
    let text = format!(
        "{HEAD}\n{}\n",
        row(
            "H1",
            20000,
            "\"Zhang, \"\"Big\"\" San\"",
            "head",
            "1970-01-01"
        )
    );
    let job = job(text.as_bytes(), "csv");
    assert!(job.invalid().is_empty(), "{:?}", job.invalid());
    assert_eq!(job.rows().len(), 1);
}

#[test]
fn issue9_item2_rows_of_a_household_split_by_another_are_reported_at_both_places() {
    // A, A, B, A, A: read as two households "A", each would count the whole household income
    // over half the members and double the per-capita income; it must be refused instead.
    let text = [
        HEAD.to_string(),
        row("A", 1000, "a1", "head", "1970-01-01"),
        row("A", 1000, "a2", "spouse", "1971-01-01"),
        row("B", 20000, "b1", "head", "1970-01-01"),
        row("A", 1000, "a3", "child", "2000-01-01"),
        row("A", 1000, "a4", "child", "2001-01-01"),
    ]
    .join("\n");
    let file = temp("split.csv", text.as_bytes());
    let (code, doc, err) = batch(&file, &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(doc["summary"]["valid"], 1, "only B is assessed");
    assert_eq!(doc["summary"]["invalid"], 2);
    let invalid = doc["invalid"].as_array().unwrap();
    let lines: Vec<u64> = invalid
        .iter()
        .map(|r| r["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [2, 5]);
    for r in invalid {
        assert_eq!(r["householdId"], "A");
        // Every row of it, each named by its own line, each message naming both places.
        assert_eq!(codes(r), ["household_rows_not_contiguous"; 2]);
        for p in r["problems"].as_array().unwrap() {
            let m = p["message"].as_str().unwrap();
            assert!(m.contains("lines 2, 5"), "{m}");
            assert_eq!(p["path"], "id");
        }
    }
    let messages: Vec<&str> = invalid
        .iter()
        .flat_map(|r| r["problems"].as_array().unwrap())
        .map(|p| p["message"].as_str().unwrap())
        .collect();
    for line in [2, 3, 5, 6] {
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with(&format!("[line {line}, id]"))),
            "row on line {line} is reported: {messages:?}"
        );
    }
    assert_eq!(doc["lines"]["assessed"], 1);
    assert_eq!(doc["lines"]["invalid"], 4);
    let f = tuopin::problem::Finding::new("id", tuopin::problem::Code::HouseholdRowsNotContiguous)
        .given("A")
        .expected("2, 5");
    let zh = tuopin::words::problem(tuopin::Lang::ZhCn, &f);
    assert!(zh.contains("户编号“A”的行不相邻（第2、5行）"), "{zh}");
}

#[test]
fn issue9_item2_two_heads_in_one_household_are_a_problem_not_a_warning() {
    // Two adjacent households given the same id merge into one with two heads.
    let text = [
        HEAD.to_string(),
        row("A", 20000, "a1", "head", "1970-01-01"),
        row("A", 20000, "x1", "head", "1980-01-01"),
    ]
    .join("\n");
    let job = job(text.as_bytes(), "csv");
    assert!(job.rows().is_empty(), "not assessed");
    let bad = &job.invalid()[0];
    assert_eq!(bad.problems[0].code.as_str(), "multiple_heads");
    assert_eq!(bad.problems[0].path, "members[1].relation");
    assert!(
        bad.problems[0].message.starts_with("[line 3, relation]"),
        "{}",
        bad.problems[0].message
    );
    // assessMany too.
    let mut merged: Value = serde_json::from_str(GOOD).unwrap();
    let head = merged["members"][0].clone();
    merged["members"] = json!([head.clone(), head]);
    let out = assess_many_json(&json!([merged]), Some(&json!({"asOf": "2019-12-31"}))).unwrap();
    assert_eq!(out.invalid[0].problems[0].code.as_str(), "multiple_heads");
    assert_eq!(out.invalid[0].index, Some(0));
}

#[test]
fn issue9_item2_a_member_row_with_a_blank_household_id_is_a_problem() {
    let text = [
        HEAD.to_string(),
        row("A", 20000, "a1", "head", "1970-01-01"),
        row("", 20000, "a2", "spouse", "1971-01-01"),
    ]
    .join("\n");
    let job = job(text.as_bytes(), "csv");
    let bad = &job.invalid()[0];
    assert_eq!(bad.line, Some(3));
    assert_eq!(bad.problems[0].code.as_str(), "missing_field");
    assert_eq!(bad.problems[0].path, "id");
    assert_eq!(
        job.rows().len(),
        1,
        "A, read without the row, is still one household"
    );
    let lines = job.lines().unwrap();
    assert_eq!((lines.assessed, lines.invalid), (1, 1));
}

#[test]
fn issue9_item2_a_row_broken_inside_a_household_keeps_the_household_from_being_assessed() {
    // The second member's row cannot be read: assessing A without it would change its
    // per-capita income, so A is reported, with the broken row's line and column.
    let text = [
        HEAD.to_string(),
        row("A", 5000, "a1", "head", "1970-01-01"),
        row("A", 5000, "a2", "spouse", "\"1971-01-01"),
    ]
    .join("\n");
    let job = job(text.as_bytes(), "csv");
    assert!(job.rows().is_empty());
    let bad = &job.invalid()[0];
    assert_eq!(bad.line, Some(2));
    assert_eq!(bad.problems.len(), 1, "{:?}", bad.problems);
    assert_eq!(bad.problems[0].code.as_str(), "unterminated_quote");
    assert_eq!(bad.problems[0].path, "members[1].birthDate");
    assert!(bad.problems[0].message.starts_with("[line 3, birthDate]"));
}

const GOOD: &str = r#"{"id":"J1","province":"CN-HB","registration":"poor","identifiedOn":"2016-03-01","members":[{"relation":"head","sex":"male","birthDate":"1980-01-01"}],"income":{"wage":1,"business":0,"property":0,"transfer":0,"businessCosts":0}}"#;

#[test]
fn issue9_item3_a_gbk_line_in_json_lines_is_one_invalid_row_and_the_rest_is_assessed() {
    // "张三" in GBK: D5 C5 C8 FD.
    let mut bytes = format!("{GOOD}\n").into_bytes();
    bytes.extend_from_slice(b"{\"id\":\"\xD5\xC5\xC8\xFD\"}\n\xFF\n");
    bytes.extend_from_slice(format!("{GOOD}\n").as_bytes());
    let file = temp("gbk-line.jsonl", &bytes);
    let out = temp("gbk-line-out.jsonl", b"");
    let (code, doc, err) = batch(&file, &["--out", &out]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(doc["summary"]["valid"], 2);
    assert_eq!(doc["summary"]["invalid"], 2);
    let lines: Vec<u64> = doc["invalid"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [2, 3]);
    assert_eq!(codes(&doc["invalid"][0]), ["invalid_utf8"]);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap().lines().count(),
        2,
        "--out holds every assessed household"
    );
    // BatchJob alike.
    let job = job(&bytes, "jsonl");
    assert_eq!(job.rows().len(), 2);
    assert_eq!(job.invalid()[0].problems[0].code.as_str(), "invalid_utf8");
    assert!(job.lines().unwrap().adds_up());
}

#[test]
fn issue9_item3_a_malformed_json_array_file_is_exit_2_with_a_problem_list() {
    for (name, text) in [
        ("bad.json", "[{\"id\": 1},"),
        ("object.json", "{\"id\": 1}"),
    ] {
        let file = temp(name, text.as_bytes());
        let out = Command::new(BIN)
            .args(["batch", &file, "--as-of", "2019-12-31"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        let problems: Value = serde_json::from_slice(&out.stderr).unwrap();
        assert_eq!(problems[0]["code"], "invalid_json", "{name}");
    }
}

#[test]
fn issue9_item3_a_utf8_bom_is_accepted_at_the_start_of_json_jsonl_and_csv() {
    let bom = "\u{feff}";
    let csv = format!(
        "{bom}{HEAD}\n{}\n",
        row("H1", 20000, "a", "head", "1970-01-01")
    );
    for (name, text) in [
        ("bom.json", format!("{bom}[{GOOD}]")),
        ("bom.jsonl", format!("{bom}{GOOD}\n")),
        ("bom.csv", csv),
    ] {
        let file = temp(name, text.as_bytes());
        let (code, doc, err) = batch(&file, &[]);
        assert_eq!(code, 0, "{name}: {err}");
        assert_eq!(doc["summary"]["valid"], 1, "{name}: {doc}");
        let format = name.rsplit('.').next().unwrap();
        assert_eq!(job(text.as_bytes(), format).rows().len(), 1, "{name}");
    }
}

#[test]
fn issue9_item4_line_numbers_stay_right_after_a_bare_cr() {
    // Old Mac line ends (CR) on the first two rows, then LF: the bad birth date is on line 4.
    let text = format!(
        "{HEAD}\r{}\r{}\n{}\n",
        row("H1", 20000, "a", "head", "1970-01-01"),
        row("H2", 20000, "b", "head", "1970-01-01"),
        row("H3", 20000, "c", "head", "1970-02-30"),
    );
    let file = temp("cr.csv", text.as_bytes());
    let (code, doc, err) = batch(&file, &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(doc["summary"]["valid"], 2);
    let bad = &doc["invalid"][0];
    assert_eq!(bad["line"], 4);
    assert!(bad["problems"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("[line 4, birthDate]"));
}

#[test]
fn issue9_item4_an_unparseable_row_names_its_column() {
    // The quote breaks before the id is read: the row belongs to no household, yet its path is
    // the column where reading stopped, not "".
    let text = format!(
        "village,{}\n\"V1,{}\n",
        HEAD.replace("village,", ""),
        row("H1", 1, "a", "head", "1970-01-01").replace(",V1,", ",")
    );
    let job = job(text.as_bytes(), "csv");
    let bad = &job.invalid()[0];
    assert_eq!(bad.line, Some(2));
    assert_eq!(bad.problems[0].code.as_str(), "unterminated_quote");
    assert_eq!(bad.problems[0].path, "survey.village");
}

#[test]
fn issue9_item4_assess_many_reports_index_and_files_report_line() {
    let bad = json!({"id": "X", "province": "CN-HB", "members": []});
    let good: Value = serde_json::from_str(GOOD).unwrap();
    let list = json!([good, bad]);
    let out = assess_many_json(&list, Some(&json!({"asOf": "2019-12-31"}))).unwrap();
    let row = serde_json::to_value(&out.invalid[0]).unwrap();
    assert_eq!(row["index"], 1, "0-based position in the array");
    assert!(row.get("line").is_none());
    let job = job(list.to_string().as_bytes(), "json");
    let row = serde_json::to_value(&job.invalid()[0]).unwrap();
    assert_eq!(row["line"], 2, "1-based position in a JSON array file");
    assert!(row.get("index").is_none());
    assert_eq!(row["row"], 2, "contract v1's row stays");
}

#[test]
fn issue9_item11_exported_rows_csv_neutralises_formulas_in_every_cell() {
    let hostile = [
        "=HYPERLINK(\"http://x\",\"y\")",
        "+1+2",
        "-1+2",
        "@SUM(1+1)",
        "=cmd|' /C calc'!A0",
        "\t=1",
        "\r=1+1",
        "a\r=2+2",
        "b\n@x",
        "plain",
    ];
    let mut text = String::new();
    for (i, id) in hostile.iter().enumerate() {
        let mut h: Value = serde_json::from_str(GOOD).unwrap();
        h["id"] = json!(id);
        h["survey"] = json!({"village": hostile[hostile.len() - 1 - i]});
        text.push_str(&h.to_string());
        text.push('\n');
    }
    let job = job(text.as_bytes(), "jsonl");
    assert_eq!(job.rows().len(), hostile.len(), "{:?}", job.invalid());
    let path = temp("export.csv", job.rows_csv().as_bytes());
    // Open the exported file as a spreadsheet would: every record, every cell.
    let bytes = std::fs::read(&path).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        records.len(),
        1 + hostile.len(),
        "no cell starts a row of its own"
    );
    let number = |s: &str| {
        let n = s.strip_prefix('-').unwrap_or(s);
        !n.is_empty()
            && n.split('.').count() <= 2
            && n.split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    };
    for rec in &records {
        for cell in rec {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']) || number(cell),
                "cell {cell:?} would run as a formula"
            );
        }
    }
    let ids: Vec<&str> = records.iter().skip(1).map(|r| &r[1]).collect();
    for (id, want) in ids.iter().zip(hostile) {
        let neutral = want.starts_with(['=', '+', '-', '@', '\t', '\r']);
        let expected = if neutral {
            format!("'{want}")
        } else {
            want.to_string()
        };
        assert_eq!(*id, expected, "the value itself is kept, only disarmed");
    }
    // CR and LF are always inside quotes in the raw text.
    let raw = String::from_utf8(bytes).unwrap();
    assert!(
        raw.contains("\"a\r=2+2\"") && raw.contains("\"'\r=1+1\""),
        "{raw:?}"
    );
}

#[test]
fn issue9_item13_sample_flags_on_the_wrong_registration_are_ignored_with_a_warning() {
    // exitSample on a poor household and missedSample on an exited one: neither is in that
    // sample (contract v1.1 item 7), so neither rate is computed, and each report says why.
    let poor = row("P1", 1000, "a", "head", "1970-01-01").replace(",true,,,a,", ",true,true,,a,");
    let exited = row("E1", 20000, "b", "head", "1970-01-01")
        .replace(",poor,", ",exited,")
        .replace(",true,,,b,", ",true,,true,b,");
    let file = temp(
        "samples.csv",
        format!("{HEAD}\n{poor}\n{exited}\n").as_bytes(),
    );
    let out = temp("samples-out.jsonl", b"");
    let (code, doc, err) = batch(&file, &["--out", &out]);
    assert_eq!(code, 0, "{err}");
    let i = &doc["summary"]["indicators"];
    assert!(i["wrongExit"].is_null() && i["missed"].is_null(), "{i}");
    assert!(doc["summary"]["exitIndicatorsMet"].is_null());
    let reports: Vec<Value> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let warned = |r: &Value, path: &str| {
        r["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "sample_flag_ignored" && w["path"] == path)
    };
    assert!(warned(&reports[0], "survey.exitSample"));
    assert!(warned(&reports[1], "survey.missedSample"));
}

#[test]
fn issue9_item2_split_households_are_found_in_csv_read_from_stdin_too() {
    use std::io::Write;
    let text = [
        HEAD.to_string(),
        row("A", 1000, "a1", "head", "1970-01-01"),
        row("B", 20000, "b1", "head", "1970-01-01"),
        row("A", 1000, "a2", "spouse", "1971-01-01"),
    ]
    .join("\r\n");
    let mut child = Command::new(BIN)
        .args(["batch", "-", "--format", "csv", "--as-of", "2019-12-31"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["summary"]["valid"], 1);
    let codes: Vec<String> = doc["invalid"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(codes)
        .collect();
    assert_eq!(codes, ["household_rows_not_contiguous"; 2]);
    assert_eq!(
        doc["lines"],
        json!({"read": 4, "header": 1, "blank": 0, "assessed": 1, "invalid": 2})
    );
}

#[test]
fn issue9_item4_a_ragged_row_and_text_after_a_quote_say_what_is_wrong_in_each_language() {
    let text = format!(
        "{HEAD}\nH9,CN-HB,only-three\n{}\n",
        row("H1", 20000, "\"Zhang\"San", "head", "1970-01-01")
    );
    let job = job(text.as_bytes(), "csv");
    let ragged = &job.invalid()[0];
    assert_eq!(ragged.line, Some(2));
    assert_eq!(ragged.problems[0].code.as_str(), "wrong_cell_count");
    assert!(ragged.problems[0]
        .message
        .contains("this row has 3 cells and the header 24"));
    let quote = &job.invalid()[1];
    assert_eq!(quote.problems[0].code.as_str(), "text_after_quote");
    assert_eq!(quote.problems[0].path, "members[0].name");
    // zh-CN: full-width punctuation, no English words (contract v1.1 item 6).
    let f = tuopin::problem::Finding::new("", tuopin::problem::Code::WrongCellCount)
        .given("3")
        .expected("24");
    let zh = tuopin::words::problem(tuopin::Lang::ZhCn, &f);
    assert!(zh.contains("本行有3个单元格，表头有24个"), "{zh}");
    assert!(!zh.bytes().any(|b| b.is_ascii_alphabetic()), "{zh}");
}

#[test]
fn issue9_item4_xlsx_rows_keep_their_sheet_row_numbers_and_a_cell_may_hold_a_line_break() {
    // The table starts on sheet row 3 (two empty rows above, as in many hand-made sheets); a
    // name typed with Alt+Enter holds a line break; the bad birth date is on sheet row 6.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows = [
        HEAD.to_string(),
        row("H1", 20000, "Zhang\nSan", "head", "1970-01-01"),
        row("H2", 20000, "b", "head", "1970-01-01"),
        row("H3", 20000, "c", "head", "1970-02-30"),
    ];
    for (r, line) in rows.iter().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            sheet.write_string(r as u32 + 2, c as u16, cell).unwrap();
        }
    }
    let path = std::env::temp_dir().join(format!("tuopin-{}-issue9.xlsx", std::process::id()));
    book.save(&path).unwrap();
    let (code, doc, err) = batch(path.to_str().unwrap(), &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(doc["summary"]["valid"], 2, "{doc}");
    let bad = &doc["invalid"][0];
    assert_eq!(bad["line"], 6);
    assert!(bad["problems"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("[line 6, birthDate]"));
    assert_eq!(
        doc["lines"],
        json!({"read": 4, "header": 1, "blank": 0, "assessed": 2, "invalid": 1})
    );
}

/// One valid one-person Hubei household as a JSON line; `wage` goes into `income`.
fn json_household(id: &str, income: &str) -> String {
    format!(
        r#"{{"id":"{id}","province":"CN-HB","registration":"poor","identifiedOn":"2016-03-01","members":[{{"relation":"head","sex":"male","birthDate":"1970-01-01"}}],"income":{income}}}"#
    )
}

fn path_codes(row: &Value) -> Vec<(String, String)> {
    row["problems"]
        .as_array()
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

#[test]
fn issue9_item8_batch_duplicate_key_in_json_lines_is_a_problem_at_its_path() {
    // serde_json would keep the last `wage` (1 yuan) and assess it without a word.
    let text = [
        json_household("A", r#"{"wage": 20000}"#),
        json_household("B", r#"{"wage": 20000, "wage": 1}"#),
        json_household("C", r#"{"wage": 1e-400}"#),
    ]
    .join("\n");
    let file = temp("dup.jsonl", text.as_bytes());
    let (status, out, stderr) = batch(&file, &[]);
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(out["invalidTotal"], 2);
    let invalid = out["invalid"].as_array().unwrap();
    assert_eq!(invalid[0]["line"], 2);
    assert_eq!(invalid[0]["householdId"], "B");
    assert_eq!(
        path_codes(&invalid[0]),
        vec![("income.wage".to_string(), "duplicate_key".to_string())]
    );
    assert_eq!(invalid[1]["line"], 3);
    assert_eq!(
        path_codes(&invalid[1]),
        vec![("income.wage".to_string(), "too_many_decimals".to_string())]
    );
    // The same through the library's BatchJob (the batch page's Worker).
    let j = job(text.as_bytes(), "jsonl");
    assert_eq!(j.rows().len(), 1);
    assert_eq!(j.invalid().len(), 2);
    assert_eq!(j.invalid()[0].problems[0].code.as_str(), "duplicate_key");
    assert_eq!(j.invalid()[0].problems[0].path, "income.wage");
}

#[test]
fn issue9_item8_batch_duplicate_key_in_a_json_array_is_a_problem_at_its_path() {
    let text = format!(
        "[{},\n {}]",
        json_household("A", r#"{"wage": 20000}"#),
        json_household("B", r#"{"wage": 20000}"#)
            .replace(r#""sex":"male""#, r#""sex":"male","sex":"female""#)
    );
    let file = temp("dup.json", text.as_bytes());
    let (status, out, stderr) = batch(&file, &[]);
    assert_eq!(status, 0, "{stderr}");
    assert_eq!(out["invalidTotal"], 1);
    let row = &out["invalid"][0];
    assert_eq!(row["line"], 2);
    assert_eq!(row["householdId"], "B");
    assert_eq!(
        path_codes(row),
        vec![("members[0].sex".to_string(), "duplicate_key".to_string())]
    );
    let j = job(text.as_bytes(), "json");
    assert_eq!(j.rows().len(), 1);
    assert_eq!(j.invalid()[0].problems[0].path, "members[0].sex");
    assert_eq!(j.invalid()[0].problems[0].code.as_str(), "duplicate_key");
}

#[test]
fn issue9_item7_batch_policy_nan_is_invalid_number_at_its_key_as_in_assess() {
    let file = temp(
        "nan-batch.jsonl",
        json_household("A", r#"{"wage": 20000}"#).as_bytes(),
    );
    for value in ["nan", "inf", "-inf"] {
        let policy = temp(
            "nan-batch.toml",
            format!("minAreaPerPerson = {value}\n").as_bytes(),
        );
        let (status, _, stderr) = batch(&file, &["--policy", &policy]);
        assert_eq!(status, 2, "{value}: {stderr}");
        let problems: Value = serde_json::from_str(&stderr).unwrap();
        assert_eq!(
            path_codes(&json!({ "problems": problems })),
            vec![(
                "options.policy.minAreaPerPerson".to_string(),
                "invalid_number".to_string()
            )],
            "{value}"
        );
    }
}
