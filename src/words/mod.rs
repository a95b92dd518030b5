//! Words at the edge (issue 8 item 2): every sentence the engine says, in 简体中文 (default) and
//! English, made from findings when a report is written.
//!
//! The rules (`assessment/`, `exit.rs`, `monitoring.rs`, `causes.rs`) return findings as data:
//! check id, status, the case that decided it, the figures and members that matter. This
//! module depends on those findings, never the other way round: [`render`] fills a report's
//! sentences (`reason`, `basis`, `message`, `evidence`, `why`) from them in one pass, and a
//! roll-up that assembles no report never calls it.
//!
//! Layout: `checks.rs` (the eight checks, their bases, monitoring reasons, missing facts),
//! `causes.rs` (致贫原因 and 帮扶措施), `warnings.rs`, `problems.rs` (problems and pack citations).
//!
//! Style (after cedar-policy's guide): English starts lowercase and has no final period; user
//! input is quoted; no Rust type names. Chinese has no final 。. Members are numbered from 1 for
//! people, with the 0-based path beside it.
//!
//! Language rules (contract v1.1 item 6, checked for every sentence by `tests/messages.rs`):
//! zh-CN uses full-width punctuation (GB/T 15834: ，。：；（）“”, ranges with —) and no English
//! word except codes, field paths and document numbers; English contains Chinese only as a
//! gloss in parentheses after the English words, e.g. "minimum living allowance (低保)".

use crate::assessment::Check;
use crate::money::Money;
use crate::number::Decimal;
use crate::report::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    ZhCn,
    En,
    /// No sentences at all: for roll-ups that keep only codes and figures (a batch summary,
    /// compact rows), where formatting every reason would be most of the work. Never chosen by
    /// a caller's `lang`.
    Quiet,
}

impl Lang {
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag {
            "zh-CN" | "zh" | "zh-Hans" => Some(Lang::ZhCn),
            "en" | "en-US" | "en-GB" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn | Lang::Quiet => "zh-CN",
            Lang::En => "en",
        }
    }
}

/// A fixed sentence in `lang` (one allocation, of the language asked for).
#[inline(never)]
pub(crate) fn pick(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::ZhCn => zh.to_owned(),
        Lang::En => en.to_owned(),
        Lang::Quiet => String::new(),
    }
}

/// A sentence in the language asked for: `say!(lang, "zh {0}…", "en {0}…", a, b)`, where `{i}`
/// is the `i`-th argument after the two templates (the languages may order them differently).
///
/// Why not `format_args!` (issue 8 item 6): formatting each language through its own
/// `format_args!` built two argument arrays and two piece tables per sentence at every call
/// site, ~70 bytes of code each plus the pointer tables. Here a call site passes the two
/// templates and one array of arguments to one shared filler ([`said`]); the templates are
/// checked when the crate compiles (`slots_fit`), so a slot can neither be missing nor point
/// past the arguments. A sentence without arguments is a fixed text ([`pick`]).
macro_rules! say {
    ($lang:expr, $zh:literal, $en:literal $(,)?) => {{
        const _: () = assert!($crate::words::slots_fit($zh, $en, 0));
        $crate::words::pick($lang, $zh, $en)
    }};
    ($lang:expr, $zh:literal, $en:literal $(, $arg:expr)+ $(,)?) => {{
        const _: () = assert!($crate::words::slots_fit($zh, $en, [$(stringify!($arg)),+].len()));
        $crate::words::said($lang, $zh, $en, &[$(&$arg as &dyn $crate::words::Slot),+])
    }};
}

/// The two templates of one arm of a `match` whose arms share one call of [`said`] with `$n`
/// arguments: checked when the crate compiles like `say!`'s, except that an arm may leave an
/// argument unused.
macro_rules! pair {
    ($zh:literal, $en:literal, $n:literal) => {{
        const _: () = assert!($crate::words::slots_below($zh, $en, $n));
        ($zh, $en)
    }};
}

/// A value that fills a slot, written as `{}` writes it. Text is copied and integers are
/// written with `itoa` straight into the sentence: going through `core::fmt` for every argument
/// (one `fmt::write` each) made `tuopin batch --out` slower than the `format_args!` the filler
/// replaced (callgrind, BENCHMARKS.md "Fifth round").
pub(crate) trait Slot {
    fn put(&self, out: &mut String);
}

impl Slot for str {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: Slot + ?Sized> Slot for &T {
    fn put(&self, out: &mut String) {
        (**self).put(out);
    }
}

impl Slot for String {
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

macro_rules! integer_slots {
    ($($t:ty),+) => {$(
        impl Slot for $t {
            fn put(&self, out: &mut String) {
                out.push_str(itoa::Buffer::new().format(*self));
            }
        }
    )+};
}
integer_slots!(i32, i64, u64, usize);

macro_rules! shown_slots {
    ($($t:ty),+) => {$(
        impl Slot for $t {
            fn put(&self, out: &mut String) {
                use std::fmt::Write;
                // Writing into a `String` cannot fail.
                let _ = write!(out, "{self}");
            }
        }
    )+};
}
shown_slots!(Decimal, crate::date::Date);

/// Fills the template of `lang` (`{0}`–`{9}` are slots) with `args`, each written as `{}` would
/// write it, so the text is byte for byte what `format!` made of the same sentence.
#[inline(never)]
pub(crate) fn said(lang: Lang, zh: &str, en: &str, args: &[&dyn Slot]) -> String {
    let template = match lang {
        Lang::ZhCn => zh,
        Lang::En => en,
        Lang::Quiet => return String::new(),
    };
    // Room for the arguments as `format!` estimates it (twice the text), so a sentence is
    // rarely grown while it is filled.
    let mut out = String::with_capacity(template.len() * 2);
    let mut rest = template;
    // `slots_fit` has checked every `{` at compile time: a digit naming an argument, then `}`.
    while let Some(at) = rest.bytes().position(|b| b == b'{') {
        out.push_str(rest.get(..at).unwrap_or_default());
        let slot = rest
            .as_bytes()
            .get(at + 1)
            .map(|d| usize::from(d.wrapping_sub(b'0')));
        if let Some(arg) = slot.and_then(|i| args.get(i)) {
            arg.put(&mut out);
        }
        rest = rest.get(at + 3..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// Compile-time check of a `say!` sentence: in both templates every `{` opens a slot `{i}` with
/// `i < n`, no `}` stands alone, and each of the `n` arguments fills a slot of at least one
/// language.
pub(crate) const fn slots_fit(zh: &str, en: &str, n: usize) -> bool {
    let (Some(a), Some(b)) = (slots_used(zh.as_bytes(), n), slots_used(en.as_bytes(), n)) else {
        return false;
    };
    n <= 10 && (a | b) == (1u16 << n) - 1
}

/// Every `{` of both templates opens a slot `{i}` with `i < n`, and no `}` stands alone.
pub(crate) const fn slots_below(zh: &str, en: &str, n: usize) -> bool {
    slots_used(zh.as_bytes(), n).is_some() && slots_used(en.as_bytes(), n).is_some()
}

/// The set of slots a template uses, as bits; `None` when a brace is not a slot below `n`.
const fn slots_used(mut rest: &[u8], n: usize) -> Option<u16> {
    let mut used = 0u16;
    while let [first, tail @ ..] = rest {
        rest = tail;
        match *first {
            b'{' => match rest {
                [d @ b'0'..=b'9', b'}', tail @ ..] if ((*d - b'0') as usize) < n => {
                    used |= 1 << (*d - b'0');
                    rest = tail;
                }
                _ => return None,
            },
            b'}' => return None,
            _ => {}
        }
    }
    Some(used)
}

pub(crate) fn yuan(m: Money) -> String {
    m.to_decimal().to_string()
}

/// Members numbered from 1 ("第1、3位成员", "member 1, 3").
pub(crate) fn who(lang: Lang, idx: &[usize]) -> String {
    let mut list = String::new();
    for (k, i) in idx.iter().enumerate() {
        if k > 0 {
            list.push_str(separator(lang));
        }
        list.push_str(itoa::Buffer::new().format(i + 1));
    }
    say!(lang, "第{0}位成员", "member {0}", list)
}

/// How `lang` separates the items of a list: 、 in Chinese, a comma in English.
fn separator(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        Lang::ZhCn | Lang::Quiet => "、",
    }
}

/// `items` joined the way `lang` lists them, made in that language only: the lists were made in
/// both and one dropped, with two copies of std's `join` in the module (issue 8 item 6).
pub(crate) fn listed<S: AsRef<str>>(lang: Lang, items: &[S]) -> String {
    let mut list = String::new();
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            list.push_str(separator(lang));
        }
        list.push_str(item.as_ref());
    }
    list
}

// The sentence makers, one file per kind of finding; they share `say!`, `pick`, `yuan`, `who`.
mod causes;
mod checks;
mod problems;
mod warnings;

pub use causes::*;
pub use checks::*;
pub use problems::*;
pub use warnings::*;

/// Puts a report's findings into words in `lang`: the checks' reasons and bases and their
/// members' reasons, the missing facts of the exit and elimination checklists, the monitoring
/// reasons, the causes' evidence and the measures' why. In `Quiet` the reasons stay empty (a
/// compact row keeps codes and figures) and bases are the zh-CN citation, as always.
pub fn render(report: &mut Report, lang: Lang) {
    render_checks(&mut report.checks, lang);
    if lang == Lang::Quiet {
        return;
    }
    if let Some(exit) = &mut report.exit {
        for m in &mut exit.missing {
            m.message = missing_facts(lang, &m.item, &m.paths);
        }
    }
    if let Some(e) = &mut report.risk_elimination {
        for m in &mut e.missing {
            m.message = missing_facts(lang, &m.item, &m.paths);
        }
    }
    if let Some(mon) = &mut report.monitoring {
        for r in &mut mon.reasons {
            r.message = monitoring_reason(lang, r, &report.checks);
        }
    }
    for c in &mut report.causes {
        c.evidence = cause(lang, &c.finding);
    }
    for m in &mut report.measures {
        m.why = measure_why(lang, m.measure);
    }
}

fn render_checks(checks: &mut [Check], lang: Lang) {
    for c in checks {
        c.basis = basis(lang, c.rests_on);
        if lang == Lang::Quiet {
            continue;
        }
        c.reason = check_reason(lang, c.status, c.veto, &c.finding);
        for m in &mut c.members {
            m.reason = member_reason(lang, &m.finding);
        }
    }
}

#[cfg(test)]
mod filler_tests {
    use super::*;
    use crate::date::Date;

    /// Issue 8 item 6: the compile-time check of `say!` and `pair!` refuses the mistakes a
    /// template can hold (these functions run at compile time in the macros; here at run time).
    #[test]
    fn slot_checks_catch_mistakes() {
        assert!(slots_fit("第{0}位", "member {0}", 1));
        assert!(slots_fit("{0}人中仅{1}人", "only {1} of {0}", 2));
        // An argument each language uses only in its own template (`who` before lists).
        assert!(slots_fit("第{0}位", "member {1}", 2));
        assert!(!slots_fit("第{0}位", "member {0}", 2), "argument 1 unused");
        assert!(
            !slots_fit("第{1}位", "member {1}", 1),
            "slot past the arguments"
        );
        assert!(!slots_fit("第{x}位", "member {0}", 1), "named slot");
        assert!(!slots_fit("第{{0}}位", "member {0}", 1), "escaped brace");
        assert!(!slots_fit("第0}位", "member {0}", 1), "stray closing brace");
        assert!(!slots_fit("第{0", "member {0}", 1), "unclosed slot");
        assert!(slots_fit("无住房", "no house", 0));
        assert!(!slots_fit("无{0}住房", "no house", 0));
        assert!(
            slots_below("人均{0}", "no figure here", 2),
            "pair: an argument may go unused"
        );
        assert!(!slots_below("人均{2}", "x", 2));
    }

    /// The filler writes every argument as `format!("{}")` did, for each type that fills a
    /// slot, at both ends of the template and side by side, in both languages.
    #[test]
    fn filled_as_format_wrote() {
        let (text, owned) = ("“甲”", String::from("a, b"));
        let (age, days, count, big) = (-7i32, i64::MIN, usize::MAX, u64::MAX);
        let (amount, date) = (
            Money::from_fen(-150).to_decimal(),
            Date::parse("2019-02-03").unwrap(),
        );
        let zh = said(
            Lang::ZhCn,
            "{0}{1}：{2}岁{3}天{4}{5}，{6}元{7}",
            "-",
            &[&text, &owned, &age, &days, &count, &big, &amount, &date],
        );
        assert_eq!(
            zh,
            format!("{text}{owned}：{age}岁{days}天{count}{big}，{amount}元{date}")
        );
        let en = said(Lang::En, "-", "{1} then {0}", &[&"first", &owned]);
        assert_eq!(en, format!("{owned} then first"));
        assert_eq!(said(Lang::Quiet, "{0}", "{0}", &[&text]), "");
    }
}
