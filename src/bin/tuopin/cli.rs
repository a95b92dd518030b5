//! The command-line program (native only).

use serde_json::{Map, Value};
use std::io::{self, Read, Write};
use std::process::ExitCode;
use tuopin::json_value::Json;
use tuopin::problem::{Code, Finding, Problem};
use tuopin::Lang;

mod batch;
mod blocks;

const USAGE: &str = "usage:
  tuopin assess FILE --as-of YYYY-MM-DD [--province CN-XX] [--lang zh-CN|en] [--policy FILE]
  tuopin validate FILE [--as-of YYYY-MM-DD] [--lang zh-CN|en]
  tuopin batch FILE --as-of YYYY-MM-DD [--province CN-XX] [--lang zh-CN|en] [--policy FILE] [--out FILE] [--invalid FILE] [--format jsonl|csv|xlsx|json] [--jobs N]
  tuopin policies
  tuopin version
FILE may be - for standard input. The household file holds one Household, or { \"household\": ..., \"options\": ... }.";

/// Parsed command-line flags.
#[derive(Default)]
pub struct Flags {
    pub file: Option<String>,
    pub as_of: Option<String>,
    pub province: Option<String>,
    pub lang: Option<String>,
    pub policy: Option<String>,
    pub out: Option<String>,
    pub invalid: Option<String>,
    pub format: Option<String>,
    /// `tuopin batch --jobs N`: worker threads (default: every core).
    pub jobs: Option<String>,
}

fn parse_flags(args: &[String]) -> Result<Flags, String> {
    let mut f = Flags::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match a.as_str() {
            "--as-of" => f.as_of = Some(value("--as-of")?),
            "--province" => f.province = Some(value("--province")?),
            "--lang" => f.lang = Some(value("--lang")?),
            "--policy" => f.policy = Some(value("--policy")?),
            "--out" => f.out = Some(value("--out")?),
            "--invalid" => f.invalid = Some(value("--invalid")?),
            "--format" => f.format = Some(value("--format")?),
            "--jobs" => f.jobs = Some(value("--jobs")?),
            s if s.starts_with("--") => return Err(format!("unknown flag {s}")),
            s if f.file.is_none() => f.file = Some(s.to_string()),
            s => return Err(format!("unexpected argument {s}")),
        }
    }
    Ok(f)
}

pub fn read_input(file: &str) -> Result<Vec<u8>, String> {
    let mut buf = Vec::new();
    if file == "-" {
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        buf = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    }
    Ok(buf)
}

/// Reads a policy-override file: TOML or JSON, holding the keys of `options.policy`. Values
/// that JSON cannot hold (TOML `nan`, `inf`) and duplicate JSON keys are problems at
/// `options.policy.<key>`, returned beside the value (issue 9 item 7), never a silent `null`.
pub fn read_policy_file(path: &str) -> Result<(Value, Vec<Finding>), String> {
    let text = String::from_utf8(read_input(path)?).map_err(|_| format!("{path} is not UTF-8"))?;
    if path.ends_with(".json") {
        tuopin::json_text::parse(&text, "options.policy")
            .map(|(v, found)| (Value::from(&v), found))
            .map_err(|f| format!("{path}: {}", f.given.unwrap_or_default()))
    } else {
        let v: toml::Value = toml::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
        let mut found = Vec::new();
        let v = toml_to_json(v, "options.policy", &mut found);
        Ok((v, found))
    }
}

/// TOML → JSON, noting what JSON cannot hold instead of letting it become `null`.
fn toml_to_json(v: toml::Value, path: &str, found: &mut Vec<Finding>) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => match serde_json::Number::from_f64(f) {
            Some(n) => Value::Number(n),
            None => {
                let given = if f.is_nan() {
                    "nan"
                } else if f > 0.0 {
                    "inf"
                } else {
                    "-inf"
                };
                found.push(Finding::new(path, Code::InvalidNumber).given(given));
                Value::Null
            }
        },
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(
            items
                .into_iter()
                .enumerate()
                .map(|(i, x)| toml_to_json(x, &tuopin::reader::index(path, i), found))
                .collect(),
        ),
        toml::Value::Table(t) => Value::Object(
            t.into_iter()
                .map(|(k, x)| {
                    let p = tuopin::reader::join(path, &k);
                    (k, toml_to_json(x, &p, found))
                })
                .collect(),
        ),
    }
}

/// Options from the file's own `options` (if any) with the flags on top; problems found in a
/// `--policy` file (TOML `nan`, duplicate JSON keys) are added to `found` at their paths.
pub fn merge_options_checked(
    base: Option<&Value>,
    flags: &Flags,
    found: &mut Vec<Finding>,
) -> Result<Value, String> {
    let mut opts = match base {
        Some(Value::Object(m)) => m.clone(),
        _ => Map::new(),
    };
    if let Some(d) = &flags.as_of {
        opts.insert("asOf".into(), Value::String(d.clone()));
    }
    if let Some(p) = &flags.province {
        opts.insert("province".into(), Value::String(p.clone()));
    }
    if let Some(l) = &flags.lang {
        opts.insert("lang".into(), Value::String(l.clone()));
    }
    if let Some(path) = &flags.policy {
        let (file, in_file) = read_policy_file(path)?;
        found.extend(in_file);
        let mut policy = match opts.get("policy") {
            Some(Value::Object(m)) => m.clone(),
            _ => Map::new(),
        };
        if let Value::Object(m) = file {
            policy.extend(m);
        } else {
            return Err(format!("{path}: expected a table of policy overrides"));
        }
        opts.insert("policy".into(), Value::Object(policy));
    }
    Ok(Value::Object(opts))
}

pub fn lang_of(flags: &Flags) -> Lang {
    flags
        .lang
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or_default()
}

/// Problems go to stderr as JSON; exit code 2.
pub fn fail_with(problems: &[Problem]) -> ExitCode {
    let text = serde_json::to_string_pretty(problems).unwrap_or_else(|_| "[]".into());
    let _ = writeln!(io::stderr(), "{text}");
    ExitCode::from(2)
}

fn print_json<T: serde::Serialize>(value: &T) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            let mut out = io::stdout().lock();
            if writeln!(out, "{text}").is_err() {
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("tuopin: {e}");
            ExitCode::from(1)
        }
    }
}

/// Splits `{ household, options }` from a bare household.
fn split(doc: Value) -> (Value, Option<Value>) {
    match doc {
        Value::Object(mut m) if m.contains_key("household") => {
            let h = m.remove("household").unwrap_or(Value::Null);
            (h, m.remove("options"))
        }
        other => (other, None),
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let (cmd, rest) = args.split_first().ok_or_else(|| USAGE.to_string())?;
    let flags = parse_flags(rest)?;
    let lang = lang_of(&flags);
    match cmd.as_str() {
        "assess" | "validate" => {
            let file = flags.file.clone().ok_or("missing FILE")?;
            let bytes = read_input(&file)?;
            let text = match std::str::from_utf8(&bytes) {
                Ok(t) => t,
                Err(e) => {
                    let f = Finding::new("", Code::InvalidJson)
                        .given(format!("not UTF-8 (byte {})", e.valid_up_to()));
                    return Ok(fail_with(&[f.render(lang)]));
                }
            };
            // Strict reading: a duplicate key or a number a double cannot hold is a problem
            // at its path (issue 9 item 8), reported with the record's other problems.
            let (doc, mut found) = match tuopin::json_text::parse(text, "") {
                Ok((doc, found)) => (Value::from(&doc), found),
                Err(f) => return Ok(fail_with(&[f.render(lang)])),
            };
            let wrapped = matches!(&doc, Value::Object(m) if m.contains_key("household"));
            if wrapped {
                // Paths inside the wrapper are the record's own (`income.wage`), as the engine
                // reports them; `options.…` already is.
                for f in &mut found {
                    if f.path == "household" {
                        f.path = String::new();
                    } else if let Some(rest) = f.path.strip_prefix("household.") {
                        f.path = rest.to_string();
                    }
                }
            }
            let (household, options) = split(doc);
            let options = merge_options_checked(options.as_ref(), &flags, &mut found)?;
            // The engine reads the crate's own JSON value (issue 8 item 6).
            let (household, options) = (Json::from(&household), Json::from(&options));
            if cmd == "validate" {
                let problems = tuopin::validate_crossed(&household, Some(&options), found);
                return Ok(if problems.is_empty() {
                    print_json(&problems)
                } else {
                    fail_with(&problems)
                });
            }
            Ok(
                match tuopin::assess_crossed(&household, Some(&options), found) {
                    Ok(report) => print_json(&report),
                    Err(problems) => fail_with(&problems),
                },
            )
        }
        "batch" => batch::run(&flags),
        "policies" => Ok(print_json(&tuopin::catalog::policies())),
        "version" | "--version" => Ok(print_json(&tuopin::catalog::version())),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command {other}\n{USAGE}")),
    }
}

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("tuopin: {msg}");
            ExitCode::from(1)
        }
    }
}
