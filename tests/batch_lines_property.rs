//! Issue 9, item 1 (kept so): every physical line of a batch file is accounted for, for any
//! bytes: `lines read = header + blank lines + lines of assessed households + lines reported
//! invalid`, and `lines read` is the number of lines a text editor shows (LF, CRLF or a lone
//! CR end a line). A bounded, seeded property test: it runs in a second or two with the suite;
//! raise `TUOPIN_PROPTEST_CASES` for a longer run.

#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::json;
use tuopin::batch::BatchJob;
use tuopin::options::read_options;
use tuopin::reader::Reader;

const HEAD: &str = "id,province,registration,wage,relation,sex,birthDate,name";

/// Pieces that make files interesting: whole rows (good, blank-id, ragged), quotes, separators,
/// every kind of line end, a BOM, bytes that are not UTF-8 (GBK, a lone 0xFF, a cut sequence).
const PIECES: &[&[u8]] = &[
    b"A,CN-HB,poor,1000,head,male,1970-01-01,a\n",
    b"A,CN-HB,poor,1000,spouse,female,1971-01-01,b\n",
    b"B,CN-HB,poor,20000,head,male,1970-01-01,c\n",
    b"C,CN-HB,exited,20000,head,female,1980-02-30,d\n",
    b",CN-HB,poor,1,child,male,2000-01-01,e\n",
    b"D,CN-HB,poor,1,head\n",
    b"{\"id\":\"J\",\"province\":\"CN-HB\",\"members\":[{\"relation\":\"head\",\"sex\":\"male\",\"birthDate\":\"1970-01-01\"}]}\n",
    b"\"",
    b"\"\"",
    b",",
    b"\n",
    b"\r",
    b"\r\n",
    b" ",
    b"\xEF\xBB\xBF",
    b"\xD5\xC5\xC8\xFD",
    b"\xFF",
    b"\xE4\xB8",
    b"x",
    b"[",
    b"}",
];

/// Lines as a text editor counts them: LF, CRLF and a lone CR each end one; a BOM at the start
/// is not a line; a final line end starts no new line.
fn editor_lines(bytes: &[u8]) -> usize {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut n = 0;
    let mut i = 0;
    let mut open = false;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                n += 1;
                open = false;
            }
            b'\r' => {
                n += 1;
                open = false;
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            _ => open = true,
        }
        i += 1;
    }
    n + usize::from(open)
}

fn run(bytes: &[u8], format: &str) -> Result<(), TestCaseError> {
    let opts = read_options(
        &mut Reader::new(),
        Some(&tuopin::json_value::Json::from(
            json!({"asOf": "2019-12-31"}),
        )),
    )
    .unwrap();
    let mut job = match BatchJob::new(bytes.to_vec(), format, opts) {
        Ok(job) => job,
        Err(e) => {
            // Only a CSV that is GBK from its start is refused as a whole (the batch page and
            // the CLI convert it first); nothing else may be.
            prop_assert_eq!(format, "csv");
            prop_assert_eq!(e.problems[0].code, "gbk_encoding");
            return Ok(());
        }
    };
    while !job.finished() {
        job.step(64);
    }
    let lines = job.lines().unwrap();
    prop_assert!(lines.adds_up(), "{:?}", lines);
    prop_assert_eq!(lines.read, editor_lines(bytes), "{:?}", lines);
    let invalid_lines: usize = job.invalid().iter().map(|r| r.lines).sum();
    prop_assert_eq!(invalid_lines, lines.invalid);
    // Every invalid entry names a line that exists, and every household counted is reported.
    for r in job.invalid() {
        prop_assert!(r.line.is_some_and(|l| l >= 1 && l <= lines.read));
    }
    let summary = job.summary();
    prop_assert_eq!(
        summary.households,
        (job.rows().len() + job.invalid().len()) as u64
    );
    Ok(())
}

fn cases() -> u32 {
    std::env::var("TUOPIN_PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

fn runner() -> TestRunner {
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &[9u8; 32]))
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|p| p.concat())
}

#[test]
fn issue9_item1_every_line_of_a_csv_file_is_accounted_for() {
    runner()
        .run(&body(), |b| {
            let mut bytes = format!("{HEAD}\n").into_bytes();
            bytes.extend_from_slice(&b);
            run(&bytes, "csv")
        })
        .unwrap();
}

#[test]
fn issue9_item1_every_line_of_a_json_lines_file_is_accounted_for() {
    runner().run(&body(), |b| run(&b, "jsonl")).unwrap();
}

#[test]
fn issue9_item1_any_bytes_at_all_are_accounted_for() {
    let any = prop::collection::vec(any::<u8>(), 0..300);
    runner()
        .run(&any, |b| {
            let mut bytes = format!("{HEAD}\n").into_bytes();
            bytes.extend_from_slice(&b);
            run(&bytes, "csv")?;
            run(&b, "jsonl")
        })
        .unwrap();
}
