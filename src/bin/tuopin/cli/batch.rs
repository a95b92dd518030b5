//! `tuopin batch`: streams households from a file, writes one report per line (`--out`) and
//! every invalid row (`--invalid`), prints the summary with the invalid rows' count and the first
//! [`INVALID_SHOWN`] of them. Memory stays flat for JSON Lines and CSV: rows are read,
//! assessed and written one at a time. XLSX workbooks (at most ~1M rows by Excel's own limit)
//! are converted to CSV in memory with calamine first.

use super::{fail_with, lang_of, merge_options, Flags};
use serde_json::Value;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::process::ExitCode;
use tuopin::batch::{Batch, InvalidRow};
use tuopin::options::read_options;
use tuopin::problem::{render_all, Code, Finding};
use tuopin::reader::Reader;
use tuopin::report::Report;
use tuopin::table::{looks_like_gbk, FileProblem, LfReader, TableItem, TableReader};

/// What `tuopin batch` prints.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct BatchResult<'a> {
    summary: tuopin::summary::Summary,
    invalid: &'a [InvalidRow],
    invalid_total: usize,
    invalid_truncated: bool,
}

/// Invalid rows kept for the printed result. All of them go to `--invalid FILE` as they come,
/// so memory stays flat however many rows are bad.
const INVALID_SHOWN: usize = 1000;

pub fn run(flags: &Flags) -> Result<ExitCode, String> {
    let file = flags.file.clone().ok_or("missing FILE")?;
    let lang = lang_of(flags);
    let options = merge_options(None, flags)?;
    let mut r = Reader::new();
    let Some(opts) = read_options(&mut r, Some(&options)) else {
        return Ok(fail_with(&render_all(r.findings(), lang)));
    };
    // Without --out nobody reads the reports' sentences: assess quietly.
    let batch = if flags.out.is_some() {
        Batch::new(opts)
    } else {
        Batch::quiet(opts)
    };
    let mut run = Run {
        batch,
        out: match &flags.out {
            Some(path) => Box::new(BufWriter::new(
                File::create(path).map_err(|e| format!("cannot create {path}: {e}"))?,
            )),
            None => Box::new(io::sink()),
        },
        writing: flags.out.is_some(),
        invalid: Vec::new(),
        invalid_total: 0,
        invalid_out: match &flags.invalid {
            Some(path) => Some(BufWriter::new(
                File::create(path).map_err(|e| format!("cannot create {path}: {e}"))?,
            )),
            None => None,
        },
        lang,
        table_failed: None,
    };
    let format = flags.format.clone().unwrap_or_else(|| guess_format(&file));
    let source = open(&file)?;
    match format.as_str() {
        "jsonl" => {
            for (i, line) in BufReader::new(source).lines().enumerate() {
                let line = line.map_err(|e| format!("{file}: line {}: {e}", i + 1))?;
                if !line.trim().is_empty() {
                    run.json(i + 1, serde_json::from_str::<Value>(&line))?;
                }
            }
        }
        "json" => {
            let doc: Value = serde_json::from_reader(BufReader::new(source))
                .map_err(|e| format!("{file}: {e}"))?;
            let rows = doc
                .as_array()
                .ok_or_else(|| format!("{file}: expected an array of households"))?;
            for (i, v) in rows.iter().enumerate() {
                run.json(i + 1, Ok(v.clone()))?;
            }
        }
        "csv" => {
            let mut buffered = BufReader::with_capacity(1 << 16, source);
            let utf8 = is_utf8_start(buffered.fill_buf().map_err(|e| format!("{file}: {e}"))?);
            match utf8 {
                Ok(()) => run.table(LfReader::new(buffered))?,
                Err(true) => {
                    let decoded = encoding_rs_io::DecodeReaderBytesBuilder::new()
                        .encoding(Some(encoding_rs::GBK))
                        .build(buffered);
                    eprintln!(
                        "tuopin: {file} is GBK-encoded; read as GBK / 文件为GBK编码,已按GBK读取"
                    );
                    run.table(LfReader::new(decoded))?;
                }
                Err(false) => {
                    return Ok(file_problems(&[FileProblem {
                        code: "not_utf8",
                        message:
                            "the file is neither UTF-8 nor GBK text / 文件既不是UTF-8也不是GBK文本"
                                .into(),
                        given: None,
                    }]))
                }
            }
        }
        "xlsx" => {
            let mut bytes = Vec::new();
            BufReader::new(source)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("{file}: {e}"))?;
            let csv = xlsx_to_csv(&bytes).map_err(|e| format!("{file}: {e}"))?;
            run.table(LfReader::new(csv.as_bytes()))?;
        }
        other => {
            return Err(format!(
                "unsupported format {other} (jsonl, json, csv or xlsx)"
            ))
        }
    }
    if run.table_failed.is_some() {
        return Ok(file_problems(&run.table_failed.take().unwrap_or_default()));
    }
    run.out.flush().map_err(|e| e.to_string())?;
    if let Some(w) = run.invalid_out.as_mut() {
        w.flush().map_err(|e| e.to_string())?;
    }
    // Written straight to stdout: the summary lists every village, so building it as a JSON
    // tree or a string first would make the peak memory grow with the number of villages twice.
    let doc = BatchResult {
        summary: run.batch.finish(),
        invalid: &run.invalid,
        invalid_total: run.invalid_total,
        invalid_truncated: run.invalid_total > run.invalid.len(),
    };
    let mut stdout = BufWriter::new(io::stdout().lock());
    serde_json::to_writer_pretty(&mut stdout, &doc).map_err(|e| e.to_string())?;
    stdout.write_all(b"\n").map_err(|e| e.to_string())?;
    stdout.flush().map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

fn file_problems(problems: &[FileProblem]) -> ExitCode {
    let text = serde_json::to_string_pretty(problems).unwrap_or_else(|_| "[]".into());
    eprintln!("{text}");
    ExitCode::from(2)
}

fn open(file: &str) -> Result<Box<dyn Read>, String> {
    if file == "-" {
        Ok(Box::new(io::stdin()))
    } else {
        File::open(file)
            .map(|f| Box::new(f) as Box<dyn Read>)
            .map_err(|e| format!("cannot read {file}: {e}"))
    }
}

/// Ok when the first block is UTF-8 (a multi-byte character cut at the block's end is fine);
/// `Err(true)` when it looks like GBK, `Err(false)` otherwise.
fn is_utf8_start(block: &[u8]) -> Result<(), bool> {
    match std::str::from_utf8(block) {
        Ok(_) => Ok(()),
        Err(e) if e.error_len().is_none() => Ok(()),
        Err(_) => Err(looks_like_gbk(
            block.get(..block.len().saturating_sub(1)).unwrap_or(block),
        )),
    }
}

fn guess_format(file: &str) -> String {
    let lower = file.to_ascii_lowercase();
    for ext in ["json", "csv", "xlsx"] {
        if lower.ends_with(&format!(".{ext}")) {
            return ext.into();
        }
    }
    "jsonl".into()
}

/// The first worksheet of a workbook as CSV text: numbers as typed, dates as ISO dates.
pub fn xlsx_to_csv(bytes: &[u8]) -> Result<String, String> {
    use calamine::{Data, Reader as _};
    let mut book =
        calamine::open_workbook_auto_from_rs(io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or("the workbook has no sheet")?;
    let range = book.worksheet_range(&name).map_err(|e| e.to_string())?;
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in range.rows() {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Data::Empty => String::new(),
                Data::String(s) => s.clone(),
                Data::Float(f) => format!("{f}"),
                Data::Int(i) => i.to_string(),
                Data::Bool(b) => b.to_string(),
                Data::DateTime(d) => d
                    .as_datetime()
                    .map(|t| t.date().to_string())
                    .unwrap_or_else(|| d.to_string()),
                Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
                Data::DurationIso(s) => s.clone(),
                Data::Error(e) => format!("#{e:?}"),
            })
            .collect();
        w.write_record(&cells).map_err(|e| e.to_string())?;
    }
    String::from_utf8(w.into_inner().map_err(|e| e.to_string())?).map_err(|e| e.to_string())
}

struct Run {
    batch: Batch,
    out: Box<dyn Write>,
    writing: bool,
    invalid: Vec<InvalidRow>,
    invalid_total: usize,
    invalid_out: Option<BufWriter<File>>,
    lang: tuopin::Lang,
    /// Header problems: the whole table is refused.
    table_failed: Option<Vec<FileProblem>>,
}

impl Run {
    /// Records an invalid row: written to `--invalid` at once, kept only among the first few.
    fn reject(&mut self, row: InvalidRow) {
        self.invalid_total += 1;
        if let Some(w) = self.invalid_out.as_mut() {
            let _ = serde_json::to_writer(&mut *w, &row);
            let _ = w.write_all(b"\n");
        }
        if self.invalid.len() < INVALID_SHOWN {
            self.invalid.push(row);
        }
    }

    fn write(&mut self, report: &Report) -> Result<(), String> {
        if self.writing {
            serde_json::to_writer(&mut self.out, report).map_err(|e| e.to_string())?;
            self.out.write_all(b"\n").map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    fn json(
        &mut self,
        line: usize,
        parsed: Result<Value, serde_json::Error>,
    ) -> Result<(), String> {
        match parsed {
            Ok(v) => match self.batch.push_value(line, &v, None) {
                Ok((report, _)) => self.write(&report)?,
                Err(row) => self.reject(row),
            },
            Err(e) => {
                self.batch.push_unreadable();
                let p = Finding::new("", Code::InvalidJson)
                    .given(e.to_string())
                    .render(self.lang);
                self.reject(InvalidRow {
                    row: line,
                    household_id: None,
                    problems: vec![p],
                });
            }
        }
        Ok(())
    }

    fn table(&mut self, source: impl Read) -> Result<(), String> {
        let reader = match TableReader::new(source) {
            Ok(r) => r,
            Err(problems) => {
                self.table_failed = Some(problems);
                return Ok(());
            }
        };
        for item in reader {
            match item {
                TableItem::Household(h) => {
                    match self.batch.push_value(h.line, &h.value, Some(&h)) {
                        Ok((report, _)) => self.write(&report)?,
                        Err(row) => self.reject(row),
                    }
                }
                TableItem::BadRow { line, message } => {
                    self.batch.push_unreadable();
                    let p = Finding::new("", Code::InvalidValue)
                        .given(message)
                        .render(self.lang);
                    self.reject(InvalidRow {
                        row: line,
                        household_id: None,
                        problems: vec![p],
                    });
                }
            }
        }
        Ok(())
    }
}
