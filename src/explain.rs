//! Every sentence the engine says, in 简体中文 (default) and English.
//!
//! Style (after cedar-policy's guide): English starts lowercase and has no final period; user
//! input is quoted; no Rust type names. Chinese has no final 。. Members are numbered from 1 for
//! people, with the 0-based path beside it.

use crate::assessment::{CheckId, IncomeFigures, Status, Tri};
use crate::household::{HouseGrade, Household, Measure, Risk, SafeAlternative, TransferItem};
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
    let base = match f.code {
        Code::InvalidDate => say!(lang, "日期“{given}”无效,应为 YYYY-MM-DD 格式的真实日期", "invalid date \"{given}\": expected a real date as YYYY-MM-DD"),
        Code::InvalidValue if expected.is_empty() => say!(lang, "取值“{given}”无效", "invalid value \"{given}\""),
        Code::InvalidValue => say!(lang, "取值“{given}”无效,应为 {expected}", "invalid value \"{given}\": expected {expected}"),
        Code::InvalidType if expected.is_empty() => say!(lang, "类型错误：不接受 {given}", "wrong type: {given} is not accepted here"),
        Code::InvalidType => say!(lang, "类型错误:收到 {given},应为 {expected}", "wrong type: got {given}, expected {expected}"),
        Code::UnknownField => say!(lang, "未知字段“{given}”(请检查拼写)", "unknown field \"{given}\" (check the spelling)"),
        Code::MissingField => say!(lang, "缺少必填字段", "missing required field"),
        Code::NegativeAmount => say!(lang, "数值“{given}”不能为负数", "\"{given}\" cannot be negative"),
        Code::TooManyDecimals if expected.is_empty() => say!(lang, "数值“{given}”的小数位过多（金额最多两位小数）", "\"{given}\" has too many decimals (money takes at most two)"),
        Code::TooManyDecimals => say!(lang, "数值“{given}”的小数位过多（最多 {expected} 位小数）", "\"{given}\" has too many decimals (at most {expected})"),
        Code::OutOfRange if expected.is_empty() => say!(lang, "数值“{given}”超出允许范围", "\"{given}\" is out of the supported range"),
        Code::OutOfRange => say!(lang, "数值“{given}”超出允许范围 {expected}", "\"{given}\" is out of range {expected}"),
        Code::EmptyMembers => say!(lang, "家庭成员列表为空,至少需要一名成员", "the household has no members: at least one is required"),
        Code::IdChecksum => say!(lang, "身份证号码“{given}”校验位错误(GB 11643)", "ID number \"{given}\" fails the GB 11643 check digit"),
        Code::IdBirthDateMismatch => say!(lang, "身份证号码中的出生日期 {given} 与出生日期 {expected} 不一致", "the birth date in the ID number ({given}) differs from birthDate ({expected})"),
        Code::IdSexMismatch => say!(lang, "身份证号码显示性别为 {given},与填写的 {expected} 不一致", "the ID number says {given} but sex is {expected}"),
        Code::BornAfterAsOf => say!(lang, "出生日期 {given} 晚于评估日期", "birth date {given} is after the assessment date"),
        Code::DateAfterAsOf => say!(lang, "日期 {given} 晚于评估日期({expected})", "date {given} is after the assessment date ({expected})"),
        Code::MissingAsOf => say!(lang, "缺少评估日期 asOf(引擎不读取系统时钟,必须给出日期)", "missing asOf: the engine reads no clock, so the assessment date must be given"),
        Code::TransferItemsExceedTransfer => say!(lang, "转移性收入明细合计 {given} 超过转移性收入总额({expected})", "itemised transfers total {given}, more than the transfer income ({expected})"),
        Code::NoPovertyLine => say!(lang, "{given} 没有可用的扶贫标准(参考资料未确认该年数值),请通过 policy.povertyLine 提供", "no poverty line for {given} (the reference confirms no figure for that year): give policy.povertyLine"),
        Code::NoMonitoringLine => say!(lang, "{given} 没有配置防止返贫监测线(监测线由各省确定,不设全国默认值),请通过 policy.monitoringLine 提供", "no monitoring line configured for {given} (lines are set by provinces; there is no national default): give policy.monitoringLine"),
        Code::InvalidJson => say!(lang, "不是有效的 JSON:{given}", "not valid JSON: {given}"),
        Code::InvalidNumber => say!(lang, "“{given}”不是有限的数值，应填写具体数字", "\"{given}\" is not a finite number: give a real figure"),
        Code::AmountTooLarge => say!(lang, "金额“{given}”超出支持范围（每项及合计的绝对值须小于 {expected} 元）", "amount \"{given}\" is beyond the supported range (each amount and every sum must stay below {expected} yuan in magnitude)"),
        Code::DuplicateKey => say!(lang, "字段“{given}”在同一对象中重复出现（不按最后一个取值）", "key \"{given}\" appears more than once in the same object (the last one does not silently win)"),
        Code::TooManyMembers => say!(lang, "家庭成员 {given} 人，超过上限 {expected} 人", "{given} members, more than the limit of {expected} per household"),
        Code::ValueTooLong => say!(lang, "取值过长（{given} 个字符），上限为 {expected} 个字符", "value too long ({given} characters): the limit is {expected}"),
        Code::InputTooLarge => say!(lang, "输入过大（{given} 字节），一次调用上限为 {expected} 字节", "input too large ({given} bytes): one call takes at most {expected} bytes"),
        Code::TooDeep => say!(lang, "嵌套层数过深（超过 {expected} 层）", "nested too deeply (more than {expected} levels)"),
        Code::CircularReference => say!(lang, "对象引用了自身（循环引用），无法读取", "the object refers back to itself (a cycle) and cannot be read"),
        Code::UnreadableValue => say!(lang, "读取该字段时出错：{given}", "reading this field failed: {given}"),
    };
    let path = &f.path;
    say!(lang, "{path}:{base}", "{path}: {base}")
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
            say!(lang, "收入数据不全({zh}),无法计算人均纯收入", "income is incomplete ({en}): per-capita net income cannot be computed")
        }
        (Status::Unknown, _) => say!(lang, "部分不计入收入的转移性收入未列明金额,人均纯收入可能高于或低于{zh_line} {line} 元", "some excluded transfer items are not itemised: counted income may be above or below the {en_line} of {line} yuan"),
        (Status::Pass, Some(pc)) => say!(lang, "人均纯收入 {pc} 元,高于{zh_line} {line} 元", "per-capita net income {pc} yuan is above the {en_line} of {line} yuan"),
        (Status::Pass, None) => say!(lang, "人均纯收入高于{zh_line} {line} 元", "per-capita net income is above the {en_line} of {line} yuan"),
        (_, Some(pc)) if pc == line => say!(lang, "人均纯收入 {pc} 元恰好等于{zh_line},按严格口径不算“超过”", "per-capita net income {pc} yuan equals the {en_line} exactly, which under the strict reading is not above it"),
        (_, Some(pc)) => say!(lang, "人均纯收入 {pc} 元,未超过{zh_line} {line} 元", "per-capita net income {pc} yuan is not above the {en_line} of {line} yuan"),
        (_, None) => say!(lang, "人均纯收入未超过{zh_line} {line} 元", "per-capita net income is not above the {en_line} of {line} yuan"),
    }
}

pub fn monitoring_income(lang: Lang, below: Tri, f: &IncomeFigures) -> String {
    let line = yuan(f.line);
    let pc = f
        .counted_exact()
        .map(|c| yuan(f.per_capita(c).rounded()))
        .unwrap_or_else(|| "?".into());
    match below {
        Some(true) => say!(lang, "人均纯收入 {pc} 元,低于监测线 {line} 元", "per-capita net income {pc} yuan is below the monitoring line of {line} yuan"),
        Some(false) => say!(lang, "人均纯收入 {pc} 元,不低于监测线 {line} 元", "per-capita net income {pc} yuan is not below the monitoring line of {line} yuan"),
        None => say!(lang, "收入数据不全,无法判断是否低于监测线 {line} 元", "income is incomplete: cannot tell whether it is below the monitoring line of {line} yuan"),
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
        "刚性支出较大:医疗自付 {med} 元、教育 {edu} 元、灾害损失 {dis} 元,超过家庭纯收入",
        "large rigid spending: medical out-of-pocket {med} yuan, education {edu} yuan, disaster loss {dis} yuan, above the household's net income",
    )
}

pub fn risk(lang: Lang, r: Risk) -> String {
    let (zh, en) = match r {
        Risk::Illness => ("因病:家中有大病或长期慢性病患者", "illness: a member has a serious or chronic illness"),
        Risk::Disability => ("因残:家中有残疾人", "disability: a member is disabled"),
        Risk::Education => ("因学:有高中、中职或大学阶段的学生且有教育支出", "schooling costs: a student at senior, vocational or college stage with education spending"),
        Risk::Disaster => ("因自然灾害:本期有灾害损失", "disaster: a disaster loss in the period"),
        Risk::Accident => ("因意外事故", "accident"),
        Risk::BusinessFailure => ("因产业项目失败", "business failure"),
        Risk::UnstableEmployment => ("因务工就业不稳", "unstable employment"),
        Risk::LackOfLabour => ("缺劳动力", "lack of labour"),
        Risk::Housing => ("因安全住房:住房安全未保障", "housing: housing safety is not guaranteed"),
        Risk::Water => ("因安全饮水:饮水安全未保障", "water: drinking-water safety is not guaranteed"),
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
            "不愁吃:有稳定充足的食物来源",
            "food is secure: a stable and sufficient food supply",
        ),
        ("愁吃:食物来源不稳定或不充足", "food is not secure"),
        ("未填写是否不愁吃", "whether food is secure is not recorded"),
    )
}

pub fn clothing(lang: Lang, status: Status) -> String {
    yes_no_unknown(
        lang,
        status,
        (
            "不愁穿:四季有应季衣物和御寒被褥",
            "clothing is secure: seasonal clothes and bedding all year",
        ),
        ("愁穿:缺少应季衣物或御寒被褥", "clothing is not secure"),
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
            "{base}(本省政策未将用电列为否决项,仅作参考)",
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
        EduCase::Completed => say!(lang, "{age}岁,已完成九年义务教育", "aged {age}, has completed compulsory schooling"),
        EduCase::NoStatus => say!(lang, "{age}岁,在校状况未填写", "aged {age}, schooling status not recorded"),
        EduCase::InSchool => say!(lang, "{age}岁,在校就读", "aged {age}, in school"),
        EduCase::HomeTutoring => say!(lang, "{age}岁,送教上门,视同接受义务教育", "aged {age}, taught at home (送教上门), which counts as schooling"),
        EduCase::Exempt => say!(lang, "{age}岁,经县级专家委员会认定因身体原因不具备学习条件,不计为失学", "aged {age}, assessed by the county expert committee as unable to study for health reasons: not a dropout"),
        EduCase::DeferredEntry => say!(lang, "{age}岁,经批准推迟入学(最低学龄),不计为失学", "aged {age}, approved deferred entry at the lowest school age: not a dropout"),
        EduCase::DeferredTooOld => say!(lang, "{age}岁,超过可推迟入学的年龄仍未入学", "aged {age}, too old for deferred entry and not in school"),
        EduCase::DroppedOut => say!(lang, "{age}岁,辍学(2019年起不论原因均不得失学辍学)", "aged {age}, dropped out (from 2019 no dropout is allowed, whatever the reason)"),
        EduCase::PovertyDropout => say!(lang, "{age}岁,因贫辍学", "aged {age}, dropped out because of poverty"),
        EduCase::OtherDropout => say!(lang, "{age}岁,非因贫辍学(按当时“无因贫辍学”标准不否决)", "aged {age}, dropped out for a reason other than poverty (no veto under the then rule 无因贫辍学)"),
        EduCase::DropoutNoReason => say!(lang, "{age}岁,辍学但未填写辍学原因,无法按“无因贫辍学”判断", "aged {age}, dropped out with no recorded reason: cannot apply the rule 无因贫辍学"),
        EduCase::NotInSchool => say!(lang, "{age}岁,处于义务教育年龄但未入学", "aged {age}, of compulsory-school age but not in school"),
    }
}

pub fn education(lang: Lang, status: Status, lo: i32, hi: i32) -> String {
    match status {
        Status::Pass => say!(
            lang,
            "{lo}–{hi}岁适龄成员均有学上",
            "every member aged {lo}–{hi} is in compulsory schooling or exempt"
        ),
        Status::Fail => say!(
            lang,
            "有{lo}–{hi}岁适龄成员失学辍学",
            "a member aged {lo}–{hi} is out of compulsory schooling"
        ),
        Status::Unknown => say!(
            lang,
            "有{lo}–{hi}岁适龄成员的在校情况不明",
            "the schooling of a member aged {lo}–{hi} is not known"
        ),
        Status::NotApplicable => say!(
            lang,
            "家中没有{lo}–{hi}岁义务教育适龄成员",
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
            "仅有商业保险,本省不计为基本医疗保险",
            "commercial insurance only, which this province does not count as basic insurance",
        ),
        MedCase::Uninsured => ("未参加基本医疗保险", "not in basic medical insurance"),
        MedCase::NoCriticalIllness => (
            "未参加大病保险(本省要求)",
            "not in critical-illness insurance (required here)",
        ),
        MedCase::NoAssistance => (
            "未纳入医疗救助(本省要求)",
            "not covered by medical assistance (required here)",
        ),
        MedCase::InsuranceUnknown => ("参保情况未填写", "medical insurance not recorded"),
        MedCase::RequirementUnknown => (
            "大病保险或医疗救助情况未填写(本省要求)",
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
        HousingCase::RelocatedKeys => say!(lang, "易地扶贫搬迁集中安置,已交钥匙", "relocated to a centralised site with keys handed over"),
        HousingCase::KeysNotHandedOver => say!(lang, "易地扶贫搬迁集中安置尚未交钥匙,原住房不安全", "centralised relocation: keys not yet handed over, and the old house is not safe"),
        HousingCase::RelocationUnknown => say!(lang, "易地扶贫搬迁进度未填写", "relocation progress not recorded"),
        HousingCase::RelocatedMovedIn => say!(lang, "易地扶贫搬迁分散安置,已入住", "scattered relocation, moved in"),
        HousingCase::NotMovedIn => say!(lang, "易地扶贫搬迁分散安置尚未入住,原住房不安全", "scattered relocation not yet moved into, and the old house is not safe"),
        HousingCase::SafeElsewhere(a) => {
            let (zh, en) = match a {
                SafeAlternative::WithFamily => ("投亲靠友", "with family"),
                SafeAlternative::PublicRental => ("住公租房", "in public rental housing"),
                SafeAlternative::Rented => ("租住安全住房", "in a rented safe house"),
            };
            say!(lang, "现{zh},住房安全有保障", "living safely elsewhere ({en})")
        }
        HousingCase::SafeGrade(g) => {
            let g = g.as_str();
            say!(lang, "住房鉴定为{g}级,安全", "the house is appraised grade {g}, safe")
        }
        HousingCase::AreaUnknown(min) => say!(lang, "本省要求人均不低于{min}平方米,住房面积未填写", "this province requires at least {min} m² per person; floor area not recorded"),
        HousingCase::SmallArea(area, min) => say!(lang, "住房面积 {area} 平方米,{persons} 人,低于本省人均{min}平方米的要求", "floor area {area} m² for {persons} persons is below this province's {min} m² per person"),
        HousingCase::NoHouse => say!(lang, "无住房", "no house"),
        HousingCase::Unsafe(g) => {
            let g = g.as_str();
            say!(lang, "住房为{g}级危房", "the house is grade {g}, unsafe")
        }
        HousingCase::GradeUnknown => say!(lang, "住房未经安全鉴定(等级未填写)", "the house has not been appraised (no grade)"),
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
            WaterPart::Quantity => (format!("水量(每人每天不少于{min}升)"), format!("quantity (at least {min} L per person a day)")),
            WaterPart::Convenience => (
                format!("方便程度(供水入户,或取水往返不超过{}分钟/水平{}米/垂直{}米)", rule.fetch_minutes_max, rule.horizontal_m_max, rule.vertical_m_max),
                format!("convenience (piped home, or a trip within {} min / {} m horizontal / {} m vertical)", rule.fetch_minutes_max, rule.horizontal_m_max, rule.vertical_m_max),
            ),
            WaterPart::Supply => (format!("供水保证率(全年断水不超过{}天)", rule.days_without_supply_max), format!("reliability (no more than {} days without supply a year)", rule.days_without_supply_max)),
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
            say!(lang, "未达标:{zh}", "not met: {en}")
        }
        _ => {
            let (zh, en) = list(Status::Unknown);
            say!(lang, "信息不全:{zh}", "not known: {en}")
        }
    }
}

// ---------------------------------------------------------------- causes and measures

pub fn cause_illness(lang: Lang, serious: &[usize], chronic: &[usize], medical: Money) -> String {
    if serious.is_empty() {
        let (w, y) = (who(lang, chronic), yuan(medical));
        say!(
            lang,
            "{w}患长期慢性病,医疗自付 {y} 元负担较重",
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
        "{w}在读高中/中职/大学,教育支出 {y} 元",
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
        Measure::Industry => ("有劳动能力,宜发展产业增收(发展生产脱贫一批)", "the household can work: develop production (发展生产脱贫一批)"),
        Measure::Employment => ("有劳动能力,宜转移就业、稳岗增收", "the household can work: help into stable employment"),
        Measure::Finance => ("小额信贷支持", "microcredit"),
        Measure::PublicWelfareJob => ("公益性岗位", "a public-welfare job"),
        Measure::Health => ("因病:健康帮扶,落实基本医保、大病保险、医疗救助", "illness: health support through basic insurance, critical-illness insurance and medical assistance"),
        Measure::Education => ("因学:教育帮扶(中职、高职学生可申请雨露计划)", "schooling costs: education support (雨露计划 for vocational and college students)"),
        Measure::CompulsoryEducation => ("义务教育保障:控辍保学、劝返复学或送教上门", "compulsory schooling: bring the child back to school or arrange home tutoring"),
        Measure::Housing => ("住房安全保障:危房改造或安全住房安置", "housing safety: renovate the unsafe house or provide safe housing"),
        Measure::Water => ("饮水安全保障:解决水量、水质、取水方便或供水保证问题", "drinking-water safety: fix quantity, quality, convenience or reliability"),
        Measure::SocialSecurity => ("综合保障:低保、特困供养、残疾人补贴等兜底(社会保障兜底一批)", "social security: 低保, 特困 support, disability allowances (社会保障兜底一批)"),
        Measure::Relocation => ("无房可住:考虑易地扶贫搬迁(易地搬迁脱贫一批)", "no house: consider relocation (易地搬迁脱贫一批)"),
        Measure::SocialAssistance => ("临时救助与社会帮扶", "temporary relief and social assistance"),
        Measure::LivingConditions => ("改善生产生活条件", "improve living and production conditions"),
        Measure::Infrastructure => ("基础设施建设", "infrastructure"),
        Measure::EcologicalCompensation => ("生态补偿(生态补偿脱贫一批)", "ecological compensation"),
    };
    pick(lang, zh.into(), en.into())
}

// ---------------------------------------------------------------- warnings

pub fn w_child_labour(lang: Lang, age: i32) -> String {
    say!(
        lang,
        "{age}岁未满16周岁,劳动能力应为“无劳动力”",
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
        "一、二级(重度)残疾人不应标为普通或技能劳动力",
        "a severely disabled member (grade 1–2) should not be coded as normal or skilled labour"
    )
}
pub fn w_grade_without_disability(lang: Lang) -> String {
    say!(
        lang,
        "填写了残疾等级,但健康状况不是“残疾”",
        "a disability grade is given but health is not disabled"
    )
}
pub fn w_healthy_no_labour(lang: Lang, age: i32) -> String {
    say!(
        lang,
        "{age}岁、健康、非在校生,却标为“无劳动力”",
        "aged {age}, healthy and not a student, yet coded as no labour"
    )
}
pub fn w_double_insurance(lang: Lang) -> String {
    say!(
        lang,
        "同时参加城乡居民医保和城镇职工医保,属重复参保",
        "enrolled in both resident and employee basic medical insurance"
    )
}
pub fn w_school_age_no_status(lang: Lang, age: i32) -> String {
    say!(
        lang,
        "{age}岁处于义务教育年龄,未填写在校状况",
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
        "户主与配偶性别相同,请核实",
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
    say!(lang, "整户无劳动能力,但没有成员享受低保,应落实兜底保障", "nobody in the household can work, yet no member receives 低保: social-security support is due")
}
pub fn w_lack_of_labour_risk(lang: Lang, able: usize, n: usize) -> String {
    say!(lang, "风险为“缺劳动力”,但{n}人中有{able}人有劳动能力(超过四分之一)", "the risk lack_of_labour is recorded, but {able} of {n} members can work (more than a quarter)")
}
pub fn w_rules_after_2025(lang: Lang) -> String {
    say!(lang, "评估日期在2026年及以后:本结果按2021–2025年过渡期防止返贫监测规则得出;常态化帮扶阶段的具体认定标准尚未确认", "the assessment date is in 2026 or later: this result applies the 2021–2025 transition-period monitoring rules; the criteria of the new 常态化 regime are not yet confirmed")
}
pub fn w_poor_after_2020(lang: Lang) -> String {
    say!(
        lang,
        "2021年起不再有未脱贫的建档立卡户,该户按脱贫户评估",
        "from 2021 no household is still registered as poor: assessed as an exited household"
    )
}
pub fn w_transfer_share(lang: Lang) -> String {
    say!(lang, "家中有劳动力,但收入主要来自转移性收入;脱贫应主要依靠产业或就业增收", "the household can work but lives mainly on transfers: exit should rest mainly on production or employment income")
}
pub fn w_unitemised(lang: Lang, items: &[TransferItem]) -> String {
    let list: Vec<&str> = items.iter().map(|i| i.as_str()).collect();
    let (zh, en) = (list.join("、"), list.join(", "));
    say!(
        lang,
        "不计入收入的项目 {zh} 未列明金额,计入收入只能给出区间",
        "excluded items {en} are not itemised: counted income is only known as a range"
    )
}
pub fn w_dropout_other(lang: Lang) -> String {
    say!(lang, "非因贫辍学:按当时标准不否决,但仍应劝返复学", "dropped out for a reason other than poverty: no veto under the then rule, but the child should be brought back to school")
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
        "该户已标注风险消除;如再次出现风险应重新识别",
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
    say!(lang, "退出程序各步骤的日期顺序不对(应为 民主评议→核实→户认可→公示→公告→销号)", "exit steps are dated out of order (democratic review → verification → consent → notice → announcement → deregistration)")
}
pub fn w_notice_short(lang: Lang, days: i64) -> String {
    say!(
        lang,
        "公示到公告不足{days}天",
        "fewer than {days} days between public notice and announcement"
    )
}
