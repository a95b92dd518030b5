//! The built-in policy packs are well-formed law-as-data: every entry dated and sourced, every
//! value readable by its parameter's reader, and no period covered twice.

#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use tuopin::policy::{packs, Params};
use tuopin::reader::Reader;

#[test]
fn every_pack_file_was_embedded() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/policy/packs");
    let files = std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "toml")
        })
        .count();
    assert_eq!(
        packs().len(),
        files,
        "a pack failed to parse and was skipped"
    );
    assert!(
        packs().iter().any(|p| p.province.is_none()),
        "no national pack"
    );
}

#[test]
fn every_value_reads_and_has_a_source() {
    for pack in packs() {
        for (key, entries) in &pack.parameters {
            for e in entries {
                assert!(
                    !e.source.trim().is_empty(),
                    "{}.{key}: entry without source",
                    pack.id
                );
                if let Some(to) = e.to {
                    assert!(e.from <= to, "{}.{key}: from after to", pack.id);
                }
                if let Some(v) = &e.value {
                    let mut r = Reader::new();
                    let known = Params::default().set(key, v, key, &mut r);
                    assert!(known, "{}: unknown parameter {key}", pack.id);
                    assert!(r.is_clean(), "{}.{key}: {:?}", pack.id, r.findings());
                }
            }
        }
    }
}

#[test]
fn no_period_is_covered_twice() {
    for pack in packs() {
        for (key, entries) in &pack.parameters {
            for (i, a) in entries.iter().enumerate() {
                for b in entries.iter().skip(i + 1) {
                    let overlap = a.covers(b.from) || b.covers(a.from);
                    assert!(
                        !overlap,
                        "{}.{key}: entries from {} and {} overlap",
                        pack.id, a.from, b.from
                    );
                }
            }
        }
    }
}

#[test]
fn the_csv_layout_document_lists_every_column() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/csv-layout.md"))
        .unwrap();
    for (en, zh, ..) in tuopin::table::COLUMNS {
        assert!(
            doc.contains(&format!("| `{en}` | {zh} |")),
            "docs/csv-layout.md misses column {en}"
        );
    }
}
