//! `tuopin batch`: streams households from a file, writes one report per line, prints the
//! summary. Memory stays flat: rows are read, assessed and written one at a time.

use super::{fail_with, lang_of, merge_options, Flags};
use serde_json::Value;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;
use tuopin::batch::{Batch, InvalidRow};
use tuopin::options::read_options;
use tuopin::problem::render_all;
use tuopin::reader::Reader;

pub fn run(flags: &Flags) -> Result<ExitCode, String> {
    let file = flags.file.clone().ok_or("missing FILE")?;
    let lang = lang_of(flags);
    let options = merge_options(None, flags)?;
    let mut r = Reader::new();
    let Some(opts) = read_options(&mut r, Some(&options)) else {
        return Ok(fail_with(&render_all(r.findings(), lang)));
    };
    let mut batch = Batch::new(opts);
    let mut out: Box<dyn Write> = match &flags.out {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).map_err(|e| format!("cannot create {path}: {e}"))?,
        )),
        None => Box::new(io::sink()),
    };
    let mut invalid: Vec<InvalidRow> = Vec::new();
    let format = flags.format.clone().unwrap_or_else(|| guess_format(&file));
    match format.as_str() {
        "jsonl" => {
            let reader: Box<dyn BufRead> = if file == "-" {
                Box::new(BufReader::new(io::stdin()))
            } else {
                Box::new(BufReader::new(
                    File::open(&file).map_err(|e| format!("cannot read {file}: {e}"))?,
                ))
            };
            for (row, line) in reader.lines().enumerate() {
                let line = line.map_err(|e| format!("{file}: line {}: {e}", row + 1))?;
                if line.trim().is_empty() {
                    continue;
                }
                handle(
                    &mut batch,
                    &mut out,
                    &mut invalid,
                    row,
                    serde_json::from_str::<Value>(&line),
                    lang,
                )?;
            }
        }
        "json" => {
            let bytes = super::read_input(&file)?;
            let doc: Value = serde_json::from_slice(&bytes).map_err(|e| format!("{file}: {e}"))?;
            let rows = doc
                .as_array()
                .ok_or_else(|| format!("{file}: expected an array of households"))?;
            for (row, v) in rows.iter().enumerate() {
                handle(&mut batch, &mut out, &mut invalid, row, Ok(v.clone()), lang)?;
            }
        }
        other => return Err(format!("unsupported format {other} (jsonl or json)")),
    }
    out.flush().map_err(|e| e.to_string())?;
    let summary = batch.finish();
    let doc = serde_json::json!({ "summary": summary, "invalid": invalid });
    let text = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(ExitCode::SUCCESS)
}

fn guess_format(file: &str) -> String {
    let lower = file.to_ascii_lowercase();
    if lower.ends_with(".json") {
        "json".into()
    } else if lower.ends_with(".csv") {
        "csv".into()
    } else if lower.ends_with(".xlsx") {
        "xlsx".into()
    } else {
        "jsonl".into()
    }
}

fn handle(
    batch: &mut Batch,
    out: &mut Box<dyn Write>,
    invalid: &mut Vec<InvalidRow>,
    row: usize,
    parsed: Result<Value, serde_json::Error>,
    lang: tuopin::Lang,
) -> Result<(), String> {
    let v = match parsed {
        Ok(v) => v,
        Err(e) => {
            batch.push_unreadable();
            let p = tuopin::problem::Finding::new("", tuopin::problem::Code::InvalidJson)
                .given(e.to_string())
                .render(lang);
            invalid.push(InvalidRow {
                row,
                household_id: None,
                problems: vec![p],
            });
            return Ok(());
        }
    };
    match batch.push_json(&v) {
        Ok(report) => {
            serde_json::to_writer(&mut *out, &report).map_err(|e| e.to_string())?;
            out.write_all(b"\n").map_err(|e| e.to_string())?;
        }
        Err(problems) => invalid.push(InvalidRow {
            row,
            household_id: v.get("id").and_then(Value::as_str).map(str::to_string),
            problems,
        }),
    }
    Ok(())
}
