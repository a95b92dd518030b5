//! The eight checks in words: reasons, members' reasons, bases; the missing facts of an
//! `incomplete` verdict; the monitoring reasons.

use super::{listed, pick, said, yuan, Lang};
use crate::assessment::{
    Basis, Check, CheckFinding, EduCase, HousingCase, IncomeFinding, LineKind, MedCase,
    MemberFinding, Status, Tri, WaterFinding, WaterPart,
};
use crate::household::{Risk, SafeAlternative};
use crate::money::Money;
use crate::monitoring::{Reason, ReasonFinding};

/// A check's reason from its finding (`veto`: electricity says when it is not a veto item).
pub fn check_reason(lang: Lang, status: Status, veto: bool, f: &CheckFinding) -> String {
    match f {
        CheckFinding::Income(i) => income_check(lang, status, i),
        CheckFinding::Food => food(lang, status),
        CheckFinding::Clothing => clothing(lang, status),
        CheckFinding::Electricity => electricity(lang, status, veto),
        CheckFinding::Education { lo, hi } => education(lang, status, *lo, *hi),
        CheckFinding::Medical => medical(lang, status),
        CheckFinding::Housing { case, persons } => housing(lang, case, *persons),
        CheckFinding::Water(w) => water(lang, status, w),
    }
}

/// A member's reason from its finding.
pub fn member_reason(lang: Lang, f: &MemberFinding) -> String {
    match f {
        MemberFinding::Education(case, age) => education_member(lang, *case, *age),
        MemberFinding::Medical(case) => medical_member(lang, *case),
    }
}

/// A monitoring reason from its finding; a failing guarantee says what its check says.
pub fn monitoring_reason(lang: Lang, r: &Reason, checks: &[Check]) -> String {
    match &r.finding {
        ReasonFinding::Income {
            below,
            per_capita,
            line,
        } => monitoring_income(lang, *below, *per_capita, *line),
        ReasonFinding::MissingFacts { item } => missing_facts(lang, item, &r.paths),
        ReasonFinding::RigidSpending {
            medical,
            education,
            disaster,
        } => rigid_spending(lang, *medical, *education, *disaster),
        ReasonFinding::Risk(risk) => self::risk(lang, *risk),
        // Worded from the check's own finding, so the sentence does not depend on the checks
        // having been rendered first.
        ReasonFinding::Check(id) => checks
            .iter()
            .find(|c| c.id == *id)
            .map(|c| check_reason(lang, c.status, c.veto, &c.finding))
            .unwrap_or_default(),
    }
}

// ---------------------------------------------------------------- check bases

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
    let list = listed(lang, paths);
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
        "rigid_spending" => (
            "因病、因学、因灾刚性支出是否超过收入",
            "whether medical, schooling and disaster spending exceeds income",
        ),
        "registration" => (
            "户类型（是否为脱贫户）",
            "the household's registration (whether it is a formerly poor household)",
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
        "信息不全，无法判断{0}：请填写 {2}",
        "not known {1}: fill in {2}",
        zh_item,
        en_item,
        list,
    )
}

// ---------------------------------------------------------------- income

pub fn income_check(lang: Lang, status: Status, f: &IncomeFinding) -> String {
    let line = yuan(f.line);
    let (zh_line, en_line) = match f.line_kind {
        LineKind::PovertyLine => ("扶贫标准", "poverty line"),
        LineKind::MonitoringLine => ("监测线", "monitoring line"),
    };
    let pc = f.per_capita.map(yuan);
    match (status, pc) {
        (Status::Unknown, _) if !f.net_known => {
            let list = listed(lang, &f.missing);
            say!(lang, "收入数据不全（{0}），无法计算人均纯收入", "income is incomplete ({0}): per-capita net income cannot be computed", list)
        }
        (Status::Unknown, _) => say!(lang, "部分不计入收入的转移性收入未列明金额，人均纯收入可能高于或低于{0} {1} 元", "some excluded transfer items are not itemised: counted income may be above or below the {2} of {1} yuan", zh_line, line, en_line),
        (Status::Pass, Some(pc)) => say!(lang, "人均纯收入 {0} 元，高于{1} {2} 元", "per-capita net income {0} yuan is above the {3} of {2} yuan", pc, zh_line, line, en_line),
        (Status::Pass, None) => say!(lang, "人均纯收入高于{0} {1} 元", "per-capita net income is above the {2} of {1} yuan", zh_line, line, en_line),
        (_, Some(pc)) if pc == line => say!(lang, "人均纯收入 {0} 元恰好等于{1}，按严格口径不算“超过”", "per-capita net income {0} yuan equals the {2} exactly, which under the strict reading is not above it", pc, zh_line, en_line),
        (_, Some(pc)) => say!(lang, "人均纯收入 {0} 元，未超过{1} {2} 元", "per-capita net income {0} yuan is not above the {3} of {2} yuan", pc, zh_line, line, en_line),
        (_, None) => say!(lang, "人均纯收入未超过{0} {1} 元", "per-capita net income is not above the {2} of {1} yuan", zh_line, line, en_line),
    }
}

pub fn monitoring_income(lang: Lang, below: Tri, per_capita: Option<Money>, line: Money) -> String {
    let line = yuan(line);
    // Without an exact figure (unitemised excluded items) the range still decides: say so
    // without a number rather than print a placeholder.
    let pc = per_capita.map(yuan);
    match (below, pc) {
        (Some(true), Some(pc)) => say!(
            lang,
            "人均纯收入 {0} 元，低于监测线 {1} 元",
            "per-capita net income {0} yuan is below the monitoring line of {1} yuan",
            pc,
            line
        ),
        (Some(false), Some(pc)) => say!(
            lang,
            "人均纯收入 {0} 元，不低于监测线 {1} 元",
            "per-capita net income {0} yuan is not below the monitoring line of {1} yuan",
            pc,
            line
        ),
        (Some(true), None) => say!(
            lang,
            "人均纯收入低于监测线 {0} 元",
            "per-capita net income is below the monitoring line of {0} yuan",
            line
        ),
        (Some(false), None) => say!(
            lang,
            "人均纯收入不低于监测线 {0} 元",
            "per-capita net income is not below the monitoring line of {0} yuan",
            line
        ),
        (None, _) => say!(
            lang,
            "收入数据不全，无法判断是否低于监测线 {0} 元",
            "income is incomplete: cannot tell whether it is below the monitoring line of {0} yuan",
            line
        ),
    }
}

pub fn rigid_spending(lang: Lang, medical: Money, education: Money, disaster: Money) -> String {
    let (med, edu, dis) = (yuan(medical), yuan(education), yuan(disaster));
    say!(
        lang,
        "刚性支出较大：医疗自付 {0} 元、教育 {1} 元、灾害损失 {2} 元，超过家庭纯收入",
        "large rigid spending: medical out-of-pocket {0} yuan, education {1} yuan, disaster loss {2} yuan, above the household's net income",
        med,
        edu,
        dis,
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
    pick(lang, zh, en)
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
    pick(lang, zh, en)
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
            "{0}（本省政策未将用电列为否决项，仅作参考）",
            "{0} (not a veto item under this province's rules; shown for information)",
            base,
        )
    }
}

// ---------------------------------------------------------------- education

pub fn education_member(lang: Lang, case: EduCase, age: i32) -> String {
    // One call of the filler for every arm (slot {0}: the age).
    let (zh, en) = match case {
        EduCase::Completed => pair!("{0}岁，已完成九年义务教育", "aged {0}, has completed compulsory schooling", 1),
        EduCase::NoStatus => pair!("{0}岁，在校状况未填写", "aged {0}, schooling status not recorded", 1),
        EduCase::InSchool => pair!("{0}岁，在校就读", "aged {0}, in school", 1),
        EduCase::HomeTutoring => pair!("{0}岁，送教上门，视同接受义务教育", "aged {0}, taught at home (送教上门), which counts as schooling", 1),
        EduCase::Exempt => pair!("{0}岁，经县级专家委员会认定因身体原因不具备学习条件，不计为失学", "aged {0}, assessed by the county expert committee as unable to study for health reasons: not a dropout", 1),
        EduCase::DeferredEntry => pair!("{0}岁，经批准推迟入学（最低学龄），不计为失学", "aged {0}, approved deferred entry at the lowest school age: not a dropout", 1),
        EduCase::DeferredTooOld => pair!("{0}岁，超过可推迟入学的年龄仍未入学", "aged {0}, too old for deferred entry and not in school", 1),
        EduCase::DroppedOut => pair!("{0}岁，辍学（2019年起不论原因均不得失学辍学）", "aged {0}, dropped out (from 2019 no dropout is allowed, whatever the reason)", 1),
        EduCase::PovertyDropout => pair!("{0}岁，因贫辍学", "aged {0}, dropped out because of poverty", 1),
        EduCase::OtherDropout => pair!("{0}岁，非因贫辍学（按当时“无因贫辍学”标准不否决）", "aged {0}, dropped out for a reason other than poverty (no veto under the then rule of no dropout because of poverty (无因贫辍学))", 1),
        EduCase::DropoutNoReason => pair!("{0}岁，辍学但未填写辍学原因，无法按“无因贫辍学”判断", "aged {0}, dropped out with no recorded reason: cannot apply the rule of no dropout because of poverty (无因贫辍学)", 1),
        EduCase::NotInSchool => pair!("{0}岁，处于义务教育年龄但未入学", "aged {0}, of compulsory-school age but not in school", 1),
    };
    said(lang, zh, en, &[&age])
}

pub fn education(lang: Lang, status: Status, lo: i32, hi: i32) -> String {
    // One call of the filler for every arm (slots {0} and {1}: the ages).
    let (zh, en) = match status {
        Status::Pass => pair!(
            "{0}—{1}岁适龄成员均有学上",
            "every member aged {0}–{1} is in compulsory schooling or exempt",
            2
        ),
        Status::Fail => pair!(
            "有{0}—{1}岁适龄成员失学辍学",
            "a member aged {0}–{1} is out of compulsory schooling",
            2
        ),
        Status::Unknown => pair!(
            "有{0}—{1}岁适龄成员的在校情况不明",
            "the schooling of a member aged {0}–{1} is not known",
            2
        ),
        Status::NotApplicable => pair!(
            "家中没有{0}—{1}岁义务教育适龄成员",
            "no member is of compulsory-school age ({0}–{1})",
            2
        ),
    };
    said(lang, zh, en, &[&lo, &hi])
}

// ---------------------------------------------------------------- medical

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
    pick(lang, zh, en)
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

pub fn housing(lang: Lang, case: &HousingCase, persons: usize) -> String {
    match case {
        HousingCase::RelocatedKeys => say!(
            lang,
            "易地扶贫搬迁集中安置，已交钥匙",
            "relocated to a centralised site with keys handed over"
        ),
        HousingCase::KeysNotHandedOver => say!(
            lang,
            "易地扶贫搬迁集中安置尚未交钥匙，原住房不安全",
            "centralised relocation: keys not yet handed over, and the old house is not safe"
        ),
        HousingCase::RelocationUnknown => say!(
            lang,
            "易地扶贫搬迁进度未填写",
            "relocation progress not recorded"
        ),
        HousingCase::RelocatedMovedIn => say!(
            lang,
            "易地扶贫搬迁分散安置，已入住",
            "scattered relocation, moved in"
        ),
        HousingCase::NotMovedIn => say!(
            lang,
            "易地扶贫搬迁分散安置尚未入住，原住房不安全",
            "scattered relocation not yet moved into, and the old house is not safe"
        ),
        HousingCase::SafeElsewhere(a) => {
            let (zh, en) = match a {
                SafeAlternative::WithFamily => ("投亲靠友", "with family"),
                SafeAlternative::PublicRental => ("住公租房", "in public rental housing"),
                SafeAlternative::Rented => ("租住安全住房", "in a rented safe house"),
            };
            say!(
                lang,
                "现{0}，住房安全有保障",
                "living safely elsewhere ({1})",
                zh,
                en
            )
        }
        HousingCase::SafeGrade(g) => {
            let g = g.as_str();
            say!(
                lang,
                "住房鉴定为{0}级，安全",
                "the house is appraised grade {0}, safe",
                g
            )
        }
        HousingCase::AreaUnknown(min) => say!(
            lang,
            "本省要求人均不低于{0}平方米，住房面积未填写",
            "this province requires at least {0} m² per person; floor area not recorded",
            min
        ),
        HousingCase::SmallArea(area, min) => say!(
            lang,
            "住房面积 {0} 平方米，{1} 人，低于本省人均{2}平方米的要求",
            "floor area {0} m² for {1} persons is below this province's {2} m² per person",
            area,
            persons,
            min
        ),
        HousingCase::NoHouse => say!(lang, "无住房", "no house"),
        HousingCase::Unsafe(g) => {
            let g = g.as_str();
            say!(lang, "住房为{0}级危房", "the house is grade {0}, unsafe", g)
        }
        HousingCase::GradeUnknown => say!(
            lang,
            "住房未经安全鉴定（等级未填写）",
            "the house has not been appraised (no grade)"
        ),
    }
}

// ---------------------------------------------------------------- water

pub fn water(lang: Lang, status: Status, f: &WaterFinding) -> String {
    let want = match status {
        Status::Pass => {
            return say!(
                lang,
                "水量、水质、方便程度、供水保证率均达标",
                "quantity, quality, convenience and reliability all meet the standard"
            )
        }
        Status::Fail => Status::Fail,
        _ => Status::Unknown,
    };
    // The parts in the language asked for only (they were made in both and one dropped).
    let parts: Vec<String> = f
        .parts
        .iter()
        .filter(|(_, s)| *s == want)
        .map(|(p, _)| water_part(lang, *p, f))
        .collect();
    let list = listed(lang, &parts);
    if want == Status::Fail {
        say!(lang, "未达标：{0}", "not met: {0}", list)
    } else {
        say!(lang, "信息不全：{0}", "not known: {0}", list)
    }
}

/// One part of the water standard with the limit that applies.
fn water_part(lang: Lang, p: WaterPart, rule: &WaterFinding) -> String {
    let (minutes, horizontal, vertical) = (
        rule.fetch_minutes_max,
        rule.horizontal_m_max,
        rule.vertical_m_max,
    );
    match p {
        WaterPart::Quantity => say!(
            lang,
            "水量（每人每天不少于{0}升）",
            "quantity (at least {0} L per person a day)",
            rule.litres_min
        ),
        WaterPart::Convenience => say!(
            lang,
            "方便程度（供水入户，或取水往返不超过{0}分钟、水平距离不超过{1}米、垂直距离不超过{2}米之一）",
            "convenience (piped home, or a trip within {0} min / {1} m horizontal / {2} m vertical)",
            minutes,
            horizontal,
            vertical
        ),
        WaterPart::Supply => say!(
            lang,
            "供水保证率（全年断水不超过{0}天）",
            "reliability (no more than {0} days without supply a year)",
            rule.days_without_supply_max
        ),
        WaterPart::Quality => say!(lang, "水质", "quality"),
    }
}
