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

/// Issue 10 §1: the provincial lines of the reference's later search are dated, sourced pack
/// entries with their confidence, and only for the year the source states.
#[test]
fn hunan_and_liaoning_2022_lines_are_dated_and_sourced() {
    use tuopin::date::Date;
    use tuopin::policy::Confidence;
    let line = |pack: &str, on: &str| {
        let p = packs().iter().find(|p| p.id == pack).unwrap();
        p.entry("monitoringLine", Date::parse(on).unwrap()).cloned()
    };
    for (pack, value, paper, url) in [
        (
            "cn-hn",
            6900,
            "湖南日报",
            "http://news.djxww.com/yaowen/2023/0217/125727.html",
        ),
        (
            "cn-ln",
            7260,
            "辽宁日报",
            "http://www.mubanjia.com/jujiao/2022/0823/2251.html",
        ),
    ] {
        let e = line(pack, "2022-06-30").unwrap();
        assert_eq!(
            e.value,
            Some(tuopin::json_value::Json::from(serde_json::json!(value))),
            "{pack}"
        );
        assert_eq!(e.confidence, Confidence::S, "{pack}");
        assert!(
            e.source.contains(url) && e.source_zh.contains(url),
            "{pack}"
        );
        assert!(e.source_zh.contains(paper), "{pack}");
        assert_eq!(e.from, Date::parse("2022-01-01").unwrap());
        assert_eq!(e.to, Date::parse("2022-12-31"));
        assert!(
            line(pack, "2021-12-31").is_none(),
            "{pack}: no 2021 figure is stated"
        );
        assert!(
            line(pack, "2023-01-01").is_none(),
            "{pack}: no 2023 figure is stated"
        );
    }
}

/// Issue 10 §1: county lines (兰州新区, 闽侯, 德化, 福鼎) are not provincial values and stay out of
/// the packs (they are in docs/rules.md and examples/county-lines.json).
#[test]
fn county_lines_are_not_in_provincial_packs() {
    for pack in packs() {
        for (key, entries) in &pack.parameters {
            for e in entries {
                for county in ["兰州新区", "闽侯", "德化", "福鼎"] {
                    assert!(
                        !e.source_zh.contains(county),
                        "{}.{key} cites the county {county}",
                        pack.id
                    );
                }
            }
        }
    }
    assert!(packs()
        .iter()
        .all(|p| p.province.as_deref() != Some("CN-FJ") && p.province.as_deref() != Some("CN-GS")));
}

/// Contract v1.1 item 6: every entry carries its citation in both languages.
#[test]
fn every_entry_is_cited_in_both_languages() {
    for pack in packs() {
        for (key, entries) in &pack.parameters {
            for e in entries {
                assert!(
                    !e.source_zh.trim().is_empty(),
                    "{}.{key}: no sourceZh",
                    pack.id
                );
                assert_ne!(e.source, e.source_zh, "{}.{key}", pack.id);
            }
        }
    }
}

/// Issue 10 §1: the county lines documented in examples/county-lines.json are consistent (a
/// 低保 multiple gives the stated line: 815 × 12 × 2 = 19560, 815 × 12 × 1.5 = 14670) and work
/// as `options.policy` overrides for a household of that province.
#[test]
fn county_line_examples_are_consistent_and_usable_as_overrides() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/county-lines.json"
    ))
    .unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let lines = doc["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 4);
    for l in lines {
        let line = l["line"].as_i64().unwrap();
        assert_eq!(l["policy"]["monitoringLine"].as_i64(), Some(line));
        if let Some(m) = l["dibaoMultiple"].as_object() {
            let monthly = m["dibaoMonthly"].as_f64().unwrap();
            let factor = m["factor"].as_f64().unwrap();
            assert_eq!(
                (monthly * 12.0 * factor).round() as i64,
                line,
                "{}",
                l["area"]
            );
        }
        let year = l["year"].as_i64().unwrap_or(2024);
        let household = serde_json::json!({
            "province": l["province"], "registration": "ordinary",
            "members": [{ "relation": "head", "sex": "male", "birthDate": "1970-01-01" }],
            "income": { "wage": 8000, "business": 0, "property": 0, "transfer": 0, "businessCosts": 0 }
        });
        let options = serde_json::json!({ "asOf": format!("{year}-12-31"), "policy": l["policy"] });
        let report = tuopin::assess_json(&household, Some(&options)).unwrap();
        let report = serde_json::to_value(report).unwrap();
        assert_eq!(
            report["income"]["line"].as_i64(),
            Some(line),
            "{}",
            l["area"]
        );
        assert_eq!(
            report["monitoring"]["category"], "marginal",
            "{}",
            l["area"]
        );
    }
}

/// Issue 8 items 3 and 6: the packs are compiled by build.rs into static data (a compact text,
/// so no JSON or TOML parser at run time). What the library holds must be exactly what the TOML files say, read here with
/// the TOML parser the library no longer carries: every parameter, in the same order, every
/// entry's dates, value (integers stay integers, doubles stay doubles), citations, confidence.
#[test]
fn compiled_packs_are_exactly_the_toml_files() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/policy/packs");
    let mut seen = 0;
    for file in std::fs::read_dir(dir).unwrap() {
        let path = file.unwrap().path();
        if path.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        let doc: toml::Value = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let doc = serde_json::to_value(doc).unwrap();
        let id = doc["id"].as_str().unwrap();
        let pack = packs().iter().find(|p| p.id == id).unwrap();
        seen += 1;
        assert_eq!(pack.title, doc["title"].as_str().unwrap());
        assert_eq!(pack.province.as_deref(), doc["province"].as_str());
        let sources: Vec<&str> = doc["sources"]
            .as_array()
            .map(|s| s.iter().map(|x| x.as_str().unwrap()).collect())
            .unwrap_or_default();
        assert_eq!(pack.sources, sources);
        let keys: Vec<&String> = doc
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| !["id", "title", "province", "sources"].contains(&k.as_str()))
            .collect();
        let compiled: Vec<&String> = pack.parameters.iter().map(|(k, _)| k).collect();
        assert_eq!(compiled, keys, "{id}: parameters");
        for (key, entries) in &pack.parameters {
            let want = doc[key].as_array().unwrap();
            assert_eq!(entries.len(), want.len(), "{id}.{key}");
            for (e, w) in entries.iter().zip(want) {
                let e = serde_json::to_value(e).unwrap();
                for field in ["from", "to", "value", "source", "sourceZh", "confidence"] {
                    assert_eq!(
                        e.get(field).filter(|v| !v.is_null()),
                        w.get(field),
                        "{id}.{key}.{field}"
                    );
                }
                if let (Some(a), Some(b)) = (e.get("value"), w.get("value")) {
                    assert_eq!(a.is_f64(), b.is_f64(), "{id}.{key}: number kind");
                }
            }
        }
    }
    assert_eq!(seen, packs().len());
}

/// `policies()` and `version()` list the national pack first, then the provincial packs in the
/// order of their file names (the order the catalogue always had); the packs are put in that
/// order without a sort in the module (issue 8 item 6), and this pins it.
#[test]
fn national_pack_first_then_provinces_in_file_order() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/policy/packs");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let national: Vec<&str> = packs()
        .iter()
        .filter(|p| p.province.is_none())
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(national.len(), 1, "exactly one national pack");
    assert_eq!(packs()[0].id, national[0], "the national pack comes first");
    let provincial: Vec<String> = packs()[1..]
        .iter()
        .map(|p| p.province.clone().unwrap().to_lowercase())
        .collect();
    let expected: Vec<String> = files.into_iter().filter(|f| f != "cn-national").collect();
    assert_eq!(provincial, expected, "provinces in file-name order");
}
