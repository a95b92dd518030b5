//! Prints every golden case of `tests/cases/*.toml` as one JSON line: the household and options
//! exactly as the CLI runner (`tests/cli.rs`) builds them, so that `scripts/compare-reports.sh`
//! can run each case through `tuopin assess` and save the outputs (issue 8 item 7, "same
//! answers"). The cases are read by the same code as the tests (`tests/support/cases.rs`), so
//! a case means the same thing here as there.
//!
//! ```text
//! cargo run --release --example case_households > cases.jsonl
//! ```
//!
//! Each line: `{ "file", "name", "asOf", "doc": { "household", "options" } }`, where `options`
//! holds everything but `asOf` (given to the CLI as `--as-of`, as `tests/cli.rs` does).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "../tests/support/cases.rs"]
mod cases;

use serde_json::{json, Value};
use std::io::{self, BufWriter, Write};

fn main() {
    let all = match cases::load_all() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("case_households: {e}");
            std::process::exit(1)
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for case in all {
        let mut options = case.options.clone();
        let as_of = options
            .as_object_mut()
            .and_then(|m| m.remove("asOf"))
            .unwrap_or(Value::Null);
        let line = json!({
            "file": case.file,
            "name": case.name,
            "asOf": as_of,
            "doc": { "household": case.household, "options": options },
        });
        if writeln!(out, "{line}").is_err() {
            std::process::exit(1)
        }
    }
    if out.flush().is_err() {
        std::process::exit(1)
    }
}
