//! Native side of the benchmark (`scripts/bench.sh`): the same library calls the wasm build
//! makes, timed natively, so that wasm/native is a ratio of identical code paths.
//!
//! ```text
//! bench_native job  FILE --format csv|jsonl --as-of D [--step N] [--repeat R]
//! bench_native many|many-json FILE.jsonl --as-of D [--repeat R]
//! bench_native assess FILE.jsonl --as-of D [--calls N] [--repeat R]
//! ```
//!
//! * `job`: the file path, as `new BatchJob(bytes, format, options)` + `step` until done +
//!   `summary()` + the first 100 compact rows (`BatchJob` in `src/batch.rs`). The file's
//!   bytes are read before the clock starts, as the browser has them before it starts.
//! * `many`: `assessMany` on households already parsed (the browser's array of JS objects is
//!   here an array of `serde_json::Value`s, parsed before the clock starts): the engine alone.
//! * `many-json`: the Rust side of wasm `assessMany` as it crosses the boundary: the households
//!   as one JSON text → parse → `assessMany` → the whole result serialized to JSON text (the
//!   wasm build does exactly this between `JSON.stringify` and `JSON.parse` in JS).
//! * `assess`: one `assess()` call repeated (issue 8 target "one `assess()` call, repeated,
//!   native"): the first household of the file that assesses without problems, parsed once,
//!   then `assess_json(household, options)` → `Report` N times (default 20,000) per repeat, as a
//!   portal calling the engine once per form submission does; also the same call followed by
//!   serializing the report to JSON text (what crosses to JS). Reports µs per call.
//!
//! Prints one JSON object: wall and CPU seconds (best, median, all) over the repeats, and
//! households/s. CPU time is this thread's time on a CPU (`/proc/thread-self/schedstat`), which a
//! busy machine disturbs far less than wall time.

use serde_json::{json, Value};
use std::time::Instant;
use tuopin::batch::{assess_many_json, BatchJob};
use tuopin::json_value::Json;
use tuopin::options::read_options;
use tuopin::reader::Reader;

fn usage() -> ! {
    eprintln!(
        "usage: bench_native job|many FILE --as-of D [--format csv|jsonl] [--step N] [--repeat R]"
    );
    std::process::exit(2)
}

/// This thread's time on a CPU, in seconds (ns precision); NaN where /proc is missing.
fn cpu_now() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .and_then(|t| t.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |ns| ns / 1e9)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len().saturating_sub(1) / 2)
        .copied()
        .unwrap_or(f64::NAN)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(mode), Some(file)) = (args.first(), args.get(1)) else {
        usage()
    };
    let mut as_of = String::new();
    let mut format = String::from("csv");
    let mut step = 5000usize;
    let mut repeat = 3usize;
    let mut calls = 20_000usize;
    let mut it = args.iter().skip(2);
    while let Some(a) = it.next() {
        let v = it.next().cloned().unwrap_or_else(|| usage());
        match a.as_str() {
            "--as-of" => as_of = v,
            "--format" => format = v,
            "--step" => step = v.parse().unwrap_or_else(|_| usage()),
            "--repeat" => repeat = v.parse().unwrap_or_else(|_| usage()),
            "--calls" => calls = v.parse().unwrap_or_else(|_| usage()),
            _ => usage(),
        }
    }
    let options = json!({ "asOf": as_of });
    let mut r = Reader::new();
    let Some(opts) = read_options(&mut r, Some(&tuopin::json_value::Json::from(&options))) else {
        eprintln!("bad --as-of");
        std::process::exit(2)
    };
    let bytes = std::fs::read(file).unwrap_or_else(|e| {
        eprintln!("{file}: {e}");
        std::process::exit(1)
    });
    let mut times = Vec::new();
    let mut cpu = Vec::new();
    let mut parse_times = Vec::new();
    let mut households = 0usize;
    let mut valid = 0u64;
    if mode == "assess" {
        assess_repeated(&bytes, &options, calls, repeat);
        return;
    }
    match mode.as_str() {
        "job" => {
            for _ in 0..repeat.max(1) {
                let c0 = cpu_now();
                let t0 = Instant::now();
                let mut job = match BatchJob::new(bytes.clone(), &format, opts.clone()) {
                    Ok(j) => j,
                    Err(e) => {
                        eprintln!("{}", serde_json::to_string(&e).unwrap_or_default());
                        std::process::exit(1)
                    }
                };
                let t1 = Instant::now();
                while !job.finished() {
                    job.step(step);
                }
                let summary = job.summary();
                let rows = job.rows().iter().take(100).count();
                let t2 = Instant::now();
                households = job.total();
                valid = serde_json::to_value(&summary)
                    .ok()
                    .and_then(|s| s.get("valid").and_then(Value::as_u64))
                    .unwrap_or(0);
                std::hint::black_box((summary, rows));
                parse_times.push((t1 - t0).as_secs_f64());
                times.push((t2 - t0).as_secs_f64());
                cpu.push(cpu_now() - c0);
            }
        }
        "many" => {
            let text = String::from_utf8_lossy(&bytes);
            let list: Vec<Value> = text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .filter_map(|l| serde_json::from_str(l).ok())
                .collect();
            households = list.len();
            let doc = Value::Array(list);
            for _ in 0..repeat.max(1) {
                let c0 = cpu_now();
                let t0 = Instant::now();
                let out = assess_many_json(&doc, Some(&options));
                let t1 = Instant::now();
                cpu.push(cpu_now() - c0);
                if let Ok(o) = &out {
                    valid = o.summary_valid();
                }
                std::hint::black_box(out.is_ok());
                drop(out);
                times.push((t1 - t0).as_secs_f64());
            }
        }
        "many-json" => {
            let text = String::from_utf8_lossy(&bytes);
            let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
            households = lines.len();
            let input = format!("[{}]", lines.join(","));
            for _ in 0..repeat.max(1) {
                let c0 = cpu_now();
                let t0 = Instant::now();
                let doc: Value = serde_json::from_str(&input).unwrap_or(Value::Null);
                let out = assess_many_json(&doc, Some(&options));
                let json = match &out {
                    Ok(o) => serde_json::to_string(o).unwrap_or_default(),
                    Err(_) => String::new(),
                };
                let t1 = Instant::now();
                cpu.push(cpu_now() - c0);
                if let Ok(o) = &out {
                    valid = o.summary_valid();
                }
                std::hint::black_box(json.len());
                times.push((t1 - t0).as_secs_f64());
            }
        }
        _ => usage(),
    }
    let best = times.iter().copied().fold(f64::INFINITY, f64::min);
    let med = median(times.clone());
    let out = json!({
        "mode": mode,
        "format": if mode.starts_with("many") { "objects" } else { format.as_str() },
        "households": households,
        "valid": valid,
        "repeat": times.len(),
        "seconds": { "best": best, "median": med, "all": times },
        "cpuSeconds": { "best": cpu.iter().copied().fold(f64::INFINITY, f64::min), "median": median(cpu.clone()), "all": cpu },
        "parseSeconds": if parse_times.is_empty() { Value::Null } else { json!(median(parse_times)) },
        "householdsPerSecond": households as f64 / med,
    });
    println!("{out}");
}

/// `assess` mode: see the module documentation. Prints one JSON object.
/// One `assess()` call repeated on the same household (issue 8's target row). The call timed is
/// the one the CLI and the wasm module make: the household and options already read into the
/// crate's JSON value (`Json`; the JS crossing and the JSON text reader build it directly), then
/// `assess_crossed`. Also timed: the same with the report serialized, and the Rust API from a
/// `serde_json::Value` (`assess_json`), which first converts the value into a `Json`.
fn assess_repeated(bytes: &[u8], options: &Value, calls: usize, repeat: usize) {
    let text = String::from_utf8_lossy(bytes);
    let Some((index, household)) = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .enumerate()
        .find(|(_, h)| tuopin::assess_json(h, Some(options)).is_ok())
    else {
        eprintln!("no household of the file assesses without problems");
        std::process::exit(1)
    };
    let household_json = Json::from(&household);
    let options_json = Json::from(options);
    let calls = calls.max(1);
    #[derive(Clone, Copy)]
    enum Call {
        Assess,
        AssessToJson,
        FromSerdeValue,
    }
    let time = |call: Call| {
        let mut cpu = Vec::new();
        let mut wall = Vec::new();
        for _ in 0..repeat.max(1) {
            let c0 = cpu_now();
            let t0 = Instant::now();
            for _ in 0..calls {
                match call {
                    Call::Assess | Call::AssessToJson => {
                        let report = tuopin::assess_crossed(
                            std::hint::black_box(&household_json),
                            Some(&options_json),
                            Vec::new(),
                        );
                        if matches!(call, Call::AssessToJson) {
                            let text = report
                                .as_ref()
                                .map(|r| serde_json::to_string(r).unwrap_or_default());
                            std::hint::black_box(text.map(|t| t.len()).unwrap_or(0));
                        } else {
                            std::hint::black_box(report.is_ok());
                        }
                    }
                    Call::FromSerdeValue => {
                        let report =
                            tuopin::assess_json(std::hint::black_box(&household), Some(options));
                        std::hint::black_box(report.is_ok());
                    }
                }
            }
            wall.push(t0.elapsed().as_secs_f64() / calls as f64 * 1e6);
            cpu.push((cpu_now() - c0) / calls as f64 * 1e6);
        }
        json!({ "cpuMicros": { "median": median(cpu.clone()), "all": cpu }, "wallMicros": { "median": median(wall.clone()), "all": wall } })
    };
    let out = json!({
        "mode": "assess",
        "household": household.get("id"),
        "lineIndex": index,
        "calls": calls,
        "repeat": repeat.max(1),
        "assess": time(Call::Assess),
        "assessToJson": time(Call::AssessToJson),
        "assessFromSerdeValue": time(Call::FromSerdeValue),
    });
    println!("{out}");
}

trait SummaryValid {
    fn summary_valid(&self) -> u64;
}

impl SummaryValid for tuopin::batch::BatchOut {
    fn summary_valid(&self) -> u64 {
        serde_json::to_value(&self.summary)
            .ok()
            .and_then(|s| s.get("valid").and_then(Value::as_u64))
            .unwrap_or(0)
    }
}
