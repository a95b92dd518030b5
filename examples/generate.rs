//! Seeded generator of realistic synthetic rural households, for the benchmarks (`bench/`).
//!
//! ```text
//! cargo run --release --example generate -- --households 100000 --seed 1 --format csv > hh.csv
//! cargo run --release --example generate -- --households 10000000 --seed 1 --format jsonl | tuopin batch - --as-of 2019-12-31
//! ```
//!
//! Options: `--households N` (default 1000), `--seed S` (default 1), `--format csv|jsonl`
//! (default jsonl), `--as-of-year Y` (default 2019; 2019 or 2020 → exit regime with the national
//! line 3218 / 4000, 2023–2025 → monitoring regime with Yunnan's lines 8050 / 8700),
//! `--villages V` (default N/500, between 20 and 14,000). Assess the output with
//! `--as-of Y-12-31`.
//!
//! The same seed gives the same households in both formats (a household is drawn first, then
//! written), so CSV and JSONL runs assess identical data. Output is streamed: memory stays flat
//! whatever N is. Nothing here reads the library: the text follows the contract's JSON field
//! names and the CSV layout's English headers (`src/table.rs`, `COLUMNS`).
//!
//! What the data look like (with `--as-of-year 2019`; shares of households unless said otherwise):
//! * 1–7 members (4 most common), a head, usually a spouse of the other sex, children,
//!   sometimes parents, a child-in-law and grandchildren; ages consistent with the relations.
//! * Labour by age and health; schooling by age (6–15 in compulsory school, with ~0.4% of those
//!   children dropped out or not enrolled, and some home-tutored, exempt or deferred); basic
//!   medical insurance for ~99.8% of people; 18-digit ID numbers with valid GB 11643 check
//!   digits on ~85% of people (and a mistyped check digit in ~0.05% of households, which the
//!   engine rejects as invalid rows).
//! * Income: per-capita net income log-normal around a regime-dependent median, split into
//!   wage, business (gross, with costs), property and transfers (basic pension for the 60+,
//!   dibao for some households without labour, one-off relief); amounts sometimes with fen.
//!   Income fails the 2019 line for ~1.5%.
//! * Guarantees failing at low rates (housing ~1.2%, water ~1.5%, medical ~0.5%, education
//!   ~0.15%, food and clothing ~0.1% each, electricity ~0.3%), plus ~0.5% of facts missing
//!   (→ `unknown`). Rigid spending above income for ~1–2% (illness, schooling, disasters).
//! * Exit regime: ~30% poor (2% of them identified this year), ~45% exited, the rest ordinary.
//!   Monitoring regime: exited or ordinary, ~7% with a `monitoring` record.
//! * Provinces mostly CN-YN; a few CN-GZ / CN-HB / CN-GX (exit) or CN-GZ / CN-HB (2023) / CN-JX
//!   (2024), only where the packs define the line in force.
//! * Survey flags: ~6% of exited households in the wrong-exit sample, ~6% of ordinary ones in
//!   the missed-assessment sample, ~10% asked about recognition (97% recognise); villages of
//!   ~500 households (`--villages`).

use std::fmt::Write as _;
use std::io::{self, Write};

// ---------------------------------------------------------------------------------------------
// PRNG: splitmix64 (small, seedable, good enough for synthetic data).

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x0005_EED7_u64.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn f(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
    /// True with probability p.
    fn p(&mut self, p: f64) -> bool {
        self.f() < p
    }
    /// Uniform integer in [lo, hi] (inclusive).
    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.next_u64() % ((hi - lo + 1) as u64)) as i64
    }
    fn pick<T: Copy + Default>(&mut self, items: &[T]) -> T {
        let i = (self.next_u64() % items.len().max(1) as u64) as usize;
        items.get(i).copied().unwrap_or_default()
    }
    /// Picks by weight.
    fn weighted<T: Copy + Default>(&mut self, items: &[(T, f64)]) -> T {
        let total: f64 = items.iter().map(|i| i.1).sum();
        let mut x = self.f() * total;
        for (item, w) in items {
            if x < *w {
                return *item;
            }
            x -= w;
        }
        items.last().map(|i| i.0).unwrap_or_default()
    }
    /// Standard normal (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u1 = self.f().max(1e-12);
        let u2 = self.f();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

// ---------------------------------------------------------------------------------------------
// The household as drawn.

#[derive(Clone, Copy)]
struct Date {
    y: i64,
    m: i64,
    d: i64,
}

impl Date {
    fn write(&self, out: &mut String) {
        let _ = write!(out, "{:04}-{:02}-{:02}", self.y, self.m, self.d);
    }
}

#[derive(Default)]
struct Member {
    name: String,
    id_number: Option<String>,
    relation: &'static str,
    sex: &'static str,
    birth: Option<Date>,
    age: i64,
    health: Option<&'static str>,
    disability_grade: Option<i64>,
    labour: Option<&'static str>,
    schooling: Option<&'static str>,
    dropout_reason: Option<&'static str>,
    medical_insurance: Option<&'static str>,
    critical: Option<bool>,
    assistance: Option<bool>,
}

#[derive(Default)]
struct Monitoring {
    category: &'static str,
    identified_on: Option<Date>,
    measures: Vec<&'static str>,
    risks: Vec<&'static str>,
    risk_gone: Option<bool>,
}

#[derive(Default)]
struct Household {
    id: String,
    province: &'static str,
    village: String,
    registration: &'static str,
    identified_on: Option<Date>,
    exited_on: Option<Date>,
    water_short_area: bool,
    // Money in fen.
    wage: i64,
    business: i64,
    property: i64,
    transfer: i64,
    business_costs: i64,
    basic_pension: i64,
    dibao: [i64; 3],
    one_off_relief: i64,
    medical_oop: i64,
    education_spending: i64,
    disaster_loss: i64,
    food: Option<bool>,
    clothing: Option<bool>,
    house_grade: Option<&'static str>,
    area_m2: i64,
    relocation: Option<(&'static str, bool, bool)>,
    safe_alternative: Option<&'static str>,
    piped: Option<bool>,
    litres: Option<i64>,
    fetch_minutes: Option<i64>,
    horizontal_m: Option<i64>,
    vertical_m: Option<i64>,
    days_without: Option<i64>,
    quality_ok: Option<bool>,
    electricity: Option<bool>,
    monitoring: Option<Monitoring>,
    exit_sample: Option<bool>,
    missed_sample: Option<bool>,
    recognised: Option<bool>,
    members: Vec<Member>,
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
    "何", "郭", "马", "罗", "普", "字", "者", "和", "段", "杞", "鲁", "沙",
];
const GIVEN: &[&str] = &[
    "国", "华", "建", "明", "秀", "英", "兰", "芳", "军", "平", "文", "丽", "强", "永", "春", "梅",
    "红", "云", "福", "玉", "金", "海", "志", "成", "德", "林", "雪", "琴", "光", "荣", "学", "兵",
];
const VILLAGE_A: &[&str] = &[
    "大", "小", "新", "老", "上", "下", "中", "东", "西", "南", "北", "石", "松", "柏", "龙", "凤",
    "马", "白", "黑", "清",
];
const VILLAGE_B: &[&str] = &[
    "河", "山", "坪", "寨", "沟", "坝", "箐", "村", "营", "庄", "田", "塘", "岭", "湾", "桥", "屯",
    "场", "哨", "铺", "冲",
];
const TOWNS: &[&str] = &[
    "城关", "和平", "新街", "马街", "羊街", "老城", "大河", "平坝", "江边", "龙潭", "石屏", "沙坝",
    "黄草", "干海", "乌龙", "白马", "金沙", "红岩", "清水", "花桥", "太平", "安乐", "永安", "凤凰",
    "松林", "桂花", "勐腊", "勐海", "碧溪", "大理", "普洱", "团结", "民主", "光明", "富民",
];

/// `items[i % len]`.
fn at(items: &[&'static str], i: usize) -> &'static str {
    items.get(i % items.len().max(1)).copied().unwrap_or("")
}

/// What members of one household share.
#[derive(Clone, Copy)]
struct Family {
    area: &'static str,
    poor: bool,
}

struct Ctx {
    year: i64,
    /// Exit regime (asOf up to 2020) or monitoring regime.
    exit: bool,
    villages: u64,
}

fn area_code(province: &str, rng: &mut Rng) -> &'static str {
    match province {
        "CN-GZ" => rng.pick(&["520102", "522301", "522601", "522701"]),
        "CN-HB" => rng.pick(&["420102", "422801", "421126", "420325"]),
        "CN-GX" => rng.pick(&["450102", "451202", "451031", "450329"]),
        "CN-JX" => rng.pick(&["360102", "360731", "361128", "360425"]),
        _ => rng.pick(&[
            "530102", "532301", "532323", "533122", "532501", "530621", "532622", "533421",
            "530821",
        ]),
    }
}

/// GB 11643: area code, birth date, sequence (odd for men), check character.
fn id_number(area: &str, birth: Date, male: bool, rng: &mut Rng) -> String {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let mut seq = rng.int(0, 998);
    if (seq % 2 == 1) != male {
        seq += 1;
    }
    let mut s = String::with_capacity(18);
    let _ = write!(
        s,
        "{area}{:04}{:02}{:02}{:03}",
        birth.y, birth.m, birth.d, seq
    );
    let sum: u32 = s
        .bytes()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    s.push(char::from(
        CHECK.get((sum % 11) as usize).copied().unwrap_or(b'0'),
    ));
    s
}

fn name(surname: &str, rng: &mut Rng) -> String {
    let mut s = String::with_capacity(9);
    s.push_str(surname);
    s.push_str(rng.pick(GIVEN));
    if rng.p(0.7) {
        s.push_str(rng.pick(GIVEN));
    }
    s
}

fn date_in(year: i64, rng: &mut Rng) -> Date {
    Date {
        y: year,
        m: rng.int(1, 12),
        d: rng.int(1, 28),
    }
}

/// Log-normal draw around `median`.
fn lognormal(median: f64, sigma: f64, rng: &mut Rng) -> f64 {
    median * (sigma * rng.normal()).exp()
}

/// Yuan to fen, whole yuan or (sometimes) with fen.
fn fen(yuan: f64, rng: &mut Rng, cents: bool) -> i64 {
    let y = yuan.max(0.0);
    if cents && rng.p(0.3) {
        (y * 100.0).round() as i64
    } else {
        y.round() as i64 * 100
    }
}

fn member(
    ctx: &Ctx,
    rng: &mut Rng,
    relation: &'static str,
    sex: &'static str,
    age: i64,
    surname: &str,
    family: Family,
) -> Member {
    let Family { area, poor } = family;
    let age = age.clamp(0, 99);
    let birth = date_in(ctx.year - age, rng);
    let male = sex == "male";
    // Health by age.
    let (chronic, serious, disabled) = match age {
        0..=17 => (0.01, 0.004, 0.01),
        18..=44 => (0.04, 0.01, 0.03),
        45..=59 => (0.12, 0.02, 0.05),
        60..=74 => (0.30, 0.03, 0.08),
        _ => (0.45, 0.04, 0.12),
    };
    let x = rng.f();
    let health = if x < disabled {
        "disabled"
    } else if x < disabled + serious {
        "serious"
    } else if x < disabled + serious + chronic {
        "chronic"
    } else {
        "healthy"
    };
    let disability_grade =
        (health == "disabled").then(|| rng.weighted(&[(1, 0.12), (2, 0.2), (3, 0.3), (4, 0.38)]));
    // Schooling by age.
    let schooling: Option<&'static str> = match age {
        0..=2 => Some("not_student"),
        3..=5 => Some(if rng.p(0.8) {
            "preschool"
        } else {
            "not_student"
        }),
        6..=15 => {
            // Deferred entry (age 6 only), dropped out, not enrolled, home-tutored or exempt,
            // schooling not recorded; everyone else in school.
            let x = rng.f();
            let severe = health == "disabled" && disability_grade.unwrap_or(4) <= 2;
            if age == 6 && x < 0.02 {
                Some("deferred")
            } else if (0.02..0.023).contains(&x) {
                Some("dropped_out")
            } else if (0.023..0.024).contains(&x) {
                Some("not_enrolled")
            } else if (0.024..0.026).contains(&x) || (severe && x < 0.5) {
                Some(if rng.p(0.6) {
                    "home_tutoring"
                } else {
                    "exempt"
                })
            } else if (0.026..0.028).contains(&x) {
                None
            } else if age <= 11 {
                Some("primary")
            } else if age <= 14 || rng.p(0.6) {
                Some("junior")
            } else {
                Some("senior")
            }
        }
        16..=18 => {
            Some(rng.weighted(&[("senior", 0.5), ("vocational", 0.25), ("not_student", 0.25)]))
        }
        19..=22 => Some(if rng.p(0.3) { "college" } else { "not_student" }),
        _ => Some("not_student"),
    };
    let dropout_reason =
        (schooling == Some("dropped_out")).then(|| if rng.p(0.3) { "poverty" } else { "other" });
    let student = matches!(schooling, Some("senior" | "vocational" | "college"));
    // Labour by age, health and schooling.
    let labour: Option<&'static str> = if age < 16 || student {
        Some("none")
    } else if rng.p(0.003) {
        None
    } else if health == "disabled" && disability_grade.unwrap_or(4) <= 2 {
        Some(if rng.p(0.7) { "lost" } else { "weak" })
    } else if health == "serious" {
        Some(rng.weighted(&[("lost", 0.4), ("weak", 0.5), ("normal", 0.1)]))
    } else {
        match age {
            16..=60 => Some(rng.weighted(&[("normal", 0.78), ("skilled", 0.14), ("weak", 0.08)])),
            61..=70 => Some(rng.weighted(&[("normal", 0.35), ("weak", 0.5), ("lost", 0.15)])),
            _ => Some(rng.weighted(&[("weak", 0.35), ("lost", 0.35), ("none", 0.3)])),
        }
    };
    let x = rng.f();
    let medical_insurance = if x < 0.0015 {
        Some("none")
    } else if x < 0.0025 {
        None
    } else if x < 0.03 {
        Some("employee")
    } else {
        Some("resident")
    };
    let insured = matches!(medical_insurance, Some("resident" | "employee"));
    let critical = if rng.p(0.01) {
        None
    } else {
        Some(insured && rng.p(0.98))
    };
    let assistance = if poor {
        Some(rng.p(0.95))
    } else if rng.p(0.5) {
        Some(rng.p(0.3))
    } else {
        None
    };
    let id_number = rng.p(0.85).then(|| id_number(area, birth, male, rng));
    Member {
        name: name(surname, rng),
        id_number,
        relation,
        sex,
        birth: Some(birth),
        age,
        health: if rng.p(0.004) { None } else { Some(health) },
        disability_grade,
        labour,
        schooling,
        dropout_reason,
        medical_insurance,
        critical,
        assistance,
    }
}

fn other(sex: &str) -> &'static str {
    if sex == "male" {
        "female"
    } else {
        "male"
    }
}

fn household(ctx: &Ctx, n: u64, rng: &mut Rng) -> Household {
    let mut h = Household::default();
    let year = ctx.year;
    h.province = if ctx.exit {
        rng.weighted(&[
            ("CN-YN", 0.90),
            ("CN-GZ", 0.04),
            ("CN-GX", 0.03),
            ("CN-HB", 0.03),
        ])
    } else if year == 2023 {
        rng.weighted(&[("CN-YN", 0.92), ("CN-GZ", 0.04), ("CN-HB", 0.04)])
    } else if year == 2024 {
        rng.weighted(&[("CN-YN", 0.95), ("CN-JX", 0.05)])
    } else {
        "CN-YN"
    };
    let prov2 = h.province.get(3..).unwrap_or("");
    let _ = write!(h.id, "{prov2}-{year}-{:08}", n + 1);
    // Villages of ~500 households, contiguous runs of ids as in a real register.
    let v = (n / 500) % ctx.villages;
    let _ = write!(
        h.village,
        "{}镇{}{}村",
        at(TOWNS, v as usize / (VILLAGE_A.len() * VILLAGE_B.len())),
        at(VILLAGE_A, v as usize),
        at(VILLAGE_B, v as usize / VILLAGE_A.len()),
    );
    if v as usize >= TOWNS.len() * VILLAGE_A.len() * VILLAGE_B.len() {
        let _ = write!(
            h.village,
            "{}",
            v / (TOWNS.len() * VILLAGE_A.len() * VILLAGE_B.len()) as u64
        );
    }

    // Registration and its dates.
    h.registration = if ctx.exit {
        rng.weighted(&[("poor", 0.30), ("exited", 0.45), ("ordinary", 0.25)])
    } else {
        rng.weighted(&[("exited", 0.55), ("ordinary", 0.45)])
    };
    let poor = h.registration == "poor";
    match h.registration {
        "poor" => {
            let y = if rng.p(0.02) {
                year
            } else {
                rng.int(2014, year - 1)
            };
            h.identified_on = Some(date_in(y, rng));
        }
        "exited" => {
            let last_exit = if ctx.exit { year - 1 } else { 2020 };
            let ey = rng.int(2015, last_exit);
            h.identified_on = Some(date_in(rng.int(2014, ey - 1), rng));
            h.exited_on = Some(Date {
                y: ey,
                m: rng.int(10, 12),
                d: rng.int(1, 28),
            });
        }
        _ => {}
    }

    // Members.
    let size = rng.weighted(&[
        (1usize, 0.09),
        (2, 0.17),
        (3, 0.20),
        (4, 0.25),
        (5, 0.16),
        (6, 0.09),
        (7, 0.04),
    ]);
    let area = area_code(h.province, rng);
    let family = Family { area, poor };
    let surname = rng.pick(SURNAMES);
    let head_sex = if rng.p(0.85) { "male" } else { "female" };
    let head_age = if size == 1 {
        rng.int(45, 90)
    } else {
        rng.int(24, 78)
    };
    h.members.push(member(
        ctx, rng, "head", head_sex, head_age, surname, family,
    ));
    if size >= 2 && rng.p(0.88) {
        let spouse_surname = rng.pick(SURNAMES);
        let age = head_age + rng.int(-6, 4);
        h.members.push(member(
            ctx,
            rng,
            "spouse",
            other(head_sex),
            age,
            spouse_surname,
            family,
        ));
    }
    // Older heads live with a married child and grandchildren; younger ones with children
    // and perhaps their parents.
    let mut grown_child = false;
    while h.members.len() < size {
        let left = size - h.members.len();
        let sex = if rng.p(0.5) { "male" } else { "female" };
        if head_age >= 52 && !grown_child {
            let age = (head_age - rng.int(22, 32)).max(18);
            h.members
                .push(member(ctx, rng, "child", sex, age, surname, family));
            if left >= 2 {
                let s2 = rng.pick(SURNAMES);
                let age2 = age + rng.int(-3, 3);
                h.members.push(member(
                    ctx,
                    rng,
                    "child_in_law",
                    other(sex),
                    age2,
                    s2,
                    family,
                ));
            }
            grown_child = true;
        } else if grown_child {
            let age = (head_age - rng.int(44, 60)).max(0);
            h.members
                .push(member(ctx, rng, "grandchild", sex, age, surname, family));
        } else if head_age <= 55 && left >= 1 && h.members.len() >= 3 && rng.p(0.35) {
            let age = head_age + rng.int(22, 32);
            if age <= 95 {
                h.members
                    .push(member(ctx, rng, "parent", sex, age, surname, family));
            } else {
                let age = (head_age - rng.int(20, 35)).max(0);
                h.members
                    .push(member(ctx, rng, "child", sex, age, surname, family));
            }
        } else if rng.p(0.02) {
            let age = head_age + rng.int(-10, 10);
            h.members
                .push(member(ctx, rng, "sibling", sex, age, surname, family));
        } else {
            let age = (head_age - rng.int(20, 35)).max(0);
            h.members
                .push(member(ctx, rng, "child", sex, age, surname, family));
        }
    }
    let persons = h.members.len() as f64;
    let able = h
        .members
        .iter()
        .filter(|m| matches!(m.labour, Some("normal" | "skilled")))
        .count();
    let weak = h
        .members
        .iter()
        .filter(|m| m.labour == Some("weak"))
        .count();
    let seriously_ill = h.members.iter().any(|m| m.health == Some("serious"));
    let chronic = h
        .members
        .iter()
        .filter(|m| m.health == Some("chronic"))
        .count();

    // Monitoring record (monitoring regime only): lower incomes, more illness and disasters.
    let monitored = !ctx.exit && rng.p(0.07);

    // Income: per-capita net income, then split into its parts.
    let (median, sigma) = match (ctx.exit, h.registration, monitored) {
        (true, "poor", _) => (8000.0, 0.5),
        (true, _, _) => (11000.0, 0.45),
        (false, _, true) => (9500.0, 0.4),
        (false, "exited", _) => (16000.0, 0.4),
        (false, _, _) => (18500.0, 0.4),
    };
    let mut per_capita = lognormal(median, sigma, rng);
    if able == 0 {
        per_capita *= if weak > 0 { 0.75 } else { 0.6 };
    }
    let net = per_capita * persons;
    let pension_month = match year {
        ..=2019 => 103.0,
        2020..=2021 => 108.0,
        2022..=2023 => 118.0,
        _ => 123.0,
    };
    let elderly = h.members.iter().filter(|m| m.age >= 60).count() as f64;
    let basic_pension = elderly * pension_month * 12.0;
    let mut dibao = [0.0f64; 3];
    if (able == 0 || poor || monitored) && rng.p(if able == 0 { 0.6 } else { 0.15 }) {
        let k = rng.weighted(&[(0usize, 0.3), (1, 0.4), (2, 0.3)]);
        let covered = (persons as i64).min(rng.int(1, 3)) as f64;
        let yearly = match k {
            0 => 4000.0,
            1 => 2800.0,
            _ => 1500.0,
        };
        if let Some(d) = dibao.get_mut(k) {
            *d = covered * yearly * rng.int(8, 12) as f64 / 12.0;
        }
    }
    let relief = if rng.p(0.02) {
        rng.int(500, 3000) as f64
    } else {
        0.0
    };
    let other_transfer = if rng.p(0.8) {
        rng.int(100, 1500) as f64
    } else {
        0.0
    };
    h.basic_pension = fen(basic_pension, rng, false);
    for (slot, d) in h.dibao.iter_mut().zip(dibao) {
        *slot = fen(d, rng, false);
    }
    h.one_off_relief = fen(relief, rng, false);
    h.transfer = h.basic_pension
        + h.dibao.iter().sum::<i64>()
        + h.one_off_relief
        + fen(other_transfer, rng, false);
    h.property = if rng.p(0.3) {
        fen(rng.int(50, 2000) as f64, rng, true)
    } else {
        0
    };
    let earned = (net * 100.0) as i64 - h.transfer - h.property;
    let earned = earned.max(0);
    let wage_share = if able > 0 {
        0.35 + 0.5 * rng.f()
    } else if weak > 0 {
        0.2 * rng.f()
    } else {
        0.0
    };
    let wage = (earned as f64 * wage_share) as i64;
    let business_net = earned - wage;
    if business_net > 0 && rng.p(0.004) {
        // A business loss, covered by wages.
        h.wage = wage + business_net + 200_000;
        h.business = -rng.int(500, 2000) * 100;
        h.business_costs = 0;
    } else {
        let cost_share = 0.2 + 0.4 * rng.f();
        let gross = (business_net as f64 / (1.0 - cost_share)) as i64;
        h.wage = if rng.p(0.3) { wage } else { wage / 100 * 100 };
        h.business = gross / 100 * 100;
        h.business_costs = h.business - business_net.max(0) / 100 * 100;
        h.business_costs = h.business_costs.max(0);
    }

    // Rigid spending.
    h.medical_oop = if seriously_ill {
        fen(lognormal(15000.0, 0.8, rng), rng, true)
    } else if chronic > 0 {
        fen(chronic as f64 * rng.int(300, 3000) as f64, rng, true)
    } else if rng.p(0.4) {
        fen(rng.int(0, 600) as f64, rng, false)
    } else {
        0
    };
    h.education_spending = h
        .members
        .iter()
        .map(|m| match m.schooling {
            Some("primary") => rng.int(0, 400) * 100,
            Some("junior") => rng.int(200, 1500) * 100,
            Some("senior" | "vocational") => rng.int(1500, 6000) * 100,
            Some("college") => rng.int(6000, 15000) * 100,
            _ => 0,
        })
        .sum();
    h.disaster_loss = if rng.p(if monitored { 0.1 } else { 0.01 }) {
        rng.int(2000, 30000) * 100
    } else {
        0
    };

    // Guarantees.
    let tri = |rng: &mut Rng, fail: f64, missing: f64| {
        let x = rng.f();
        if x < missing {
            None
        } else {
            Some(x >= missing + fail)
        }
    };
    h.food = tri(rng, 0.001, 0.001);
    h.clothing = tri(rng, 0.001, 0.001);
    // Registered households' houses were mostly rebuilt (危房改造) or they were relocated.
    let dilapidated = if h.registration == "ordinary" {
        1.0
    } else {
        0.5
    };
    h.house_grade = Some(rng.weighted(&[
        ("A", 0.25),
        ("B", 0.70),
        ("C", 0.03 * dilapidated),
        ("D", 0.01 * dilapidated),
        ("none", 0.002 * dilapidated),
    ]));
    if rng.p(0.005) {
        h.house_grade = None;
    }
    h.area_m2 = rng.int(12, 40) * h.members.len() as i64 + rng.int(0, 40);
    if matches!(h.house_grade, Some("C" | "D" | "none")) {
        let x = rng.f();
        if x < 0.45 {
            let mode = if rng.p(0.7) {
                "centralized"
            } else {
                "scattered"
            };
            h.relocation = Some((mode, rng.p(0.9), rng.p(0.8)));
        } else if x < 0.6 {
            h.safe_alternative = Some(rng.pick(&["with_family", "public_rental", "rented"]));
        }
    }
    h.water_short_area = rng.p(0.1);
    let piped = rng.p(0.86);
    h.piped = Some(piped);
    h.litres = Some(if rng.p(0.004) {
        rng.int(10, 34)
    } else {
        rng.int(35, 140)
    });
    if piped {
        h.fetch_minutes = Some(0);
        h.horizontal_m = Some(0);
        h.vertical_m = Some(0);
    } else if rng.p(0.04) {
        h.fetch_minutes = Some(rng.int(21, 60));
        h.horizontal_m = Some(rng.int(801, 2000));
        h.vertical_m = Some(rng.int(81, 200));
    } else {
        h.fetch_minutes = Some(rng.int(3, 20));
        h.horizontal_m = Some(rng.int(50, 800));
        h.vertical_m = Some(rng.int(0, 80));
    }
    h.days_without = Some(if rng.p(0.003) {
        rng.int(37, 60)
    } else {
        rng.int(0, 30)
    });
    h.quality_ok = tri(rng, 0.004, 0.002);
    if rng.p(0.003) {
        h.litres = None;
    }
    h.electricity = tri(rng, 0.003, 0.001);

    if monitored {
        let category = if h.disaster_loss > 0 || rng.p(0.12) {
            "sudden_hardship"
        } else if h.registration == "exited" {
            "unstable_exited"
        } else {
            "marginal"
        };
        let start = if year >= 2022 { year - 2 } else { 2021 };
        let iy = rng.int(start, year);
        let mut identified = date_in(iy, rng);
        if iy == year {
            identified.m = rng.int(1, 10);
        }
        let mut m = Monitoring {
            category,
            identified_on: Some(identified),
            risk_gone: if rng.p(0.3) { Some(rng.p(0.3)) } else { None },
            ..Monitoring::default()
        };
        let n_measures = rng.weighted(&[(0usize, 0.08), (1, 0.4), (2, 0.35), (3, 0.17)]);
        for _ in 0..n_measures {
            let x = rng.pick(&[
                "industry",
                "employment",
                "health",
                "education",
                "housing",
                "social_assistance",
                "finance",
                "public_welfare_job",
            ]);
            if !m.measures.contains(&x) {
                m.measures.push(x);
            }
        }
        let mut risks = Vec::new();
        if seriously_ill || chronic > 0 {
            risks.push("illness");
        }
        if h.members.iter().any(|m| m.health == Some("disabled")) {
            risks.push("disability");
        }
        if h.disaster_loss > 0 {
            risks.push("disaster");
        }
        if risks.is_empty() {
            risks.push(rng.pick(&[
                "unstable_employment",
                "business_failure",
                "education",
                "accident",
                "other",
            ]));
        }
        m.risks = risks;
        h.monitoring = Some(m);
    }

    // Survey samples and villages' recognition.
    let sampled_exit = h.registration == "exited" && rng.p(0.06);
    if sampled_exit {
        h.exit_sample = Some(true);
    }
    if h.registration == "ordinary" && rng.p(0.06) {
        h.missed_sample = Some(true);
    }
    if rng.p(0.1) {
        h.recognised = Some(rng.p(0.97));
    }

    // A data-entry mistake now and then: a mistyped ID number (the check digit catches it).
    if rng.p(0.0005) {
        if let Some(id) = h.members.first_mut().and_then(|m| m.id_number.as_mut()) {
            let last = id.pop().unwrap_or('0');
            id.push(if last == '1' { '2' } else { '1' });
        }
    }
    h
}

// ---------------------------------------------------------------------------------------------
// Writers.

fn money(out: &mut String, fen: i64) {
    let sign = if fen < 0 { "-" } else { "" };
    let a = fen.unsigned_abs();
    if a % 100 == 0 {
        let _ = write!(out, "{sign}{}", a / 100);
    } else {
        let _ = write!(out, "{sign}{}.{:02}", a / 100, a % 100);
    }
}

/// The CSV columns written, in order (English headers of `src/table.rs`).
const CSV_HEADER: &str = "id,province,village,registration,identifiedOn,exitedOn,waterShortArea,wage,business,property,transfer,businessCosts,basicPension,dibaoA,dibaoB,dibaoC,oneOffRelief,medicalOutOfPocket,educationSpending,disasterLoss,foodSecure,clothingSecure,houseGrade,areaM2,relocationMode,keysHandedOver,movedIn,safeAlternative,pipedToHome,litresPerPersonDay,fetchMinutes,horizontalM,verticalM,daysWithoutSupply,waterQualityOk,electricity,monitoringCategory,monitoringIdentifiedOn,measures,risks,riskGone,riskEliminatedOn,exitSample,missedSample,recognised,name,idNumber,relation,sex,birthDate,health,disabilityGrade,labour,schooling,dropoutReason,completedCompulsory,medicalInsurance,criticalIllnessInsurance,medicalAssistance";

fn opt_b(out: &mut String, v: Option<bool>) {
    if let Some(b) = v {
        out.push_str(if b { "true" } else { "false" });
    }
}
fn opt_i(out: &mut String, v: Option<i64>) {
    if let Some(i) = v {
        let _ = write!(out, "{i}");
    }
}
fn opt_s(out: &mut String, v: Option<&str>) {
    if let Some(s) = v {
        out.push_str(s);
    }
}
fn opt_d(out: &mut String, v: Option<Date>) {
    if let Some(d) = v {
        d.write(out);
    }
}

/// The household-level cells (everything before `name`), written once and repeated per row.
fn csv_household(h: &Household, out: &mut String) {
    let c = |out: &mut String| out.push(',');
    out.push_str(&h.id);
    c(out);
    out.push_str(h.province);
    c(out);
    out.push_str(&h.village);
    c(out);
    out.push_str(h.registration);
    c(out);
    opt_d(out, h.identified_on);
    c(out);
    opt_d(out, h.exited_on);
    c(out);
    opt_b(out, Some(h.water_short_area));
    for m in [
        h.wage,
        h.business,
        h.property,
        h.transfer,
        h.business_costs,
        h.basic_pension,
        h.dibao[0],
        h.dibao[1],
        h.dibao[2],
        h.one_off_relief,
        h.medical_oop,
        h.education_spending,
        h.disaster_loss,
    ] {
        c(out);
        money(out, m);
    }
    c(out);
    opt_b(out, h.food);
    c(out);
    opt_b(out, h.clothing);
    c(out);
    opt_s(out, h.house_grade);
    c(out);
    let _ = write!(out, "{}", h.area_m2);
    c(out);
    opt_s(out, h.relocation.map(|r| r.0));
    c(out);
    opt_b(out, h.relocation.map(|r| r.1));
    c(out);
    opt_b(out, h.relocation.map(|r| r.2));
    c(out);
    opt_s(out, h.safe_alternative);
    c(out);
    opt_b(out, h.piped);
    c(out);
    opt_i(out, h.litres);
    c(out);
    opt_i(out, h.fetch_minutes);
    c(out);
    opt_i(out, h.horizontal_m);
    c(out);
    opt_i(out, h.vertical_m);
    c(out);
    opt_i(out, h.days_without);
    c(out);
    opt_b(out, h.quality_ok);
    c(out);
    opt_b(out, h.electricity);
    c(out);
    if let Some(m) = &h.monitoring {
        out.push_str(m.category);
        c(out);
        opt_d(out, m.identified_on);
        c(out);
        out.push_str(&m.measures.join(";"));
        c(out);
        out.push_str(&m.risks.join(";"));
        c(out);
        opt_b(out, m.risk_gone);
        c(out);
    } else {
        out.push_str(",,,,,");
    }
    c(out);
    opt_b(out, h.exit_sample);
    c(out);
    opt_b(out, h.missed_sample);
    c(out);
    opt_b(out, h.recognised);
}

fn csv(h: &Household, out: &mut String, hh: &mut String) {
    hh.clear();
    csv_household(h, hh);
    for m in &h.members {
        out.push_str(hh);
        out.push(',');
        out.push_str(&m.name);
        out.push(',');
        opt_s(out, m.id_number.as_deref());
        out.push(',');
        out.push_str(m.relation);
        out.push(',');
        out.push_str(m.sex);
        out.push(',');
        opt_d(out, m.birth);
        out.push(',');
        opt_s(out, m.health);
        out.push(',');
        opt_i(out, m.disability_grade);
        out.push(',');
        opt_s(out, m.labour);
        out.push(',');
        opt_s(out, m.schooling);
        out.push(',');
        opt_s(out, m.dropout_reason);
        out.push(',');
        // completedCompulsory: left empty.
        out.push(',');
        opt_s(out, m.medical_insurance);
        out.push(',');
        opt_b(out, m.critical);
        out.push(',');
        opt_b(out, m.assistance);
        out.push('\n');
    }
}

/// A JSON object under construction: keys are written only for facts that are present.
struct Obj<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Obj<'a> {
    fn open(out: &'a mut String) -> Obj<'a> {
        out.push('{');
        Obj { out, first: true }
    }
    fn key(&mut self, k: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out.push('"');
        self.out.push_str(k);
        self.out.push_str("\":");
        self.out
    }
    fn s(&mut self, k: &str, v: Option<&str>) {
        if let Some(v) = v {
            let o = self.key(k);
            o.push('"');
            o.push_str(v);
            o.push('"');
        }
    }
    fn b(&mut self, k: &str, v: Option<bool>) {
        if let Some(v) = v {
            self.key(k).push_str(if v { "true" } else { "false" });
        }
    }
    fn i(&mut self, k: &str, v: Option<i64>) {
        if let Some(v) = v {
            let o = self.key(k);
            let _ = write!(o, "{v}");
        }
    }
    fn d(&mut self, k: &str, v: Option<Date>) {
        if let Some(v) = v {
            let o = self.key(k);
            o.push('"');
            v.write(o);
            o.push('"');
        }
    }
    fn m(&mut self, k: &str, fen: i64) {
        money(self.key(k), fen);
    }
    fn list(&mut self, k: &str, v: &[&str]) {
        let o = self.key(k);
        o.push('[');
        for (i, s) in v.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            o.push('"');
            o.push_str(s);
            o.push('"');
        }
        o.push(']');
    }
    fn close(self) {
        self.out.push('}');
    }
}

fn jsonl(h: &Household, out: &mut String) {
    let mut o = Obj::open(out);
    o.s("id", Some(&h.id));
    o.s("province", Some(h.province));
    o.b("waterShortArea", Some(h.water_short_area));
    o.s("registration", Some(h.registration));
    o.d("identifiedOn", h.identified_on);
    o.d("exitedOn", h.exited_on);
    if let Some(m) = &h.monitoring {
        let mut mo = Obj::open(o.key("monitoring"));
        mo.s("category", Some(m.category));
        mo.d("identifiedOn", m.identified_on);
        mo.list("measures", &m.measures);
        mo.list("risks", &m.risks);
        mo.b("riskGone", m.risk_gone);
        mo.close();
    }
    {
        let out = o.key("members");
        out.push('[');
        for (i, m) in h.members.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let mut mo = Obj::open(out);
            mo.s("name", Some(&m.name));
            mo.s("idNumber", m.id_number.as_deref());
            mo.s("relation", Some(m.relation));
            mo.s("sex", Some(m.sex));
            mo.d("birthDate", m.birth);
            mo.s("health", m.health);
            mo.i("disabilityGrade", m.disability_grade);
            mo.s("labour", m.labour);
            mo.s("schooling", m.schooling);
            mo.s("dropoutReason", m.dropout_reason);
            mo.s("medicalInsurance", m.medical_insurance);
            mo.b("criticalIllnessInsurance", m.critical);
            mo.b("medicalAssistance", m.assistance);
            mo.close();
        }
        out.push(']');
    }
    {
        let mut io = Obj::open(o.key("income"));
        io.m("wage", h.wage);
        io.m("business", h.business);
        io.m("property", h.property);
        io.m("transfer", h.transfer);
        io.m("businessCosts", h.business_costs);
        let mut ti = Obj::open(io.key("transferItems"));
        ti.m("basicPension", h.basic_pension);
        ti.m("dibaoA", h.dibao[0]);
        ti.m("dibaoB", h.dibao[1]);
        ti.m("dibaoC", h.dibao[2]);
        ti.m("oneOffRelief", h.one_off_relief);
        ti.close();
        io.close();
    }
    {
        let mut so = Obj::open(o.key("spending"));
        so.m("medicalOutOfPocket", h.medical_oop);
        so.m("education", h.education_spending);
        so.m("disasterLoss", h.disaster_loss);
        so.close();
    }
    {
        let mut f = Obj::open(o.key("food"));
        f.b("secure", h.food);
        f.close();
        let mut c = Obj::open(o.key("clothing"));
        c.b("secure", h.clothing);
        c.close();
    }
    {
        let mut ho = Obj::open(o.key("housing"));
        ho.s("grade", h.house_grade);
        ho.i("areaM2", Some(h.area_m2));
        if let Some((mode, keys, moved)) = h.relocation {
            let mut r = Obj::open(ho.key("relocation"));
            r.s("mode", Some(mode));
            r.b("keysHandedOver", Some(keys));
            r.b("movedIn", Some(moved));
            r.close();
        }
        ho.s("safeAlternative", h.safe_alternative);
        ho.close();
    }
    {
        let mut w = Obj::open(o.key("water"));
        w.b("pipedToHome", h.piped);
        w.i("litresPerPersonDay", h.litres);
        w.i("fetchMinutes", h.fetch_minutes);
        w.i("horizontalM", h.horizontal_m);
        w.i("verticalM", h.vertical_m);
        w.i("daysWithoutSupply", h.days_without);
        w.b("qualityOk", h.quality_ok);
        w.close();
    }
    {
        let mut e = Obj::open(o.key("electricity"));
        e.b("connected", h.electricity);
        e.close();
    }
    {
        let mut s = Obj::open(o.key("survey"));
        s.s("village", Some(&h.village));
        s.b("exitSample", h.exit_sample);
        s.b("missedSample", h.missed_sample);
        s.b("recognised", h.recognised);
        s.close();
    }
    o.close();
    out.push('\n');
}

// ---------------------------------------------------------------------------------------------

fn usage() -> ! {
    eprintln!("usage: generate [--households N] [--seed S] [--format csv|jsonl] [--as-of-year 2019|2020|2023|2024|2025] [--villages V]");
    std::process::exit(2)
}

fn main() {
    let mut households: u64 = 1000;
    let mut seed: u64 = 1;
    let mut format = String::from("jsonl");
    let mut year: i64 = 2019;
    let mut villages: Option<u64> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--households" | "-n" => {
                households = value().replace('_', "").parse().unwrap_or_else(|_| usage())
            }
            "--seed" => seed = value().parse().unwrap_or_else(|_| usage()),
            "--format" => format = value(),
            "--as-of-year" => year = value().parse().unwrap_or_else(|_| usage()),
            "--villages" => villages = Some(value().parse().unwrap_or_else(|_| usage())),
            "--help" | "-h" => usage(),
            _ => usage(),
        }
    }
    if !matches!(format.as_str(), "csv" | "jsonl")
        || !(2016..=2025).contains(&year)
        || (2021..=2022).contains(&year)
    {
        usage();
    }
    let ctx = Ctx {
        year,
        exit: year <= 2020,
        villages: villages
            .unwrap_or((households / 500).clamp(20, 14_000))
            .max(1),
    };
    let stdout = io::stdout();
    let mut w = io::BufWriter::with_capacity(1 << 20, stdout.lock());
    let mut buf = String::with_capacity(1 << 16);
    let mut hh = String::with_capacity(1024);
    if format == "csv" {
        buf.push_str(CSV_HEADER);
        buf.push('\n');
    }
    for n in 0..households {
        // One stream per household, so a household does not depend on how many came before.
        let mut rng =
            Rng::new(seed.wrapping_mul(0x1000_0000_01B3) ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let h = household(&ctx, n, &mut rng);
        if format == "csv" {
            csv(&h, &mut buf, &mut hh);
        } else {
            jsonl(&h, &mut buf);
        }
        if buf.len() > 60_000 {
            if w.write_all(buf.as_bytes()).is_err() {
                return; // Reader went away (e.g. `| head`).
            }
            buf.clear();
        }
    }
    if w.write_all(buf.as_bytes()).is_err() || w.flush().is_err() {
        std::process::exit(1)
    }
}
