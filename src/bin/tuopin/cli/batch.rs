//! `tuopin batch`: streams households from a file, writes one report per line (`--out`) and
//! every invalid row (`--invalid`), prints the summary with the invalid rows' count and the first
//! [`INVALID_SHOWN`] of them. Memory stays flat for JSON Lines and CSV: rows are read,
//! assessed and written one at a time. XLSX workbooks (at most ~1M rows by Excel's own limit)
//! are converted to CSV in memory with calamine first.

use super::{fail_with, lang_of, merge_options_checked, Flags};
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::process::ExitCode;
use tuopin::batch::{json_array_entries, ArrayFileError, Batch, InvalidRow, LineCount};
use tuopin::options::read_options;
use tuopin::problem::render_all;
use tuopin::reader::Reader;
use tuopin::report::Report;
use tuopin::summary::RowFacts;
use tuopin::table::{
    looks_like_gbk, FileProblem, Layout, LineSource, PhysicalLines, SheetRows, TableItem,
    TableReader, TextLines,
};

/// What `tuopin batch` prints.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct BatchResult<'a> {
    summary: tuopin::summary::Summary,
    invalid: &'a [InvalidRow],
    invalid_total: usize,
    invalid_truncated: bool,
    /// CSV and JSON Lines: every line of the file accounted for
    /// (`read = header + blank + assessed + invalid`).
    #[serde(skip_serializing_if = "Option::is_none")]
    lines: Option<LineCount>,
}

/// Invalid rows kept for the printed result. All of them go to `--invalid FILE` as they come,
/// so memory stays flat however many rows are bad.
const INVALID_SHOWN: usize = 1000;

pub fn run(flags: &Flags) -> Result<ExitCode, String> {
    let file = flags.file.clone().ok_or("missing FILE")?;
    let lang = lang_of(flags);
    // A TOML `nan`/`inf` in a `--policy` file is `invalid_number` at `options.policy.<key>`,
    // as `tuopin assess` reports it (issue 9 item 7), not a `null` found later.
    let mut found = Vec::new();
    let options = merge_options_checked(None, flags, &mut found)?;
    let mut r = Reader::with_crossing(found);
    let opts = read_options(&mut r, Some(&options));
    let (Some(opts), true) = (opts, r.is_clean()) else {
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
        table_failed: None,
        lines: None,
    };
    let format = flags.format.clone().unwrap_or_else(|| guess_format(&file));
    match format.as_str() {
        "jsonl" => {
            let mut lines = PhysicalLines::new(BufReader::with_capacity(1 << 16, open(&file)?));
            // One buffer for every line (issue 8 item 1): no allocation per line.
            while let Some(item) = lines.next_line() {
                let (line, bytes) = item.map_err(|e| format!("{file}: {e}"))?;
                if let Some(outcome) = run.batch.push_json_line(line, bytes) {
                    run.outcome(outcome)?;
                }
            }
            run.lines = Some(LineCount {
                read: lines.lines_read(),
                ..run.batch.lines()
            });
        }
        "json" => {
            let mut bytes = Vec::new();
            open(&file)?
                .read_to_end(&mut bytes)
                .map_err(|e| format!("{file}: {e}"))?;
            let entries = match json_array_entries(&bytes) {
                Ok(entries) => entries,
                Err(ArrayFileError::NotJson(e)) => {
                    return Ok(file_problems(&[FileProblem {
                        code: "invalid_json",
                        message: format!("{e} / 文件不是有效的 JSON"),
                        given: None,
                    }]))
                }
                Err(ArrayFileError::NotArray) => {
                    return Ok(file_problems(&[FileProblem {
                        code: "invalid_json",
                        message: "expected an array of households / 应为由户组成的 JSON 数组"
                            .into(),
                        given: None,
                    }]));
                }
            };
            // Each entry read as its own JSON text: duplicate keys are `duplicate_key` at
            // their path (issue 9 item 8).
            for (i, entry) in entries.iter().enumerate() {
                let outcome = run.batch.push_json_text(i + 1, entry.get());
                run.outcome(outcome)?;
            }
        }
        "csv" => {
            // Two passes: the first learns which household ids come back after another
            // household. Stdin cannot be read twice: it is spooled to a temporary file first,
            // so memory stays flat however long the input is.
            let spool = if file == "-" {
                Some(Spool::from_stdin()?)
            } else {
                None
            };
            let path = spool.as_ref().map(|s| s.path_str()).unwrap_or(file.clone());
            let opener = || -> Result<Box<dyn BufRead>, String> {
                let mut buffered = BufReader::with_capacity(1 << 16, open(&path)?);
                let start = buffered.fill_buf().map_err(|e| format!("{file}: {e}"))?;
                // GBK from the start: converted. Otherwise UTF-8, line by line: a line that is
                // not UTF-8 is an invalid row of its own (issue 9, item 3).
                Ok(if is_utf8_start(start) == Err(true) {
                    Box::new(BufReader::new(
                        encoding_rs_io::DecodeReaderBytesBuilder::new()
                            .encoding(Some(encoding_rs::GBK))
                            .build(buffered),
                    ))
                } else {
                    Box::new(buffered)
                })
            };
            let first = opener()?;
            if is_gbk_file(&path) {
                eprintln!(
                    "tuopin: {file} is GBK-encoded; read as GBK / 文件为GBK编码，已按GBK读取"
                );
            }
            let layout = match Layout::scan(first) {
                Ok(layout) => layout,
                Err(problems) => return Ok(file_problems(&problems)),
            };
            let second = opener()?;
            run.table(TextLines(PhysicalLines::new(second)), layout)?;
        }
        "xlsx" => {
            let mut bytes = Vec::new();
            BufReader::new(open(&file)?)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("{file}: {e}"))?;
            // Rows straight from the sheet, numbered as Excel numbers them: a cell holding a line
            // break (Alt+Enter) stays one cell of one row.
            let rows = xlsx_rows(&bytes).map_err(|e| format!("{file}: {e}"))?;
            let layout = match Layout::scan_source(SheetRows::new(rows.clone())) {
                Ok(layout) => layout,
                Err(problems) => return Ok(file_problems(&problems)),
            };
            run.table(SheetRows::new(rows), layout)?;
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
        lines: run.lines,
    };
    let mut stdout = BufWriter::new(io::stdout().lock());
    serde_json::to_writer_pretty(&mut stdout, &doc).map_err(|e| e.to_string())?;
    stdout.write_all(b"\n").map_err(|e| e.to_string())?;
    stdout.flush().map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

/// Standard input copied to a temporary file (removed when dropped), for a second pass.
struct Spool(std::path::PathBuf);

impl Spool {
    fn from_stdin() -> Result<Spool, String> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let path =
            std::env::temp_dir().join(format!("tuopin-stdin-{}-{nanos}.csv", std::process::id()));
        let spool = Spool(path);
        let mut out =
            BufWriter::new(File::create(&spool.0).map_err(|e| format!("cannot spool stdin: {e}"))?);
        io::copy(&mut io::stdin().lock(), &mut out).map_err(|e| format!("stdin: {e}"))?;
        out.flush()
            .map_err(|e| format!("cannot spool stdin: {e}"))?;
        Ok(spool)
    }

    fn path_str(&self) -> String {
        self.0.to_string_lossy().into_owned()
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
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

/// Whether a file on disk starts as GBK rather than UTF-8 (to say it was converted).
fn is_gbk_file(file: &str) -> bool {
    let mut block = vec![0u8; 1 << 16];
    let n = File::open(file)
        .and_then(|mut f| f.read(&mut block))
        .unwrap_or(0);
    is_utf8_start(block.get(..n).unwrap_or(&[])) == Err(true)
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

/// The rows of a workbook's first worksheet, each with its row number in the sheet (1-based,
/// as Excel shows it): numbers as typed, dates as ISO dates.
pub fn xlsx_rows(bytes: &[u8]) -> Result<Vec<(usize, Vec<String>)>, String> {
    use calamine::{Data, Reader as _};
    let mut book =
        calamine::open_workbook_auto_from_rs(io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or("the workbook has no sheet")?;
    let range = book.worksheet_range(&name).map_err(|e| e.to_string())?;
    // The used range may start below row 1: row numbers count from the sheet's top.
    let top = range.start().map(|(r, _)| r as usize).unwrap_or(0);
    let mut rows = Vec::new();
    for (i, row) in range.rows().enumerate() {
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
        rows.push((top + i + 1, cells));
    }
    Ok(rows)
}

struct Run {
    batch: Batch,
    out: Box<dyn Write>,
    writing: bool,
    invalid: Vec<InvalidRow>,
    invalid_total: usize,
    invalid_out: Option<BufWriter<File>>,
    /// Header problems: the whole table is refused.
    table_failed: Option<Vec<FileProblem>>,
    lines: Option<LineCount>,
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

    fn outcome(&mut self, outcome: Result<(Report, RowFacts), InvalidRow>) -> Result<(), String> {
        match outcome {
            Ok((report, _)) => self.write(&report),
            Err(row) => {
                self.reject(row);
                Ok(())
            }
        }
    }

    fn table(&mut self, source: impl LineSource, layout: Layout) -> Result<(), String> {
        let mut reader = match TableReader::from_source(source) {
            Ok(r) => r.with_layout(layout),
            Err(problems) => {
                self.table_failed = Some(problems);
                return Ok(());
            }
        };
        for item in reader.by_ref() {
            match item {
                TableItem::Household(h) => {
                    let outcome = self.batch.push_value(h.line, &h.value, Some(&h));
                    self.outcome(outcome)?;
                }
                TableItem::BadRow { line, problem } => {
                    let row = self.batch.push_bad_row(line, &problem);
                    self.reject(row);
                }
            }
        }
        if let Some(e) = reader.io_error() {
            return Err(e.to_string());
        }
        let (read, header, blank) = reader.lines();
        self.batch.set_read(read, header, blank);
        self.lines = Some(self.batch.lines());
        Ok(())
    }
}
