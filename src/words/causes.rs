//! 致贫原因 evidence and 帮扶措施 reasons in words, from the message table of the report's
//! language (`zh.rs`, `en.rs`).

use super::checks::table;
use super::Lang;
use crate::causes::CauseFinding;
use crate::household::Measure;

/// A cause's evidence from its finding: the members (numbered from 1) and amounts it rests on.
pub fn cause(lang: Lang, f: &CauseFinding) -> String {
    table(lang).map_or_else(String::new, |t| (t.cause)(f))
}

/// Why a measure is suggested.
pub fn measure_why(lang: Lang, m: Measure) -> String {
    table(lang)
        .map(|t| (t.measure_why)(m).to_owned())
        .unwrap_or_default()
}
