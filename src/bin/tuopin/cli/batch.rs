//! `tuopin batch`: streams households from a file, writes one report per line (`--out`) and
//! every invalid row (`--invalid`), prints the summary with the invalid rows' count and the first
//! [`INVALID_SHOWN`] of them. Memory stays flat for JSON Lines and CSV: rows are read,
//! assessed and written one at a time. XLSX workbooks (at most ~1M rows by Excel's own limit)
//! are converted to CSV in memory with calamine first.
//!
//! With `--jobs N` (default: every core) N worker threads assess the rows in chunks, each with
//! its own share of the roll-up; results are written in file order and the shares summed, so
//! every output byte is the same as with `--jobs 1`, which assesses each row as it is read, on
//! this thread (issue 8 item 5). JSON Lines are handed out as raw blocks of whole lines
//! ([`blocks`]): this thread only reads, the workers find the lines, read, assess and write the
//! reports, and this thread numbers the lines of each block as it takes its results in order.
//! Other formats are split into entries here and handed out in chunks of entries. At most
//! [`IN_FLIGHT_PER_JOB`] chunks per worker are in memory at once (their buffers are reused):
//! memory stays flat in rows.

use super::blocks::{split_lines, Blocks, BLOCK_BYTES};
use super::{fail_with, lang_of, merge_options_checked, Flags};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::process::ExitCode;
use std::sync::{mpsc, Arc, Mutex};
use std::thread::JoinHandle;
use tuopin::batch::{
    json_array_entries, ArrayFileError, Batch, InvalidRow, LineCount, ProvinceApplied,
};
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
    /// With `--out`: the parameters in force, once per province in the order the file first
    /// met them; the reports keep `policy.{pack, province, asOf, overrides}` without `applied`
    /// (contract v1.1 item 3; the same shape as `assessMany`'s `applied`).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    applied: &'a [ProvinceApplied],
}

/// Bytes of `--out` written at a time.
const OUT_BUFFER: usize = 1 << 20;

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
    let opts = read_options(&mut r, Some(&tuopin::json_value::Json::from(&options)));
    let (Some(opts), true) = (opts, r.is_clean()) else {
        return Ok(fail_with(&render_all(r.findings(), lang)));
    };
    // Without --out nobody reads the reports: assess quietly, and only for the roll-up.
    let batch = if flags.out.is_some() {
        Batch::new(opts)
    } else {
        Batch::quiet(opts)
    };
    let jobs = jobs_of(flags)?;
    let writing = flags.out.is_some();
    let mut run = Run {
        pool: (jobs > 1).then(|| Pool::new(jobs, &batch, writing)),
        line_base: 0,
        line_out: Vec::new(),
        batch,
        out: match &flags.out {
            // Reports come in whole lines of ~4 KB: written in large pieces, fewer calls.
            Some(path) => Box::new(BufWriter::with_capacity(
                OUT_BUFFER,
                File::create(path).map_err(|e| format!("cannot create {path}: {e}"))?,
            )),
            None => Box::new(io::sink()),
        },
        writing,
        invalid: Vec::new(),
        invalid_total: 0,
        invalid_out: match &flags.invalid {
            Some(path) => Some(BufWriter::new(
                File::create(path).map_err(|e| format!("cannot create {path}: {e}"))?,
            )),
            None => None,
        },
        table_failed: None,
        applied: Vec::new(),
        lines: None,
    };
    let format = flags.format.clone().unwrap_or_else(|| guess_format(&file));
    match format.as_str() {
        "jsonl" => {
            run.jsonl(open(&file)?, &file)?;
            run.lines = Some(LineCount {
                read: run.line_base,
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
                let text = entry.get().as_bytes();
                run.push(Item::Line(i + 1, 0..text.len()), text)?;
            }
            run.finish()?;
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
        applied: &run.applied,
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

/// Rows per chunk handed to a worker, and the most text (JSON Lines) a chunk holds.
const CHUNK_ROWS: usize = 256;
const CHUNK_BYTES: usize = 1 << 20;
/// Chunks in memory at once (queued, being assessed, or waiting for their turn to be written),
/// per worker.
const IN_FLIGHT_PER_JOB: usize = 3;

/// `--jobs N` (a whole number ≥ 1), else every core the system gives this process.
fn jobs_of(flags: &Flags) -> Result<usize, String> {
    match &flags.jobs {
        Some(text) => match text.trim().parse::<usize>() {
            Ok(n) if n >= 1 => Ok(n),
            _ => Err(format!(
                "--jobs needs a whole number ≥ 1, got \"{text}\" / --jobs 须为不小于1的整数"
            )),
        },
        None => Ok(std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)),
    }
}

/// One entry of the file, in file order, to read and assess.
enum Item {
    /// A JSON Lines line, or an element of a JSON array file (numbered from 1; read exactly as
    /// a line): its number, and where its bytes are in the text given with it.
    Line(usize, std::ops::Range<usize>),
    /// A household of a table (CSV, XLSX), or a row of one that belongs to no household.
    Table(TableItem),
}

/// What one entry gives: a report (`--out`), a row counted in the roll-up only, or an invalid
/// row.
enum Row {
    Report(Box<Report>),
    Counted,
    Invalid(InvalidRow),
}

/// Reads and assesses one entry into `batch`: with its report when reports are written, on the
/// roll-up path (no report built, issue 8 item 4) otherwise. `None` for a blank line.
fn assess(batch: &mut Batch, writing: bool, item: &Item, text: &[u8]) -> Option<Row> {
    let row = |r: Result<(Report, RowFacts), InvalidRow>| match r {
        Ok((report, _)) => Row::Report(Box::new(report)),
        Err(bad) => Row::Invalid(bad),
    };
    let counted = |r: Result<RowFacts, InvalidRow>| match r {
        Ok(_) => Row::Counted,
        Err(bad) => Row::Invalid(bad),
    };
    match item {
        Item::Line(line, range) => {
            let (line, bytes) = (*line, text.get(range.clone()).unwrap_or_default());
            if writing {
                batch.push_json_line(line, bytes).map(row)
            } else {
                batch.tally_json_line(line, bytes).map(counted)
            }
        }
        Item::Table(TableItem::Household(h)) => Some(if writing {
            row(batch.push_value(h.line, &h.value, Some(h)))
        } else {
            counted(batch.tally_value(h.line, &h.value, Some(h)))
        }),
        Item::Table(TableItem::BadRow { line, problem }) => {
            Some(Row::Invalid(batch.push_bad_row(*line, problem)))
        }
    }
}

/// Entries handed to a worker together: a raw block of JSON Lines (`block` says whether it starts
/// the file), or entries whose bytes, if any, are in `text`. `out` is an emptied buffer for the
/// reports, reused from chunk to chunk.
#[derive(Default)]
struct Chunk {
    seq: usize,
    text: Vec<u8>,
    items: Vec<Item>,
    block: Option<bool>,
    out: Vec<u8>,
}

/// What a worker made of a chunk: the reports as the lines of `--out`, and the invalid rows,
/// both in file order.
struct Done {
    seq: usize,
    out: Vec<u8>,
    /// The applied policy of each province this chunk's reports met, first time in the chunk.
    applied: Vec<ProvinceApplied>,
    /// Numbered from 1 within the block when the chunk was a block.
    invalid: Vec<InvalidRow>,
    /// The lines of a block (0 for entries): the next block's lines are numbered after them.
    lines: usize,
    /// The chunk's text, given back to be filled again.
    text: Vec<u8>,
    error: Option<String>,
}

impl Done {
    fn failed(seq: usize, error: String) -> Done {
        Done {
            seq,
            out: Vec::new(),
            applied: Vec::new(),
            invalid: Vec::new(),
            lines: 0,
            text: Vec::new(),
            error: Some(error),
        }
    }
}

/// Assesses one entry of a chunk into `done`.
fn work_one(batch: &mut Batch, writing: bool, item: &Item, text: &[u8], done: &mut Done) {
    match assess(batch, writing, item, text) {
        Some(Row::Report(mut report)) => {
            take_applied(&mut report, &mut done.applied);
            // Serialized here, on the worker: with --out that is half the work.
            if let Err(e) = write_report(&report, &mut done.out) {
                done.error = Some(e);
            }
        }
        Some(Row::Invalid(bad)) => done.invalid.push(bad),
        Some(Row::Counted) | None => {}
    }
}

fn work(batch: &mut Batch, writing: bool, chunk: Chunk) -> Done {
    let Chunk {
        seq,
        text,
        items,
        block,
        out,
    } = chunk;
    let mut done = Done {
        seq,
        out,
        applied: Vec::new(),
        invalid: Vec::new(),
        lines: 0,
        text: Vec::new(),
        error: None,
    };
    match block {
        Some(at_start) => {
            let split = split_lines(&text, at_start, |line, range| {
                work_one(batch, writing, &Item::Line(line, range), &text, &mut done);
                Ok::<(), std::convert::Infallible>(())
            });
            done.lines = match split {
                Ok(n) => n,
                Err(never) => match never {},
            };
        }
        None => {
            for item in &items {
                work_one(batch, writing, item, &text, &mut done);
            }
        }
    }
    done.text = text;
    done
}

/// One report as a line of `--out`: the same bytes as `serde_json::to_writer`, written faster
/// ([`tuopin::report::json`]).
fn write_report(report: &Report, out: &mut Vec<u8>) -> Result<(), String> {
    tuopin::report::json::write_compact(report, out).map_err(|e| e.to_string())?;
    out.push(b'\n');
    Ok(())
}

/// Worker threads assessing chunks; each keeps its own share of the roll-up, summed at the end.
struct Pool {
    work: Option<mpsc::Sender<Chunk>>,
    done: mpsc::Receiver<Done>,
    workers: Vec<JoinHandle<Batch>>,
    chunk: Chunk,
    /// Chunks sent so far, and chunks written so far: their difference is bounded.
    sent: usize,
    written: usize,
    /// Chunks done ahead of their turn.
    waiting: BTreeMap<usize, Done>,
    in_flight: usize,
    /// Buffers of chunks written, to fill again: no allocation per chunk once running.
    spare: Vec<Vec<u8>>,
}

impl Pool {
    fn new(jobs: usize, batch: &Batch, writing: bool) -> Pool {
        let (work_tx, work_rx) = mpsc::channel::<Chunk>();
        let (done_tx, done_rx) = mpsc::channel::<Done>();
        let work_rx = Arc::new(Mutex::new(work_rx));
        let workers = (0..jobs)
            .map(|_| {
                let work_rx = Arc::clone(&work_rx);
                let done_tx = done_tx.clone();
                // The same options and languages as the batch of a one-core run.
                let mut share = batch.share();
                std::thread::spawn(move || {
                    loop {
                        let next = match work_rx.lock() {
                            Ok(rx) => rx.recv(),
                            Err(_) => break,
                        };
                        let Ok(chunk) = next else { break };
                        // A worker that failed must still answer for its chunk: the reading
                        // thread waits for every chunk in turn, and would otherwise wait forever.
                        let seq = chunk.seq;
                        let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            work(&mut share, writing, chunk)
                        }))
                        .unwrap_or_else(|_| Done::failed(seq, "a worker thread failed".into()));
                        let failed = done.error.is_some();
                        if done_tx.send(done).is_err() || failed {
                            break;
                        }
                    }
                    share
                })
            })
            .collect();
        Pool {
            work: Some(work_tx),
            done: done_rx,
            workers,
            chunk: Chunk::default(),
            sent: 0,
            written: 0,
            waiting: BTreeMap::new(),
            in_flight: jobs * IN_FLIGHT_PER_JOB,
            spare: Vec::new(),
        }
    }

    /// An emptied buffer to fill, reused when one is free.
    fn buffer(&mut self) -> Vec<u8> {
        let mut buf = self.spare.pop().unwrap_or_default();
        buf.clear();
        buf
    }

    /// Keeps a written chunk's buffers for the next chunks (as many as can be in flight).
    fn recycle(&mut self, done: &mut Done) {
        for buf in [
            std::mem::take(&mut done.text),
            std::mem::take(&mut done.out),
        ] {
            if buf.capacity() > 0 && self.spare.len() < 2 * self.in_flight + 2 {
                self.spare.push(buf);
            }
        }
    }

    /// Adds an entry to the chunk being filled; returns the chunks now due to be written.
    fn push(&mut self, item: Item, text: &[u8]) -> Result<Vec<Done>, String> {
        if self.chunk.items.is_empty() && self.chunk.text.capacity() == 0 {
            self.chunk.text = self.buffer();
        }
        let item = match item {
            Item::Line(line, range) => {
                let start = self.chunk.text.len();
                self.chunk
                    .text
                    .extend_from_slice(text.get(range).unwrap_or_default());
                Item::Line(line, start..self.chunk.text.len())
            }
            other => other,
        };
        self.chunk.items.push(item);
        if self.chunk.items.len() >= CHUNK_ROWS || self.chunk.text.len() >= CHUNK_BYTES {
            self.send()
        } else {
            Ok(Vec::new())
        }
    }

    /// Hands a raw block of JSON Lines to the workers as a chunk of its own.
    fn push_block(&mut self, block: Vec<u8>, at_start: bool) -> Result<Vec<Done>, String> {
        let mut due = if self.chunk.items.is_empty() {
            Vec::new()
        } else {
            self.send()?
        };
        self.chunk.text = block;
        self.chunk.block = Some(at_start);
        due.extend(self.send()?);
        Ok(due)
    }

    /// Sends the chunk being filled, first waiting (and collecting what is due) while as many
    /// chunks as allowed are in flight.
    fn send(&mut self) -> Result<Vec<Done>, String> {
        let mut due = Vec::new();
        while self.sent - self.written >= self.in_flight {
            due.extend(self.receive()?);
        }
        let mut chunk = std::mem::take(&mut self.chunk);
        chunk.seq = self.sent;
        chunk.out = self.buffer();
        self.work
            .as_ref()
            .ok_or("no worker left")?
            .send(chunk)
            .map_err(|_| "a worker stopped".to_string())?;
        self.sent += 1;
        Ok(due)
    }

    /// Waits for one chunk to be done; returns the chunks that are now due, in order.
    fn receive(&mut self) -> Result<Vec<Done>, String> {
        let done = self
            .done
            .recv()
            .map_err(|_| "a worker stopped".to_string())?;
        if let Some(e) = &done.error {
            return Err(e.clone());
        }
        self.waiting.insert(done.seq, done);
        let mut due = Vec::new();
        while let Some(d) = self.waiting.remove(&self.written) {
            self.written += 1;
            due.push(d);
        }
        Ok(due)
    }

    /// Sends what is left, waits for every chunk, and stops the workers: the chunks still due,
    /// and each worker's share of the roll-up.
    fn finish(mut self) -> Result<(Vec<Done>, Vec<Batch>), String> {
        let mut due = if self.chunk.items.is_empty() {
            Vec::new()
        } else {
            self.send()?
        };
        while self.written < self.sent {
            due.extend(self.receive()?);
        }
        self.work = None;
        let mut shares = Vec::new();
        for w in self.workers {
            shares.push(w.join().map_err(|_| "a worker failed".to_string())?);
        }
        Ok((due, shares))
    }
}

struct Run {
    batch: Batch,
    pool: Option<Pool>,
    out: Box<dyn Write>,
    writing: bool,
    /// JSON Lines: the lines of the blocks read (one job) or written (several) so far.
    line_base: usize,
    /// One report's line, serialized before it is written in one piece (one job).
    line_out: Vec<u8>,
    invalid: Vec<InvalidRow>,
    invalid_total: usize,
    invalid_out: Option<BufWriter<File>>,
    /// Header problems: the whole table is refused.
    table_failed: Option<Vec<FileProblem>>,
    lines: Option<LineCount>,
    /// `policy.applied` of each province written to `--out`, once (contract v1.1 item 3).
    applied: Vec<ProvinceApplied>,
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

    fn write(&mut self, mut report: Report) -> Result<(), String> {
        if self.writing {
            take_applied(&mut report, &mut self.applied);
            self.line_out.clear();
            write_report(&report, &mut self.line_out)?;
            self.out
                .write_all(&self.line_out)
                .map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    /// One entry of the file: assessed now (one job), or handed to the workers.
    fn push(&mut self, item: Item, text: &[u8]) -> Result<(), String> {
        match self.pool.as_mut() {
            Some(pool) => {
                let due = pool.push(item, text)?;
                self.write_done(due)
            }
            None => self.one(&item, text),
        }
    }

    /// One entry assessed on this thread.
    fn one(&mut self, item: &Item, text: &[u8]) -> Result<(), String> {
        match assess(&mut self.batch, self.writing, item, text) {
            Some(Row::Report(report)) => self.write(*report),
            Some(Row::Invalid(row)) => {
                self.reject(row);
                Ok(())
            }
            Some(Row::Counted) | None => Ok(()),
        }
    }

    /// A JSON Lines source, read in blocks of whole lines: split and assessed here (one job), or
    /// each block handed to the workers whole.
    fn jsonl(&mut self, src: Box<dyn Read>, file: &str) -> Result<(), String> {
        let mut blocks = Blocks::new(src, BLOCK_BYTES);
        let mut buf = Vec::new();
        loop {
            if let Some(pool) = self.pool.as_mut() {
                buf = pool.buffer();
            }
            let Some(at_start) = blocks
                .next_into(&mut buf)
                .map_err(|e| format!("{file}: {e}"))?
            else {
                break;
            };
            match self.pool.as_mut() {
                Some(pool) => {
                    let due = pool.push_block(std::mem::take(&mut buf), at_start)?;
                    self.write_done(due)?;
                }
                None => {
                    let base = self.line_base;
                    let block = &buf;
                    self.line_base += split_lines(block, at_start, |line, range| {
                        self.one(&Item::Line(base + line, range), block)
                    })?;
                }
            }
        }
        self.finish()
    }

    fn write_done(&mut self, due: Vec<Done>) -> Result<(), String> {
        for mut done in due {
            for a in std::mem::take(&mut done.applied) {
                if !self.applied.iter().any(|b| b.province == a.province) {
                    self.applied.push(a);
                }
            }
            self.out.write_all(&done.out).map_err(|e| e.to_string())?;
            // A block's lines were numbered from 1: after the lines of the blocks before it.
            let base = self.line_base;
            self.line_base += done.lines;
            for mut row in std::mem::take(&mut done.invalid) {
                if done.lines > 0 {
                    row.row += base;
                    row.line = row.line.map(|l| l + base);
                }
                self.reject(row);
            }
            if let Some(pool) = self.pool.as_mut() {
                pool.recycle(&mut done);
            }
        }
        Ok(())
    }

    /// After the last entry: every chunk written, the workers' shares summed into the batch.
    fn finish(&mut self) -> Result<(), String> {
        if let Some(pool) = self.pool.take() {
            let (due, shares) = pool.finish()?;
            self.write_done(due)?;
            for share in &shares {
                self.batch.merge(share);
            }
        }
        Ok(())
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
            self.push(Item::Table(item), &[])?;
        }
        self.finish()?;
        if let Some(e) = reader.io_error() {
            return Err(e.to_string());
        }
        let (read, header, blank) = reader.lines();
        self.batch.set_read(read, header, blank);
        self.lines = Some(self.batch.lines());
        Ok(())
    }
}

/// Moves a report's `policy.applied` out into `seen` (once per province; a batch resolves each
/// province once, so every report of a province carries the same list): contract v1.1 item 3.
fn take_applied(report: &mut Report, seen: &mut Vec<ProvinceApplied>) {
    let applied = std::mem::replace(&mut report.policy.applied, std::sync::Arc::from(Vec::new()));
    if !seen.iter().any(|a| a.province == report.policy.province) {
        seen.push(ProvinceApplied {
            province: report.policy.province.clone(),
            applied,
        });
    }
}
