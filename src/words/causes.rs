//! 致贫原因 evidence and 帮扶措施 reasons in words, from the message table of the report's
//! language (`zh.rs`, `en.rs`).

use super::checks::{fill, joined, table, CauseMsg, Msg};
use super::{yuan, Lang};
use crate::assessment::CheckId;
use crate::causes::CauseFinding;
use crate::household::Measure;

/// A cause's evidence from its finding: the members (numbered from 1) and amounts it rests on.
pub fn cause(lang: Lang, f: &CauseFinding) -> String {
    let Some(t) = table(lang) else {
        return String::new();
    };
    let who = |idx: &[usize]| {
        fill(
            t(Msg::Member),
            &[("list", &joined(t, idx.iter().map(|i| i + 1)))],
        )
    };
    match f {
        // A serious illness is named first; else the chronically ill with heavy costs.
        CauseFinding::Illness {
            serious,
            chronic,
            medical,
        } => {
            if serious.is_empty() {
                let (w, y) = (who(chronic), yuan(*medical));
                fill(
                    t(Msg::Cause(CauseMsg::IllnessChronic)),
                    &[("w", &w), ("y", &y)],
                )
            } else {
                fill(
                    t(Msg::Cause(CauseMsg::IllnessSerious)),
                    &[("w", &who(serious))],
                )
            }
        }
        CauseFinding::Disability(idx) => {
            fill(t(Msg::Cause(CauseMsg::Disability)), &[("w", &who(idx))])
        }
        CauseFinding::Education(idx, amount) => {
            let (w, y) = (who(idx), yuan(*amount));
            fill(t(Msg::Cause(CauseMsg::Education)), &[("w", &w), ("y", &y)])
        }
        CauseFinding::LackOfLabour { able, persons } => fill(
            t(Msg::Cause(CauseMsg::LackOfLabour)),
            &[("able", able), ("n", persons)],
        ),
        CauseFinding::Disaster(loss) => {
            fill(t(Msg::Cause(CauseMsg::Disaster)), &[("y", &yuan(*loss))])
        }
        CauseFinding::FailingCheck(CheckId::Water) => {
            t(Msg::Cause(CauseMsg::NoSafeWater)).to_owned()
        }
        CauseFinding::FailingCheck(_) => t(Msg::Cause(CauseMsg::NoSafeHousing)).to_owned(),
    }
}

/// Why a measure is suggested.
pub fn measure_why(lang: Lang, m: Measure) -> String {
    table(lang)
        .map(|t| t(Msg::Measure(m)).to_owned())
        .unwrap_or_default()
}
