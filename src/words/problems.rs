//! Problems (why a call cannot be evaluated) and pack citations in words.

use super::{pick, said, Lang};
use crate::problem::{Code, Finding};

pub fn problem(lang: Lang, f: &Finding) -> String {
    let given = f.given.as_deref().unwrap_or("");
    let expected = f.expected.as_deref().unwrap_or("");
    // Every sentence fills the same slots: {0} what was given, {1} what was expected, {2} and
    // {3} what an arm works out from them. One call of the filler for all of them (issue 8
    // item 6): the arms are then only pairs of templates.
    let (mut x, mut y) = (String::new(), String::new());
    let (zh, en) = match f.code {
        Code::InvalidDate => pair!("日期“{0}”无效，请按 YYYY-MM-DD 填写真实的日期，例如 2019-12-31", "invalid date \"{0}\": type a real date as YYYY-MM-DD, e.g. 2019-12-31", 4),
        Code::InvalidValue if expected.is_empty() => pair!("取值“{0}”无效", "invalid value \"{0}\"", 4),
        Code::InvalidValue => {
            x = expected_text(lang, expected);
            pair!("取值“{0}”无效，应为{2}", "invalid value \"{0}\": expected {2}", 4)
        }
        Code::InvalidType if expected.is_empty() => {
            x = type_name(lang, given);
            pair!("这里不接受{2}", "{2} is not accepted here", 4)
        }
        Code::InvalidType => {
            x = type_name(lang, given);
            y = what_to_type(lang, expected, &f.path);
            pair!("这里收到的是{2}。{3}", "got {2} here: {3}", 4)
        }
        Code::UnknownField => pair!("未知字段“{0}”（请检查拼写）", "unknown field \"{0}\" (check the spelling)", 4),
        Code::MissingField => pair!("缺少必填字段", "missing required field", 4),
        Code::NegativeAmount => pair!("数值“{0}”不能为负数", "\"{0}\" cannot be negative", 4),
        Code::TooManyDecimals if expected.is_empty() => pair!("数值“{0}”的小数位过多（金额最多两位小数）", "\"{0}\" has too many decimals (money takes at most two)", 4),
        Code::TooManyDecimals => pair!("数值“{0}”的小数位过多（最多 {1} 位小数）", "\"{0}\" has too many decimals (at most {1})", 4),
        Code::OutOfRange if expected.is_empty() => pair!("数值“{0}”超出允许范围", "\"{0}\" is out of the allowed range", 4),
        Code::OutOfRange => {
            x = expected_text(lang, expected);
            pair!("数值“{0}”超出允许范围（应为{2}）", "\"{0}\" is out of range (expected {2})", 4)
        }
        Code::EmptyMembers => pair!("家庭成员列表为空，至少需要一名成员", "the household has no members: at least one is required", 4),
        Code::IdChecksum => pair!("身份证号码“{0}”校验位错误（GB 11643）", "ID number \"{0}\" fails the GB 11643 check digit", 4),
        Code::IdBirthDateMismatch => pair!("身份证号码中的出生日期 {0} 与填写的出生日期 {1} 不一致", "the birth date in the ID number ({0}) differs from birthDate ({1})", 4),
        Code::IdSexMismatch => {
            (x, y) = (sex_name(lang, given), sex_name(lang, expected));
            pair!("身份证号码显示性别为{2}，与填写的{3}不一致", "the ID number says {2} but sex is {3}", 4)
        }
        Code::BornAfterAsOf => pair!("出生日期 {0} 晚于评估日期", "birth date {0} is after the assessment date", 4),
        Code::DateAfterAsOf => pair!("日期 {0} 晚于评估日期（应{1}）", "date {0} is after the assessment date (expected {1})", 4),
        Code::MissingAsOf => pair!("缺少评估日期 asOf（引擎不读取系统时钟，必须给出日期）", "missing asOf: the engine reads no clock, so the assessment date must be given", 4),
        Code::TransferItemsExceedTransfer => pair!("转移性收入明细合计 {0} 元，超过转移性收入总额（应{1}）", "itemised transfers total {0} yuan, more than the transfer income (expected {1})", 4),
        Code::NoPovertyLine => pair!("{0} 没有可用的扶贫标准（元/人·年；参考资料未确认该年数值），请按当年国家或本省公布的扶贫标准，通过 policy.povertyLine 提供", "no poverty line for {0} (yuan per person a year; the reference confirms no figure for that year): give policy.povertyLine from the national or provincial notice of that year", 4),
        Code::NoMonitoringLine => pair!("{0} 没有内置的防止返贫监测线（本地防止返贫监测范围，元/人·年）。监测线由各省每年确定，不设全国默认值；请查本省或本县当年的通知，通过 policy.monitoringLine 提供", "no built-in monitoring line for {0} (the local 防止返贫监测范围, yuan per person a year). Provinces set it every year and there is no national default: take it from the province's or county's notice of that year and give policy.monitoringLine", 4),
        #[cfg(reads_files)]
        Code::InvalidJson => {
            x = json_position(lang, given);
            pair!("不是有效的 JSON 数据{2}", "not valid JSON: {0}", 4)
        }
        Code::ImpossibleDateOrder => {
            let (other, other_date) = expected.rsplit_once(' ').unwrap_or((expected, ""));
            (x, y) = (other.to_owned(), other_date.to_owned());
            pair!("日期 {0} 早于 {2}（{3}），这一先后顺序不可能成立", "date {0} is before {2} ({3}), an order that cannot happen", 4)
        }
        #[cfg(reads_files)]
        Code::UnterminatedQuote => pair!("引号在本行内没有闭合（单元格“{0}”），本行无法读取；一个单元格不能跨行", "a quote opened here does not close on this line ({0}): the row cannot be read; a cell cannot span lines", 4),
        #[cfg(reads_files)]
        Code::HouseholdRowsNotContiguous => {
            // Line lists ("2, 5") read "2、5" in Chinese.
            x = replace_all(expected, ", ", "、");
            pair!("户编号“{0}”的行不相邻（第{2}行）：同一户的各行必须连续排列，该户未评估", "the rows of household \"{0}\" are not contiguous (lines {1}): a household's rows must be adjacent; the household is not assessed", 4) },
        Code::MultipleHeads => pair!("同一户中有{0}名成员被标为户主：可能是两户使用了相同的户编号，该户未评估", "{0} members of one household are coded as head: two households may share an id; the household is not assessed", 4),
        #[cfg(reads_files)]
        Code::InvalidUtf8 => pair!("本行不是 UTF-8 文本（可能是 GBK 编码），无法读取", "this line is not UTF-8 text (GBK, perhaps) and cannot be read", 4),
        #[cfg(reads_files)]
        Code::WrongCellCount => pair!("本行有{0}个单元格，表头有{1}个，无法对应到列", "this row has {0} cells and the header {1}: its cells cannot be matched to columns", 4),
        #[cfg(reads_files)]
        Code::TextAfterQuote => pair!("引号闭合后还有其他文字（单元格“{0}”），本行无法读取", "text follows a closing quote ({0}): the row cannot be read", 4),
        Code::InvalidNumber => pair!("“{0}”不是有限的数值，应填写具体数字", "\"{0}\" is not a finite number: give a real figure", 4),
        Code::AmountTooLarge => pair!("金额“{0}”超出支持范围（每项及合计的绝对值须小于 {1} 元）", "amount \"{0}\" is beyond the supported range (each amount and every sum must stay below {1} yuan in magnitude)", 4),
        #[cfg(reads_files)]
        Code::DuplicateKey => pair!("字段“{0}”在同一对象中重复出现（不按最后一个取值）", "key \"{0}\" appears more than once in the same object (the last one does not silently win)", 4),
        Code::TooManyMembers => pair!("家庭成员 {0} 人，超过上限 {1} 人", "{0} members, more than the limit of {1} per household", 4),
        Code::ValueTooLong => pair!("取值过长（{0} 个字符），上限为 {1} 个字符", "value too long ({0} characters): the limit is {1}", 4),
        Code::InputTooLarge => pair!("输入过大（{0} 字节），一次调用上限为 {1} 字节", "input too large ({0} bytes): one call takes at most {1} bytes", 4),
        Code::TooDeep => pair!("嵌套层数过深（超过 {1} 层）", "nested too deeply (more than {1} levels)", 4),
        Code::CircularReference => pair!("对象引用了自身（循环引用），无法读取", "the object refers back to itself (a cycle) and cannot be read", 4),
        Code::UnreadableValue => pair!("读取该字段时出错：“{0}”", "reading this field failed: {0}", 4),
    };
    let base = said(lang, zh, en, &[&given, &expected, &x, &y]);
    let path = &f.path;
    say!(lang, "{0}：{1}", "{0}: {1}", path, base)
}

/// A JSON value's kind in words (`given` of `invalid_type` is the JSON type name).
fn type_name(lang: Lang, json_type: &str) -> String {
    let (zh, en) = match json_type {
        "number" => ("数字", "a number"),
        "string" => ("文字", "text"),
        "boolean" => ("是或否（true 或 false）", "true or false"),
        "array" => ("列表", "a list"),
        "object" => ("一组字段", "an object"),
        "null" => ("空值（null）", "null"),
        // JavaScript values that JSON has no form for (they reach the engine from a page).
        "undefined" => ("未定义的值（undefined）", "undefined"),
        "function" => ("函数（function）", "a function"),
        "symbol" => ("符号值（Symbol）", "a Symbol"),
        "bigint" => ("大整数（BigInt）", "a BigInt"),
        _ => ("其他类型的值", "a value of another type"),
    };
    pick(lang, zh, en)
}

/// Money fields: amounts in yuan.
fn is_money_path(path: &str) -> bool {
    path.starts_with("income.")
        || path.starts_with("spending.")
        || path.ends_with("povertyLine")
        || path.ends_with("monitoringLine")
        || path.ends_with("dibaoMonthly")
}

/// What the person should type instead (issue 10 §5: say what to type, not the type's name).
fn what_to_type(lang: Lang, expected: &str, path: &str) -> String {
    let (zh, en) = match expected {
        "number" if is_money_path(path) => (
            "请填写数字，单位为元，例如 2600",
            "type a number of yuan, e.g. 2600",
        ),
        "number" => ("请填写数字，例如 60", "type a number, e.g. 60"),
        "string" => ("请填写文字", "type text"),
        "boolean" => (
            "请选择是或否（true 或 false）",
            "choose yes or no (true or false)",
        ),
        "array" => ("请填写列表（[...]）", "give a list ([...])"),
        "object" => ("请填写一组字段（{...}）", "give an object ({...})"),
        "array of households" => (
            "请提供家庭记录的列表（[...]）",
            "give a list of households ([...])",
        ),
        // A JS value that JSON has no form for (function, Symbol, BigInt, undefined).
        "number | string | boolean | object | array | null" => (
            "请填写数字、文字、是或否、列表或一组字段",
            "give a number, text, true or false, a list or an object",
        ),
        _ => ("请按说明填写", "see the documentation for this field"),
    };
    pick(lang, zh, en)
}

/// The `expected` text of a problem in the caller's language. Lists of codes and ranges of
/// numbers read the same in both; the few English phrases readers use are translated here.
fn expected_text(lang: Lang, expected: &str) -> String {
    if lang != Lang::ZhCn {
        return pick(lang, "", expected);
    }
    let zh = match expected {
        "ISO 3166-2:CN, e.g. CN-YN" => "ISO 3166-2:CN 省级代码，例如 CN-YN",
        "GB 11643, 18 characters" => "符合 GB 11643 的18位身份证号码",
        "[lowest age, highest age]" => "由最低年龄和最高年龄组成的两个数",
        "lowest ≤ highest" => "最低值不大于最高值",
        "> 0" => "大于 0 的数",
        "array of households" => "家庭记录的列表",
        other => {
            let t = replace_all(&replace_all(other, " | ", "、"), "..", "至");
            return format!(" {t}");
        }
    };
    zh.to_owned()
}

fn sex_name(lang: Lang, code: &str) -> String {
    let (zh, en) = match code {
        "male" => ("男", "male"),
        "female" => ("女", "female"),
        _ => ("未知", "unknown"),
    };
    pick(lang, zh, en)
}

/// "… at line 3 column 7" of a JSON parser's message, as 第3行第7列; the parser's English
/// wording itself is not shown in Chinese.
#[cfg(reads_files)]
fn json_position(lang: Lang, parser_message: &str) -> String {
    let number_after = |word: &str| -> Option<u64> {
        let rest = after_first(parser_message, word)?;
        // The digits read in place, as `parse::<u64>` of them would (none or too many: `None`),
        // without collecting them into a `String` first.
        let mut number: Option<u64> = None;
        for d in rest.trim_start().bytes().take_while(u8::is_ascii_digit) {
            number = number
                .unwrap_or(0)
                .checked_mul(10)?
                .checked_add(u64::from(d - b'0'));
            number?;
        }
        number
    };
    match (number_after("line"), number_after("column")) {
        (Some(line), Some(col)) => say!(
            lang,
            "（第{0}行第{1}列附近有误）",
            "(at line {0}, column {1})",
            line,
            col,
        ),
        _ => String::new(),
    }
}

// ---------------------------------------------------------------- pack citations

/// `policy.applied[].source` of an `options.policy` override.
pub fn source_override(lang: Lang) -> String {
    say!(
        lang,
        "调用方通过 options.policy 提供",
        "given by the caller in options.policy",
    )
}

/// `policy.applied[].source` of a parameter no pack covers on the date.
pub fn source_default(lang: Lang) -> String {
    say!(
        lang,
        "该日期没有政策包数值，采用接口约定的默认值（见 docs/contract.md）",
        "no pack value for the date: the default stated in docs/contract.md",
    )
}

// Substring search by hand, on bytes: core's `str::replace` / `split(&str)` searcher carries a
// panic path that formats a `char` with `Debug`, and with it core's Unicode printable tables,
// into the wasm module (issue 8 item 6). A match of a whole UTF-8 `needle` in UTF-8 text always
// starts and ends on character boundaries, so the `get`s below never miss.

/// Byte offset of the first `needle` in `hay` (`needle` not empty).
fn find(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
}

/// `text` with every `from` replaced by `to`, as `str::replace` does for a non-empty `from`.
fn replace_all(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find(rest, from) {
        out.push_str(rest.get(..at).unwrap_or_default());
        out.push_str(to);
        rest = rest.get(at + from.len()..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// What follows the first `word` in `text`. `json_position` reads only the digits at its start
/// (after spaces), which is what `text.split(word).nth(1)` gave: `word` starts with a letter,
/// so cutting at its next occurrence cannot shorten those digits.
#[cfg(reads_files)]
fn after_first<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let at = find(text, word)?;
    text.get(at + word.len()..)
}

#[cfg(test)]
mod search_tests {
    use super::*;

    /// Issue 8 item 6: the hand-written search answers as `str::replace` and `split` did, on the
    /// patterns the messages use, in ASCII and Chinese text, at both ends and overlapping.
    #[test]
    fn replace_all_is_str_replace() {
        let texts = [
            "",
            "2, 5",
            "2, 5, 7",
            ", 2, ",
            "a | b | c",
            "0..10",
            "1...3",
            "....",
            "年龄, 2, 5",
            "“甲”, 乙 | 丙..丁",
            "no match",
            ", , ,",
        ];
        for t in texts {
            for (from, to) in [(", ", "、"), (" | ", "、"), ("..", "至")] {
                assert_eq!(
                    replace_all(t, from, to),
                    t.replace(from, to),
                    "{t:?} {from:?}"
                );
            }
        }
    }

    #[test]
    #[cfg(reads_files)]
    fn json_position_reads_line_and_column() {
        let m = "expected value at line 3 column 17";
        assert_eq!(after_first(m, "line"), m.split("line").nth(1));
        assert_eq!(json_position(Lang::En, m), "(at line 3, column 17)");
        assert_eq!(json_position(Lang::ZhCn, m), "（第3行第17列附近有误）");
        assert_eq!(json_position(Lang::En, "EOF while parsing"), "");
        assert_eq!(json_position(Lang::En, "line line 5 column 2"), "");
        // Digits read in place answer as `parse::<u64>` did: too large for u64 is no position,
        // u64::MAX itself is one, leading zeros are dropped.
        let huge = "at line 18446744073709551616 column 2";
        assert_eq!(json_position(Lang::En, huge), "");
        let max = "at line 18446744073709551615 column 007";
        assert_eq!(
            json_position(Lang::En, max),
            "(at line 18446744073709551615, column 7)"
        );
    }
}
