//! One call, start to finish: read the input, resolve the policy, run the checks, and assemble
//! the report. Pure: no clock, no I/O.

use crate::assessment::{run_checks, Ctx, IncomeFigures, LineKind, Regime};
use crate::causes::{suggest_causes, suggest_measures};
use crate::date::Date;
use crate::exit::exit_checklist;
use crate::household::{
    consistency_warnings, date_order_problems, read_household, DropoutReason, ExitStep, Household,
    Registration, Schooling,
};
use crate::json_value::Json;
use crate::monitoring::{categorise, no_labour_household, risk_elimination, CategoryOut};
use crate::options::{lang_of, read_options, Options};
use crate::policy::{
    resolve, source_of, Applied, EducationRule, MedicalRequirement, Resolved, OVERRIDE,
};
use crate::problem::{render_all, Code, Finding, Problem};
use crate::reader::{index, join, Reader};
use crate::report::{IncomeOut, PolicyEcho, Report};
use crate::summary::RowFacts;
use crate::warning::Warning;
use crate::words::{self, Lang};
use std::cmp::Ordering;
use std::sync::Arc;

/// `assess(household, options)` of the contract, on serde_json's values (the Rust API of
/// tests and embedders; the wasm module and the CLI read [`Json`] with [`assess_crossed`]).
pub fn assess_json(
    household: &serde_json::Value,
    options: Option<&serde_json::Value>,
) -> Result<Report, Vec<Problem>> {
    let options = options.map(Json::from);
    assess_crossed(&Json::from(household), options.as_ref(), Vec::new())
}

/// As [`assess_json`], starting from the problems found while the values crossed into Rust
/// (the JS boundary, the CLI's TOML and JSON readers), which are reported with the rest.
pub fn assess_crossed(
    household: &Json,
    options: Option<&Json>,
    crossing: Vec<Finding>,
) -> Result<Report, Vec<Problem>> {
    let lang = lang_of(options);
    let mut r = Reader::with_crossing(crossing);
    let opts = read_options(&mut r, options);
    let h = read_household(&mut r, household, "");
    match (h, opts) {
        (Some(h), Some(opts)) if r.is_clean() => {
            assess(&h, &opts).map_err(|f| render_all(&f, lang))
        }
        (h, _) => {
            // Every problem at once, as `validate` lists them: the record's dates against a
            // readable asOf, and the overrides, even when something else is wrong.
            let as_of = options
                .and_then(|o| o.get("asOf"))
                .and_then(Json::as_str)
                .and_then(Date::parse);
            if let (Some(h), Some(d)) = (&h, as_of) {
                for f in dates_after(h, d) {
                    r.note(f);
                }
            }
            check_overrides(&mut r, household, h.as_ref(), options);
            Err(render_all(r.findings(), lang))
        }
    }
}

/// `validate(household, options?)`: every problem of the record; with `options.asOf`, the date
/// checks against it too.
/// On serde_json's values, as [`assess_json`].
pub fn validate_json(
    household: &serde_json::Value,
    options: Option<&serde_json::Value>,
) -> Vec<Problem> {
    let options = options.map(Json::from);
    validate_crossed(&Json::from(household), options.as_ref(), Vec::new())
}

/// As [`validate_json`], starting from the problems found while the values crossed. Options
/// are checked exactly as [`assess_crossed`] checks them (asOf aside, which may be missing).
pub fn validate_crossed(
    household: &Json,
    options: Option<&Json>,
    crossing: Vec<Finding>,
) -> Vec<Problem> {
    let lang = lang_of(options);
    let mut r = Reader::with_crossing(crossing);
    let read = crate::options::read_fields(&mut r, options, false);
    let h = read_household(&mut r, household, "");
    if let Some(h) = &h {
        for f in date_order_problems(h) {
            r.note(f);
        }
    }
    if let (Some(h), Some(d)) = (&h, read.as_ref().and_then(|o| o.as_of)) {
        for f in dates_after(h, d) {
            r.note(f);
        }
    }
    check_overrides(&mut r, household, h.as_ref(), options);
    render_all(r.findings(), lang)
}

/// Reads `options.policy` against the packs (the household's province, or the options'), so
/// that a bad override is reported even when nothing else can be evaluated.
fn check_overrides(r: &mut Reader, raw: &Json, h: Option<&Household>, options: Option<&Json>) {
    let Some(policy) = options
        .and_then(|o| o.get("policy"))
        .filter(|p| !p.is_null())
    else {
        return;
    };
    let province = options
        .and_then(|o| o.get("province"))
        .and_then(Json::as_str)
        .or(h.map(|h| h.province.as_str()))
        .or(raw.get("province").and_then(Json::as_str))
        .unwrap_or("");
    let on = options
        .and_then(|o| o.get("asOf"))
        .and_then(Json::as_str)
        .and_then(Date::parse)
        .unwrap_or(Date::EARLIEST_RULES);
    resolve(province, on, Some(policy), r);
}

/// The typed core: a valid household and options in, a report or the problems out.
pub fn assess(h: &Household, opts: &Options) -> Result<Report, Vec<Finding>> {
    assess_with_facts(h, opts).map(|(report, _)| report)
}

/// As [`assess`], also returning what the household adds to a batch roll-up.
pub fn assess_with_facts(
    h: &Household,
    opts: &Options,
) -> Result<(Report, RowFacts), Vec<Finding>> {
    let province = opts.province.clone().unwrap_or_else(|| h.province.clone());
    let mut r = Reader::new();
    let resolved = resolve(&province, opts.as_of, opts.policy.as_ref(), &mut r);
    let findings = r.into_findings();
    if !findings.is_empty() {
        // Every problem at once, in the order `validate` gives them: the record's dates, then
        // the overrides.
        let mut all = dates_after(h, opts.as_of);
        all.extend(findings);
        return Err(all);
    }
    assess_resolved(h, opts, &province, &resolved)
}

/// The policy to use for `h`: its province (or the options' override) on `asOf`.
pub fn province_of(h: &Household, opts: &Options) -> String {
    opts.province.clone().unwrap_or_else(|| h.province.clone())
}

/// As [`assess_with_facts`], with the policy already resolved (a batch resolves each province
/// once).
pub fn assess_resolved(
    h: &Household,
    opts: &Options,
    province: &str,
    resolved: &Resolved,
) -> Result<(Report, RowFacts), Vec<Finding>> {
    let (regime, line, kind, findings) = admit(h, opts, province, resolved);
    match line {
        Some(line) if findings.is_empty() => {
            let (mut report, income) = build(h, opts, province, resolved, regime, line, kind);
            report
                .warnings
                .extend(crate::summary::sample_warnings(h, opts.lang));
            let facts = RowFacts::new(h, &report, &income, resolved.params.boundary);
            Ok((report, facts))
        }
        _ => Err(findings),
    }
}

/// The roll-up path (issue 8 item 4): what `h` adds to a batch summary, exactly the
/// [`RowFacts`] that [`assess_resolved`] gives, without assembling a [`Report`] (no warnings,
/// no measures, no policy echo, no income block). The same problems refuse the same rows.
pub fn facts_resolved(
    h: &Household,
    opts: &Options,
    province: &str,
    resolved: &Resolved,
) -> Result<RowFacts, Vec<Finding>> {
    let (regime, line, kind, findings) = admit(h, opts, province, resolved);
    match line {
        Some(line) if findings.is_empty() => {
            let d = decide(h, opts, resolved, regime, line, kind);
            Ok(d.facts(h, resolved))
        }
        _ => Err(findings),
    }
}

/// The problems that refuse a valid household on `asOf` (dates after it, dates out of order,
/// no line in force), with the regime and the line to assess it against.
fn admit(
    h: &Household,
    opts: &Options,
    province: &str,
    resolved: &Resolved,
) -> (Regime, Option<crate::money::Money>, LineKind, Vec<Finding>) {
    let mut findings = dates_after(h, opts.as_of);
    findings.extend(date_order_problems(h));
    let regime = Regime::on(opts.as_of);
    let (line, kind, key, code) = line_for(regime, resolved);
    if line.is_none() {
        findings.push(
            Finding::new(join("options.policy", key), code)
                .given(format!("{province} {}", opts.as_of)),
        );
    }
    (regime, line, kind, findings)
}

fn line_for(
    regime: Regime,
    resolved: &Resolved,
) -> (Option<crate::money::Money>, LineKind, &'static str, Code) {
    match regime {
        Regime::Exit2016 => (
            resolved.params.poverty_line,
            LineKind::PovertyLine,
            "povertyLine",
            Code::NoPovertyLine,
        ),
        Regime::Monitoring2021 => (
            resolved.params.monitoring_line,
            LineKind::MonitoringLine,
            "monitoringLine",
            Code::NoMonitoringLine,
        ),
    }
}

/// What the rules decide for one household, before any report is assembled: what a roll-up
/// needs, and what a report shows beside its warnings, measures and policy echo.
struct Decision {
    income: IncomeFigures,
    checks: Vec<crate::assessment::Check>,
    exit: Option<crate::exit::ExitResult>,
    monitoring: Option<crate::monitoring::MonitoringResult>,
    elimination: Option<crate::monitoring::Elimination>,
    causes: Vec<crate::causes::CauseOut>,
}

impl Decision {
    /// What the household adds to a roll-up (the same facts whichever path decided it).
    fn facts(&self, h: &Household, resolved: &Resolved) -> RowFacts {
        RowFacts::from_parts(
            h,
            &self.checks,
            self.exit.as_ref(),
            self.monitoring.as_ref(),
            self.elimination.as_ref(),
            &self.causes,
            &self.income,
            resolved.params.boundary,
        )
    }
}

fn decide(
    h: &Household,
    opts: &Options,
    resolved: &Resolved,
    regime: Regime,
    line: crate::money::Money,
    kind: LineKind,
) -> Decision {
    let params = &resolved.params;
    let income = IncomeFigures::compute(
        &h.income,
        h.members.len(),
        &params.excluded_income,
        line,
        kind,
    );
    let ctx = Ctx {
        household: h,
        as_of: opts.as_of,
        params,
        regime,
    };
    let checks = run_checks(&ctx, &income);
    let (exit, monitoring, elimination) = match regime {
        Regime::Exit2016 => {
            let exit = (h.registration == Some(Registration::Poor))
                .then(|| exit_checklist(h, opts.as_of, params, &checks, &income));
            (exit, None, None)
        }
        Regime::Monitoring2021 => {
            let m = categorise(h, params, &checks, &income);
            let e = risk_elimination(h, opts.as_of, params, &checks, &income);
            (None, Some(m), e)
        }
    };
    let causes = suggest_causes(h, params, &checks, &income);
    Decision {
        income,
        checks,
        exit,
        monitoring,
        elimination,
        causes,
    }
}

fn build(
    h: &Household,
    opts: &Options,
    province: &str,
    resolved: &Resolved,
    regime: Regime,
    line: crate::money::Money,
    kind: LineKind,
) -> (Report, IncomeFigures) {
    let params = &resolved.params;
    let lang = opts.lang;
    let Decision {
        income,
        checks,
        exit,
        monitoring,
        elimination,
        causes,
    } = decide(h, opts, resolved, regime, line, kind);
    let warnings = warnings_of(
        h,
        opts,
        resolved,
        regime,
        &income,
        monitoring.as_ref().map(|m| m.category),
    );
    let measures = suggest_measures(h, &checks, &causes);
    let line_key = if kind == LineKind::PovertyLine {
        "povertyLine"
    } else {
        "monitoringLine"
    };
    let applied = localized_sources(&resolved.applied, lang);
    let mut report = Report {
        household_id: h.id.clone(),
        regime,
        income: IncomeOut::new(
            &income,
            params.income_concept,
            applied.iter().find(|a| a.key == line_key),
        ),
        policy: PolicyEcho {
            pack: resolved.pack.clone(),
            province: province.to_string(),
            as_of: opts.as_of,
            overrides: resolved.overrides.clone(),
            applied,
        },
        checks,
        exit,
        monitoring,
        risk_elimination: elimination,
        causes,
        measures,
        warnings,
    };
    // Words at the edge: the findings are put into words only now, for this report.
    crate::words::render(&mut report, lang);
    (report, income)
}

/// The warnings a report gives before the survey samples' ([`crate::summary::sample_warnings`]):
/// the record's consistency, then the rules'.
fn warnings_of(
    h: &Household,
    opts: &Options,
    resolved: &Resolved,
    regime: Regime,
    income: &IncomeFigures,
    category: Option<CategoryOut>,
) -> Vec<Warning> {
    let params = &resolved.params;
    let lang = opts.lang;
    let ctx = Ctx {
        household: h,
        as_of: opts.as_of,
        params,
        regime,
    };
    let mut warnings = consistency_warnings(
        h,
        opts.as_of,
        params.school_age,
        params.lack_of_labour_share,
        (
            i32::try_from(params.marriage_age_men).unwrap_or(i32::MAX),
            i32::try_from(params.marriage_age_women).unwrap_or(i32::MAX),
        ),
        lang,
    );
    warnings.extend(rule_warnings(&ctx, lang, income, category));
    warnings
}

/// What a compact batch row shows besides the roll-up facts (the batch page's table): the
/// figures a report's `income` block and warnings list would give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowFigures {
    /// `income.countedPerCapita` of the report.
    pub per_capita: Option<crate::money::Money>,
    /// `income.line` of the report.
    pub line: crate::money::Money,
    /// How many warnings the report lists.
    pub warnings: usize,
}

/// The compact-row path (issue 8 item 4, `BatchJob`): the household's [`RowFacts`] and
/// [`RowFigures`], exactly what [`assess_resolved`]'s report and facts give, without assembling
/// the report (no measures, no policy echo, no income block). The same problems refuse the
/// same rows.
pub fn row_resolved(
    h: &Household,
    opts: &Options,
    province: &str,
    resolved: &Resolved,
) -> Result<(RowFacts, RowFigures), Vec<Finding>> {
    let (regime, line, kind, findings) = admit(h, opts, province, resolved);
    match line {
        Some(line) if findings.is_empty() => {
            let d = decide(h, opts, resolved, regime, line, kind);
            let warnings = warnings_of(
                h,
                opts,
                resolved,
                regime,
                &d.income,
                d.monitoring.as_ref().map(|m| m.category),
            )
            .len()
                + crate::summary::sample_warnings(h, opts.lang).len();
            let figures = RowFigures {
                per_capita: d.income.counted_per_capita(),
                line: d.income.line,
                warnings,
            };
            let facts = d.facts(h, resolved);
            Ok((facts, figures))
        }
        _ => Err(findings),
    }
}

/// A shared list of applied parameters and its zh-CN translation.
type Translated = (Arc<[Applied]>, Arc<[Applied]>);

/// The applied parameters with each pack citation in the report's language (contract v1.1
/// item 6: a zh-CN report shows Chinese). English and sentence-free reports keep the shared
/// list as it is.
fn localized_sources(applied: &Arc<[Applied]>, lang: Lang) -> Arc<[Applied]> {
    if lang != Lang::ZhCn {
        return Arc::clone(applied);
    }
    // A batch resolves each province once and shares one list across its rows: translate that
    // list once. The cache keeps the original alive, so pointer equality cannot be a reused
    // address.
    thread_local! {
        static LAST: std::cell::RefCell<Option<Translated>> =
            const { std::cell::RefCell::new(None) };
    }
    if let Some(hit) = LAST.with(|last| {
        last.borrow()
            .as_ref()
            .filter(|(original, _)| Arc::ptr_eq(original, applied))
            .map(|(_, zh)| Arc::clone(zh))
    }) {
        return hit;
    }
    let zh: Arc<[Applied]> = applied
        .iter()
        .map(|a| {
            let mut a = a.clone();
            let from_pack = a
                .from
                .and_then(|from| source_of(&a.pack, a.key, from, Lang::ZhCn));
            a.source = match (from_pack, a.pack.as_str()) {
                (Some(zh), _) => zh.to_string(),
                (None, OVERRIDE) => words::source_override(Lang::ZhCn),
                (None, _) => words::source_default(Lang::ZhCn),
            };
            a
        })
        .collect::<Vec<_>>()
        // Through a Vec: `From<Vec<T>>` is already in the module (`resolve`), while collecting
        // into `Arc<[T]>` directly brings `Arc::from_iter_exact` (0.75 KB raw).
        .into();
    LAST.with(|last| *last.borrow_mut() = Some((Arc::clone(applied), Arc::clone(&zh))));
    zh
}

/// Dates that lie after `asOf` cannot be facts known on `asOf`.
fn dates_after(h: &Household, as_of: Date) -> Vec<Finding> {
    let mut out = Vec::new();
    // The path is built only for a date that is after `asOf`: a batch checks every household,
    // and nearly none has one (issue 8: no allocation per household for problems not found).
    let mut after = |d: Option<Date>, path: &dyn Fn() -> String, code: Code| {
        if let Some(d) = d.filter(|d| *d > as_of) {
            out.push(
                Finding::new(path(), code)
                    .given(d.to_string())
                    .expected(format!("≤ {as_of}")),
            );
        }
    };
    for (i, m) in h.members.iter().enumerate() {
        after(
            Some(m.birth_date),
            &|| join(&index("members", i), "birthDate"),
            Code::BornAfterAsOf,
        );
    }
    after(
        h.identified_on,
        &|| "identifiedOn".into(),
        Code::DateAfterAsOf,
    );
    after(h.exited_on, &|| "exitedOn".into(), Code::DateAfterAsOf);
    if let Some(m) = &h.monitoring {
        after(
            m.identified_on,
            &|| "monitoring.identifiedOn".into(),
            Code::DateAfterAsOf,
        );
        after(
            m.risk_eliminated_on,
            &|| "monitoring.riskEliminatedOn".into(),
            Code::DateAfterAsOf,
        );
    }
    for (step, d) in &h.exit_procedure {
        after(
            Some(*d),
            &|| join("exitProcedure", step.as_str()),
            Code::DateAfterAsOf,
        );
    }
    out
}

/// Warnings about how the rules were read for this household.
fn rule_warnings(
    ctx: &Ctx,
    lang: Lang,
    income: &IncomeFigures,
    category: Option<CategoryOut>,
) -> Vec<Warning> {
    let (h, p) = (ctx.household, ctx.params);
    let mut out = Vec::new();
    if ctx.as_of >= Date::AFTER_TRANSITION {
        out.push(Warning::new(
            "options.asOf",
            "rules_after_2025",
            words::w_rules_after_2025(lang),
        ));
    }
    if ctx.regime == Regime::Monitoring2021 && h.registration == Some(Registration::Poor) {
        out.push(Warning::new(
            "registration",
            "poor_registration_after_2020",
            words::w_poor_after_2020(lang),
        ));
    }
    // 以产业、就业增收为主: a household with labour living mainly on transfers is flagged only.
    if let (Some(t), Some(n)) = (income.transfer, income.net) {
        let share_high = n > crate::money::Money::ZERO
            && p.transfer_share_warning
                .cmp_fraction(i128::from(t.fen()), i128::from(n.fen()))
                == Ordering::Greater;
        if share_high && no_labour_household(h) == Some(false) {
            out.push(Warning::new(
                "income.transfer",
                "transfer_share_high",
                words::w_transfer_share(lang),
            ));
        }
    }
    if !income.unitemised.is_empty() {
        out.push(Warning::new(
            "income.transferItems",
            "excluded_item_not_itemised",
            words::w_unitemised(lang, &income.unitemised),
        ));
    }
    let (lo, hi) = p.school_age;
    for (i, m) in h.members.iter().enumerate() {
        let path = crate::reader::MemberPath::new(i, None);
        let in_band = (lo..=hi).contains(&m.age_on(ctx.as_of));
        if in_band
            && p.education_rule == EducationRule::NoPovertyDropout
            && m.schooling == Some(Schooling::DroppedOut)
            && m.dropout_reason == Some(DropoutReason::Other)
            && m.completed_compulsory != Some(true)
        {
            out.push(Warning::new(
                join(&path, "dropoutReason"),
                "dropout_not_for_poverty",
                words::w_dropout_other(lang),
            ));
        }
        if !p
            .medical_requires
            .contains(&MedicalRequirement::CriticalIllness)
            && m.critical_illness_insurance == Some(false)
        {
            out.push(Warning::new(
                join(&path, "criticalIllnessInsurance"),
                "no_critical_illness_insurance",
                words::w_no_critical(lang),
            ));
        }
        if !p.medical_requires.contains(&MedicalRequirement::Assistance)
            && m.medical_assistance == Some(false)
        {
            out.push(Warning::new(
                join(&path, "medicalAssistance"),
                "no_medical_assistance",
                words::w_no_assistance(lang),
            ));
        }
    }
    if let Some(mon) = &h.monitoring {
        if mon.risk_eliminated_on.is_some() {
            out.push(Warning::new(
                "monitoring.riskEliminatedOn",
                "already_eliminated",
                words::w_already_eliminated(lang),
            ));
        }
        if let (Some(recorded), Some(now)) = (mon.category, category) {
            let same = matches!(
                (recorded, now),
                (
                    crate::household::Category::UnstableExited,
                    CategoryOut::UnstableExited
                ) | (crate::household::Category::Marginal, CategoryOut::Marginal)
                    | (
                        crate::household::Category::SuddenHardship,
                        CategoryOut::SuddenHardship
                    )
            );
            if !same && now != CategoryOut::Unknown {
                out.push(Warning::new(
                    "monitoring.category",
                    "category_changed",
                    words::w_category_changed(lang),
                ));
            }
        }
    }
    out.extend(procedure_warnings(h, p.notice_days, lang));
    out
}

fn procedure_warnings(h: &Household, notice_days: Option<i64>, lang: Lang) -> Vec<Warning> {
    let mut out = Vec::new();
    // The reader keeps the steps in procedure order (ExitStep::ALL).
    let dated = &h.exit_procedure;
    if dated
        .windows(2)
        .any(|w| matches!(w, [(_, a), (_, b)] if b < a))
    {
        out.push(Warning::new(
            "exitProcedure",
            "exit_steps_out_of_order",
            words::w_steps_order(lang),
        ));
    }
    let on = |s: ExitStep| dated.iter().find(|(x, _)| *x == s).map(|(_, d)| *d);
    if let (Some(days), Some(notice), Some(announce)) = (
        notice_days,
        on(ExitStep::PublicNotice),
        on(ExitStep::Announcement),
    ) {
        if notice.days_until(announce) < days {
            out.push(Warning::new(
                "exitProcedure.announcement",
                "notice_too_short",
                words::w_notice_short(lang, days),
            ));
        }
    }
    out
}
