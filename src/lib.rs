//! tuopin (脱贫): China's rural household poverty-assessment rules as code.
//!
//! Reading order: the input record ([`household`]) and the numbers it is made of ([`number`],
//! [`money`], [`date`]); the law as dated data ([`policy`]); the checks ([`assessment`]); the two
//! regimes' checklists ([`exit`], [`monitoring`]); suggestions ([`causes`]); the report
//! ([`report`]); and the one entry point that ties them together ([`engine`]). Only `wasm.rs`
//! knows JavaScript.

pub mod assessment;
pub mod batch;
pub mod catalog;
pub mod causes;
pub mod date;
pub mod engine;
pub mod exit;
pub mod household;
/// Strict JSON text (duplicate keys, exact numbers): the CLI and the batch page's files. The
/// core wasm module uses only its word scan (the report writer, `report::json`); the linker
/// drops the rest.
pub mod json_text;
/// The crate's own JSON value, read by every reader (issue 8 item 6: no serde_json `Value` or
/// B-tree map in the core module).
pub mod json_value;
pub mod money;
pub mod monitoring;
pub mod number;
pub mod options;
pub mod policy;
pub mod problem;
pub mod province;
pub mod reader;
pub mod report;
pub mod sorted_runs;
pub mod summary;
// The table reader (CSV, spreadsheets) is for files: native builds and the batch page's wasm
// build have it (`cfg(reads_files)`, set by build.rs); the core wasm module does not compile it.
#[cfg(reads_files)]
pub mod table;
pub mod warning;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// Every wasm build allocates with talc instead of Rust's default dlmalloc (issue 8 item 6): the
/// core module is 2.6 KB gzipped smaller, and `assess`, `assessMany` and `BatchJob` run at the
/// same speed (BENCHMARKS.md "Core package size", fifth round). Our modules are single-threaded
/// (no `atomics`), which is what talc's wasm allocator requires.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub use engine::{assess, assess_crossed, assess_json, validate_crossed, validate_json};
pub use household::Household;
pub use options::Options;
pub use problem::Problem;
pub use report::Report;
pub use words::Lang;
