//! Province-level divisions of China by ISO 3166-2:CN code, with their names. Which of them
//! count as "western" for the 3% threshold is policy, and lives in the packs, not here.

/// `(code, 中文名, English name)`.
pub const PROVINCES: &[(&str, &str, &str)] = &[
    ("CN-AH", "安徽", "Anhui"),
    ("CN-BJ", "北京", "Beijing"),
    ("CN-CQ", "重庆", "Chongqing"),
    ("CN-FJ", "福建", "Fujian"),
    ("CN-GD", "广东", "Guangdong"),
    ("CN-GS", "甘肃", "Gansu"),
    ("CN-GX", "广西", "Guangxi"),
    ("CN-GZ", "贵州", "Guizhou"),
    ("CN-HA", "河南", "Henan"),
    ("CN-HB", "湖北", "Hubei"),
    ("CN-HE", "河北", "Hebei"),
    ("CN-HI", "海南", "Hainan"),
    ("CN-HL", "黑龙江", "Heilongjiang"),
    ("CN-HN", "湖南", "Hunan"),
    ("CN-JL", "吉林", "Jilin"),
    ("CN-JS", "江苏", "Jiangsu"),
    ("CN-JX", "江西", "Jiangxi"),
    ("CN-LN", "辽宁", "Liaoning"),
    ("CN-NM", "内蒙古", "Inner Mongolia"),
    ("CN-NX", "宁夏", "Ningxia"),
    ("CN-QH", "青海", "Qinghai"),
    ("CN-SC", "四川", "Sichuan"),
    ("CN-SD", "山东", "Shandong"),
    ("CN-SH", "上海", "Shanghai"),
    ("CN-SN", "陕西", "Shaanxi"),
    ("CN-SX", "山西", "Shanxi"),
    ("CN-TJ", "天津", "Tianjin"),
    ("CN-XJ", "新疆", "Xinjiang"),
    ("CN-XZ", "西藏", "Tibet"),
    ("CN-YN", "云南", "Yunnan"),
    ("CN-ZJ", "浙江", "Zhejiang"),
];

pub fn is_known(code: &str) -> bool {
    PROVINCES.iter().any(|(c, _, _)| *c == code)
}

pub fn name(code: &str, zh: bool) -> &str {
    PROVINCES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, z, e)| if zh { *z } else { *e })
        .unwrap_or(code)
}
