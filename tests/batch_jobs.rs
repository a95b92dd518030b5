//! `tuopin batch --jobs N` (issue 8 item 5: all cores natively, output order and summary
//! identical to a one-core run) and the roll-up-only path (issue 8 item 4: without `--out` the
//! summary is computed without building reports, and is the same as with `--out`).
//!
//! The input is generated here from the golden cases' households (both regimes, every check
//! failing somewhere), each copied many times under its own id and village, with blank lines,
//! lines that are not JSON or not UTF-8, and (CSV) households whose rows are not contiguous, so
//! every kind of output row crosses chunk boundaries many times over.

#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "support/cases.rs"]
mod cases;

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_tuopin");

/// More rows than the workers hold in flight at once (256 rows × 3 chunks × 4 jobs), so the
/// bounded queue fills and drains.
const ROWS: usize = 4000;

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tuopin-jobs-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn households() -> Vec<Value> {
    let cases = cases::load_all().unwrap();
    assert!(cases.len() > 50, "golden cases loaded: {}", cases.len());
    (0..ROWS)
        .map(|k| {
            let case = &cases[k % cases.len()];
            let mut h = case.household.clone();
            if let Some(obj) = h.as_object_mut() {
                obj.insert("id".into(), json!(format!("R{k}")));
                let survey = obj.entry("survey").or_insert_with(|| json!({}));
                if let Some(s) = survey.as_object_mut() {
                    s.entry("village")
                        .or_insert_with(|| json!(format!("V{}", k % 37)));
                    if k % 5 == 0 {
                        s.entry("recognised").or_insert(json!(k % 10 == 0));
                    }
                }
            }
            h
        })
        .collect()
}

fn jsonl_file(d: &Path) -> PathBuf {
    let mut text: Vec<u8> = Vec::new();
    for (k, h) in households().iter().enumerate() {
        if k % 97 == 0 {
            text.extend_from_slice(b"   \n");
        }
        if k % 211 == 0 {
            text.extend_from_slice(b"{\"id\": \"broken\", \n");
        }
        if k % 331 == 0 {
            text.extend_from_slice(b"{\"id\": \"\xff\xfe\"}\n");
        }
        text.extend_from_slice(serde_json::to_string(h).unwrap().as_bytes());
        text.push(b'\n');
    }
    let path = d.join("households.jsonl");
    std::fs::write(&path, text).unwrap();
    path
}

fn json_file(d: &Path) -> PathBuf {
    let path = d.join("households.json");
    std::fs::write(&path, serde_json::to_vec(&households()).unwrap()).unwrap();
    path
}

/// The CSV fixture's rows (tests/fixtures/households-zh.csv), copied under new ids and
/// villages; every 50th copy has its second member's row after the next household's rows.
fn csv_file(d: &Path) -> PathBuf {
    let fixture = std::fs::read_to_string(format!(
        "{}/tests/fixtures/households-zh.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut lines = fixture.lines();
    let header = lines.next().unwrap();
    let rows: Vec<&str> = lines.filter(|l| !l.trim().is_empty()).collect();
    let mut out = format!("{header}\n");
    let mut held: Option<String> = None;
    for k in 0..ROWS / 4 {
        for (i, row) in rows.iter().enumerate() {
            let cells: Vec<&str> = row.split(',').collect();
            let mut cells: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
            cells[0] = format!("{}-{k}", cells[0]);
            cells[2] = format!("V{}", k % 23);
            let line = cells.join(",");
            if k % 50 == 0 && i == 1 {
                held = Some(line);
            } else {
                out.push_str(&line);
                out.push('\n');
            }
        }
        if k % 50 == 1 {
            if let Some(line) = held.take() {
                out.push_str(&line);
                out.push('\n');
            }
        }
        if k % 61 == 0 {
            out.push_str(",,,\n");
        }
    }
    let path = d.join("households.csv");
    std::fs::write(&path, out).unwrap();
    path
}

/// stdout, `--out` and `--invalid` of one run, as bytes.
struct Outputs {
    stdout: Vec<u8>,
    out: Option<Vec<u8>>,
    invalid: Vec<u8>,
}

/// The printed result without its `applied` list, which only a run with `--out` prints (the
/// reports leave it out: contract v1.1 item 3; [`run`] checks that move).
fn without_applied(stdout: &[u8]) -> Value {
    let mut doc: Value = serde_json::from_slice(stdout).unwrap();
    doc.as_object_mut().unwrap().remove("applied");
    doc
}

fn run(file: &Path, as_of: &str, jobs: &str, with_out: bool, d: &Path) -> Outputs {
    let tag = format!("{jobs}-{with_out}-{as_of}");
    let out_path = d.join(format!("out-{tag}.jsonl"));
    let invalid_path = d.join(format!("invalid-{tag}.jsonl"));
    let mut cmd = Command::new(BIN);
    cmd.arg("batch")
        .arg(file)
        .args(["--as-of", as_of, "--lang", "zh-CN", "--jobs", jobs])
        .arg("--invalid")
        .arg(&invalid_path);
    if with_out {
        cmd.arg("--out").arg(&out_path);
    }
    let o = cmd.output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    if with_out {
        // Contract v1.1 item 3: no written report carries `policy.applied`; the printed result
        // lists it once for every province the reports name, each with its parameters.
        let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
        let listed: Vec<&str> = doc["applied"]
            .as_array()
            .map(|a| a.iter().map(|p| p["province"].as_str().unwrap()).collect())
            .unwrap_or_default();
        let mut provinces = std::collections::BTreeSet::new();
        for line in std::fs::read_to_string(&out_path).unwrap().lines() {
            let report: Value = serde_json::from_str(line).unwrap();
            assert!(report["policy"].get("applied").is_none(), "{line}");
            provinces.insert(report["policy"]["province"].as_str().unwrap().to_string());
        }
        assert_eq!(listed.len(), provinces.len(), "{listed:?}");
        assert!(provinces.iter().all(|p| listed.contains(&p.as_str())));
        for entry in doc["applied"].as_array().into_iter().flatten() {
            assert!(entry["applied"].as_array().is_some_and(|a| !a.is_empty()));
        }
    }
    Outputs {
        stdout: o.stdout,
        out: with_out.then(|| std::fs::read(&out_path).unwrap()),
        invalid: std::fs::read(&invalid_path).unwrap(),
    }
}

fn summary(stdout: &[u8]) -> Value {
    let doc: Value = serde_json::from_slice(stdout).unwrap();
    doc
}

/// Item 5: the same file with `--jobs 1` and `--jobs 4` gives the same bytes everywhere, and
/// item 4: the printed result (summary, invalid rows, lines) is the same without `--out`.
fn same_everywhere(file: &Path, d: &Path, as_of: &str) {
    let one = run(file, as_of, "1", true, d);
    let four = run(file, as_of, "4", true, d);
    let doc = summary(&one.stdout);
    let s = &doc["summary"];
    // The file really has assessed rows, invalid rows and villages, else the test proves little.
    assert!(s["valid"].as_u64().unwrap() > 1000, "{s}");
    assert!(doc["invalidTotal"].as_u64().unwrap() > 10, "{doc}");
    assert!(
        s["villages"].as_array().is_some_and(|v| v.len() > 10),
        "{s}"
    );
    assert!(one.out.as_ref().unwrap().len() > 100_000);
    assert!(one.stdout == four.stdout, "stdout differs with --jobs 4");
    assert!(one.out == four.out, "--out differs with --jobs 4");
    assert!(
        one.invalid == four.invalid,
        "--invalid differs with --jobs 4"
    );
    for jobs in ["1", "4"] {
        let quiet = run(file, as_of, jobs, false, d);
        assert!(
            without_applied(&quiet.stdout) == without_applied(&one.stdout),
            "printed result without --out (--jobs {jobs}) differs from with --out"
        );
        assert!(
            quiet.invalid == one.invalid,
            "--invalid without --out differs"
        );
    }
}

#[test]
fn jsonl_jobs_and_rollup_give_the_same_bytes_exit_regime() {
    let d = dir("jsonl-exit");
    let file = jsonl_file(&d);
    same_everywhere(&file, &d, "2019-12-31");
}

#[test]
fn jsonl_jobs_and_rollup_give_the_same_bytes_monitoring_regime() {
    let d = dir("jsonl-mon");
    let file = jsonl_file(&d);
    same_everywhere(&file, &d, "2024-06-30");
}

#[test]
fn json_array_jobs_and_rollup_give_the_same_bytes() {
    let d = dir("json");
    let file = json_file(&d);
    same_everywhere(&file, &d, "2019-12-31");
}

#[test]
fn csv_jobs_and_rollup_give_the_same_bytes_with_split_households() {
    let d = dir("csv");
    let file = csv_file(&d);
    let one = run(&file, "2019-12-31", "1", true, &d);
    let doc = summary(&one.stdout);
    // The two-pass id scan still finds the split households, and every line is accounted for.
    let invalid = String::from_utf8_lossy(&one.invalid);
    assert!(
        invalid.contains("household_rows_not_contiguous"),
        "{invalid}"
    );
    let lines = &doc["lines"];
    let sum: u64 = ["header", "blank", "assessed", "invalid"]
        .iter()
        .map(|k| lines[k].as_u64().unwrap())
        .sum();
    assert_eq!(lines["read"].as_u64(), Some(sum), "{lines}");
    let four = run(&file, "2019-12-31", "4", true, &d);
    assert!(one.stdout == four.stdout, "stdout differs with --jobs 4");
    assert!(one.out == four.out, "--out differs with --jobs 4");
    assert!(
        one.invalid == four.invalid,
        "--invalid differs with --jobs 4"
    );
    let quiet = run(&file, "2019-12-31", "4", false, &d);
    assert!(
        without_applied(&quiet.stdout) == without_applied(&one.stdout),
        "printed result without --out differs"
    );
}

#[test]
fn jobs_must_be_a_whole_number_of_at_least_one() {
    let d = dir("bad-jobs");
    let file = d.join("one.jsonl");
    std::fs::write(&file, "\n").unwrap();
    for bad in ["0", "-2", "two", "1.5"] {
        let o = Command::new(BIN)
            .arg("batch")
            .arg(&file)
            .args(["--as-of", "2019-12-31", "--jobs", bad])
            .output()
            .unwrap();
        assert_ne!(o.status.code(), Some(0), "--jobs {bad} accepted");
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("--jobs"),
            "--jobs {bad}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

/// Issue 8 items 1 and 5: JSON Lines are read in blocks of whole lines (256 KB) that the workers
/// split. Line ends of every kind (LF, CRLF, a lone CR), a byte-order mark and a line longer than
/// a block keep every line's number and count (issue 9 item 1), whatever the number of jobs.
#[test]
fn jsonl_line_numbers_survive_blocks_and_jobs() {
    let d = dir("jsonl-ends");
    let mut text = b"\xEF\xBB\xBF".to_vec();
    // The line of each household made invalid on purpose, by its id.
    let mut planted = Vec::new();
    let mut line = 0;
    for (k, h) in households().iter().take(1500).enumerate() {
        let body = serde_json::to_vec(h).unwrap();
        line += 1;
        text.extend_from_slice(&body);
        match k % 4 {
            0 => text.extend_from_slice(b"\r\n"),
            1 => text.push(b'\r'),
            _ => text.push(b'\n'),
        }
        if k % 100 == 7 {
            line += 1;
            planted.push((format!("planted-{k}"), line));
            text.extend_from_slice(
                format!("{{\"id\":\"planted-{k}\",\"province\":\"CN-XX\"}}\r\n").as_bytes(),
            );
        }
        if k == 700 {
            // A household padded with JSON whitespace past the size of a block.
            line += 1;
            text.extend_from_slice(&body);
            text.extend(std::iter::repeat_n(b' ', 300_000));
            text.push(b'\n');
        }
    }
    let file = d.join("line-ends.jsonl");
    std::fs::write(&file, &text).unwrap();
    let one = run(&file, "2019-12-31", "1", true, &d);
    let doc = summary(&one.stdout);
    assert_eq!(
        doc["lines"]["read"].as_u64(),
        Some(line),
        "{}",
        doc["lines"]
    );
    let invalid = String::from_utf8(one.invalid.clone()).unwrap();
    let mut found = 0;
    for row in invalid.lines() {
        let row: Value = serde_json::from_str(row).unwrap();
        if let Some(id) = row["householdId"].as_str() {
            if let Some((_, at)) = planted.iter().find(|(p, _)| p == id) {
                assert_eq!(row["line"].as_u64(), Some(*at), "{row}");
                found += 1;
            }
        }
    }
    assert_eq!(found, planted.len(), "{invalid}");
    for jobs in ["2", "4"] {
        let many = run(&file, "2019-12-31", jobs, true, &d);
        assert!(
            one.stdout == many.stdout,
            "stdout differs with --jobs {jobs}"
        );
        assert!(one.out == many.out, "--out differs with --jobs {jobs}");
        assert!(
            one.invalid == many.invalid,
            "--invalid differs with --jobs {jobs}"
        );
    }
}
