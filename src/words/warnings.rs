//! Warnings and table-row locations in words.

use super::{listed, pick, Lang};
use crate::date::Date;
use crate::household::{Relation, Schooling, TransferItem};

pub fn w_child_labour(lang: Lang, age: i32) -> String {
    say!(
        lang,
        "{0}岁未满16周岁，劳动能力应为“无劳动力”",
        "aged {0}, under 16: labour should be none",
        age,
    )
}
pub fn w_student_labour(lang: Lang) -> String {
    say!(
        lang,
        "在校生的劳动能力应为“无劳动力”",
        "a student's labour should be none",
    )
}
pub fn w_severe_disability(lang: Lang) -> String {
    say!(
        lang,
        "一、二级（重度）残疾人不应标为普通或技能劳动力",
        "a severely disabled member (grade 1–2) should not be coded as normal or skilled labour",
    )
}
pub fn w_grade_without_disability(lang: Lang) -> String {
    say!(
        lang,
        "填写了残疾等级，但健康状况不是“残疾”",
        "a disability grade is given but health is not disabled",
    )
}
pub fn w_healthy_no_labour(lang: Lang, age: i32) -> String {
    say!(
        lang,
        "{0}岁、健康、非在校生，却标为“无劳动力”",
        "aged {0}, healthy and not a student, yet coded as no labour",
        age,
    )
}
pub fn w_double_insurance(lang: Lang) -> String {
    say!(
        lang,
        "同时参加城乡居民医保和城镇职工医保，属重复参保",
        "enrolled in both resident and employee basic medical insurance",
    )
}
pub fn w_school_age_no_status(lang: Lang, age: i32) -> String {
    say!(
        lang,
        "{0}岁处于义务教育年龄，未填写在校状况",
        "aged {0}, of compulsory-school age, with no schooling status",
        age,
    )
}
pub fn w_no_head(lang: Lang) -> String {
    say!(
        lang,
        "家庭成员中没有户主",
        "no member is the household head",
    )
}
pub fn w_same_sex(lang: Lang) -> String {
    say!(
        lang,
        "户主与配偶性别相同，请核实",
        "head and spouse have the same sex: please check",
    )
}
pub fn w_multiple_heads(lang: Lang, n: usize) -> String {
    say!(
        lang,
        "有{0}名成员被标为户主",
        "{0} members are coded as household head",
        n,
    )
}
pub fn w_no_labour_no_dibao(lang: Lang) -> String {
    say!(lang, "整户无劳动能力，但没有成员享受低保，应落实兜底保障", "nobody in the household can work, yet no member receives the minimum living allowance (低保): social-security support is due")
}
pub fn w_lack_of_labour_risk(lang: Lang, able: usize, n: usize) -> String {
    say!(lang, "风险为“缺劳动力”，但{0}人中有{1}人有劳动能力（超过四分之一）", "the risk lack_of_labour is recorded, but {1} of {0} members can work (more than a quarter)", n, able)
}
pub fn w_rules_after_2025(lang: Lang) -> String {
    say!(lang, "评估日期在2026年及以后：本结果按2021—2025年过渡期防止返贫监测规则得出；常态化帮扶阶段的具体认定标准尚未确认", "the assessment date is in 2026 or later: this result applies the 2021–2025 transition-period monitoring rules; the criteria of the new regular-support regime (常态化帮扶) are not yet confirmed")
}
pub fn w_poor_after_2020(lang: Lang) -> String {
    say!(
        lang,
        "2021年起不再有未脱贫的建档立卡户，该户按脱贫户评估",
        "from 2021 no household is still registered as poor: assessed as an exited household",
    )
}
pub fn w_transfer_share(lang: Lang) -> String {
    say!(lang, "家中有劳动力，但收入主要来自转移性收入；脱贫应主要依靠产业或就业增收", "the household can work but lives mainly on transfers: exit should rest mainly on production or employment income")
}
pub fn w_unitemised(lang: Lang, items: &[TransferItem]) -> String {
    let names: Vec<&str> = items.iter().map(|i| i.as_str()).collect();
    let list = listed(lang, &names);
    say!(
        lang,
        "不计入收入的项目 {0} 未列明金额，计入收入只能给出区间",
        "excluded items {0} are not itemised: counted income is only known as a range",
        list,
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
        "risk elimination is already recorded; a household at risk again must be re-identified",
    )
}
pub fn w_category_changed(lang: Lang) -> String {
    say!(
        lang,
        "按当前数据重新计算的监测类别与记录的类别不同",
        "the category recomputed from the current data differs from the recorded one",
    )
}
pub fn w_steps_order(lang: Lang) -> String {
    say!(lang, "退出程序各步骤的日期顺序不对（应为民主评议→核实→户认可→公示→公告→销号）", "exit steps are dated out of order (democratic review → verification → consent → notice → announcement → deregistration)")
}
pub fn w_notice_short(lang: Lang, days: i64) -> String {
    say!(
        lang,
        "公示到公告不足{0}天",
        "fewer than {0} days between public notice and announcement",
        days,
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
    pick(lang, zh, en)
}

pub fn w_child_too_old(
    lang: Lang,
    member: usize,
    relation: Relation,
    head_birth: Date,
    generations: i32,
) -> String {
    let (n, rel, years) = (member + 1, relation_name(lang, relation), 14 * generations);
    say!(lang, "第{0}位成员是{1}，但出生日期与户主（{2}出生）相差不足{3}年，请核实出生日期或与户主关系", "member {0} is a {1} but was born less than {3} years after the head (born {2}): check the birth date or the relation", n, rel, head_birth, years)
}

pub fn w_child_too_old_for_spouse(
    lang: Lang,
    member: usize,
    spouse_birth: Date,
    generations: i32,
) -> String {
    let (n, years) = (member + 1, 14 * generations);
    say!(lang, "第{0}位成员的出生日期与户主配偶（{1}出生）相差不足{2}年，请核实出生日期或与户主关系", "member {0} was born less than {2} years after the head's spouse (born {1}): check the birth date or the relation", n, spouse_birth, years)
}

pub fn w_elder_too_young(
    lang: Lang,
    member: usize,
    relation: Relation,
    head_birth: Date,
    generations: i32,
) -> String {
    let (n, rel, years) = (member + 1, relation_name(lang, relation), 14 * generations);
    say!(lang, "第{0}位成员是户主的{1}，但比户主（{2}出生）年长不足{3}岁，请核实出生日期或与户主关系", "member {0} is the head's {1} but less than {3} years older than the head (born {2}): check the birth date or the relation", n, rel, head_birth, years)
}

pub fn w_under_marriage_age(lang: Lang, age: i32, male: bool, min_age: i32) -> String {
    let (zh_sex, en_sex) = if male {
        ("男", "men")
    } else {
        ("女", "women")
    };
    say!(lang, "{0}岁，未达法定婚龄（民法典第一千零四十七条：{1}不得早于{2}周岁），却登记为已婚关系，请核实出生日期或与户主关系", "aged {0}, below the legal marriage age ({3} {2}, Civil Code art. 1047 (民法典第一千零四十七条)) yet recorded as married: check the birth date or the relation", age, zh_sex, min_age, en_sex)
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
    say!(lang, "{0}岁仍在读{1}，远超该学段通常的结束年龄（约{2}岁），请核实出生日期或在校状况", "aged {0} and still in {3}, far past the usual last age of that stage (about {2}): check the birth date or the schooling status", age, zh, last_age, en)
}

pub fn w_identified_before_2014(lang: Lang, on: Date) -> String {
    say!(lang, "识别时间 {0} 早于2014年建档立卡工作开始（国开办发〔2014〕24号），请核实", "identified on {0}, before registration (建档立卡) began in 2014 (国开办发〔2014〕24号): please check", on)
}

pub fn w_step_before_identification(lang: Lang, step_on: Date, identified: Date) -> String {
    say!(
        lang,
        "退出程序日期 {0} 早于识别时间 {1}，请核实",
        "an exit step dated {0} is before the identification date {1}: please check",
        step_on,
        identified,
    )
}

pub fn w_monitoring_before_exit(lang: Lang, monitored: Date, exited: Date) -> String {
    say!(lang, "纳入监测时间 {0} 早于脱贫时间 {1}；脱贫不稳定户应在脱贫之后识别，请核实", "identified for monitoring on {0}, before the exit on {1}: an unstable exited household is identified after its exit, please check", monitored, exited)
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
        "{0}，本户为{1}：该抽样标记已忽略，本户不计入该比率",
        "{2}; this household is {3}, not {4}: the flag is ignored and the household left out of that rate",
        zh_sample,
        zh_reg,
        en_sample,
        shown,
        wanted,
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
        "“{0}”列：第{1}行填的是“{2}”，同一户前面的行填的是“{3}”，同一户的各行取值必须一致",
        "{0}: line {1} gives \"{2}\", an earlier row of the household gave \"{3}\"",
        column,
        line,
        other,
        first,
    )
}
