//! Many households at once: each row assessed on its own (an invalid row is reported with its
//! row number and problems, the others still assessed), and a running roll-up.

use crate::assessment::Regime;
use crate::engine::{assess_resolved, facts_resolved};
#[cfg(reads_files)]
use crate::engine::{row_resolved, RowFigures};
use crate::household::{read_household, Household};
use crate::json_value::Json;
use crate::options::{lang_of, read_options, Options};
use crate::policy::resolve;
use crate::policy::Resolved;
use crate::problem::{render_all, Code, Finding, Problem};
use crate::reader::Reader;
use crate::report::Report;
use crate::summary::RowFacts;
use crate::summary::{ByName, Summary, Tally};
use crate::words::Lang;
use serde::Serialize;
use std::sync::Arc;

#[cfg(reads_files)]
pub mod view;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvalidRow {
    /// Where the entry is, as contract v1 gave it: the 0-based `index` for `assessMany`, the
    /// 1-based `line` for files (kept for v1 callers; read `index` or `line`, which say which).
    pub row: usize,
    /// `assessMany`: 0-based position in the array given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// Files (CLI `tuopin batch`, `BatchJob`): 1-based line of the household's first row (CSV,
    /// JSON Lines), or 1-based position in a JSON array file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub household_id: Option<String>,
    pub problems: Vec<Problem>,
    /// Physical lines the entry spans (for the line accounting).
    #[serde(skip)]
    pub lines: usize,
}

impl InvalidRow {
    /// An invalid entry of a file, at a 1-based line.
    pub fn at_line(
        line: usize,
        household_id: Option<String>,
        problems: Vec<Problem>,
    ) -> InvalidRow {
        InvalidRow {
            row: line,
            index: None,
            line: Some(line),
            household_id,
            problems,
            lines: 1,
        }
    }
}

/// Every physical line of a CSV or JSON Lines file, accounted for:
/// `read = header + blank + assessed + invalid` (issue 9, item 1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LineCount {
    pub read: usize,
    /// The CSV header (0 for JSON Lines).
    pub header: usize,
    /// Empty lines, lines of spaces, CSV lines of only separators.
    pub blank: usize,
    /// Lines of households that were assessed.
    pub assessed: usize,
    /// Lines of households and rows reported invalid.
    pub invalid: usize,
}

impl LineCount {
    pub fn adds_up(&self) -> bool {
        self.read == self.header + self.blank + self.assessed + self.invalid
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchOut {
    /// The reports, without `policy.applied` (given once per province in `applied`).
    pub reports: Vec<Report>,
    pub summary: Summary,
    pub invalid: Vec<InvalidRow>,
    /// The parameters in force for each province met in the batch.
    pub applied: Vec<ProvinceApplied>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProvinceApplied {
    pub province: String,
    pub applied: Arc<[crate::policy::Applied]>,
}

/// A running batch: push rows, then finish. Keeps only the tally, never the reports.
pub struct Batch {
    opts: Options,
    tally: Tally,
    /// Rows per province, in `.0` (the roll-up's map type: see [`ByName`]).
    provinces: ByName,
    /// One resolved policy per province: resolution is the same for every row of a province.
    /// A list searched in order, not a `HashMap`: provinces are the 34 known codes at most
    /// (`read_province`), and this was the core module's only hash map, whose hashing and table
    /// code cost more wasm than the list (issue 8 item 6).
    resolved: Vec<(String, Arc<Resolved>)>,
    lang: Lang,
    lines: LineCount,
}

impl Batch {
    pub fn new(opts: Options) -> Batch {
        let lang = opts.lang;
        Batch {
            opts,
            tally: Tally::default(),
            provinces: ByName::new(),
            resolved: Vec::new(),
            lang,
            lines: LineCount::default(),
        }
    }

    /// A batch that keeps only codes and figures: reports come back without sentences (reasons,
    /// messages), which is most of the work; problems of invalid rows keep their messages.
    pub fn quiet(opts: Options) -> Batch {
        let mut batch = Batch::new(opts);
        batch.opts.lang = Lang::Quiet;
        batch
    }

    /// An empty batch with the same options and languages (reports' and problems'), for a
    /// worker's share of the rows; summed back with [`Batch::merge`].
    pub fn share(&self) -> Batch {
        let mut batch = Batch::new(self.opts.clone());
        batch.lang = self.lang;
        batch
    }

    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// Assesses a valid household and adds it to the roll-up.
    pub fn push(&mut self, h: &Household) -> Result<Report, Vec<Problem>> {
        self.push_facts(h).map(|(report, _)| report)
    }

    /// As [`Batch::push`], also returning the row's roll-up facts.
    pub fn push_facts(&mut self, h: &Household) -> Result<(Report, RowFacts), Vec<Problem>> {
        self.admit(h)?;
        let province = province_name(h, &self.opts);
        let Some(resolved) = resolved_for(&self.resolved, province) else {
            return Err(Vec::new());
        };
        match assess_resolved(h, &self.opts, province, resolved) {
            Ok((report, facts)) => {
                count(&mut self.tally, &mut self.provinces, province, &facts);
                Ok((report, facts))
            }
            Err(f) => {
                self.tally.add_invalid();
                Err(render_all(&f, self.lang))
            }
        }
    }

    /// The roll-up path (issue 8 item 4): adds a valid household to the roll-up without
    /// building its report; the same rows are refused with the same problems as
    /// [`Batch::push_facts`].
    pub fn tally_facts(&mut self, h: &Household) -> Result<RowFacts, Vec<Problem>> {
        self.admit(h)?;
        let province = province_name(h, &self.opts);
        let Some(resolved) = resolved_for(&self.resolved, province) else {
            return Err(Vec::new());
        };
        match facts_resolved(h, &self.opts, province, resolved) {
            Ok(facts) => {
                count(&mut self.tally, &mut self.provinces, province, &facts);
                Ok(facts)
            }
            Err(f) => {
                self.tally.add_invalid();
                Err(render_all(&f, self.lang))
            }
        }
    }

    #[cfg(reads_files)]
    /// The compact-row path (`BatchJob`, issue 8 item 4): adds a valid household to the roll-up
    /// and returns what its compact row shows, without building its report; the same rows are
    /// refused with the same problems as [`Batch::push_facts`].
    pub fn row_facts(&mut self, h: &Household) -> Result<RowParts, Vec<Problem>> {
        self.admit(h)?;
        let province = province_name(h, &self.opts);
        let Some(resolved) = resolved_for(&self.resolved, province) else {
            return Err(Vec::new());
        };
        match row_resolved(h, &self.opts, province, resolved) {
            Ok((facts, figures)) => {
                count(&mut self.tally, &mut self.provinces, province, &facts);
                Ok(RowParts {
                    id: h.id.clone(),
                    facts,
                    figures,
                })
            }
            Err(f) => {
                self.tally.add_invalid();
                Err(render_all(&f, self.lang))
            }
        }
    }

    /// The household's province, its policy resolved once; or why the row is refused before
    /// any rule runs (several heads, a bad override).
    fn admit(&mut self, h: &Household) -> Result<(), Vec<Problem>> {
        // In a batch, two heads most often mean two households given one id (rows merged):
        // assessing them as one would pool their incomes, so it is a problem, not a warning.
        // Plain loops: counted first (no list for the usual single head), each head after the
        // first named with its path (less wasm than iterator chains, issue 8 item 6).
        let is_head = |m: &crate::household::Member| m.relation == crate::household::Relation::Head;
        let mut heads = 0usize;
        for m in &h.members {
            if is_head(m) {
                heads += 1;
            }
        }
        if heads > 1 {
            self.tally.add_invalid();
            let n = heads.to_string();
            let mut problems = Vec::new();
            let mut seen = 0usize;
            for (i, m) in h.members.iter().enumerate() {
                if !is_head(m) {
                    continue;
                }
                seen += 1;
                if seen > 1 {
                    let path = crate::reader::join(&crate::reader::index("members", i), "relation");
                    problems.push(
                        Finding::new(path, Code::MultipleHeads)
                            .given(n.as_str())
                            .render(self.lang),
                    );
                }
            }
            return Err(problems);
        }
        let province = province_name(h, &self.opts);
        if resolved_for(&self.resolved, province).is_none() {
            let mut r = Reader::new();
            let resolved = resolve(province, self.opts.as_of, self.opts.policy.as_ref(), &mut r);
            if !r.is_clean() {
                self.tally.add_invalid();
                return Err(render_all(r.findings(), self.lang));
            }
            self.resolved.push((province.to_string(), resolved));
        }
        Ok(())
    }

    /// Adds another part of the same batch (a worker's share of the rows) to this one. Every
    /// roll-up figure is a sum or a count by key, so the summary does not depend on how the
    /// rows were shared out (issue 8 item 5).
    pub fn merge(&mut self, other: &Batch) {
        self.tally.merge(&other.tally);
        for (province, n) in other.provinces.in_order() {
            self.provinces.add(&province, (n.0, 0, 0));
        }
        let o = other.lines;
        self.lines.read += o.read;
        self.lines.header += o.header;
        self.lines.blank += o.blank;
        self.lines.assessed += o.assessed;
        self.lines.invalid += o.invalid;
    }

    /// Reads a household from JSON, then as [`Batch::push`].
    pub fn push_json(&mut self, v: &Json) -> Result<Report, Vec<Problem>> {
        let mut r = Reader::new();
        match read_household(&mut r, v, "") {
            Some(h) if r.is_clean() => self.push(&h),
            _ => {
                self.tally.add_invalid();
                Err(render_all(r.findings(), self.lang))
            }
        }
    }

    #[cfg(reads_files)]
    /// Reads and assesses one household given as JSON, from a file line or a table row; a
    /// problem comes back as an invalid row, with table cells named where the row came from a
    /// table ("[line 7, 出生日期] …").
    pub fn push_value(
        &mut self,
        line: usize,
        value: &Json,
        table: Option<&crate::table::TableHousehold>,
    ) -> Result<(Report, RowFacts), InvalidRow> {
        self.push_value_as(line, value, table, Vec::new(), Batch::push_facts)
    }

    #[cfg(reads_files)]
    /// As [`Batch::push_value`] on the roll-up path: the row's facts, no report.
    pub fn tally_value(
        &mut self,
        line: usize,
        value: &Json,
        table: Option<&crate::table::TableHousehold>,
    ) -> Result<RowFacts, InvalidRow> {
        self.push_value_as(line, value, table, Vec::new(), Batch::tally_facts)
    }

    #[cfg(reads_files)]
    /// Reads one household given as JSON and hands it to `assess` (a report and its facts, or
    /// the facts alone on the roll-up path), starting from the problems `json_text` found while
    /// reading the text (a duplicate key, a number out of range: the value there is `null`).
    fn push_value_as<T>(
        &mut self,
        line: usize,
        value: &Json,
        table: Option<&crate::table::TableHousehold>,
        found: Vec<Finding>,
        assess: fn(&mut Batch, &Household) -> Result<T, Vec<Problem>>,
    ) -> Result<T, InvalidRow> {
        let mut r = Reader::with_crossing(found);
        // A table household its rows filled directly (issue 8 item 1) needs no reading.
        let typed = table.and_then(|t| t.household.as_deref());
        let read = match typed {
            Some(_) => None,
            None => read_household(&mut r, value, ""),
        };
        let household = typed.or(read.as_ref());
        let broken = |p: &str| {
            table.is_some_and(|t| {
                t.broken.iter().any(|k| {
                    p.strip_prefix(&format!("members[{k}]"))
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
                })
            })
        };
        // A broken row's own problem says why its member is empty: the missing fields of that
        // empty member (or of the household, when the broken row was its only one) would only
        // repeat it.
        let any_broken = table.is_some_and(|t| !t.broken.is_empty());
        let mut problems: Vec<Problem> = r
            .findings()
            .iter()
            .filter(|f| !broken(&f.path))
            .filter(|f| !(any_broken && f.code == Code::MissingField))
            .map(|f| f.render(self.lang))
            .collect();
        let mut located = Vec::new();
        for issue in table.iter().flat_map(|t| t.faults.iter()) {
            let mut p = issue.finding.render(self.lang);
            let column = table
                .map(|t| t.column_name(issue.column))
                .unwrap_or_default();
            p.message = crate::words::at_table_cell(self.lang, issue.line, &column, &p.message);
            located.push(p);
        }
        for c in table.iter().flat_map(|t| t.conflicts.iter()) {
            problems.push(Problem {
                path: c.location.path.clone(),
                code: Code::InvalidValue,
                message: crate::words::rows_disagree(
                    self.lang,
                    c.location.line,
                    &c.location.column,
                    &c.other,
                    &c.first,
                ),
            });
        }
        let result = match household {
            Some(h) if problems.is_empty() && located.is_empty() => assess(self, h),
            _ => {
                self.push_unreadable();
                Err(problems)
            }
        };
        let lines = table.map(|t| t.rows).unwrap_or(1);
        match result {
            Ok(ok) => {
                self.lines.assessed += lines;
                Ok(ok)
            }
            Err(problems) => {
                self.lines.invalid += lines;
                // Only an invalid row names its household: no copy of the id for valid rows.
                let id = value
                    .get("id")
                    .and_then(Json::as_str)
                    .map(str::to_string)
                    .or_else(|| table.and_then(|t| t.id.clone()));
                let mut all = located;
                all.extend(problems.into_iter().map(|mut p| {
                    if let Some(loc) = table.and_then(|t| t.locate(&p.path)) {
                        p.message = crate::words::at_table_cell(
                            self.lang,
                            loc.line,
                            &loc.column,
                            &p.message,
                        );
                    }
                    p
                }));
                Err(InvalidRow {
                    lines,
                    ..InvalidRow::at_line(line, id, all)
                })
            }
        }
    }

    #[cfg(reads_files)]
    /// A row of a table that belongs to no household (blank id, or broken before its id).
    pub fn push_bad_row(&mut self, line: usize, problem: &Finding) -> InvalidRow {
        self.push_unreadable();
        self.lines.invalid += 1;
        let mut p = problem.render(self.lang);
        p.message = crate::words::at_table_cell(self.lang, line, "", &p.message);
        InvalidRow::at_line(line, None, vec![p])
    }

    #[cfg(reads_files)]
    /// One line of a JSON Lines file: `None` when blank, else the household's outcome (a line
    /// that is not UTF-8 or not JSON is an invalid row; the next line is read all the same).
    pub fn push_json_line(
        &mut self,
        line: usize,
        bytes: &[u8],
    ) -> Option<Result<(Report, RowFacts), InvalidRow>> {
        self.push_json_line_as(line, bytes, Batch::push_facts)
    }

    #[cfg(reads_files)]
    /// As [`Batch::push_json_line`] on the roll-up path: the row's facts, no report.
    pub fn tally_json_line(
        &mut self,
        line: usize,
        bytes: &[u8],
    ) -> Option<Result<RowFacts, InvalidRow>> {
        self.push_json_line_as(line, bytes, Batch::tally_facts)
    }

    #[cfg(reads_files)]
    fn push_json_line_as<T>(
        &mut self,
        line: usize,
        bytes: &[u8],
        assess: fn(&mut Batch, &Household) -> Result<T, Vec<Problem>>,
    ) -> Option<Result<T, InvalidRow>> {
        let Ok(text) = std::str::from_utf8(bytes) else {
            self.push_unreadable();
            self.lines.invalid += 1;
            let p = Finding::new("", Code::InvalidUtf8).render(self.lang);
            return Some(Err(InvalidRow::at_line(line, None, vec![p])));
        };
        self.push_json_str_as(line, text, assess)
    }

    #[cfg(reads_files)]
    /// As [`Batch::push_json_line`], for a line already known to be text.
    fn push_json_str_as<T>(
        &mut self,
        line: usize,
        text: &str,
        assess: fn(&mut Batch, &Household) -> Result<T, Vec<Problem>>,
    ) -> Option<Result<T, InvalidRow>> {
        let text = text.trim();
        if text.is_empty() {
            self.lines.blank += 1;
            return None;
        }
        Some(self.push_json_text_as(line, text, assess))
    }

    #[cfg(reads_files)]
    /// One household given as JSON text (a line of a JSON Lines file, an entry of a JSON array
    /// file). Read by the typed fast path ([`crate::household::read_household_text`]); when it
    /// gives up, by the strict text reader ([`crate::json_text`]: a duplicate key is
    /// `duplicate_key`, `1e-400` is `too_many_decimals`) and the path-collecting reader, which
    /// name every problem at its path (issue 8 item 1, issue 9 item 8).
    pub fn push_json_text(
        &mut self,
        line: usize,
        text: &str,
    ) -> Result<(Report, RowFacts), InvalidRow> {
        self.push_json_text_as(line, text, Batch::push_facts)
    }

    #[cfg(reads_files)]
    fn push_json_text_as<T>(
        &mut self,
        line: usize,
        text: &str,
        assess: fn(&mut Batch, &Household) -> Result<T, Vec<Problem>>,
    ) -> Result<T, InvalidRow> {
        if let Some(h) = crate::household::read_household_text(text) {
            let outcome = assess(self, &h);
            return match outcome {
                Ok(ok) => {
                    self.lines.assessed += 1;
                    Ok(ok)
                }
                Err(problems) => {
                    self.lines.invalid += 1;
                    Err(InvalidRow::at_line(line, h.id.clone(), problems))
                }
            };
        }
        match crate::json_text::parse(text, "") {
            Ok((value, found)) => self.push_value_as(line, &value, None, found, assess),
            Err(f) => {
                self.push_unreadable();
                self.lines.invalid += 1;
                // Not JSON at all: serde_json's account of where, as before, when it agrees.
                let f = match (f.code, serde_json::from_str::<serde::de::IgnoredAny>(text)) {
                    (Code::InvalidJson, Err(e)) => {
                        Finding::new("", Code::InvalidJson).given(e.to_string())
                    }
                    _ => f,
                };
                Err(InvalidRow::at_line(line, None, vec![f.render(self.lang)]))
            }
        }
    }

    /// The lines of a file accounted for so far; `read`, `header` and `blank` of a table come
    /// from its reader (see [`crate::table::TableReader::lines`]).
    pub fn lines(&self) -> LineCount {
        self.lines
    }

    /// Adds what the reader counted (lines read, header, blank lines).
    pub fn set_read(&mut self, read: usize, header: usize, blank: usize) {
        self.lines.read = read;
        self.lines.header = header;
        self.lines.blank += blank;
    }

    /// Counts a row that could not even be read (bad JSON line, bad CSV row).
    pub fn push_unreadable(&mut self) {
        self.tally.add_invalid();
    }

    /// The roll-up, against the thresholds of the batch's province (options.province, else the
    /// province most rows have).
    pub fn finish(&self) -> Summary {
        let province = self
            .opts
            .province
            .clone()
            .or_else(|| {
                // In name order, the last of the most rows (as before over a sorted map).
                self.provinces
                    .in_order()
                    .into_iter()
                    .max_by_key(|(_, n)| n.0)
                    .map(|(p, _)| p)
            })
            .unwrap_or_default();
        let mut r = Reader::new();
        let resolved = resolve(
            &province,
            self.opts.as_of,
            self.opts.policy.as_ref(),
            &mut r,
        );
        self.tally
            .finish(Regime::on(self.opts.as_of), &province, &resolved.params)
    }
}

/// `assessMany(households, options)` on serde_json's values (the Rust API; the wasm module
/// calls [`assess_many`] with the values it read).
pub fn assess_many_json(
    households: &serde_json::Value,
    options: Option<&serde_json::Value>,
) -> Result<BatchOut, Vec<Problem>> {
    let options = options.map(Json::from);
    assess_many(&Json::from(households), options.as_ref())
}

/// `assessMany(households, options)` on the crate's JSON values.
pub fn assess_many(households: &Json, options: Option<&Json>) -> Result<BatchOut, Vec<Problem>> {
    let lang = lang_of(options);
    let mut r = Reader::new();
    let opts = read_options(&mut r, options);
    // Overrides are checked once, up front, so a bad override is one problem, not one per row.
    if let Some(o) = &opts {
        let probe = o.province.as_deref().unwrap_or("CN-YN");
        resolve(probe, o.as_of, o.policy.as_ref(), &mut r);
    }
    let rows = match households {
        Json::Array(rows) => Some(rows),
        _ => {
            r.note(
                Finding::new("", Code::InvalidType)
                    .given("not an array")
                    .expected("array of households"),
            );
            None
        }
    };
    let (Some(opts), Some(rows)) = (opts, rows) else {
        return Err(render_all(r.findings(), lang));
    };
    if !r.is_clean() {
        return Err(render_all(r.findings(), lang));
    }
    let mut batch = Batch::new(opts);
    let mut reports = Vec::with_capacity(rows.len());
    let mut invalid = Vec::new();
    let mut applied: Vec<ProvinceApplied> = Vec::new();
    // One empty list shared by every report (its `applied` is given once per province).
    let none: Arc<[crate::policy::Applied]> = Arc::from(Vec::new());
    for (row, v) in rows.iter().enumerate() {
        match batch.push_json(v) {
            Ok(mut report) => {
                let list = std::mem::replace(&mut report.policy.applied, none.clone());
                if !applied.iter().any(|a| a.province == report.policy.province) {
                    applied.push(ProvinceApplied {
                        province: report.policy.province.clone(),
                        applied: list,
                    });
                }
                reports.push(report);
            }
            Err(problems) => invalid.push(InvalidRow {
                row,
                index: Some(row),
                line: None,
                household_id: v.get("id").and_then(Json::as_str).map(str::to_string),
                problems,
                lines: 0,
            }),
        }
    }
    Ok(BatchOut {
        reports,
        summary: batch.finish(),
        invalid,
        applied,
    })
}

#[cfg(reads_files)]
/// What a compact row is made of: the household's id, its roll-up facts and the report's
/// figures the row shows.
pub struct RowParts {
    pub id: Option<String>,
    pub facts: RowFacts,
    pub figures: RowFigures,
}

/// One household's outcome in a few fields: what a results table shows and a CSV export holds.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowOut {
    /// 1-based line of the household's first row in the file (or 1-based position).
    pub line: usize,
    pub id: Option<String>,
    pub persons: u64,
    pub per_capita: Option<crate::money::Money>,
    pub line_amount: crate::money::Money,
    /// Exit verdict (exit regime, poor households), else the monitoring category.
    pub outcome: &'static str,
    pub elimination: Option<&'static str>,
    pub failing: Vec<&'static str>,
    pub causes: Vec<&'static str>,
    pub warnings: usize,
    pub village: Option<String>,
}

#[cfg(reads_files)]
impl RowOut {
    fn new(line: usize, row: RowParts) -> RowOut {
        let RowParts { id, facts, figures } = row;
        RowOut {
            line,
            id,
            persons: facts.persons,
            per_capita: figures.per_capita,
            line_amount: figures.line,
            outcome: facts
                .exit_verdict
                .or(facts.category)
                .unwrap_or("not_assessed_for_exit"),
            elimination: facts.elimination,
            failing: facts.failing.iter().map(|c| c.as_str()).collect(),
            causes: facts.causes,
            warnings: figures.warnings,
            village: facts.village,
        }
    }
}

#[cfg(reads_files)]
/// Where a job's households come from: read one at a time, as `step` asks for them.
enum Source {
    Csv(Box<crate::table::TableReader<crate::table::TextLines<std::io::Cursor<Vec<u8>>>>>),
    /// A CSV file that is UTF-8 throughout (most are): read where it lies, checked once.
    CsvText(Box<crate::table::TableReader<crate::table::TextSource<String>>>),
    Lines(crate::table::PhysicalLines<std::io::Cursor<Vec<u8>>>),
    /// A JSON Lines file that is UTF-8 throughout.
    LinesText(crate::table::TextSource<String>),
    Array {
        items: std::vec::IntoIter<Box<serde_json::value::RawValue>>,
        index: usize,
    },
}

#[cfg(reads_files)]
/// A whole file handed over in one piece, read and assessed in steps (so a worker can report
/// progress from the first row and stop between steps), answered with compact rows and the
/// summary. Memory holds the file's bytes, the compact rows and one fingerprint per household
/// id (CSV), never all households at once.
pub struct BatchJob {
    batch: Batch,
    source: Source,
    bytes_total: u64,
    seen: usize,
    finished: bool,
    rows: Vec<RowOut>,
    invalid: Vec<InvalidRow>,
    /// The results table's current filter and order (see [`BatchJob::set_view`]).
    view: view::View,
}

#[cfg(reads_files)]
/// Why a whole file cannot be read (encoding, header, not JSON).
#[derive(Debug, Clone, Serialize)]
pub struct FileError {
    pub problems: Vec<crate::table::FileProblem>,
}

#[cfg(reads_files)]
/// Why a JSON array file cannot be read at all.
pub enum ArrayFileError {
    /// Not JSON: serde_json's account of where.
    NotJson(String),
    /// JSON, but not an array.
    NotArray,
}

#[cfg(reads_files)]
/// The entries of a JSON array file (a leading UTF-8 BOM is allowed), each kept as its own JSON
/// text: each is then read by [`Batch::push_json_text`] like a line of a JSON Lines file, so a
/// duplicate key in one is `duplicate_key` at its path (issue 9 item 8), and no `Json` tree of
/// the whole file is ever built.
pub fn json_array_entries(
    bytes: &[u8],
) -> Result<Vec<Box<serde_json::value::RawValue>>, ArrayFileError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        serde_json::from_slice(body).map_err(|e| ArrayFileError::NotJson(e.to_string()))
    } else {
        match serde_json::from_slice::<serde::de::IgnoredAny>(body) {
            Err(e) => Err(ArrayFileError::NotJson(e.to_string())),
            Ok(_) => Err(ArrayFileError::NotArray),
        }
    }
}

#[cfg(reads_files)]
/// Whether a CSV file can be read as UTF-8. A file that is not UTF-8 from its first block
/// (64 KiB) on and looks like GBK is refused with `gbk_encoding` (the batch page converts GBK
/// before handing the file over; `tuopin batch` converts it itself). Anything else is read as
/// UTF-8 line by line: a line that is not UTF-8 is an invalid row (`invalid_utf8`) of its own.
pub fn check_utf8_start(bytes: &[u8]) -> Result<(), crate::table::FileProblem> {
    let block = bytes.get(..bytes.len().min(1 << 16)).unwrap_or(bytes);
    let block = block.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(block);
    match std::str::from_utf8(block) {
        Ok(_) => Ok(()),
        Err(e) if e.error_len().is_none() => Ok(()),
        Err(_) if crate::table::looks_like_gbk(block) => crate::table::decode(block).map(|_| ()),
        Err(_) => Ok(()),
    }
}

#[cfg(reads_files)]
impl BatchJob {
    /// `format`: `csv`, `jsonl` or `json` (an array of households). Reads only the header and
    /// the household ids (CSV: whether each household's rows are contiguous) or the document
    /// (JSON array) here; rows are read by [`BatchJob::step`].
    pub fn new(bytes: Vec<u8>, format: &str, opts: Options) -> Result<BatchJob, FileError> {
        let file_error = |code: &'static str, message: String| FileError {
            problems: vec![crate::table::FileProblem {
                code,
                message,
                given: None,
            }],
        };
        if format == "csv" {
            check_utf8_start(&bytes).map_err(|p| FileError { problems: vec![p] })?;
        }
        let bytes_total = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        // A file that is UTF-8 throughout (checked once, here) is read line by line where it
        // lies; any other is read as a stream of byte lines, each checked on its own.
        let (text, bytes) = match format {
            "csv" | "jsonl" => match String::from_utf8(bytes) {
                Ok(text) => (Some(text), Vec::new()),
                Err(e) => (None, e.into_bytes()),
            },
            _ => (None, bytes),
        };
        let source = match (format, text) {
            ("csv", Some(text)) => {
                let layout = crate::table::Layout::scan_text(&text)
                    .map_err(|problems| FileError { problems })?;
                Source::CsvText(Box::new(
                    crate::table::TableReader::from_source(crate::table::TextSource::new(text))
                        .map_err(|problems| FileError { problems })?
                        .with_layout(layout),
                ))
            }
            ("jsonl", Some(text)) => Source::LinesText(crate::table::TextSource::new(text)),
            ("csv", None) => {
                let layout = crate::table::Layout::scan(std::io::Cursor::new(&bytes[..]))
                    .map_err(|problems| FileError { problems })?;
                Source::Csv(Box::new(
                    crate::table::TableReader::new(std::io::Cursor::new(bytes))
                        .map_err(|problems| FileError { problems })?
                        .with_layout(layout),
                ))
            }
            ("jsonl", None) => Source::Lines(crate::table::PhysicalLines::new(
                std::io::Cursor::new(bytes),
            )),
            ("json", _) => match json_array_entries(&bytes) {
                Ok(list) => Source::Array {
                    items: list.into_iter(),
                    index: 0,
                },
                Err(ArrayFileError::NotJson(e)) => return Err(file_error("invalid_json", e)),
                Err(ArrayFileError::NotArray) => {
                    return Err(file_error(
                        "invalid_json",
                        "expected an array of households / 应为由户组成的 JSON 数组".into(),
                    ))
                }
            },
            (other, _) => {
                return Err(file_error(
                    "unknown_format",
                    format!("unknown format \"{other}\": csv, jsonl or json"),
                ))
            }
        };
        Ok(BatchJob {
            batch: Batch::quiet(opts),
            source,
            bytes_total,
            seen: 0,
            finished: false,
            rows: Vec::new(),
            invalid: Vec::new(),
            view: view::View::default(),
        })
    }

    /// Households (and unreadable rows) read so far; the file's count once [`BatchJob::finished`].
    pub fn total(&self) -> usize {
        self.seen
    }

    pub fn done(&self) -> usize {
        self.seen
    }

    pub fn finished(&self) -> bool {
        self.finished
    }

    /// Share of the file read so far, 0 to 1.
    pub fn progress(&self) -> f64 {
        if self.finished || self.bytes_total == 0 {
            return 1.0;
        }
        let read = match &self.source {
            Source::Csv(r) => r.bytes_read(),
            Source::CsvText(r) => r.bytes_read(),
            Source::Lines(lines) => lines.bytes_read(),
            Source::LinesText(lines) => lines.bytes_read(),
            Source::Array { items, index } => {
                let left = items.len();
                return *index as f64 / (*index + left).max(1) as f64;
            }
        };
        (read as f64 / self.bytes_total as f64).min(1.0)
    }

    /// Reads and assesses up to `n` more households; returns how many are done in all.
    pub fn step(&mut self, n: usize) -> usize {
        for _ in 0..n {
            if !self.next_one() {
                self.finished = true;
                break;
            }
        }
        self.seen
    }

    /// Every line of a CSV or JSON Lines file accounted for (`None` for a JSON array).
    pub fn lines(&self) -> Option<LineCount> {
        let mut count = self.batch.lines();
        match &self.source {
            Source::Csv(r) => (count.read, count.header, count.blank) = r.lines(),
            Source::CsvText(r) => (count.read, count.header, count.blank) = r.lines(),
            Source::Lines(lines) => count.read = lines.lines_read(),
            Source::LinesText(lines) => count.read = lines.lines_read(),
            Source::Array { .. } => return None,
        }
        Some(count)
    }

    fn keep(&mut self, line: usize, outcome: Result<RowParts, InvalidRow>) {
        self.seen += 1;
        match outcome {
            Ok(row) => self.rows.push(RowOut::new(line, row)),
            Err(row) => self.invalid.push(row),
        }
    }

    /// Reads and assesses one household; false at the end of the file.
    fn next_one(&mut self) -> bool {
        match &mut self.source {
            Source::Csv(reader) => {
                let Some(item) = reader.next() else {
                    return false;
                };
                self.table_item(item);
            }
            Source::CsvText(reader) => {
                let Some(item) = reader.next() else {
                    return false;
                };
                self.table_item(item);
            }
            Source::Lines(lines) => loop {
                // Reading from memory: a Cursor has no I/O errors.
                let Some(Ok((line, bytes))) = lines.next_line() else {
                    return false;
                };
                if let Some(outcome) = self.batch.push_json_line_as(line, bytes, Batch::row_facts) {
                    self.keep(line, outcome);
                    break;
                }
            },
            Source::LinesText(lines) => loop {
                let Some((line, text)) = lines.next_line() else {
                    return false;
                };
                if let Some(outcome) = self.batch.push_json_str_as(line, text, Batch::row_facts) {
                    self.keep(line, outcome);
                    break;
                }
            },
            Source::Array { items, index } => {
                let Some(entry) = items.next() else {
                    return false;
                };
                *index += 1;
                let line = *index;
                let outcome = self
                    .batch
                    .push_json_text_as(line, entry.get(), Batch::row_facts);
                self.keep(line, outcome);
            }
        }
        true
    }

    /// Assesses one household (or a row that belongs to none) of a table.
    fn table_item(&mut self, item: crate::table::TableItem) {
        match item {
            crate::table::TableItem::Household(h) => {
                let outcome = self.batch.push_value_as(
                    h.line,
                    &h.value,
                    Some(&h),
                    Vec::new(),
                    Batch::row_facts,
                );
                self.keep(h.line, outcome);
            }
            crate::table::TableItem::BadRow { line, problem } => {
                let row = self.batch.push_bad_row(line, &problem);
                self.keep(line, Err(row));
            }
        }
    }

    pub fn rows(&self) -> &[RowOut] {
        &self.rows
    }

    pub fn invalid(&self) -> &[InvalidRow] {
        &self.invalid
    }

    /// What the batch page's summary shows of the compact rows (histogram, outcomes, lines).
    pub fn digest(&self) -> view::Digest {
        view::Digest::of(&self.rows)
    }

    /// Chooses the rows the results table shows and their order; returns how many match.
    pub fn set_view(
        &mut self,
        filter: &view::Filter,
        key: view::SortKey,
        descending: bool,
    ) -> usize {
        self.view = view::View::new(&self.rows, filter, key, descending);
        self.view.len()
    }

    /// Rows `from..to` of the current view.
    pub fn view_rows(&self, from: usize, to: usize) -> Vec<&RowOut> {
        self.view.rows(&self.rows, from, to)
    }

    pub fn summary(&self) -> Summary {
        self.batch.finish()
    }

    /// The compact rows as CSV (UTF-8 with BOM, so Excel opens Chinese text correctly). Every
    /// cell goes through [`crate::table::csv_cell`]: no cell can start a formula (OWASP CSV
    /// injection) or a new row.
    pub fn rows_csv(&self) -> String {
        use crate::table::csv_cell as cell;
        let mut out = String::from("\u{feff}line,id,persons,perCapita,line_amount,outcome,elimination,failing,causes,warnings,village\r\n");
        for r in &self.rows {
            let cells = [
                r.line.to_string(),
                r.id.clone().unwrap_or_default(),
                r.persons.to_string(),
                r.per_capita
                    .map(|m| m.to_decimal().to_string())
                    .unwrap_or_default(),
                r.line_amount.to_decimal().to_string(),
                r.outcome.to_string(),
                r.elimination.unwrap_or("").to_string(),
                r.failing.join(";"),
                r.causes.join(";"),
                r.warnings.to_string(),
                r.village.clone().unwrap_or_default(),
            ];
            let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
        out
    }
}

/// The province whose policy a household is assessed under: `options.province`, else the
/// household's own (as [`crate::engine::province_of`], borrowed: a batch asks once per row,
/// and a copy per row was measurable, BENCHMARKS.md "speed2").
fn province_name<'a>(h: &'a Household, opts: &'a Options) -> &'a str {
    opts.province.as_deref().unwrap_or(&h.province)
}

/// Adds a valid row to the roll-up and to its province's count (a new province's name is
/// copied once, on its first row).
fn count(tally: &mut Tally, provinces: &mut ByName, province: &str, facts: &RowFacts) {
    tally.add(facts);
    provinces.add(province, (1, 0, 0));
}

/// The policy resolved for `province`, if a row of it was admitted (a list searched in order:
/// at most the 34 known provinces, usually one; the core module carries no hash map for it).
fn resolved_for<'a>(
    resolved: &'a [(String, Arc<Resolved>)],
    province: &str,
) -> Option<&'a Resolved> {
    resolved
        .iter()
        .find(|(p, _)| p == province)
        .map(|(_, r)| &**r)
}
