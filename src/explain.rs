//! The engine's sentences, under their historical name: everything lives in [`crate::words`]
//! (a table of sentence makers per kind of finding and the renderer that fills a report).

pub use crate::words::*;
