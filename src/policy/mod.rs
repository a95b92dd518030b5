//! Law as data: policy packs of dated, sourced parameters, and their resolution for one
//! province on one date, with the caller's overrides on top.
//!
//! A pack (`packs/*.toml`) lists, for each parameter, entries `{ from, to?, value?, source,
//! sourceZh, confidence }`. On a date, the province's pack is asked first, then the national one; the first
//! entry covering the date decides. An entry without `value` says "the reference found no figure
//! for this period": the parameter then has no value, which is a problem when it is needed and
//! never a silent default.

mod pack;
mod params;
mod resolve;

pub use pack::{packs, source_of, Confidence, Entry, Pack};
pub use params::{Boundary, EducationRule, IncomeConcept, MedicalRequirement, Params, WaterRule};
pub use resolve::{resolve, Applied, Resolved, OVERRIDE};
