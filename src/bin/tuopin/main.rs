//! `tuopin`: the native twin of the wasm package. Same engine, same JSON.
//!
//! ```text
//! tuopin assess household.json --as-of 2019-12-31 [--province CN-YN] [--lang en] [--policy my-pack.toml]
//! tuopin validate household.json [--as-of 2019-12-31] [--lang en]
//! tuopin batch households.{jsonl,json,csv,xlsx} --as-of 2019-12-31 [--out reports.jsonl]
//! tuopin policies
//! tuopin version
//! ```
//! Exit codes: 0 done; 2 invalid input (problems as JSON on stderr); 1 usage or I/O error.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

/// mimalloc for the native CLI (issue 8 item 4): a batch run allocates per household, and the
/// system allocator was 18% of its CPU. The library and the wasm builds keep their default.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The CLI is native only; this keeps `cargo build --target wasm32 --tests` building
/// (integration tests compile the crate's binaries for the test target).
#[cfg(target_arch = "wasm32")]
fn main() {}
