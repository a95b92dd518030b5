//! Every sentence the engine says, in 简体中文 (default) and English.
//!
//! Style (after cedar-policy's guide): English starts lowercase and has no final period; user
//! input is quoted; no Rust type names. Chinese has no final 。. Members are numbered from 1 for
//! people, with the 0-based path beside it.
//!
//! Language rules (contract v1.1 item 6, checked for every sentence by `tests/messages.rs`):
//! zh-CN uses full-width punctuation (GB/T 15834: ，。：；（）“”, ranges with —) and no English
//! word except codes, field paths and document numbers; English contains Chinese only as a
//! gloss in parentheses after the English words, e.g. "minimum living allowance (低保)".

use crate::assessment::{CheckId, IncomeFigures, Status, Tri};
use crate::date::Date;
use crate::household::{
    HouseGrade, Household, Measure, Relation, Risk, SafeAlternative, Schooling, TransferItem,
};
use crate::money::Money;
use crate::number::Decimal;
use crate::policy::WaterRule;
use crate::problem::{Code, Finding};

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

fn pick(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::ZhCn => zh,
        Lang::En => en,
        Lang::Quiet => String::new(),
    }
}

/// Formats only the language asked for.
macro_rules! say {
    ($lang:expr, $zh:expr, $en:expr $(,)?) => {
        match $lang {
            Lang::ZhCn => format!($zh),
            Lang::En => format!($en),
            Lang::Quiet => String::new(),
        }
    };
}

fn yuan(m: Money) -> String {
    m.to_decimal().to_string()
}

fn who(lang: Lang, idx: &[usize]) -> String {
    let list: Vec<String> = idx.iter().map(|i| (i + 1).to_string()).collect();
    let (zh, en) = (list.join("、"), list.join(", "));
    say!(lang, "第{zh}位成员", "member {en}")
}

// ---------------------------------------------------------------- problems

pub fn problem(lang: Lang, f: &Finding) -> String {
    let given = f.given.as_deref().unwrap_or("");
    let expected = f.expected.as_deref().unwrap_or("");
    // Line lists ("2, 5") read "2、5" in Chinese.
    let zh_lines = expected.replace(", ", "、");
    let base = match f.code {
        Code::InvalidDate => say!(lang, "日期“{given}”无效，请按 YYYY-MM-DD 填写真实的日期，例如 2019-12-31", "invalid date \"{given}\": type a real date as YYYY-MM-DD, e.g. 2019-12-31"),
        Code::InvalidValue if expected.is_empty() => say!(lang, "取值“{given}”无效", "invalid value \"{given}\""),
        Code::InvalidValue => {
            let want = expected_text(lang, expected);
            say!(lang, "取值“{given}”无效，应为{want}", "invalid value \"{given}\": expected {want}")
        }
        Code::InvalidType if expected.is_empty() => {
            let got = type_name(lang, given);
            say!(lang, "这里不接受{got}", "{got} is not accepted here")
        }
        Code::InvalidType => {
            let got = type_name(lang, given);
            let hint = what_to_type(lang, expected, &f.path);
            say!(lang, "这里收到的是{got}。{hint}", "got {got} here: {hint}")
        }
        Code::UnknownField => say!(lang, "未知字段“{given}”（请检查拼写）", "unknown field \"{given}\" (check the spelling)"),
        Code::MissingField => say!(lang, "缺少必填字段", "missing required field"),
        Code::NegativeAmount => say!(lang, "数值“{given}”不能为负数", "\"{given}\" cannot be negative"),
        Code::TooManyDecimals if expected.is_empty() => say!(lang, "数值“{given}”的小数位过多（金额最多两位小数）", "\"{given}\" has too many decimals (money takes at most two)"),
        Code::TooManyDecimals => say!(lang, "数值“{given}”的小数位过多（最多 {expected} 位小数）", "\"{given}\" has too many decimals (at most {expected})"),
        Code::OutOfRange if expected.is_empty() => say!(lang, "数值“{given}”超出允许范围", "\"{given}\" is out of the allowed range"),
        Code::OutOfRange => {
            let want = expected_text(lang, expected);
            say!(lang, "数值“{given}”超出允许范围（应为{want}）", "\"{given}\" is out of range (expected {want})")
        }
        Code::EmptyMembers => say!(lang, "家庭成员列表为空，至少需要一名成员", "the household has no members: at least one is required"),
        Code::IdChecksum => say!(lang, "身份证号码“{given}”校验位错误（GB 11643）", "ID number \"{given}\" fails the GB 11643 check digit"),
        Code::IdBirthDateMismatch => say!(lang, "身份证号码中的出生日期 {given} 与填写的出生日期 {expected} 不一致", "the birth date in the ID number ({given}) differs from birthDate ({expected})"),
        Code::IdSexMismatch => {
            let (id_sex, typed) = (sex_name(lang, given), sex_name(lang, expected));
            say!(lang, "身份证号码显示性别为{id_sex}，与填写的{typed}不一致", "the ID number says {id_sex} but sex is {typed}")
        }
        Code::BornAfterAsOf => say!(lang, "出生日期 {given} 晚于评估日期", "birth date {given} is after the assessment date"),
        Code::DateAfterAsOf => say!(lang, "日期 {given} 晚于评估日期（应{expected}）", "date {given} is after the assessment date (expected {expected})"),
        Code::MissingAsOf => say!(lang, "缺少评估日期 asOf（引擎不读取系统时钟，必须给出日期）", "missing asOf: the engine reads no clock, so the assessment date must be given"),
        Code::TransferItemsExceedTransfer => say!(lang, "转移性收入明细合计 {given} 元，超过转移性收入总额（应{expected}）", "itemised transfers total {given} yuan, more than the transfer income (expected {expected})"),
        Code::NoPovertyLine => say!(lang, "{given} 没有可用的扶贫标准（元/人·年；参考资料未确认该年数值），请按当年国家或本省公布的扶贫标准，通过 policy.povertyLine 提供", "no poverty line for {given} (yuan per person a year; the reference confirms no figure for that year): give policy.povertyLine from the national or provincial notice of that year"),
        Code::NoMonitoringLine => say!(lang, "{given} 没有内置的防止返贫监测线（本地防止返贫监测范围，元/人·年）。监测线由各省每年确定，不设全国默认值；请查本省或本县当年的通知，通过 policy.monitoringLine 提供", "no built-in monitoring line for {given} (the local 防止返贫监测范围, yuan per person a year). Provinces set it every year and there is no national default: take it from the province's or county's notice of that year and give policy.monitoringLine"),
        Code::InvalidJson => {
            let at = json_position(lang, given);
            say!(lang, "不是有效的 JSON 数据{at}", "not valid JSON: {given}")
        }
        Code::ImpossibleDateOrder => {
            let (other, other_date) = expected.rsplit_once(' ').unwrap_or((expected, ""));
            say!(lang, "日期 {given} 早于 {other}（{other_date}），这一先后顺序不可能成立", "date {given} is before {other} ({other_date}), an order that cannot happen")
        }
        Code::UnterminatedQuote => say!(lang, "引号在本行内没有闭合（单元格“{given}”），本行无法读取；一个单元格不能跨行", "a quote opened here does not close on this line ({given}): the row cannot be read; a cell cannot span lines"),
        Code::HouseholdRowsNotContiguous => say!(lang, "户编号“{given}”的行不相邻（第{zh_lines}行）：同一户的各行必须连续排列，该户未评估", "the rows of household \"{given}\" are not contiguous (lines {expected}): a household's rows must be adjacent; the household is not assessed"),
        Code::MultipleHeads => say!(lang, "同一户中有{given}名成员被标为户主：可能是两户使用了相同的户编号，该户未评估", "{given} members of one household are coded as head: two households may share an id; the household is not assessed"),
        Code::InvalidUtf8 => say!(lang, "本行不是 UTF-8 文本（可能是 GBK 编码），无法读取", "this line is not UTF-8 text (GBK, perhaps) and cannot be read"),
        Code::WrongCellCount => say!(lang, "本行有{given}个单元格，表头有{expected}个，无法对应到列", "this row has {given} cells and the header {expected}: its cells cannot be matched to columns"),
        Code::TextAfterQuote => say!(lang, "引号闭合后还有其他文字（单元格“{given}”），本行无法读取", "text follows a closing quote ({given}): the row cannot be read"),
        Code::InvalidNumber => say!(lang, "“{given}”不是有限的数值，应填写具体数字", "\"{given}\" is not a finite number: give a real figure"),
        Code::AmountTooLarge => say!(lang, "金额“{given}”超出支持范围（每项及合计的绝对值须小于 {expected} 元）", "amount \"{given}\" is beyond the supported range (each amount and every sum must stay below {expected} yuan in magnitude)"),
        Code::DuplicateKey => say!(lang, "字段“{given}”在同一对象中重复出现（不按最后一个取值）", "key \"{given}\" appears more than once in the same object (the last one does not silently win)"),
        Code::TooManyMembers => say!(lang, "家庭成员 {given} 人，超过上限 {expected} 人", "{given} members, more than the limit of {expected} per household"),
        Code::ValueTooLong => say!(lang, "取值过长（{given} 个字符），上限为 {expected} 个字符", "value too long ({given} characters): the limit is {expected}"),
        Code::InputTooLarge => say!(lang, "输入过大（{given} 字节），一次调用上限为 {expected} 字节", "input too large ({given} bytes): one call takes at most {expected} bytes"),
        Code::TooDeep => say!(lang, "嵌套层数过深（超过 {expected} 层）", "nested too deeply (more than {expected} levels)"),
        Code::CircularReference => say!(lang, "对象引用了自身（循环引用），无法读取", "the object refers back to itself (a cycle) and cannot be read"),
        Code::UnreadableValue => say!(lang, "读取该字段时出错：“{given}”", "reading this field failed: {given}"),
    };
    let path = &f.path;
    say!(lang, "{path}：{base}", "{path}: {base}")
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
    pick(lang, zh.into(), en.into())
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
    pick(lang, zh.into(), en.into())
}

/// The `expected` text of a problem in the caller's language. Lists of codes and ranges of
/// numbers read the same in both; the few English phrases readers use are translated here.
fn expected_text(lang: Lang, expected: &str) -> String {
    let zh = match expected {
        "ISO 3166-2:CN, e.g. CN-YN" => "ISO 3166-2:CN 省级代码，例如 CN-YN".to_string(),
        "GB 11643, 18 characters" => "符合 GB 11643 的18位身份证号码".to_string(),
        "[lowest age, highest age]" => "由最低年龄和最高年龄组成的两个数".to_string(),
        "lowest ≤ highest" => "最低值不大于最高值".to_string(),
        "> 0" => "大于 0 的数".to_string(),
        "array of households" => "家庭记录的列表".to_string(),
        other => {
            let t = other.replace(" | ", "、").replace("..", "至");
            format!(" {t}")
        }
    };
    pick(lang, zh, expected.to_string())
}

fn sex_name(lang: Lang, code: &str) -> String {
    let (zh, en) = match code {
        "male" => ("男", "male"),
        "female" => ("女", "female"),
        _ => ("未知", "unknown"),
    };
    pick(lang, zh.into(), en.into())
}

/// "… at line 3 column 7" of a JSON parser's message, as 第3行第7列; the parser's English
/// wording itself is not shown in Chinese.
fn json_position(lang: Lang, parser_message: &str) -> String {
    let number_after = |word: &str| -> Option<u64> {
        let rest = parser_message.split(word).nth(1)?;
        let digits: String = rest
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    };
    match (number_after("line"), number_after("column")) {
        (Some(line), Some(col)) => say!(
            lang,
            "（第{line}行第{col}列附近有误）",
            "(at line {line}, column {col})"
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
        "given by the caller in options.policy"
    )
}

/// `policy.applied[].source` of a parameter no pack covers on the date.
pub fn source_default(lang: Lang) -> String {
    say!(
        lang,
        "该日期没有政策包数值，采用接口约定的默认值（见 docs/contract.md）",
        "no pack value for the date: the default stated in docs/contract.md"
    )
}

// ---------------------------------------------------------------- check bases

/// What each check rests on (`checks[].basis`), in the report's language.
#[derive(Debug, Clone, Copy)]
pub enum Basis {
    IncomeExit,
    IncomeMonitoring,
    Food,
    Clothing,
    Electricity,
    EducationNoDropout,
    EducationNoPovertyDropout,
    Medical,
    Housing,
    Water,
}

pub fn basis(lang: Lang, b: Basis) -> &'static str {
    let (zh, en) = match b {
        Basis::IncomeExit => ("厅字〔2016〕16号：年人均纯收入稳定超过国家扶贫标准", "厅字〔2016〕16号: annual per-capita net income stably above the national poverty line"),
        Basis::IncomeMonitoring => ("中农组发〔2021〕7号：省定防止返贫监测范围", "中农组发〔2021〕7号: the monitoring line set by the province"),
        Basis::Food => ("厅字〔2016〕16号：吃穿不愁；国家脱贫攻坚普查：平常能吃得饱，家庭有稳定充足的食物来源", "厅字〔2016〕16号: food and clothing secure; national poverty-alleviation census: enough to eat, a stable and sufficient food supply"),
        Basis::Clothing => ("厅字〔2016〕16号：吃穿不愁；国家脱贫攻坚普查：一年四季都有应季的换洗衣物和御寒被褥", "厅字〔2016〕16号: food and clothing secure; national poverty-alleviation census: seasonal clothes and warm bedding all year"),
        Basis::Electricity => ("通生活用电：部分省份的退出指标（陕西五项指标；广西“八有一超”之有电用）", "household electricity: a provincial exit indicator (Shaanxi's five indicators; Guangxi's eight haves (八有一超))"),
        Basis::EducationNoDropout => ("国开发〔2019〕15号：义务教育阶段适龄儿童少年不失学辍学；普查：适龄为6—15周岁，送教上门计入，不具备学习条件的除外", "国开发〔2019〕15号: no child of compulsory-school age out of school; census: ages 6–15, home tutoring (送教上门) counts, children unable to study excepted"),
        Basis::EducationNoPovertyDropout => ("2016—2018年退出标准：无因贫辍学（广西至2020年）", "2016–2018 exit standards: no dropout because of poverty (无因贫辍学; Guangxi until 2020)"),
        Basis::Medical => ("基本医疗有保障：建档立卡人口纳入基本医疗保险、大病保险和医疗救助（国家脱贫攻坚普查）", "basic medical care guaranteed: registered poor people covered by basic medical insurance, critical-illness insurance and medical assistance (national poverty-alleviation census)"),
        Basis::Housing => ("住房安全有保障：不住C级、D级危房；易地搬迁集中安置已交钥匙、分散安置已入住；投亲靠友、公租房（2020年核验）", "safe housing: not living in a grade C or D house; relocation keys handed over (centralised) or moved in (scattered); housed with family or in public rental (2020 verification)"),
        Basis::Water => ("T/CHES 18-2018《农村饮水安全评价准则》：水量、水质、用水方便程度、供水保证率四项全部达标或基本达标", "T/CHES 18-2018 rural drinking-water safety standard: quantity, quality, convenience and reliability all met or basically met"),
    };
    match lang {
        Lang::En => en,
        Lang::ZhCn | Lang::Quiet => zh,
    }
}

// ---------------------------------------------------------------- missing facts

/// Why an `incomplete` verdict is incomplete: the item that cannot be decided and the fields
/// to fill in (issue 10 §5: a blank field must not read like a finding).
pub fn missing_facts(lang: Lang, item: &str, paths: &[String]) -> String {
    let (zh_list, en_list) = (paths.join("、"), paths.join(", "));
    let (zh_item, en_item) = match item {
        "rigid_spending_exceeds_income" => (
            "因病因学刚性支出是否超过收入",
            "whether medical and schooling spending exceeds income",
        ),
        "rigid_spending_unresolved" => (
            "刚性支出是否已稳定解决",
            "whether rigid spending is resolved",
        ),
        "identified_this_year" => (
            "是否为当年新识别",
            "whether the household was identified this year",
        ),
        "too_soon" => (
            "监测时间是否已满",
            "whether the household has been monitored long enough",
        ),
        "no_labour_household" => (
            "是否整户无劳动能力",
            "whether nobody in the household can work",
        ),
        "income" => ("收入是否达标", "whether income meets the line"),
        "food" => ("是否不愁吃", "whether food is secure"),
        "clothing" => ("是否不愁穿", "whether clothing is secure"),
        "education" => (
            "义务教育是否有保障",
            "whether compulsory schooling is secured",
        ),
        "medical" => (
            "基本医疗是否有保障",
            "whether basic medical care is secured",
        ),
        "housing" => ("住房安全是否有保障", "whether housing is safe"),
        "water" => ("饮水安全是否有保障", "whether drinking water is safe"),
        "electricity" => ("是否通生活用电", "whether electricity is connected"),
        _ => ("该项", "this item"),
    };
    say!(
        lang,
        "信息不全，无法判断{zh_item}：请填写 {zh_list}",
        "not known {en_item}: fill in {en_list}"
    )
}

// ---------------------------------------------------------------- income

pub fn income_check(lang: Lang, status: Status, f: &IncomeFigures) -> String {
    let line = yuan(f.line);
    let (zh_line, en_line) = match f.line_kind {
        crate::assessment::LineKind::PovertyLine => ("扶贫标准", "poverty line"),
        crate::assessment::LineKind::MonitoringLine => ("监测线", "monitoring line"),
    };
    let pc = f.counted_exact().map(|c| yuan(f.per_capita(c).rounded()));
    match (status, pc) {
        (Status::Unknown, _) if f.net.is_none() => {
            let (zh, en) = (f.missing.join("、"), f.missing.join(", "));
            say!(lang, "收入数据不全（{zh}），无法计算人均纯收入", "income is incomplete ({en}): per-capita net income cannot be computed")
        }
        (Status::Unknown, _) => say!(lang, "部分不计入收入的转移性收入未列明金额，人均纯收入可能高于或低于{zh_line} {line} 元", "some excluded transfer items are not itemised: counted income may be above or below the {en_line} of {line} yuan"),
        (Status::Pass, Some(pc)) => say!(lang, "人均纯收入 {pc} 元，高于{zh_line} {line} 元", "per-capita net income {pc} yuan is above the {en_line} of {line} yuan"),
        (Status::Pass, None) => say!(lang, "人均纯收入高于{zh_line} {line} 元", "per-capita net income is above the {en_line} of {line} yuan"),
        (_, Some(pc)) if pc == line => say!(lang, "人均纯收入 {pc} 元恰好等于{zh_line}，按严格口径不算“超过”", "per-capita net income {pc} yuan equals the {en_line} exactly, which under the strict reading is not above it"),
        (_, Some(pc)) => say!(lang, "人均纯收入 {pc} 元，未超过{zh_line} {line} 元", "per-capita net income {pc} yuan is not above the {en_line} of {line} yuan"),
        (_, None) => say!(lang, "人均纯收入未超过{zh_line} {line} 元", "per-capita net income is not above the {en_line} of {line} yuan"),
    }
}

pub fn monitoring_income(lang: Lang, below: Tri, f: &IncomeFigures) -> String {
    let line = yuan(f.line);
    // Without an exact figure (unitemised excluded items) the range still decides: say so
    // without a number rather than print a placeholder.
    let pc = f.counted_exact().map(|c| yuan(f.per_capita(c).rounded()));
    match (below, pc) {
        (Some(true), Some(pc)) => say!(lang, "人均纯收入 {pc} 元，低于监测线 {line} 元", "per-capita net income {pc} yuan is below the monitoring line of {line} yuan"),
        (Some(false), Some(pc)) => say!(lang, "人均纯收入 {pc} 元，不低于监测线 {line} 元", "per-capita net income {pc} yuan is not below the monitoring line of {line} yuan"),
        (Some(true), None) => say!(lang, "人均纯收入低于监测线 {line} 元", "per-capita net income is below the monitoring line of {line} yuan"),
        (Some(false), None) => say!(lang, "人均纯收入不低于监测线 {line} 元", "per-capita net income is not below the monitoring line of {line} yuan"),
        (None, _) => say!(lang, "收入数据不全，无法判断是否低于监测线 {line} 元", "income is incomplete: cannot tell whether it is below the monitoring line of {line} yuan"),
    }
}

pub fn rigid_spending(lang: Lang, h: &Household) -> String {
    let s = &h.spending;
    let m = |v: Option<Money>| yuan(v.unwrap_or(Money::ZERO));
    let (med, edu, dis) = (
        m(s.medical_out_of_pocket),
        m(s.education),
        m(s.disaster_loss),
    );
    say!(
        lang,
        "刚性支出较大：医疗自付 {med} 元、教育 {edu} 元、灾害损失 {dis} 元，超过家庭纯收入",
        "large rigid spending: medical out-of-pocket {med} yuan, education {edu} yuan, disaster loss {dis} yuan, above the household's net income",
    )
}

pub fn risk(lang: Lang, r: Risk) -> String {
    let (zh, en) = match r {
        Risk::Illness => ("因病：家中有大病或长期慢性病患者", "illness: a member has a serious or chronic illness"),
        Risk::Disability => ("因残：家中有残疾人", "disability: a member is disabled"),
        Risk::Education => ("因学：有高中、中职或大学阶段的学生且有教育支出", "schooling costs: a student at senior, vocational or college stage with education spending"),
        Risk::Disaster => ("因自然灾害：本期有灾害损失", "disaster: a disaster loss in the period"),
        Risk::Accident => ("因意外事故", "accident"),
        Risk::BusinessFailure => ("因产业项目失败", "business failure"),
        Risk::UnstableEmployment => ("因务工就业不稳", "unstable employment"),
        Risk::LackOfLabour => ("缺劳动力", "lack of labour"),
        Risk::Housing => ("因安全住房：住房安全未保障", "housing: housing safety is not guaranteed"),
        Risk::Water => ("因安全饮水：饮水安全未保障", "water: drinking-water safety is not guaranteed"),
        Risk::Other => ("其他风险", "other risk"),
    };
    pick(lang, zh.into(), en.into())
}

// ---------------------------------------------------------------- 两不愁 and electricity

fn yes_no_unknown(
    lang: Lang,
    status: Status,
    pass: (&str, &str),
    fail: (&str, &str),
    unknown: (&str, &str),
) -> String {
    let (zh, en) = match status {
        Status::Pass => pass,
        Status::Fail => fail,
        _ => unknown,
    };
    pick(lang, zh.into(), en.into())
}

pub fn food(lang: Lang, status: Status) -> String {
    yes_no_unknown(
        lang,
        status,
        (
            "不愁吃：有稳定充足的食物来源",
            "food is secure: a stable and sufficient food supply",
        ),
        ("愁吃：食物来源不稳定或不充足", "food is not secure"),
        ("未填写是否不愁吃", "whether food is secure is not recorded"),
    )
}

pub fn clothing(lang: Lang, status: Status) -> String {
    yes_no_unknown(
        lang,
        status,
        (
            "不愁穿：四季有应季衣物和御寒被褥",
            "clothing is secure: seasonal clothes and bedding all year",
        ),
        ("愁穿：缺少应季衣物或御寒被褥", "clothing is not secure"),
        (
            "未填写是否不愁穿",
            "whether clothing is secure is not recorded",
        ),
    )
}

pub fn electricity(lang: Lang, status: Status, veto: bool) -> String {
    let base = yes_no_unknown(
        lang,
        status,
        ("已通生活用电", "household electricity is connected"),
        ("未通生活用电", "household electricity is not connected"),
        (
            "未填写是否通生活用电",
            "whether electricity is connected is not recorded",
        ),
    );
    if veto {
        base
    } else {
        say!(
            lang,
            "{base}（本省政策未将用电列为否决项，仅作参考）",
            "{base} (not a veto item under this province's rules; shown for information)"
        )
    }
}

// ---------------------------------------------------------------- education

#[derive(Debug, Clone, Copy)]
pub enum EduCase {
    Completed,
    NoStatus,
    InSchool,
    HomeTutoring,
    Exempt,
    DeferredEntry,
    DeferredTooOld,
    DroppedOut,
    PovertyDropout,
    OtherDropout,
    DropoutNoReason,
    NotInSchool,
}

pub fn education_member(lang: Lang, case: EduCase, age: i32) -> String {
    match case {
        EduCase::Completed => say!(lang, "{age}岁，已完成九年义务教育", "aged {age}, has completed compulsory schooling"),
        EduCase::NoStatus => say!(lang, "{age}岁，在校状况未填写", "aged {age}, schooling status not recorded"),
        EduCase::InSchool => say!(lang, "{age}岁，在校就读", "aged {age}, in school"),
        EduCase::HomeTutoring => say!(lang, "{age}岁，送教上门，视同接受义务教育", "aged {age}, taught at home (送教上门), which counts as schooling"),
        EduCase::Exempt => say!(lang, "{age}岁，经县级专家委员会认定因身体原因不具备学习条件，不计为失学", "aged {age}, assessed by the county expert committee as unable to study for health reasons: not a dropout"),
        EduCase::DeferredEntry => say!(lang, "{age}岁，经批准推迟入学（最低学龄），不计为失学", "aged {age}, approved deferred entry at the lowest school age: not a dropout"),
        EduCase::DeferredTooOld => say!(lang, "{age}岁，超过可推迟入学的年龄仍未入学", "aged {age}, too old for deferred entry and not in school"),
        EduCase::DroppedOut => say!(lang, "{age}岁，辍学（2019年起不论原因均不得失学辍学）", "aged {age}, dropped out (from 2019 no dropout is allowed, whatever the reason)"),
        EduCase::PovertyDropout => say!(lang, "{age}岁，因贫辍学", "aged {age}, dropped out because of poverty"),
        EduCase::OtherDropout => say!(lang, "{age}岁，非因贫辍学（按当时“无因贫辍学”标准不否决）", "aged {age}, dropped out for a reason other than poverty (no veto under the then rule of no dropout because of poverty (无因贫辍学))"),
        EduCase::DropoutNoReason => say!(lang, "{age}岁，辍学但未填写辍学原因，无法按“无因贫辍学”判断", "aged {age}, dropped out with no recorded reason: cannot apply the rule of no dropout because of poverty (无因贫辍学)"),
        EduCase::NotInSchool => say!(lang, "{age}岁，处于义务教育年龄但未入学", "aged {age}, of compulsory-school age but not in school"),
    }
}

pub fn education(lang: Lang, status: Status, lo: i32, hi: i32) -> String {
    match status {
        Status::Pass => say!(
            lang,
            "{lo}—{hi}岁适龄成员均有学上",
            "every member aged {lo}–{hi} is in compulsory schooling or exempt"
        ),
        Status::Fail => say!(
            lang,
            "有{lo}—{hi}岁适龄成员失学辍学",
            "a member aged {lo}–{hi} is out of compulsory schooling"
        ),
        Status::Unknown => say!(
            lang,
            "有{lo}—{hi}岁适龄成员的在校情况不明",
            "the schooling of a member aged {lo}–{hi} is not known"
        ),
        Status::NotApplicable => say!(
            lang,
            "家中没有{lo}—{hi}岁义务教育适龄成员",
            "no member is of compulsory-school age ({lo}–{hi})"
        ),
    }
}

// ---------------------------------------------------------------- medical

#[derive(Debug, Clone, Copy)]
pub enum MedCase {
    CommercialOnly,
    Uninsured,
    NoCriticalIllness,
    NoAssistance,
    InsuranceUnknown,
    RequirementUnknown,
    Insured,
}

pub fn medical_member(lang: Lang, case: MedCase) -> String {
    let (zh, en) = match case {
        MedCase::CommercialOnly => (
            "仅有商业保险，本省不计为基本医疗保险",
            "commercial insurance only, which this province does not count as basic insurance",
        ),
        MedCase::Uninsured => ("未参加基本医疗保险", "not in basic medical insurance"),
        MedCase::NoCriticalIllness => (
            "未参加大病保险（本省要求）",
            "not in critical-illness insurance (required here)",
        ),
        MedCase::NoAssistance => (
            "未纳入医疗救助（本省要求）",
            "not covered by medical assistance (required here)",
        ),
        MedCase::InsuranceUnknown => ("参保情况未填写", "medical insurance not recorded"),
        MedCase::RequirementUnknown => (
            "大病保险或医疗救助情况未填写（本省要求）",
            "critical-illness insurance or medical assistance not recorded (required here)",
        ),
        MedCase::Insured => ("已参加基本医疗保险", "in basic medical insurance"),
    };
    pick(lang, zh.into(), en.into())
}

pub fn medical(lang: Lang, status: Status) -> String {
    yes_no_unknown(
        lang,
        status,
        (
            "全部成员参加基本医疗保险",
            "every member has basic medical insurance",
        ),
        (
            "有成员未参加基本医疗保险",
            "a member lacks basic medical insurance",
        ),
        ("有成员参保情况不明", "a member's insurance is not known"),
    )
}

// ---------------------------------------------------------------- housing

#[derive(Debug, Clone)]
pub enum HousingCase {
    RelocatedKeys,
    KeysNotHandedOver,
    RelocationUnknown,
    RelocatedMovedIn,
    NotMovedIn,
    SafeElsewhere(SafeAlternative),
    SafeGrade(HouseGrade),
    AreaUnknown(Decimal),
    SmallArea(Decimal, Decimal),
    NoHouse,
    Unsafe(HouseGrade),
    GradeUnknown,
}

pub fn housing(lang: Lang, _status: Status, case: &HousingCase, persons: usize) -> String {
    match case {
        HousingCase::RelocatedKeys => say!(lang, "易地扶贫搬迁集中安置，已交钥匙", "relocated to a centralised site with keys handed over"),
        HousingCase::KeysNotHandedOver => say!(lang, "易地扶贫搬迁集中安置尚未交钥匙，原住房不安全", "centralised relocation: keys not yet handed over, and the old house is not safe"),
        HousingCase::RelocationUnknown => say!(lang, "易地扶贫搬迁进度未填写", "relocation progress not recorded"),
        HousingCase::RelocatedMovedIn => say!(lang, "易地扶贫搬迁分散安置，已入住", "scattered relocation, moved in"),
        HousingCase::NotMovedIn => say!(lang, "易地扶贫搬迁分散安置尚未入住，原住房不安全", "scattered relocation not yet moved into, and the old house is not safe"),
        HousingCase::SafeElsewhere(a) => {
            let (zh, en) = match a {
                SafeAlternative::WithFamily => ("投亲靠友", "with family"),
                SafeAlternative::PublicRental => ("住公租房", "in public rental housing"),
                SafeAlternative::Rented => ("租住安全住房", "in a rented safe house"),
            };
            say!(lang, "现{zh}，住房安全有保障", "living safely elsewhere ({en})")
        }
        HousingCase::SafeGrade(g) => {
            let g = g.as_str();
            say!(lang, "住房鉴定为{g}级，安全", "the house is appraised grade {g}, safe")
        }
        HousingCase::AreaUnknown(min) => say!(lang, "本省要求人均不低于{min}平方米，住房面积未填写", "this province requires at least {min} m² per person; floor area not recorded"),
        HousingCase::SmallArea(area, min) => say!(lang, "住房面积 {area} 平方米，{persons} 人，低于本省人均{min}平方米的要求", "floor area {area} m² for {persons} persons is below this province's {min} m² per person"),
        HousingCase::NoHouse => say!(lang, "无住房", "no house"),
        HousingCase::Unsafe(g) => {
            let g = g.as_str();
            say!(lang, "住房为{g}级危房", "the house is grade {g}, unsafe")
        }
        HousingCase::GradeUnknown => say!(lang, "住房未经安全鉴定（等级未填写）", "the house has not been appraised (no grade)"),
    }
}

// ---------------------------------------------------------------- water

#[derive(Debug, Clone, Copy)]
pub enum WaterPart {
    Quantity,
    Convenience,
    Supply,
    Quality,
}

pub fn water(
    lang: Lang,
    status: Status,
    parts: &[(WaterPart, Status)],
    rule: &WaterRule,
    short: Option<bool>,
) -> String {
    let min = if short == Some(true) {
        rule.litres_min_short_area
    } else {
        rule.litres_min
    };
    let describe = |p: WaterPart| -> (String, String) {
        match p {
            WaterPart::Quantity => (format!("水量（每人每天不少于{min}升）"), format!("quantity (at least {min} L per person a day)")),
            WaterPart::Convenience => (
                format!("方便程度（供水入户，或取水往返不超过{}分钟、水平距离不超过{}米、垂直距离不超过{}米之一）", rule.fetch_minutes_max, rule.horizontal_m_max, rule.vertical_m_max),
                format!("convenience (piped home, or a trip within {} min / {} m horizontal / {} m vertical)", rule.fetch_minutes_max, rule.horizontal_m_max, rule.vertical_m_max),
            ),
            WaterPart::Supply => (format!("供水保证率（全年断水不超过{}天）", rule.days_without_supply_max), format!("reliability (no more than {} days without supply a year)", rule.days_without_supply_max)),
            WaterPart::Quality => ("水质".to_string(), "quality".to_string()),
        }
    };
    let list = |want: Status| -> (String, String) {
        let picked: Vec<(String, String)> = parts
            .iter()
            .filter(|(_, s)| *s == want)
            .map(|(p, _)| describe(*p))
            .collect();
        (
            picked
                .iter()
                .map(|(z, _)| z.as_str())
                .collect::<Vec<_>>()
                .join("、"),
            picked
                .iter()
                .map(|(_, e)| e.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        )
    };
    match status {
        Status::Pass => say!(
            lang,
            "水量、水质、方便程度、供水保证率均达标",
            "quantity, quality, convenience and reliability all meet the standard"
        ),
        Status::Fail => {
            let (zh, en) = list(Status::Fail);
            say!(lang, "未达标：{zh}", "not met: {en}")
        }
        _ => {
            let (zh, en) = list(Status::Unknown);
            say!(lang, "信息不全：{zh}", "not known: {en}")
        }
    }
}

// ---------------------------------------------------------------- causes and measures

pub fn cause_illness(lang: Lang, serious: &[usize], chronic: &[usize], medical: Money) -> String {
    if serious.is_empty() {
        let (w, y) = (who(lang, chronic), yuan(medical));
        say!(
            lang,
            "{w}患长期慢性病，医疗自付 {y} 元负担较重",
            "{w} has a chronic illness with heavy out-of-pocket costs ({y} yuan)"
        )
    } else {
        let w = who(lang, serious);
        say!(lang, "{w}患大病", "{w} has a serious illness")
    }
}

pub fn cause_disability(lang: Lang, idx: &[usize]) -> String {
    let w = who(lang, idx);
    say!(
        lang,
        "{w}残疾且劳动能力受限",
        "{w} is disabled with limited labour ability"
    )
}

pub fn cause_education(lang: Lang, idx: &[usize], amount: Money) -> String {
    let (w, y) = (who(lang, idx), yuan(amount));
    say!(
        lang,
        "{w}在读高中、中职或大学，教育支出 {y} 元",
        "{w} is at senior, vocational or college stage; education spending {y} yuan"
    )
}

pub fn cause_lack_of_labour(lang: Lang, able: usize, n: usize) -> String {
    say!(
        lang,
        "{n}人中仅{able}人有劳动能力",
        "only {able} of {n} members can work fully"
    )
}

pub fn cause_disaster(lang: Lang, loss: Money) -> String {
    let y = yuan(loss);
    say!(
        lang,
        "本期灾害损失 {y} 元",
        "disaster loss of {y} yuan in the period"
    )
}

pub fn cause_from_check(lang: Lang, id: CheckId) -> String {
    match id {
        CheckId::Water => say!(lang, "饮水安全未达标", "drinking water is not safe"),
        _ => say!(lang, "住房安全未保障", "housing is not safe"),
    }
}

pub fn measure_why(lang: Lang, m: Measure) -> String {
    let (zh, en) = match m {
        Measure::Industry => ("有劳动能力，宜发展产业增收（发展生产脱贫一批）", "the household can work: develop production (发展生产脱贫一批)"),
        Measure::Employment => ("有劳动能力，宜转移就业、稳岗增收", "the household can work: help into stable employment"),
        Measure::Finance => ("小额信贷支持", "microcredit"),
        Measure::PublicWelfareJob => ("公益性岗位", "a public-welfare job"),
        Measure::Health => ("因病：健康帮扶，落实基本医保、大病保险、医疗救助", "illness: health support through basic insurance, critical-illness insurance and medical assistance"),
        Measure::Education => ("因学：教育帮扶（中职、高职学生可申请雨露计划）", "schooling costs: education support (the Rain and Dew grant (雨露计划) for vocational and college students)"),
        Measure::CompulsoryEducation => ("义务教育保障：控辍保学、劝返复学或送教上门", "compulsory schooling: bring the child back to school or arrange home tutoring"),
        Measure::Housing => ("住房安全保障：危房改造或安全住房安置", "housing safety: renovate the unsafe house or provide safe housing"),
        Measure::Water => ("饮水安全保障：解决水量、水质、取水方便或供水保证问题", "drinking-water safety: fix quantity, quality, convenience or reliability"),
        Measure::SocialSecurity => ("综合保障：低保、特困供养、残疾人补贴等兜底（社会保障兜底一批）", "social security: minimum living allowance (低保), support for the extremely poor (特困供养), disability allowances (社会保障兜底一批)"),
        Measure::Relocation => ("无房可住：考虑易地扶贫搬迁（易地搬迁脱贫一批）", "no house: consider relocation (易地搬迁脱贫一批)"),
        Measure::SocialAssistance => ("临时救助与社会帮扶", "temporary relief and social assistance"),
        Measure::LivingConditions => ("改善生产生活条件", "improve living and production conditions"),
        Measure::Infrastructure => ("基础设施建设", "infrastructure"),
        Measure::EcologicalCompensation => ("生态补偿（生态补偿脱贫一批）", "ecological compensation"),
    };
    pick(lang, zh.into(), en.into())
}

// ---------------------------------------------------------------- warnings

pub fn w_child_labour(lang: Lang, age: i32) -> String {
    say!(
        lang,
        "{age}岁未满16周岁，劳动能力应为“无劳动力”",
        "aged {age}, under 16: labour should be none"
    )
}
pub fn w_student_labour(lang: Lang) -> String {
    say!(
        lang,
        "在校生的劳动能力应为“无劳动力”",
        "a student's labour should be none"
    )
}
pub fn w_severe_disability(lang: Lang) -> String {
    say!(
        lang,
        "一、二级（重度）残疾人不应标为普通或技能劳动力",
        "a severely disabled member (grade 1–2) should not be coded as normal or skilled labour"
    )
}
pub fn w_grade_without_disability(lang: Lang) -> String {
    say!(
        lang,
        "填写了残疾等级，但健康状况不是“残疾”",
        "a disability grade is given but health is not disabled"
    )
}
pub fn w_healthy_no_labour(lang: Lang, age: i32) -> String {
    say!(
        lang,
        "{age}岁、健康、非在校生，却标为“无劳动力”",
        "aged {age}, healthy and not a student, yet coded as no labour"
    )
}
pub fn w_double_insurance(lang: Lang) -> String {
    say!(
        lang,
        "同时参加城乡居民医保和城镇职工医保，属重复参保",
        "enrolled in both resident and employee basic medical insurance"
    )
}
pub fn w_school_age_no_status(lang: Lang, age: i32) -> String {
    say!(
        lang,
        "{age}岁处于义务教育年龄，未填写在校状况",
        "aged {age}, of compulsory-school age, with no schooling status"
    )
}
pub fn w_no_head(lang: Lang) -> String {
    say!(
        lang,
        "家庭成员中没有户主",
        "no member is the household head"
    )
}
pub fn w_same_sex(lang: Lang) -> String {
    say!(
        lang,
        "户主与配偶性别相同，请核实",
        "head and spouse have the same sex: please check"
    )
}
pub fn w_multiple_heads(lang: Lang, n: usize) -> String {
    say!(
        lang,
        "有{n}名成员被标为户主",
        "{n} members are coded as household head"
    )
}
pub fn w_no_labour_no_dibao(lang: Lang) -> String {
    say!(lang, "整户无劳动能力，但没有成员享受低保，应落实兜底保障", "nobody in the household can work, yet no member receives the minimum living allowance (低保): social-security support is due")
}
pub fn w_lack_of_labour_risk(lang: Lang, able: usize, n: usize) -> String {
    say!(lang, "风险为“缺劳动力”，但{n}人中有{able}人有劳动能力（超过四分之一）", "the risk lack_of_labour is recorded, but {able} of {n} members can work (more than a quarter)")
}
pub fn w_rules_after_2025(lang: Lang) -> String {
    say!(lang, "评估日期在2026年及以后：本结果按2021—2025年过渡期防止返贫监测规则得出；常态化帮扶阶段的具体认定标准尚未确认", "the assessment date is in 2026 or later: this result applies the 2021–2025 transition-period monitoring rules; the criteria of the new regular-support regime (常态化帮扶) are not yet confirmed")
}
pub fn w_poor_after_2020(lang: Lang) -> String {
    say!(
        lang,
        "2021年起不再有未脱贫的建档立卡户，该户按脱贫户评估",
        "from 2021 no household is still registered as poor: assessed as an exited household"
    )
}
pub fn w_transfer_share(lang: Lang) -> String {
    say!(lang, "家中有劳动力，但收入主要来自转移性收入；脱贫应主要依靠产业或就业增收", "the household can work but lives mainly on transfers: exit should rest mainly on production or employment income")
}
pub fn w_unitemised(lang: Lang, items: &[TransferItem]) -> String {
    let list: Vec<&str> = items.iter().map(|i| i.as_str()).collect();
    let (zh, en) = (list.join("、"), list.join(", "));
    say!(
        lang,
        "不计入收入的项目 {zh} 未列明金额，计入收入只能给出区间",
        "excluded items {en} are not itemised: counted income is only known as a range"
    )
}
pub fn w_dropout_other(lang: Lang) -> String {
    say!(lang, "非因贫辍学：按当时标准不否决，但仍应劝返复学", "dropped out for a reason other than poverty: no veto under the then rule, but the child should be brought back to school")
}
pub fn w_no_critical(lang: Lang) -> String {
    say!(lang, "未参加大病保险", "not in critical-illness insurance")
}
pub fn w_no_assistance(lang: Lang) -> String {
    say!(lang, "未纳入医疗救助", "not covered by medical assistance")
}
pub fn w_already_eliminated(lang: Lang) -> String {
    say!(
        lang,
        "该户已标注风险消除；如再次出现风险应重新识别",
        "risk elimination is already recorded; a household at risk again must be re-identified"
    )
}
pub fn w_category_changed(lang: Lang) -> String {
    say!(
        lang,
        "按当前数据重新计算的监测类别与记录的类别不同",
        "the category recomputed from the current data differs from the recorded one"
    )
}
pub fn w_steps_order(lang: Lang) -> String {
    say!(lang, "退出程序各步骤的日期顺序不对（应为民主评议→核实→户认可→公示→公告→销号）", "exit steps are dated out of order (democratic review → verification → consent → notice → announcement → deregistration)")
}
pub fn w_notice_short(lang: Lang, days: i64) -> String {
    say!(
        lang,
        "公示到公告不足{days}天",
        "fewer than {days} days between public notice and announcement"
    )
}

// ---------------------------------------------------------------- family ages and date orders

fn relation_name(lang: Lang, r: Relation) -> String {
    let (zh, en) = match r {
        Relation::Head => ("户主", "head"),
        Relation::Spouse => ("配偶", "spouse"),
        Relation::Child => ("子女", "child"),
        Relation::ChildInLaw => ("儿媳或女婿", "child-in-law"),
        Relation::Grandchild => ("孙子女", "grandchild"),
        Relation::Parent => ("父母", "parent"),
        Relation::Grandparent => ("祖父母", "grandparent"),
        Relation::Sibling => ("兄弟姐妹", "sibling"),
        Relation::Other => ("其他", "other"),
    };
    pick(lang, zh.into(), en.into())
}

pub fn w_child_too_old(
    lang: Lang,
    member: usize,
    relation: Relation,
    head_birth: Date,
    generations: i32,
) -> String {
    let (n, rel, years) = (member + 1, relation_name(lang, relation), 14 * generations);
    say!(lang, "第{n}位成员是{rel}，但出生日期与户主（{head_birth}出生）相差不足{years}年，请核实出生日期或与户主关系", "member {n} is a {rel} but was born less than {years} years after the head (born {head_birth}): check the birth date or the relation")
}

pub fn w_child_too_old_for_spouse(
    lang: Lang,
    member: usize,
    spouse_birth: Date,
    generations: i32,
) -> String {
    let (n, years) = (member + 1, 14 * generations);
    say!(lang, "第{n}位成员的出生日期与户主配偶（{spouse_birth}出生）相差不足{years}年，请核实出生日期或与户主关系", "member {n} was born less than {years} years after the head's spouse (born {spouse_birth}): check the birth date or the relation")
}

pub fn w_elder_too_young(
    lang: Lang,
    member: usize,
    relation: Relation,
    head_birth: Date,
    generations: i32,
) -> String {
    let (n, rel, years) = (member + 1, relation_name(lang, relation), 14 * generations);
    say!(lang, "第{n}位成员是户主的{rel}，但比户主（{head_birth}出生）年长不足{years}岁，请核实出生日期或与户主关系", "member {n} is the head's {rel} but less than {years} years older than the head (born {head_birth}): check the birth date or the relation")
}

pub fn w_under_marriage_age(lang: Lang, age: i32, male: bool, min_age: i32) -> String {
    let (zh_sex, en_sex) = if male {
        ("男", "men")
    } else {
        ("女", "women")
    };
    say!(lang, "{age}岁，未达法定婚龄（民法典第一千零四十七条：{zh_sex}不得早于{min_age}周岁），却登记为已婚关系，请核实出生日期或与户主关系", "aged {age}, below the legal marriage age ({en_sex} {min_age}, Civil Code art. 1047 (民法典第一千零四十七条)) yet recorded as married: check the birth date or the relation")
}

pub fn w_student_too_old(lang: Lang, age: i32, stage: Option<Schooling>, last_age: i32) -> String {
    let (zh, en) = match stage {
        Some(Schooling::Preschool) => ("学前教育", "preschool"),
        Some(Schooling::Primary) => ("小学", "primary school"),
        Some(Schooling::Junior) => ("初中", "junior secondary school"),
        Some(Schooling::Senior) => ("高中", "senior secondary school"),
        Some(Schooling::Vocational) => ("中职", "secondary vocational school"),
        _ => ("该学段", "this stage"),
    };
    say!(lang, "{age}岁仍在读{zh}，远超该学段通常的结束年龄（约{last_age}岁），请核实出生日期或在校状况", "aged {age} and still in {en}, far past the usual last age of that stage (about {last_age}): check the birth date or the schooling status")
}

pub fn w_identified_before_2014(lang: Lang, on: Date) -> String {
    say!(lang, "识别时间 {on} 早于2014年建档立卡工作开始（国开办发〔2014〕24号），请核实", "identified on {on}, before registration (建档立卡) began in 2014 (国开办发〔2014〕24号): please check")
}

pub fn w_step_before_identification(lang: Lang, step_on: Date, identified: Date) -> String {
    say!(
        lang,
        "退出程序日期 {step_on} 早于识别时间 {identified}，请核实",
        "an exit step dated {step_on} is before the identification date {identified}: please check"
    )
}

pub fn w_monitoring_before_exit(lang: Lang, monitored: Date, exited: Date) -> String {
    say!(lang, "纳入监测时间 {monitored} 早于脱贫时间 {exited}；脱贫不稳定户应在脱贫之后识别，请核实", "identified for monitoring on {monitored}, before the exit on {exited}: an unstable exited household is identified after its exit, please check")
}

pub fn w_sample_flag_ignored(lang: Lang, path: &str, registration: &str, wanted: &str) -> String {
    let (zh_sample, en_sample) = if path.ends_with("exitSample") {
        (
            "错退抽样只针对脱贫户",
            "the 错退 (wrongly exited) sample is drawn from exited households",
        )
    } else {
        (
            "漏评抽样只针对一般农户（未建档立卡户）",
            "the 漏评 (missed) sample is drawn from ordinary households",
        )
    };
    let zh_reg = match registration {
        "poor" => "贫困户",
        "exited" => "脱贫户",
        "ordinary" => "一般农户",
        _ => "未填户类型的户",
    };
    let shown = if registration.is_empty() {
        "none"
    } else {
        registration
    };
    say!(
        lang,
        "{zh_sample}，本户为{zh_reg}：该抽样标记已忽略，本户不计入该比率",
        "{en_sample}; this household is {shown}, not {wanted}: the flag is ignored and the household left out of that rate"
    )
}

/// A problem of a table row, located for the person who fixes the file: "第7行（出生日期列）：…"
/// in zh-CN, "[line 7, 出生日期] …" in en (the column is named as the file's header names it).
pub fn at_table_cell(lang: Lang, line: usize, column: &str, message: &str) -> String {
    match (lang, column.is_empty()) {
        (Lang::ZhCn, true) => format!("第{line}行：{message}"),
        (Lang::ZhCn, false) => format!("第{line}行（“{column}”列）：{message}"),
        (Lang::En, true) => format!("[line {line}] {message}"),
        (Lang::En, false) => format!("[line {line}, {column}] {message}"),
        (Lang::Quiet, _) => message.to_string(),
    }
}

/// Two rows of one household give different values for a household-level cell.
pub fn rows_disagree(lang: Lang, line: usize, column: &str, other: &str, first: &str) -> String {
    say!(
        lang,
        "“{column}”列：第{line}行填的是“{other}”，同一户前面的行填的是“{first}”，同一户的各行取值必须一致",
        "{column}: line {line} gives \"{other}\", an earlier row of the household gave \"{first}\""
    )
}
