//! Many households at once: each row assessed on its own (an invalid row is reported with its
//! row number and problems, the others still assessed), and a running roll-up.

use crate::assessment::Regime;
use crate::engine::assess_with_facts;
use crate::explain::Lang;
use crate::household::{read_household, Household};
use crate::options::{lang_of, read_options, Options};
use crate::policy::resolve;
use crate::problem::{render_all, Code, Finding, Problem};
use crate::reader::Reader;
use crate::report::Report;
use crate::summary::{Summary, Tally};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

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
    pub reports: Vec<Report>,
    pub summary: Summary,
    pub invalid: Vec<InvalidRow>,
}

/// A running batch: push rows, then finish. Keeps only the tally, never the reports.
pub struct Batch {
    opts: Options,
    tally: Tally,
    provinces: BTreeMap<String, u64>,
    lang: Lang,
}

impl Batch {
    pub fn new(opts: Options) -> Batch {
        let lang = opts.lang;
        Batch {
            opts,
            tally: Tally::default(),
            provinces: BTreeMap::new(),
            lang,
        }
    }

    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// Assesses a valid household and adds it to the roll-up.
    pub fn push(&mut self, h: &Household) -> Result<Report, Vec<Problem>> {
        match assess_with_facts(h, &self.opts) {
            Ok((report, facts)) => {
                self.tally.add(&facts);
                *self
                    .provinces
                    .entry(report.policy.province.clone())
                    .or_default() += 1;
                Ok(report)
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
    for (row, v) in rows.iter().enumerate() {
        match batch.push_json(v) {
            Ok(report) => reports.push(report),
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
    })
}
