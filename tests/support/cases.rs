//! Golden cases: loading the TOML files of `tests/cases/`, building each case's household and
//! options, and comparing an outcome with the expectations. Shared by the native runner
//! (`golden.rs`), the CLI runner (`cli.rs`) and the browser runner (`web.rs`), so one set of
//! cases runs through every execution path.

#![allow(dead_code)]

use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// Every case file, embedded so the wasm build can read them too. `golden.rs` checks that this
/// list matches the directory.
pub const FILES: &[(&str, &str)] = &include!("case_files.rs");

pub struct Case {
    pub file: &'static str,
    pub name: String,
    pub rule: String,
    pub household: Value,
    pub options: Value,
    pub expect: Map<String, Value>,
}

/// The result of running a case through one path: a report, or the problems.
pub enum Outcome {
    Report(Value),
    Problems(Value),
}

fn to_json(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) if s == "null" => Value::Null,
        other => serde_json::to_value(other).unwrap_or(Value::Null),
    }
}

fn table<'a>(v: &'a toml::Value, key: &str) -> Option<&'a toml::value::Table> {
    v.get(key).and_then(toml::Value::as_table)
}

pub fn load_all() -> Result<Vec<Case>, String> {
    let mut shared = Map::new();
    for (name, text) in FILES {
        if *name == "_bases.toml" {
            let doc: toml::Value = toml::from_str(text).map_err(|e| format!("{name}: {e}"))?;
            if let Some(b) = table(&doc, "bases") {
                for (k, v) in b {
                    shared.insert(k.clone(), to_json(v));
                }
            }
        }
    }
    let mut cases = Vec::new();
    for (file, text) in FILES {
        if *file == "_bases.toml" {
            continue;
        }
        let doc: toml::Value = toml::from_str(text).map_err(|e| format!("{file}: {e}"))?;
        let mut bases = shared.clone();
        if let Some(b) = table(&doc, "bases") {
            for (k, v) in b {
                bases.insert(k.clone(), to_json(v));
            }
        }
        let list = doc
            .get("case")
            .and_then(toml::Value::as_array)
            .cloned()
            .unwrap_or_default();
        for c in &list {
            cases.push(build_case(file, c, &bases).map_err(|e| format!("{file}: {e}"))?);
        }
    }
    Ok(cases)
}

fn build_case(
    file: &'static str,
    c: &toml::Value,
    bases: &Map<String, Value>,
) -> Result<Case, String> {
    let name = c
        .get("name")
        .and_then(toml::Value::as_str)
        .ok_or("a case has no name")?
        .to_string();
    let rule = c
        .get("rule")
        .and_then(toml::Value::as_str)
        .ok_or(format!("{name}: no rule"))?
        .to_string();
    let as_of = c
        .get("asOf")
        .and_then(toml::Value::as_str)
        .ok_or(format!("{name}: no asOf"))?;
    let mut household = match c.get("base").and_then(toml::Value::as_str) {
        Some(b) => bases
            .get(b)
            .cloned()
            .ok_or(format!("{name}: unknown base {b}"))?,
        None => Value::Object(Map::new()),
    };
    if let Some(h) = c.get("household") {
        merge(&mut household, to_json(h));
    }
    if let Some(set) = table(c, "set") {
        for (path, v) in set {
            set_path(&mut household, path, to_json(v))
                .map_err(|e| format!("{name}: set {path}: {e}"))?;
        }
    }
    if let Some(remove) = c.get("remove").and_then(toml::Value::as_array) {
        let mut paths: Vec<&str> = remove.iter().filter_map(toml::Value::as_str).collect();
        paths.sort_by(|a, b| b.cmp(a));
        for path in paths {
            remove_path(&mut household, path).map_err(|e| format!("{name}: remove {path}: {e}"))?;
        }
    }
    let mut options = match c.get("options") {
        Some(o) => to_json(o),
        None => Value::Object(Map::new()),
    };
    if let Value::Object(m) = &mut options {
        m.insert("asOf".into(), Value::String(as_of.to_string()));
    }
    let expect = match c.get("expect") {
        Some(e) => match to_json(e) {
            Value::Object(m) => m,
            _ => return Err(format!("{name}: expect is not a table")),
        },
        None => Map::new(),
    };
    Ok(Case {
        file,
        name,
        rule,
        household,
        options,
        expect,
    })
}

fn merge(base: &mut Value, patch: Value) {
    match (base, patch) {
        (Value::Object(b), Value::Object(p)) => {
            for (k, v) in p {
                match b.get_mut(&k) {
                    Some(slot) if slot.is_object() && v.is_object() => merge(slot, v),
                    _ => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (b, p) => *b = p,
    }
}

enum Seg {
    Key(String),
    Index(usize),
}

fn parse_path(path: &str) -> Result<Vec<Seg>, String> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            out.push(Seg::Key(key.to_string()));
        }
        let mut rest = rest;
        while !rest.is_empty() {
            let (n, after) = rest.split_once(']').ok_or("unclosed [")?;
            out.push(Seg::Index(n.parse().map_err(|_| format!("bad index {n}"))?));
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    Ok(out)
}

fn set_path(root: &mut Value, path: &str, value: Value) -> Result<(), String> {
    let segs = parse_path(path)?;
    let mut cur = root;
    for (i, seg) in segs.iter().enumerate() {
        let last = i + 1 == segs.len();
        match seg {
            Seg::Key(k) => {
                if !cur.is_object() {
                    *cur = Value::Object(Map::new());
                }
                let m = cur.as_object_mut().ok_or("not an object")?;
                if last {
                    m.insert(k.clone(), value);
                    return Ok(());
                }
                cur = m.entry(k.clone()).or_insert(Value::Null);
            }
            Seg::Index(n) => {
                let a = cur.as_array_mut().ok_or("not an array")?;
                if *n == a.len() {
                    a.push(Value::Object(Map::new()));
                }
                let slot = a.get_mut(*n).ok_or(format!("index {n} out of range"))?;
                if last {
                    *slot = value;
                    return Ok(());
                }
                cur = slot;
            }
        }
    }
    Ok(())
}

fn remove_path(root: &mut Value, path: &str) -> Result<(), String> {
    let mut segs = parse_path(path)?;
    let last = segs.pop().ok_or("empty path")?;
    let mut cur = root;
    for seg in &segs {
        cur = match seg {
            Seg::Key(k) => cur.get_mut(k.as_str()).ok_or(format!("no {k}"))?,
            Seg::Index(n) => cur.get_mut(*n).ok_or(format!("no [{n}]"))?,
        };
    }
    match last {
        Seg::Key(k) => {
            cur.as_object_mut().ok_or("not an object")?.remove(&k);
        }
        Seg::Index(n) => {
            let a = cur.as_array_mut().ok_or("not an array")?;
            if n >= a.len() {
                return Err(format!("index {n} out of range"));
            }
            a.remove(n);
        }
    }
    Ok(())
}

// ------------------------------------------------------------------ comparing

fn str_set(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|x| {
                    x.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| x.to_string())
                })
                .collect()
        })
        .unwrap_or_default()
}

fn num_eq(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() < 0.005,
        _ => a == b,
    }
}

/// Compares an expected sub-object field by field (numbers to the fen, lists as sets).
fn compare_fields(section: &str, expected: &Value, actual: &Value, errors: &mut Vec<String>) {
    if expected.as_str() == Some("null") || expected.is_null() {
        if !actual.is_null() {
            errors.push(format!("{section}: expected null, got {actual}"));
        }
        return;
    }
    let Some(exp) = expected.as_object() else {
        errors.push(format!(
            "{section}: expectation must be a table or \"null\""
        ));
        return;
    };
    if actual.is_null() {
        errors.push(format!("{section}: expected {expected}, got null"));
        return;
    }
    for (k, v) in exp {
        let a = actual.get(k).unwrap_or(&Value::Null);
        let ok = match v {
            Value::Array(_) => str_set(v) == str_set(a),
            Value::Number(_) => num_eq(v, a),
            Value::String(s) if s == "null" => a.is_null(),
            _ => v == a,
        };
        if !ok {
            errors.push(format!("{section}.{k}: expected {v}, got {a}"));
        }
    }
}

/// `(path, code)` pairs of a problem list.
fn path_codes(list: &Value) -> BTreeSet<(String, String)> {
    let field = |p: &Value, k: &str| p.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    list.as_array()
        .map(|a| {
            a.iter()
                .map(|p| (field(p, "path"), field(p, "code")))
                .collect()
        })
        .unwrap_or_default()
}

pub fn check(case: &Case, outcome: &Outcome) -> Vec<String> {
    let mut errors = Vec::new();
    let e = &case.expect;
    if let Some(want) = e.get("problems") {
        let want = path_codes(want);
        match outcome {
            Outcome::Report(_) => errors.push(format!(
                "expected problems {want:?}, but the call succeeded"
            )),
            Outcome::Problems(p) => {
                let got = path_codes(p);
                if got != want {
                    errors.push(format!("problems: expected {want:?}, got {got:?}"));
                }
                let messages_ok = p.as_array().is_some_and(|a| {
                    a.iter().all(|x| {
                        x.get("message")
                            .and_then(Value::as_str)
                            .is_some_and(|m| !m.is_empty())
                    })
                });
                if !messages_ok {
                    errors.push("every problem must carry a message".into());
                }
            }
        }
        return errors;
    }
    let report = match outcome {
        Outcome::Report(r) => r,
        Outcome::Problems(p) => return vec![format!("expected a report, got problems {p}")],
    };
    let checks = report
        .get("checks")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let find = |id: &str| {
        checks
            .iter()
            .find(|c| c.get("id").and_then(Value::as_str) == Some(id))
    };
    if let Some(v) = e.get("regime") {
        if report.get("regime") != Some(v) {
            errors.push(format!(
                "regime: expected {v}, got {:?}",
                report.get("regime")
            ));
        }
    }
    if let Some(Value::Object(m)) = e.get("checks") {
        for (id, want) in m {
            let got = find(id)
                .and_then(|c| c.get("status"))
                .cloned()
                .unwrap_or(Value::Null);
            if &got != want {
                errors.push(format!("checks.{id}: expected {want}, got {got}"));
            }
        }
    }
    if let Some(Value::Object(m)) = e.get("veto") {
        for (id, want) in m {
            let got = find(id)
                .and_then(|c| c.get("veto"))
                .cloned()
                .unwrap_or(Value::Null);
            if &got != want {
                errors.push(format!("veto.{id}: expected {want}, got {got}"));
            }
        }
    }
    if let Some(Value::Object(m)) = e.get("checkMembers") {
        for (id, want) in m {
            let got: BTreeSet<String> = find(id)
                .and_then(|c| c.get("members"))
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter(|m| {
                            matches!(
                                m.get("status").and_then(Value::as_str),
                                Some("fail" | "unknown")
                            )
                        })
                        .filter_map(|m| m.get("index").map(|i| i.to_string()))
                        .collect()
                })
                .unwrap_or_default();
            if got != str_set(want) {
                errors.push(format!("checkMembers.{id}: expected {want}, got {got:?}"));
            }
        }
    }
    for section in ["exit", "monitoring", "riskElimination", "income"] {
        if let Some(v) = e.get(section) {
            compare_fields(
                section,
                v,
                report.get(section).unwrap_or(&Value::Null),
                &mut errors,
            );
        }
    }
    let codes = |key: &str, field: &str| -> BTreeSet<String> {
        report
            .get(key)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.get(field).and_then(Value::as_str).map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let present = |want: &Value, have: &BTreeSet<String>, what: &str, errors: &mut Vec<String>| {
        for w in str_set(want) {
            if !have.contains(&w) {
                errors.push(format!("{what}: expected {w} among {have:?}"));
            }
        }
    };
    if let Some(v) = e.get("causes") {
        present(v, &codes("causes", "cause"), "causes", &mut errors);
    }
    if let Some(v) = e.get("primaryCause") {
        let primary = report
            .get("causes")
            .and_then(Value::as_array)
            .and_then(|a| {
                a.iter()
                    .find(|c| c.get("primary") == Some(&Value::Bool(true)))
            })
            .and_then(|c| c.get("cause"))
            .cloned()
            .unwrap_or(Value::Null);
        if &primary != v {
            errors.push(format!("primaryCause: expected {v}, got {primary}"));
        }
    }
    if let Some(v) = e.get("measures") {
        present(v, &codes("measures", "measure"), "measures", &mut errors);
    }
    let warnings = codes("warnings", "code");
    if let Some(v) = e.get("warnings") {
        present(v, &warnings, "warnings", &mut errors);
    }
    if let Some(v) = e.get("noWarnings") {
        for w in str_set(v) {
            if warnings.contains(&w) {
                errors.push(format!("noWarnings: {w} is present"));
            }
        }
    }
    errors
}

/// Runs every case through `run` and returns the failures as readable text.
pub fn run_all(run: impl Fn(&Case) -> Outcome) -> (usize, Vec<String>) {
    let cases = match load_all() {
        Ok(c) => c,
        Err(e) => return (0, vec![e]),
    };
    let mut failures = Vec::new();
    for case in &cases {
        let errors = check(case, &run(case));
        if !errors.is_empty() {
            failures.push(format!(
                "[{}] {} ({})\n    {}",
                case.file,
                case.name,
                case.rule,
                errors.join("\n    ")
            ));
        }
    }
    (cases.len(), failures)
}
