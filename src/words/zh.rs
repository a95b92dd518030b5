//! The zh-CN message table of the checks' findings (contract v1.1 item 6: full-width
//! punctuation, no English but codes and document numbers). Same functions, same order, as
//! `en.rs`; `checks.rs` picks the table of the report's language.

use super::yuan;
use crate::assessment::CheckId;
use crate::assessment::{
    Basis, EduCase, HousingCase, IncomeFinding, LineKind, MedCase, Status, Tri, WaterFinding,
    WaterPart,
};
use crate::causes::CauseFinding;
use crate::household::{Measure, Risk, SafeAlternative};
use crate::money::Money;

pub(super) fn basis(b: Basis) -> &'static str {
    match b {
        Basis::IncomeExit => "厅字〔2016〕16号：年人均纯收入稳定超过国家扶贫标准",
        Basis::IncomeMonitoring => "中农组发〔2021〕7号：省定防止返贫监测范围",
        Basis::Food => "厅字〔2016〕16号：吃穿不愁；国家脱贫攻坚普查：平常能吃得饱，家庭有稳定充足的食物来源",
        Basis::Clothing => "厅字〔2016〕16号：吃穿不愁；国家脱贫攻坚普查：一年四季都有应季的换洗衣物和御寒被褥",
        Basis::Electricity => "通生活用电：部分省份的退出指标（陕西五项指标；广西“八有一超”之有电用）",
        Basis::EducationNoDropout => "国开发〔2019〕15号：义务教育阶段适龄儿童少年不失学辍学；普查：适龄为6—15周岁，送教上门计入，不具备学习条件的除外",
        Basis::EducationNoPovertyDropout => "2016—2018年退出标准：无因贫辍学（广西至2020年）",
        Basis::Medical => "基本医疗有保障：建档立卡人口纳入基本医疗保险、大病保险和医疗救助（国家脱贫攻坚普查）",
        Basis::Housing => "住房安全有保障：不住C级、D级危房；易地搬迁集中安置已交钥匙、分散安置已入住；投亲靠友、公租房（2020年核验）",
        Basis::Water => "T/CHES 18-2018《农村饮水安全评价准则》：水量、水质、用水方便程度、供水保证率四项全部达标或基本达标",
    }
}

pub(super) fn missing_facts(item: &str, paths: &[String]) -> String {
    let zh_list = paths.join("、");
    let zh_item = match item {
        "rigid_spending_exceeds_income" => "因病因学刚性支出是否超过收入",
        "rigid_spending_unresolved" => "刚性支出是否已稳定解决",
        "identified_this_year" => "是否为当年新识别",
        "too_soon" => "监测时间是否已满",
        "no_labour_household" => "是否整户无劳动能力",
        "income" => "收入是否达标",
        "food" => "是否不愁吃",
        "clothing" => "是否不愁穿",
        "education" => "义务教育是否有保障",
        "medical" => "基本医疗是否有保障",
        "housing" => "住房安全是否有保障",
        "water" => "饮水安全是否有保障",
        "electricity" => "是否通生活用电",
        _ => "该项",
    };
    format!("信息不全，无法判断{zh_item}：请填写 {zh_list}")
}

pub(super) fn income_check(status: Status, f: &IncomeFinding) -> String {
    let line = yuan(f.line);
    let zh_line = match f.line_kind {
        LineKind::PovertyLine => "扶贫标准",
        LineKind::MonitoringLine => "监测线",
    };
    let pc = f.per_capita.map(yuan);
    match (status, pc) {
        (Status::Unknown, _) if !f.net_known => {
            let zh = f.missing.join("、");
            format!("收入数据不全（{zh}），无法计算人均纯收入")
        }
        (Status::Unknown, _) => format!(
            "部分不计入收入的转移性收入未列明金额，人均纯收入可能高于或低于{zh_line} {line} 元"
        ),
        (Status::Pass, Some(pc)) => format!("人均纯收入 {pc} 元，高于{zh_line} {line} 元"),
        (Status::Pass, None) => format!("人均纯收入高于{zh_line} {line} 元"),
        (_, Some(pc)) if pc == line => {
            format!("人均纯收入 {pc} 元恰好等于{zh_line}，按严格口径不算“超过”")
        }
        (_, Some(pc)) => format!("人均纯收入 {pc} 元，未超过{zh_line} {line} 元"),
        (_, None) => format!("人均纯收入未超过{zh_line} {line} 元"),
    }
}

pub(super) fn monitoring_income(below: Tri, per_capita: Option<Money>, line: Money) -> String {
    let line = yuan(line);
    let pc = per_capita.map(yuan);
    match (below, pc) {
        (Some(true), Some(pc)) => format!("人均纯收入 {pc} 元，低于监测线 {line} 元"),
        (Some(false), Some(pc)) => format!("人均纯收入 {pc} 元，不低于监测线 {line} 元"),
        (Some(true), None) => format!("人均纯收入低于监测线 {line} 元"),
        (Some(false), None) => format!("人均纯收入不低于监测线 {line} 元"),
        (None, _) => format!("收入数据不全，无法判断是否低于监测线 {line} 元"),
    }
}

pub(super) fn rigid_spending(medical: Money, education: Money, disaster: Money) -> String {
    let (med, edu, dis) = (yuan(medical), yuan(education), yuan(disaster));
    format!("刚性支出较大：医疗自付 {med} 元、教育 {edu} 元、灾害损失 {dis} 元，超过家庭纯收入")
}

pub(super) fn risk(r: Risk) -> &'static str {
    match r {
        Risk::Illness => "因病：家中有大病或长期慢性病患者",
        Risk::Disability => "因残：家中有残疾人",
        Risk::Education => "因学：有高中、中职或大学阶段的学生且有教育支出",
        Risk::Disaster => "因自然灾害：本期有灾害损失",
        Risk::Accident => "因意外事故",
        Risk::BusinessFailure => "因产业项目失败",
        Risk::UnstableEmployment => "因务工就业不稳",
        Risk::LackOfLabour => "缺劳动力",
        Risk::Housing => "因安全住房：住房安全未保障",
        Risk::Water => "因安全饮水：饮水安全未保障",
        Risk::Other => "其他风险",
    }
}

pub(super) fn food(status: Status) -> &'static str {
    match status {
        Status::Pass => "不愁吃：有稳定充足的食物来源",
        Status::Fail => "愁吃：食物来源不稳定或不充足",
        _ => "未填写是否不愁吃",
    }
}

pub(super) fn clothing(status: Status) -> &'static str {
    match status {
        Status::Pass => "不愁穿：四季有应季衣物和御寒被褥",
        Status::Fail => "愁穿：缺少应季衣物或御寒被褥",
        _ => "未填写是否不愁穿",
    }
}

pub(super) fn medical(status: Status) -> &'static str {
    match status {
        Status::Pass => "全部成员参加基本医疗保险",
        Status::Fail => "有成员未参加基本医疗保险",
        _ => "有成员参保情况不明",
    }
}

pub(super) fn electricity(status: Status, veto: bool) -> String {
    let base = match status {
        Status::Pass => "已通生活用电",
        Status::Fail => "未通生活用电",
        _ => "未填写是否通生活用电",
    };
    if veto {
        base.to_owned()
    } else {
        format!("{base}（本省政策未将用电列为否决项，仅作参考）")
    }
}

pub(super) fn education_member(case: EduCase, age: i32) -> String {
    match case {
        EduCase::Completed => format!("{age}岁，已完成九年义务教育"),
        EduCase::NoStatus => format!("{age}岁，在校状况未填写"),
        EduCase::InSchool => format!("{age}岁，在校就读"),
        EduCase::HomeTutoring => format!("{age}岁，送教上门，视同接受义务教育"),
        EduCase::Exempt => {
            format!("{age}岁，经县级专家委员会认定因身体原因不具备学习条件，不计为失学")
        }
        EduCase::DeferredEntry => format!("{age}岁，经批准推迟入学（最低学龄），不计为失学"),
        EduCase::DeferredTooOld => format!("{age}岁，超过可推迟入学的年龄仍未入学"),
        EduCase::DroppedOut => format!("{age}岁，辍学（2019年起不论原因均不得失学辍学）"),
        EduCase::PovertyDropout => format!("{age}岁，因贫辍学"),
        EduCase::OtherDropout => format!("{age}岁，非因贫辍学（按当时“无因贫辍学”标准不否决）"),
        EduCase::DropoutNoReason => {
            format!("{age}岁，辍学但未填写辍学原因，无法按“无因贫辍学”判断")
        }
        EduCase::NotInSchool => format!("{age}岁，处于义务教育年龄但未入学"),
    }
}

pub(super) fn education(status: Status, lo: i32, hi: i32) -> String {
    match status {
        Status::Pass => format!("{lo}—{hi}岁适龄成员均有学上"),
        Status::Fail => format!("有{lo}—{hi}岁适龄成员失学辍学"),
        Status::Unknown => format!("有{lo}—{hi}岁适龄成员的在校情况不明"),
        Status::NotApplicable => format!("家中没有{lo}—{hi}岁义务教育适龄成员"),
    }
}

pub(super) fn medical_member(case: MedCase) -> &'static str {
    match case {
        MedCase::CommercialOnly => "仅有商业保险，本省不计为基本医疗保险",
        MedCase::Uninsured => "未参加基本医疗保险",
        MedCase::NoCriticalIllness => "未参加大病保险（本省要求）",
        MedCase::NoAssistance => "未纳入医疗救助（本省要求）",
        MedCase::InsuranceUnknown => "参保情况未填写",
        MedCase::RequirementUnknown => "大病保险或医疗救助情况未填写（本省要求）",
        MedCase::Insured => "已参加基本医疗保险",
    }
}

pub(super) fn housing(case: &HousingCase, persons: usize) -> String {
    match case {
        HousingCase::RelocatedKeys => "易地扶贫搬迁集中安置，已交钥匙".to_owned(),
        HousingCase::KeysNotHandedOver => "易地扶贫搬迁集中安置尚未交钥匙，原住房不安全".to_owned(),
        HousingCase::RelocationUnknown => "易地扶贫搬迁进度未填写".to_owned(),
        HousingCase::RelocatedMovedIn => "易地扶贫搬迁分散安置，已入住".to_owned(),
        HousingCase::NotMovedIn => "易地扶贫搬迁分散安置尚未入住，原住房不安全".to_owned(),
        HousingCase::SafeElsewhere(a) => {
            let zh = match a {
                SafeAlternative::WithFamily => "投亲靠友",
                SafeAlternative::PublicRental => "住公租房",
                SafeAlternative::Rented => "租住安全住房",
            };
            format!("现{zh}，住房安全有保障")
        }
        HousingCase::SafeGrade(g) => {
            let g = g.as_str();
            format!("住房鉴定为{g}级，安全")
        }
        HousingCase::AreaUnknown(min) => format!("本省要求人均不低于{min}平方米，住房面积未填写"),
        HousingCase::SmallArea(area, min) => {
            format!("住房面积 {area} 平方米，{persons} 人，低于本省人均{min}平方米的要求")
        }
        HousingCase::NoHouse => "无住房".to_owned(),
        HousingCase::Unsafe(g) => {
            let g = g.as_str();
            format!("住房为{g}级危房")
        }
        HousingCase::GradeUnknown => "住房未经安全鉴定（等级未填写）".to_owned(),
    }
}

pub(super) fn water(status: Status, f: &WaterFinding) -> String {
    let min = f.litres_min;
    let describe = |p: WaterPart| -> String {
        match p {
            WaterPart::Quantity => format!("水量（每人每天不少于{min}升）"),
            WaterPart::Convenience => format!(
                "方便程度（供水入户，或取水往返不超过{}分钟、水平距离不超过{}米、垂直距离不超过{}米之一）",
                f.fetch_minutes_max, f.horizontal_m_max, f.vertical_m_max
            ),
            WaterPart::Supply => format!("供水保证率（全年断水不超过{}天）", f.days_without_supply_max),
            WaterPart::Quality => "水质".to_string(),
        }
    };
    let list = |want: Status| -> String {
        f.parts
            .iter()
            .filter(|(_, s)| *s == want)
            .map(|(p, _)| describe(*p))
            .collect::<Vec<_>>()
            .join("、")
    };
    match status {
        Status::Pass => "水量、水质、方便程度、供水保证率均达标".to_owned(),
        Status::Fail => {
            let zh = list(Status::Fail);
            format!("未达标：{zh}")
        }
        _ => {
            let zh = list(Status::Unknown);
            format!("信息不全：{zh}")
        }
    }
}

/// Members named for people (numbered from 1).
fn who(idx: &[usize]) -> String {
    let list = idx
        .iter()
        .map(|i| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join("、");
    format!("第{list}位成员")
}

pub(super) fn cause(f: &CauseFinding) -> String {
    match f {
        CauseFinding::Illness {
            serious,
            chronic,
            medical,
        } => {
            // A serious illness is named first; else the chronically ill with heavy costs.
            if serious.is_empty() {
                let (w, y) = (who(chronic), yuan(*medical));
                format!("{w}患长期慢性病，医疗自付 {y} 元负担较重")
            } else {
                let w = who(serious);
                format!("{w}患大病")
            }
        }
        CauseFinding::Disability(idx) => {
            let w = who(idx);
            format!("{w}残疾且劳动能力受限")
        }
        CauseFinding::Education(idx, amount) => {
            let (w, y) = (who(idx), yuan(*amount));
            format!("{w}在读高中、中职或大学，教育支出 {y} 元")
        }
        CauseFinding::LackOfLabour { able, persons: n } => format!("{n}人中仅{able}人有劳动能力"),
        CauseFinding::Disaster(loss) => {
            let y = yuan(*loss);
            format!("本期灾害损失 {y} 元")
        }
        CauseFinding::FailingCheck(CheckId::Water) => "饮水安全未达标".to_owned(),
        CauseFinding::FailingCheck(_) => "住房安全未保障".to_owned(),
    }
}

pub(super) fn measure_why(m: Measure) -> &'static str {
    match m {
        Measure::Industry => "有劳动能力，宜发展产业增收（发展生产脱贫一批）",
        Measure::Employment => "有劳动能力，宜转移就业、稳岗增收",
        Measure::Finance => "小额信贷支持",
        Measure::PublicWelfareJob => "公益性岗位",
        Measure::Health => "因病：健康帮扶，落实基本医保、大病保险、医疗救助",
        Measure::Education => "因学：教育帮扶（中职、高职学生可申请雨露计划）",
        Measure::CompulsoryEducation => "义务教育保障：控辍保学、劝返复学或送教上门",
        Measure::Housing => "住房安全保障：危房改造或安全住房安置",
        Measure::Water => "饮水安全保障：解决水量、水质、取水方便或供水保证问题",
        Measure::SocialSecurity => "综合保障：低保、特困供养、残疾人补贴等兜底（社会保障兜底一批）",
        Measure::Relocation => "无房可住：考虑易地扶贫搬迁（易地搬迁脱贫一批）",
        Measure::SocialAssistance => "临时救助与社会帮扶",
        Measure::LivingConditions => "改善生产生活条件",
        Measure::Infrastructure => "基础设施建设",
        Measure::EcologicalCompensation => "生态补偿（生态补偿脱贫一批）",
    }
}
