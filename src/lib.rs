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
pub mod summary;
// The table reader (CSV, spreadsheets) is for files: native builds and the batch page's wasm
// build have it; the core wasm module does not compile it at all.
#[cfg(any(not(target_arch = "wasm32"), feature = "files"))]
pub mod table;
pub mod warning;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use engine::{assess, assess_crossed, assess_json, validate_crossed, validate_json};
pub use household::Household;
pub use options::Options;
pub use problem::Problem;
pub use report::Report;
pub use words::Lang;
