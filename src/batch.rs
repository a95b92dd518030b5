//! Many households at once: each row assessed on its own (an invalid row is reported with its
//! row number and problems, the others still assessed), and a running roll-up.

use crate::assessment::Regime;
use crate::engine::{assess_resolved, province_of};
use crate::explain::Lang;
use crate::household::{read_household, Household};
use crate::options::{lang_of, read_options, Options};
use crate::policy::resolve;
use crate::policy::Resolved;
use crate::problem::{render_all, Code, Finding, Problem};
use crate::reader::Reader;
use crate::report::Report;
use crate::summary::RowFacts;
use crate::summary::{Summary, Tally};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::collections::HashMap;

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvalidRow {
    /// 0-based position in the input (a CSV's data row, a JSONL line, an array index).
    pub row: usize,
    pub household_id: Option<String>,
    pub problems: Vec<Problem>,
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
    pub applied: std::sync::Arc<[crate::policy::Applied]>,
}

/// A running batch: push rows, then finish. Keeps only the tally, never the reports.
pub struct Batch {
    opts: Options,
    tally: Tally,
    provinces: BTreeMap<String, u64>,
    /// One resolved policy per province: resolution is the same for every row of a province.
    resolved: HashMap<String, Resolved>,
    lang: Lang,
}

impl Batch {
    pub fn new(opts: Options) -> Batch {
        let lang = opts.lang;
        Batch {
            opts,
            tally: Tally::default(),
            provinces: BTreeMap::new(),
            resolved: HashMap::new(),
            lang,
        }
    }

    /// A batch that keeps only codes and figures: reports come back without sentences (reasons,
    /// messages), which is most of the work; problems of invalid rows keep their messages.
    pub fn quiet(opts: Options) -> Batch {
        let mut batch = Batch::new(opts);
        batch.opts.lang = Lang::Quiet;
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
        let province = province_of(h, &self.opts);
        if !self.resolved.contains_key(&province) {
            let mut r = Reader::new();
            let resolved = resolve(
                &province,
                self.opts.as_of,
                self.opts.policy.as_ref(),
                &mut r,
            );
            if !r.is_clean() {
                self.tally.add_invalid();
                return Err(render_all(r.findings(), self.lang));
            }
            self.resolved.insert(province.clone(), resolved);
        }
        let Some(resolved) = self.resolved.get(&province) else {
            return Err(Vec::new());
        };
        match assess_resolved(h, &self.opts, &province, resolved) {
            Ok((report, facts)) => {
                self.tally.add(&facts);
                *self.provinces.entry(province).or_default() += 1;
                Ok((report, facts))
            }
            Err(f) => {
                self.tally.add_invalid();
                Err(render_all(&f, self.lang))
            }
        }
    }

    /// Reads a household from JSON, then as [`Batch::push`].
    pub fn push_json(&mut self, v: &Value) -> Result<Report, Vec<Problem>> {
        let mut r = Reader::new();
        match read_household(&mut r, v, "") {
            Some(h) if r.is_clean() => self.push(&h),
            _ => {
                self.tally.add_invalid();
                Err(render_all(r.findings(), self.lang))
            }
        }
    }

    /// Reads and assesses one household given as JSON, from a file line or a table row; a
    /// problem comes back as an invalid row, with table cells named where the row came from a
    /// table ("[line 7, 出生日期] …").
    pub fn push_value(
        &mut self,
        line: usize,
        value: &Value,
        table: Option<&crate::table::TableHousehold>,
    ) -> Result<(Report, RowFacts), InvalidRow> {
        let id = value.get("id").and_then(Value::as_str).map(str::to_string);
        let mut r = Reader::new();
        let household = read_household(&mut r, value, "");
        let mut problems = render_all(r.findings(), self.lang);
        for c in table.iter().flat_map(|t| t.conflicts.iter()) {
            problems.push(Problem {
                path: c.location.path.clone(),
                code: Code::InvalidValue,
                message: format!(
                    "{}: line {} gives \"{}\", an earlier row gave \"{}\" / 同一户的不同行取值不一致",
                    c.location.column, c.location.line, c.other, c.first
                ),
            });
        }
        let result = match household {
            Some(h) if problems.is_empty() => self.push_facts(&h),
            _ => {
                self.push_unreadable();
                Err(problems)
            }
        };
        result.map_err(|problems| InvalidRow {
            row: line,
            household_id: id,
            problems: problems
                .into_iter()
                .map(|mut p| {
                    if let Some(loc) = table.and_then(|t| t.locate(&p.path)) {
                        p.message = format!("[line {}, {}] {}", loc.line, loc.column, p.message);
                    }
                    p
                })
                .collect(),
        })
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
                self.provinces
                    .iter()
                    .max_by_key(|(_, n)| **n)
                    .map(|(p, _)| p.clone())
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

/// `assessMany(households, options)` on JSON values.
pub fn assess_many_json(
    households: &Value,
    options: Option<&Value>,
) -> Result<BatchOut, Vec<Problem>> {
    let lang = lang_of(options);
    let mut r = Reader::new();
    let opts = read_options(&mut r, options);
    // Overrides are checked once, up front, so a bad override is one problem, not one per row.
    if let Some(o) = &opts {
        let probe = o.province.clone().unwrap_or_else(|| "CN-YN".to_string());
        resolve(&probe, o.as_of, o.policy.as_ref(), &mut r);
    }
    let rows = match households {
        Value::Array(rows) => Some(rows),
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
    for (row, v) in rows.iter().enumerate() {
        match batch.push_json(v) {
            Ok(mut report) => {
                if !applied
                    .iter()
                    .any(|a: &ProvinceApplied| a.province == report.policy.province)
                {
                    applied.push(ProvinceApplied {
                        province: report.policy.province.clone(),
                        applied: report.policy.applied.clone(),
                    });
                }
                report.policy.applied = std::sync::Arc::from(Vec::new());
                reports.push(report);
            }
            Err(problems) => invalid.push(InvalidRow {
                row,
                household_id: v.get("id").and_then(Value::as_str).map(str::to_string),
                problems,
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

impl RowOut {
    fn new(line: usize, report: &Report, facts: &RowFacts) -> RowOut {
        RowOut {
            line,
            id: report.household_id.clone(),
            persons: facts.persons,
            per_capita: report.income.counted_per_capita,
            line_amount: report.income.line,
            outcome: facts
                .exit_verdict
                .or(facts.category)
                .unwrap_or("not_assessed_for_exit"),
            elimination: facts.elimination,
            failing: facts.failing.iter().map(|c| c.as_str()).collect(),
            causes: facts.causes.clone(),
            warnings: report.warnings.len(),
            village: facts.village.clone(),
        }
    }
}

/// Where a job's households come from: read one at a time, as `step` asks for them.
enum Source {
    Csv(Box<crate::table::TableReader<crate::table::LfReader<std::io::Cursor<Vec<u8>>>>>),
    Lines {
        text: String,
        pos: usize,
        line: usize,
    },
    Array {
        items: std::vec::IntoIter<Value>,
        index: usize,
    },
}

/// A whole file handed over in one piece, read and assessed in steps (so a worker can report
/// progress from the first row and stop between steps), answered with compact rows and the
/// summary. Memory holds the file's bytes and the compact rows, never all households at once.
pub struct BatchJob {
    batch: Batch,
    source: Source,
    bytes_total: u64,
    seen: usize,
    finished: bool,
    rows: Vec<RowOut>,
    invalid: Vec<InvalidRow>,
}

/// Why a whole file cannot be read (encoding, header, not JSON).
#[derive(Debug, Clone, Serialize)]
pub struct FileError {
    pub problems: Vec<crate::table::FileProblem>,
}

impl BatchJob {
    /// `format`: `csv`, `jsonl` or `json` (an array of households). Reads only the header (CSV)
    /// or the document (JSON array) here; rows are read by [`BatchJob::step`].
    pub fn new(bytes: Vec<u8>, format: &str, opts: Options) -> Result<BatchJob, FileError> {
        let file_error = |code: &'static str, message: String| FileError {
            problems: vec![crate::table::FileProblem {
                code,
                message,
                given: None,
            }],
        };
        crate::table::decode(&bytes).map_err(|p| FileError { problems: vec![p] })?;
        let bytes_total = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        let source = match format {
            "csv" => {
                let reader = crate::table::LfReader::new(std::io::Cursor::new(bytes));
                Source::Csv(Box::new(
                    crate::table::TableReader::new(reader)
                        .map_err(|problems| FileError { problems })?,
                ))
            }
            "jsonl" => Source::Lines {
                text: String::from_utf8(bytes).unwrap_or_default(),
                pos: 0,
                line: 0,
            },
            "json" => {
                let doc: Value = serde_json::from_slice(&bytes)
                    .map_err(|e| file_error("invalid_json", e.to_string()))?;
                let Value::Array(list) = doc else {
                    return Err(file_error(
                        "invalid_json",
                        "expected an array of households".into(),
                    ));
                };
                Source::Array {
                    items: list.into_iter(),
                    index: 0,
                }
            }
            other => {
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
            Source::Lines { pos, .. } => u64::try_from(*pos).unwrap_or(0),
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

    /// Reads and assesses one household; false at the end of the file.
    fn next_one(&mut self) -> bool {
        let lang = self.batch.lang;
        match &mut self.source {
            Source::Csv(reader) => match reader.next() {
                None => return false,
                Some(crate::table::TableItem::Household(h)) => {
                    self.seen += 1;
                    let (line, value) = (h.line, &h.value);
                    match self.batch.push_value(line, value, Some(&h)) {
                        Ok((report, facts)) => self.rows.push(RowOut::new(line, &report, &facts)),
                        Err(row) => self.invalid.push(row),
                    }
                }
                Some(crate::table::TableItem::BadRow { line, message }) => {
                    self.seen += 1;
                    self.batch.push_unreadable();
                    let p = Finding::new("", Code::InvalidValue)
                        .given(message)
                        .render(lang);
                    self.invalid.push(InvalidRow {
                        row: line,
                        household_id: None,
                        problems: vec![p],
                    });
                }
            },
            Source::Lines { text, pos, line } => loop {
                let Some(rest) = text.get(*pos..).filter(|r| !r.is_empty()) else {
                    return false;
                };
                let end = rest.find('\n').map(|i| i + 1).unwrap_or(rest.len());
                let raw = rest.get(..end).unwrap_or("").trim();
                *pos += end;
                *line += 1;
                if raw.is_empty() {
                    continue;
                }
                let parsed = serde_json::from_str::<Value>(raw);
                let line = *line;
                self.seen += 1;
                match parsed {
                    Ok(value) => match self.batch.push_value(line, &value, None) {
                        Ok((report, facts)) => self.rows.push(RowOut::new(line, &report, &facts)),
                        Err(row) => self.invalid.push(row),
                    },
                    Err(e) => {
                        self.batch.push_unreadable();
                        let p = Finding::new("", Code::InvalidJson)
                            .given(e.to_string())
                            .render(lang);
                        self.invalid.push(InvalidRow {
                            row: line,
                            household_id: None,
                            problems: vec![p],
                        });
                    }
                }
                break;
            },
            Source::Array { items, index } => {
                let Some(value) = items.next() else {
                    return false;
                };
                *index += 1;
                let line = *index;
                self.seen += 1;
                match self.batch.push_value(line, &value, None) {
                    Ok((report, facts)) => self.rows.push(RowOut::new(line, &report, &facts)),
                    Err(row) => self.invalid.push(row),
                }
            }
        }
        true
    }

    pub fn rows(&self) -> &[RowOut] {
        &self.rows
    }

    pub fn invalid(&self) -> &[InvalidRow] {
        &self.invalid
    }

    pub fn summary(&self) -> Summary {
        self.batch.finish()
    }

    /// The compact rows as CSV (UTF-8 with BOM, so Excel opens Chinese text correctly).
    pub fn rows_csv(&self) -> String {
        let mut out = String::from("\u{feff}line,id,persons,perCapita,line_amount,outcome,elimination,failing,causes,warnings,village\n");
        for r in &self.rows {
            let cell = |s: &str| {
                if s.contains([',', '"', '\n']) {
                    format!("\"{}\"", s.replace('"', "\"\""))
                } else {
                    s.to_string()
                }
            };
            out.push_str(&format!(
                "{},{},{},{},{},{},{},{},{},{},{}\n",
                r.line,
                cell(r.id.as_deref().unwrap_or("")),
                r.persons,
                r.per_capita
                    .map(|m| m.to_decimal().to_string())
                    .unwrap_or_default(),
                r.line_amount.to_decimal(),
                r.outcome,
                r.elimination.unwrap_or(""),
                r.failing.join(";"),
                r.causes.join(";"),
                r.warnings,
                cell(r.village.as_deref().unwrap_or("")),
            ));
        }
        out
    }
}
