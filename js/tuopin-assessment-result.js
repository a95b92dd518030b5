// <tuopin-assessment>: the report: verdicts, income and the line in force (with its basis), checks,
// steps, causes and measures, warnings, the applied policy.
//
// Methods mixed into the element class (this is the element); see tuopin-assessment.js.

import { h, setChildren } from "./tuopin-assessment-dom.js";
import { STRINGS, provinceName } from "./tuopin-assessment-i18n.js";

export const TONE = { pass: "pass", fail: "fail", unknown: "unknown", not_applicable: "na" };
export const SYMBOL = { pass: "✓", fail: "✗", unknown: "?", na: "–" };

/**
 * Where the missing fact of an undecided condition is typed in, when the report does not say:
 * the engine's `missing[].paths` (the fields that would decide it, e.g. the member whose schooling
 * is unknown) come first.
 */
const UNKNOWN_FIELD = {
  income: "income.wage", food: "food.secure", clothing: "clothing.secure", education: "members[0].schooling",
  medical: "members[0].medicalInsurance", housing: "housing.grade", water: "water.pipedToHome",
  electricity: "electricity.connected", rigid_spending_exceeds_income: "spending.medicalOutOfPocket",
  rigid_spending_unresolved: "spending.medicalOutOfPocket", too_soon: "monitoring.identifiedOn",
  no_measure: "monitoring.measures",
};

export const ResultMethods = {
  _clearResult() {
    this._report = null;
    this._reportHousehold = null;
    this._stale = false;
    this._problems = [];
    if (this._resultBox) {
      this._resultBox.hidden = true;
      setChildren(this._resultBox);
      setChildren(this._printBox);
      this._wrap.classList.remove("has-result");
    }
    if (this._summary) this._showProblems([], { focus: false });
    this._setView("form");
  },

  _verdictInfo(report) {
    if (report.regime === "exit_2016") {
      if (report.exit) {
        const v = report.exit.verdict;
        // "可以退出" beside six steps marked "未完成" misleads (issue 10 §5): the standard is met,
        // the procedure still has to run.
        const steps = report.exit.steps || [];
        const done = steps.filter((x) => x.done).length;
        const text = v === "ready" && steps.length && done < steps.length
          ? this._t("readyProcedure", { done, total: steps.length }) : this._code("verdict", v);
        return { tone: v === "ready" ? "pass" : v === "not_ready" ? "fail" : "unknown", text, label: this._t("exit") };
      }
      return { tone: "na", text: this._t("noExit"), label: this._t("exit") };
    }
    const cat = report.monitoring?.category ?? "unknown";
    return {
      tone: cat === "none" ? "pass" : cat === "unknown" ? "unknown" : "fail",
      text: this._code("category", cat),
      label: this._t("category"),
    };
  },

  _verdictText(report) {
    const v = this._verdictInfo(report);
    let text = this._pair(v.label, v.text);
    if (report.riskElimination) text += `${this._lang === "en" ? "; " : "；"}${this._pair(this._t("elimination"), this._code("elimination", report.riskElimination.verdict))}`;
    return text;
  },

  _badge(tone, text, extraClass = "") {
    return h("span", { class: `badge tone-${tone} ${extraClass}`.trim(), part: `badge badge-${tone}` },
      h("span", { "aria-hidden": "true", text: SYMBOL[tone] }), text);
  },

  _verdictBlock(label, tone, text, id) {
    return h("div", { class: `verdict tone-${tone}`, part: `verdict verdict-${tone}`, id, tabindex: id ? "-1" : undefined },
      h("span", { class: "symbol", "aria-hidden": "true", text: SYMBOL[tone] }),
      h("span", null, this._pair(label, text)));
  },

  _memberName(index, household) {
    const m = household?.members?.[index];
    const name = m && typeof m.name === "string" && m.name.trim() ? m.name : null;
    const n = `${this._t("member")} ${index + 1}`;
    return name ? `${n}${this._paren(name)}` : n;
  },

  _blockerText(code, report) {
    if (code in STRINGS[this._lang].code.check) {
      const check = report?.checks?.find((c) => c.id === code);
      return this._pair(this._code("check", code), check?.reason || this._code("status", "fail"));
    }
    return this._code("blocker", code);
  },

  _renderResult() {
    const report = this._report;
    if (!report) return;
    setChildren(this._resultBox, ...this._reportNodes(report, this._reportHousehold, { print: false }));
    this._markWarnings(report.warnings);
    this._resultBox.hidden = false;
    this._wrap.classList.add("has-result");
    this._renderPrint();
  },

  _reportNodes(report, household, { print }) {
    const id = this._uid;
    const nodes = [];
    const v = this._verdictInfo(report);
    if (!print) {
      nodes.push(h("h2", { id: `${id}-result-title`, tabindex: "-1", text: this._t("resultTitle") }));
      nodes.push(h("p", { class: "stale", id: `${id}-stale`, hidden: !this._stale, text: this._t("resultStale") }));
    }
    nodes.push(this._verdictBlock(v.label, v.tone, v.text, print ? null : `${id}-verdict`));
    const blocking = report.exit?.blocking ?? [];
    if (report.exit && blocking.length) {
      nodes.push(h("h3", { text: this._t("blocking") }), h("ul", { class: "blocking" }, blocking.map((b) => h("li", { text: this._blockerText(b, report) }))));
    }
    if (report.exit?.unknown?.length) nodes.push(this._unknownList(report.exit.unknown, { print, missing: report.exit.missing, checks: report.checks }));
    const re = report.riskElimination;
    if (re) {
      const tone = re.verdict === "eligible" ? "pass" : re.verdict === "not_eligible" ? "fail" : "unknown";
      nodes.push(this._verdictBlock(this._t("elimination"), tone, this._code("elimination", re.verdict)));
      if (re.mode) nodes.push(h("p", { text: this._pair(this._t("mode"), this._code("mode", re.mode)) }));
      if (typeof re.monthsSinceIdentification === "number") {
        nodes.push(h("p", { text: this._t("monthsSince", { n: re.monthsSinceIdentification }) }));
      }
      if (re.blocking?.length) {
        nodes.push(h("h3", { text: this._t("blocking") }), h("ul", { class: "blocking" }, re.blocking.map((b) => h("li", { text: this._blockerText(b, report) }))));
      }
      if (re.unknown?.length) nodes.push(this._unknownList(re.unknown, { print, missing: re.missing, checks: report.checks }));
    }

    const pol = report.policy ?? {};
    const facts = [
      [this._t("regime"), this._code("regime", report.regime)],
      [this._t("asOfShort"), pol.asOf ?? ""],
      [this._t("policyPack"), [this._packName(pol.pack), pol.province ? `${provinceName(pol.province, this._lang)}${this._paren(pol.province)}` : null].filter(Boolean).join(" · ")],
    ];
    if (pol.overrides && Object.keys(pol.overrides).length) {
      facts.push([this._t("overrides"), Object.entries(pol.overrides)
        .map(([k, v]) => `${this._paramLabel(k)} ${this._paramValue(v)}`).join(this._lang === "en" ? "; " : "；")]);
    }
    nodes.push(this._dl(facts));

    if (report.monitoring && report.regime === "monitoring_2021") nodes.push(this._monitoringSection(report.monitoring));
    nodes.push(this._incomeSection(report, household, { print }));
    nodes.push(this._checksSection(report, household));
    if (report.exit?.steps?.length) nodes.push(this._stepsSection(report.exit.steps));
    if (report.causes?.length || report.measures?.length) nodes.push(this._causesSection(report));
    if (report.warnings?.length) nodes.push(this._warningsSection(report.warnings, { print }));
    if (!print && Array.isArray(pol.applied) && pol.applied.length) nodes.push(this._appliedSection(pol.applied));
    return nodes;
  },

  /**
   * Conditions that are neither met nor failed because a fact is missing (issue 10 §5): each names
   * what is missing, not a finding, and links to the field to fill in. An undecided check says
   * what the engine says of it (its reason names the unknown fact): the element keeps no second
   * copy of the engine's sentences (issue 8 item 2).
   */
  _unknownList(codes, { print = false, missing = [], checks = [] } = {}) {
    const table = STRINGS[this._lang].code;
    return h("div", { class: "unknown-list" },
      h("h3", { text: this._t("stillUnknown") }),
      h("ul", null, codes.map((c) => {
        const reason = () => (checks ?? []).find((x) => x.id === c)?.reason || this._code("status", "unknown");
        const label = c in table.check ? this._pair(this._code("check", c), reason())
          : c in table.unknownBlocker ? this._code("unknownBlocker", c) : this._code("blocker", c);
        const paths = [...((missing ?? []).find((m) => m.item === c)?.paths ?? []), UNKNOWN_FIELD[c]];
        const target = print ? null : paths.reduce((t, p) => t || (p ? this._targetFor(p) : null), null);
        return h("li", null, label, target ? [" ", h("button", { type: "button", class: "link",
          text: this._pair(this._t("fillIn"), this._labelForTarget(target)),
          onclick: () => { this._setView("form"); this._focusTarget(target); } })] : null);
      })),
      h("p", { class: "note", text: this._t("stillUnknownHint") }));
  },

  _dl(pairs) {
    return h("dl", { class: "facts" }, pairs.map(([k, v]) => [h("dt", { text: k }), h("dd", { text: v ?? "—" })]));
  },

  _section(title, ...content) {
    return h("section", null, h("h3", { text: title }), content);
  },

  _monitoringSection(mon) {
    const pairs = [[this._t("category"), this._code("category", mon.category ?? "unknown")]];
    if (mon.recorded) pairs.push([this._t("recorded"), this._code("category", mon.recorded)]);
    const reasons = (mon.reasons ?? []).map((r) => (typeof r === "string" ? r : r.message ?? r.code));
    return this._section(this._t("monitoringTitle"), this._dl(pairs),
      reasons.length ? [h("h4", { text: this._t("reasons") }), h("ul", null, reasons.map((r) => h("li", { text: r })))] : null);
  },

  _incomeSection(report, household, { print }) {
    const inc = report.income ?? {};
    const yuan = (n) => (n === null || n === undefined ? "—" : this._t("yuan", { n: this._money(n) }));
    const pairs = [
      [this._t("net"), yuan(inc.net)],
      [this._t("memberCount"), inc.members ?? "—"],
      [this._t("perCapita"), yuan(inc.perCapita)],
      [this._t("countedPerCapita"), yuan(inc.countedPerCapita)],
      [`${this._t("line")}${this._paren(this._code("lineKind", inc.lineKind))}`, yuan(inc.line)],
      [this._t("margin"), yuan(inc.margin)],
    ];
    if (typeof inc.transferShare === "number") pairs.push([this._t("transferShare"), `${Math.round(inc.transferShare * 1000) / 10}%`]);
    if (inc.excluded?.length) {
      pairs.push([this._t("excluded"), inc.excluded.map((x) => `${this._code("transferItem", x.item)} ${yuan(x.amount)}`).join(this._lang === "en" ? "; " : "；")]);
    }
    if (inc.lineSource) pairs.push([this._t("lineSource"), inc.lineSource]);
    const basis = this._lineBasisText(inc);
    if (basis) pairs.push([this._t("lineBasisTitle"), basis]);
    const parts = [this._dl(pairs)];
    if (Array.isArray(inc.unknown) && inc.unknown.length) {
      parts.push(h("p", { text: this._t("incomeUnknown") }),
        h("ul", null, inc.unknown.map((p) => h("li", { text: this._fieldText(p)[0] ?? p }))));
    }
    const gap = this._gapText(inc);
    if (gap) parts.push(h("p", { class: "gap", text: gap }));
    if (!print) parts.push(this._whatIf(report, household));
    return this._section(this._t("incomeTitle"), parts);
  },

  /**
   * Which basis set the line (issue 10 §1, contract v1.1 item 4): the engine's
   * report.income.lineBasis, and, when the element supplied the line, its value and origin.
   */
  _lineBasisText(inc) {
    const parts = [];
    const line = this._reportLine;
    const key = inc.lineKind === "monitoring_line" ? "monitoringLine" : "povertyLine";
    if (line && line.key === key) {
      const from = line.origin === "policy" ? this._t("lineBasisCaller")
        : this._t(line.origin === "host" ? "lineFromHost" : "lineFromTyped", { place: this._placeName(line.province), year: line.year });
      parts.push(`${this._lineValueText(line.value)}${this._paren(from)}`);
    } else if (inc.lineBasis && inc.lineBasis.kind === "dibao_multiple") {
      parts.push(this._t("lineBasisDibao"));
    }
    if (inc.lineBasis && inc.lineBasis.source) parts.push(inc.lineBasis.source);
    return parts.join(this._lang === "en" ? "; " : "；");
  },

  _gapText(inc) {
    if (typeof inc.margin !== "number" || typeof inc.members !== "number") return null;
    const fen = Math.round(inc.margin * 100);
    const gap = this._money(Math.abs(fen) / 100);
    // The household's yearly distance, in whole fen: line × members − counted net income.
    let totalFen = Math.abs(fen) * inc.members;
    if (typeof inc.net === "number" && typeof inc.line === "number") {
      const excludedFen = (inc.excluded ?? []).reduce((n, x) => n + Math.round((x.amount ?? 0) * 100), 0);
      totalFen = Math.abs(Math.round(inc.line * 100) * inc.members - (Math.round(inc.net * 100) - excludedFen));
    }
    const total = this._money(totalFen / 100);
    const monitoring = inc.lineKind === "monitoring_line";
    if (fen === 0) return this._t("gapAt");
    if (monitoring) return this._t(fen > 0 ? "gapAboveMonitoring" : "gapBelowMonitoring", { gap, total });
    return this._t(fen > 0 ? "gapAbove" : "gapBelow", { gap, total });
  },

  _checksSection(report, household) {
    const list = h("ul", { class: "checks" });
    for (const c of report.checks ?? []) {
      const tone = TONE[c.status] ?? "unknown";
      const members = (c.members ?? []).map((m) => (typeof m === "number" ? { index: m } : m));
      const concerned = members.filter((m) => m.status === undefined || m.status === "fail" || m.status === "unknown");
      const meta = [];
      if (c.basis) meta.push(this._pair(this._t("basis"), c.basis));
      if (c.confidence) meta.push(this._pair(this._t("confidence"), `${c.confidence}${this._paren(this._code("confidence", c.confidence))}`));
      list.append(h("li", { class: `check tone-${tone}`, part: `check check-${c.status}`, dataset: { check: c.id } },
        h("div", { class: "check-head" },
          h("h4", { text: this._code("check", c.id) }),
          this._badge(tone, this._code("status", c.status)),
          h("span", { class: "note", text: c.veto ? this._t("veto") : this._t("notVeto") })),
        c.reason ? h("p", { text: c.reason }) : null,
        concerned.length ? [
          h("p", { class: "meta", text: this._pair(this._t("membersConcerned"), "") }),
          h("ul", null, concerned.map((m) => h("li", null,
            `${this._memberName(m.index, household)}`,
            m.status ? ` · ${SYMBOL[TONE[m.status]] ?? ""} ${this._code("status", m.status)}` : "",
            m.reason ? ` · ${m.reason}` : ""))),
        ] : null,
        meta.length ? h("p", { class: "meta", text: meta.join(" · ") }) : null));
    }
    return this._section(this._t("checks"), list);
  },

  _stepsSection(steps) {
    return this._section(this._t("steps"), h("ol", null, steps.map((s) => {
      const tone = s.done ? "pass" : "na";
      const extra = [];
      if (s.on) extra.push(s.on);
      if (typeof s.noticeDays === "number") extra.push(this._t("noticeDays", { n: s.noticeDays }));
      return h("li", null, `${this._code("step", s.id)} `, this._badge(tone, s.done ? this._t("stepDone") : this._t("stepNotDone")),
        extra.length ? ` ${extra.join(" · ")}` : "");
    })));
  },

  _causesSection(report) {
    const parts = [h("p", { class: "note", text: this._t("suggestedNote") })];
    if (report.causes?.length) {
      parts.push(h("h4", { text: this._t("causes") }), h("ul", null, report.causes.map((c) => h("li", null,
        this._code("cause", c.cause), c.primary ? this._paren(this._t("primary")) : "", c.evidence ? `${this._colon()}${c.evidence}` : ""))));
    }
    if (report.measures?.length) {
      parts.push(h("h4", { text: this._t("measuresTitle") }), h("ul", null, report.measures.map((m) => h("li", null,
        this._code("measure", m.measure), m.batch ? this._paren(this._pair(this._t("batch"), this._code("batch", m.batch))) : "", m.why ? `${this._colon()}${m.why}` : ""))));
    }
    return this._section(`${this._t("causes")} · ${this._t("measuresTitle")}`, parts);
  },

  _warningsSection(warnings, { print }) {
    return this._section(this._t("warnings"), h("ul", null, warnings.map((w) => {
      const target = !print && w.path ? this._targetFor(w.path) : null;
      return h("li", null, this._message(w),
        target ? [" ", h("button", { type: "button", class: "link", text: this._pair(this._t("goToField"), this._labelForTarget(target)),
          onclick: () => { this._setView("form"); this._focusTarget(target); } })] : null);
    })));
  },

  /** A pack id ("cn-yn") is a code: in Chinese the pack is named by its province (issue 10 §5). */
  _packName(pack) {
    if (!pack || this._lang === "en") return pack || "";
    if (pack === "cn-national") return this._t("packNational");
    const m = /^cn-([a-z]{2})$/.exec(pack);
    return m ? this._t("packProvince", { p: provinceName(`CN-${m[1].toUpperCase()}`, this._lang) }) : pack;
  },

  /** A policy parameter by its name in the page's language; unknown keys stay as their code. */
  _paramLabel(key) {
    const table = STRINGS[this._lang].code.parameter || {};
    return table[key] || key;
  },

  _paramValue(v) {
    if (v === null || v === undefined) return "—";
    if (typeof v === "boolean") return this._t(v ? "yes" : "no");
    if (typeof v === "number") return this._money(v);
    if (Array.isArray(v)) return v.map((x) => this._paramValue(x)).join(this._lang === "en" ? ", " : "、");
    if (typeof v === "object" && typeof v.dibaoMonthly === "number") return this._lineValueText(v);
    if (typeof v === "object") return Object.entries(v).map(([k, x]) => `${this._paramLabel(k)} ${this._paramValue(x)}`).join(this._lang === "en" ? "; " : "；");
    const table = STRINGS[this._lang].code;
    if (table.paramCode && v in table.paramCode) return table.paramCode[v];
    return this._code("transferItem", v);
  },

  _appliedSection(applied) {
    const rows = applied.map((a) => h("tr", null,
      h("td", { text: this._paramLabel(a.key ?? a.parameter ?? "") }),
      h("td", { text: this._paramValue(a.value) }),
      h("td", { text: [a.from, a.to].filter(Boolean).join(" – ") }),
      h("td", { text: [a.source, a.confidence, a.pack ? this._packName(a.pack) : null].filter(Boolean).join(" · ") })));
    return h("section", null, h("details", null,
      h("summary", { text: this._t("appliedPolicy") }),
      h("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": this._t("appliedPolicy") },
        h("table", null,
          h("thead", null, h("tr", null, [this._t("parameter"), this._t("value"), this._t("validFrom"), this._t("source")].map((x) => h("th", { scope: "col", text: x })))),
          h("tbody", null, rows)))));
  },
};
