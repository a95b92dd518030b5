//! 致贫原因 evidence and 帮扶措施 reasons in words.

use super::{pick, who, yuan, Lang};
use crate::assessment::CheckId;
use crate::causes::CauseFinding;
use crate::household::Measure;
use crate::money::Money;

/// A cause's evidence from its finding.
pub fn cause(lang: Lang, f: &CauseFinding) -> String {
    match f {
        CauseFinding::Illness {
            serious,
            chronic,
            medical,
        } => cause_illness(lang, serious, chronic, *medical),
        CauseFinding::Disability(idx) => cause_disability(lang, idx),
        CauseFinding::Education(idx, amount) => cause_education(lang, idx, *amount),
        CauseFinding::LackOfLabour { able, persons } => cause_lack_of_labour(lang, *able, *persons),
        CauseFinding::Disaster(loss) => cause_disaster(lang, *loss),
        CauseFinding::FailingCheck(id) => cause_from_check(lang, *id),
    }
}

pub fn cause_illness(lang: Lang, serious: &[usize], chronic: &[usize], medical: Money) -> String {
    if serious.is_empty() {
        let (w, y) = (who(lang, chronic), yuan(medical));
        say!(
            lang,
            "{0}患长期慢性病，医疗自付 {1} 元负担较重",
            "{0} has a chronic illness with heavy out-of-pocket costs ({1} yuan)",
            w,
            y,
        )
    } else {
        let w = who(lang, serious);
        say!(lang, "{0}患大病", "{0} has a serious illness", w)
    }
}

pub fn cause_disability(lang: Lang, idx: &[usize]) -> String {
    let w = who(lang, idx);
    say!(
        lang,
        "{0}残疾且劳动能力受限",
        "{0} is disabled with limited labour ability",
        w,
    )
}

pub fn cause_education(lang: Lang, idx: &[usize], amount: Money) -> String {
    let (w, y) = (who(lang, idx), yuan(amount));
    say!(
        lang,
        "{0}在读高中、中职或大学，教育支出 {1} 元",
        "{0} is at senior, vocational or college stage; education spending {1} yuan",
        w,
        y,
    )
}

pub fn cause_lack_of_labour(lang: Lang, able: usize, n: usize) -> String {
    say!(
        lang,
        "{0}人中仅{1}人有劳动能力",
        "only {1} of {0} members can work fully",
        n,
        able,
    )
}

pub fn cause_disaster(lang: Lang, loss: Money) -> String {
    let y = yuan(loss);
    say!(
        lang,
        "本期灾害损失 {0} 元",
        "disaster loss of {0} yuan in the period",
        y,
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
    pick(lang, zh, en)
}
