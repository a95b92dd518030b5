//! The roll-up path (issue 8 item 4): `facts_resolved` gives every household exactly the
//! roll-up facts that the full assessment (`assess_resolved`, report built) gives, and refuses
//! exactly the same households, for every golden case under its own options and under both
//! regimes' dates in both languages.

#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "support/cases.rs"]
mod cases;

use serde_json::{json, Value};
use tuopin::engine::{assess_resolved, facts_resolved, province_of, row_resolved};
use tuopin::household::read_household;
use tuopin::household::Household;
use tuopin::options::read_options;
use tuopin::options::Options;
use tuopin::policy::resolve;
use tuopin::policy::Resolved;
use tuopin::reader::Reader;

#[test]
fn rollup_facts_equal_the_facts_of_the_full_assessment() {
    let (mut compared, mut refused) = (0, 0);
    each_resolved_case(|name, h, opts, province, resolved| {
        let full = assess_resolved(h, opts, province, resolved);
        let rollup = facts_resolved(h, opts, province, resolved);
        match (full, rollup) {
            (Ok((_, a)), Ok(b)) => {
                assert_eq!(format!("{a:?}"), format!("{b:?}"), "{name}");
                compared += 1;
            }
            (Err(a), Err(b)) => {
                assert_eq!(format!("{a:?}"), format!("{b:?}"), "{name}");
                refused += 1;
            }
            (a, b) => panic!(
                "{}: full assessment {:?}, roll-up path {:?}",
                name,
                a.is_ok(),
                b.is_ok()
            ),
        }
    });
    assert!(
        compared > 100 && refused > 0,
        "{compared} compared, {refused} refused"
    );
}

/// The compact-row path of `BatchJob` (issue 8 item 4, the batch page's table): `row_resolved`
/// gives the same facts as the full assessment and exactly the report's counted income per
/// person, line and number of warnings, and refuses the same households.
#[test]
fn compact_row_figures_equal_the_full_reports() {
    let (mut compared, mut refused, mut warned) = (0, 0, 0);
    each_resolved_case(|name, h, opts, province, resolved| {
        let full = assess_resolved(h, opts, province, resolved);
        let row = row_resolved(h, opts, province, resolved);
        match (full, row) {
            (Ok((report, a)), Ok((b, figures))) => {
                assert_eq!(format!("{a:?}"), format!("{b:?}"), "{name}");
                assert_eq!(
                    (figures.per_capita, figures.line, figures.warnings),
                    (
                        report.income.counted_per_capita,
                        report.income.line,
                        report.warnings.len()
                    ),
                    "{}",
                    name
                );
                compared += 1;
                if figures.warnings > 0 {
                    warned += 1;
                }
            }
            (Err(a), Err(b)) => {
                assert_eq!(format!("{a:?}"), format!("{b:?}"), "{name}");
                refused += 1;
            }
            (a, b) => panic!(
                "{}: full assessment {:?}, compact row {:?}",
                name,
                a.is_ok(),
                b.is_ok()
            ),
        }
    });
    assert!(
        compared > 100 && refused > 0 && warned > 10,
        "{compared} compared, {refused} refused, {warned} with warnings"
    );
}

/// Every golden case whose household and options read cleanly and whose policy resolves, under
/// its own options and under both regimes' dates in both languages.
fn each_resolved_case(mut f: impl FnMut(&str, &Household, &Options, &str, &Resolved)) {
    for case in &cases::load_all().unwrap() {
        let mut variants: Vec<Value> = vec![case.options.clone()];
        for (as_of, lang) in [("2019-12-31", "en"), ("2024-06-30", "zh-CN")] {
            let mut o = case.options.clone();
            if let Some(m) = o.as_object_mut() {
                m.insert("asOf".into(), json!(as_of));
                m.insert("lang".into(), json!(lang));
            }
            variants.push(o);
        }
        for options in &variants {
            let mut r = Reader::new();
            let (Some(opts), Some(h)) = (
                read_options(&mut r, Some(&tuopin::json_value::Json::from(options))),
                read_household(&mut r, &tuopin::json_value::Json::from(&case.household), ""),
            ) else {
                continue;
            };
            if !r.is_clean() {
                continue;
            }
            let province = province_of(&h, &opts);
            let resolved = resolve(&province, opts.as_of, opts.policy.as_ref(), &mut r);
            if r.is_clean() {
                f(&case.name, &h, &opts, &province, &resolved);
            }
        }
    }
}
