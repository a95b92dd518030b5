//! The batch page's results table, kept inside the job (issue 8: the 100,000-household file in
//! the page's Worker). Pulling every compact row into JS (as JSON, 10,000 at a time) to count
//! them and to filter, sort and page them took about as long as assessing a third of the file,
//! and held every row twice. Here the rows stay in wasm memory: [`Digest`] gives the counts the
//! page's summary shows, [`View`] the rows of one filter and order, a page at a time.
//!
//! Both compute exactly what `www/batch-runner.js` computed from the rows in JS: the histogram
//! on the very doubles the JSON of a row carries, the same first-seen order of keys, and the same
//! stable order of rows (`tests/node/batch-view.test.mjs` keeps the former JS as the reference).

use super::RowOut;
use crate::money::Money;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// Width of a bin of per-capita income as a multiple of the line: 0–0.25×, …, 2.75–3×.
const BIN_WIDTH: f64 = 0.25;
/// Bins below 3×; one more holds ≥ 3×.
const BINS: usize = 12;

/// The number a row's JSON carries for an amount (`Money` is written as its decimal's integer,
/// else as the double `to_f64` gives). Only the histogram's bins use it (display, never a
/// verdict): they are computed on the very doubles the page divided, so every household lands
/// in the bin it did.
fn js_number(m: Money) -> f64 {
    let d = m.to_decimal();
    match d.as_integer() {
        Some(i) => i as f64,
        None => d.to_f64(),
    }
}

/// Per-capita income against the line, in bins.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Histogram {
    pub bin_width: f64,
    pub bins: Vec<u64>,
    /// Households whose per-capita income is not known (or with no line above zero).
    pub unknown: u64,
}

/// Keys counted in the order they were first met (a JS object's order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts(Vec<(&'static str, u64)>);

impl Counts {
    fn add(&mut self, key: &'static str) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => self.0.push((key, 1)),
        }
    }

    pub fn get(&self, key: &str) -> Option<u64> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, n)| *n)
    }
}

impl Serialize for Counts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, n) in &self.0 {
            map.serialize_entry(k, n)?;
        }
        map.end()
    }
}

/// A line amount and the households assessed against it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineUse {
    pub amount: Money,
    pub households: u64,
}

/// What the page's summary shows of the compact rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Digest {
    pub histogram: Histogram,
    pub outcomes: Counts,
    /// Households with at least one failing check.
    pub failing_households: u64,
    /// The lines used, most households first (ties in the order first met).
    pub lines: Vec<LineUse>,
    pub row_count: usize,
}

impl Digest {
    pub fn of(rows: &[RowOut]) -> Digest {
        let mut bins = vec![0u64; BINS + 1];
        let mut unknown = 0;
        let mut outcomes = Counts::default();
        let mut failing_households = 0;
        let mut lines: Vec<LineUse> = Vec::new();
        for r in rows {
            outcomes.add(r.outcome);
            if !r.failing.is_empty() {
                failing_households += 1;
            }
            match lines.iter_mut().find(|l| l.amount == r.line_amount) {
                Some(l) => l.households += 1,
                None => lines.push(LineUse {
                    amount: r.line_amount,
                    households: 1,
                }),
            }
            let line = js_number(r.line_amount);
            let Some(per_capita) = r.per_capita.filter(|_| line > 0.0) else {
                unknown += 1;
                continue;
            };
            let ratio = js_number(per_capita) / line;
            // Math.min(BINS, Math.max(0, Math.floor(ratio / BIN_WIDTH))).
            let bin = (ratio / BIN_WIDTH).floor().clamp(0.0, BINS as f64) as usize;
            if let Some(b) = bins.get_mut(bin) {
                *b += 1;
            }
        }
        // A stable sort, as Array.prototype.sort.
        lines.sort_by_key(|l| std::cmp::Reverse(l.households));
        Digest {
            histogram: Histogram {
                bin_width: BIN_WIDTH,
                bins,
                unknown,
            },
            outcomes,
            failing_households,
            lines,
            row_count: rows.len(),
        }
    }
}

/// The order of a view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Line,
    PerCapita,
    Persons,
}

/// Which rows a view keeps: all, or one outcome and/or failing checks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Keep only this outcome (`None`: any).
    pub outcome: Option<String>,
    /// `any` (some check fails), `none` (none fails), or a check that fails.
    pub failing: Option<String>,
}

impl Filter {
    fn keeps(&self, r: &RowOut) -> bool {
        if let Some(o) = &self.outcome {
            if r.outcome != o {
                return false;
            }
        }
        match self.failing.as_deref() {
            None => true,
            Some("any") => !r.failing.is_empty(),
            Some("none") => r.failing.is_empty(),
            Some(check) => r.failing.contains(&check),
        }
    }
}

/// The rows of one filter and order, as indexes into the job's rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View(Vec<usize>);

impl View {
    pub fn new(rows: &[RowOut], filter: &Filter, key: SortKey, descending: bool) -> View {
        let mut keep: Vec<usize> = (0..rows.len())
            .filter(|i| rows.get(*i).is_some_and(|r| filter.keeps(r)))
            .collect();
        let dir = |o: std::cmp::Ordering| if descending { o.reverse() } else { o };
        // File order breaks ties (and orders rows with no per-capita income, always last).
        keep.sort_by(|a, b| {
            let (Some(a), Some(b)) = (rows.get(*a), rows.get(*b)) else {
                return std::cmp::Ordering::Equal;
            };
            let first = match key {
                SortKey::Line => dir(a.line.cmp(&b.line)),
                SortKey::Persons => dir(a.persons.cmp(&b.persons)),
                SortKey::PerCapita => match (a.per_capita, b.per_capita) {
                    (None, None) => std::cmp::Ordering::Equal,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (Some(_), None) => std::cmp::Ordering::Less,
                    // Exact: amounts 0.01 apart are distinct doubles at any amount money
                    // can hold, so fen order is the order JS saw.
                    (Some(x), Some(y)) => dir(x.cmp(&y)),
                },
            };
            first.then(a.line.cmp(&b.line))
        });
        View(keep)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Rows `from..to` of the view (clamped to it).
    pub fn rows<'r>(&self, rows: &'r [RowOut], from: usize, to: usize) -> Vec<&'r RowOut> {
        let to = to.min(self.0.len());
        self.0
            .get(from.min(to)..to)
            .unwrap_or(&[])
            .iter()
            .filter_map(|i| rows.get(*i))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: usize, per_capita: Option<i64>, persons: u64, outcome: &'static str) -> RowOut {
        RowOut {
            line,
            id: Some(format!("H{line}")),
            persons,
            per_capita: per_capita.map(Money::from_fen),
            line_amount: Money::from_fen(321_800),
            outcome,
            elimination: None,
            failing: if outcome == "not_ready" {
                vec!["income"]
            } else {
                Vec::new()
            },
            causes: Vec::new(),
            warnings: 0,
            village: None,
        }
    }

    #[test]
    fn issue8_the_digest_counts_as_the_batch_page_did() {
        let rows = vec![
            row(2, Some(100_000), 3, "not_ready"), // 0.31× → bin 1
            row(5, Some(321_800), 2, "ready"),     // exactly 1× → bin 4
            row(7, None, 4, "incomplete"),         // unknown
            row(9, Some(-50_000), 1, "not_ready"), // below zero → bin 0
            row(11, Some(5_000_000), 5, "ready"),  // 15.5× → the last bin
            row(13, Some(80_449), 2, "exited"),    // 0.24999… → bin 0
        ];
        let d = Digest::of(&rows);
        assert_eq!(
            d.histogram.bins,
            vec![2, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]
        );
        assert_eq!(d.histogram.unknown, 1);
        assert_eq!(d.failing_households, 2);
        assert_eq!(
            serde_json::to_string(&d.outcomes).unwrap_or_default(),
            r#"{"not_ready":2,"ready":2,"incomplete":1,"exited":1}"#,
            "first-seen order, as a JS object"
        );
        assert_eq!(d.lines.len(), 1);
        assert_eq!(d.lines.first().map(|l| l.households), Some(6));
        assert_eq!(d.row_count, 6);
    }

    #[test]
    fn issue8_views_filter_and_sort_as_the_batch_page_did() {
        let rows = vec![
            row(2, Some(100_000), 3, "not_ready"),
            row(5, None, 2, "incomplete"),
            row(7, Some(100_000), 4, "ready"),
            row(9, Some(50_000), 4, "not_ready"),
        ];
        let lines =
            |v: &View| -> Vec<usize> { v.rows(&rows, 0, 100).iter().map(|r| r.line).collect() };
        let all = Filter::default();
        assert_eq!(
            lines(&View::new(&rows, &all, SortKey::Line, true)),
            [9, 7, 5, 2]
        );
        // Equal incomes keep file order either way; no income is last either way.
        assert_eq!(
            lines(&View::new(&rows, &all, SortKey::PerCapita, false)),
            [9, 2, 7, 5]
        );
        assert_eq!(
            lines(&View::new(&rows, &all, SortKey::PerCapita, true)),
            [2, 7, 9, 5]
        );
        assert_eq!(
            lines(&View::new(&rows, &all, SortKey::Persons, true)),
            [7, 9, 2, 5]
        );
        let failing = Filter {
            outcome: None,
            failing: Some("income".into()),
        };
        assert_eq!(
            lines(&View::new(&rows, &failing, SortKey::Line, false)),
            [2, 9]
        );
        let none = Filter {
            outcome: Some("ready".into()),
            failing: Some("none".into()),
        };
        assert_eq!(lines(&View::new(&rows, &none, SortKey::Line, false)), [7]);
        let v = View::new(&rows, &all, SortKey::Line, false);
        assert_eq!(v.rows(&rows, 3, 10).len(), 1);
        assert!(v.rows(&rows, 9, 4).is_empty());
    }
}
