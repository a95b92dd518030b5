// The training page: scenarios drawn from the policy reference's edge cases. The trainee predicts
// the outcome first; the page then runs the engine, says whether the prediction was right, and
// explains the rule with its source. The score is kept in this browser's localStorage.

import init, { assess } from "../pkg/tuopin.js";
import { STRINGS, provinceName } from "../pkg/tuopin-assessment-i18n.js";
import { t, h, lang, setChildren } from "./site.js";

const STORE = "tuopin-training:v1";
const CHOICES = {
  exit: ["ready", "not_ready", "incomplete"],
  category: ["unstable_exited", "marginal", "sudden_hardship", "none"],
  elimination: ["eligible", "not_eligible", "incomplete"],
  check: ["pass", "fail", "unknown", "not_applicable"],
};

let scenarios = [];
// lines: what the trainee typed for scenarios whose line is not built in, by scenario id.
let state = { index: 0, answers: {}, lines: {} };
let engineReady = false;
const live = document.getElementById("page-live");

function load() {
  try {
    const s = JSON.parse(localStorage.getItem(STORE) ?? "null");
    if (s && typeof s === "object" && s.answers) state = { index: Number(s.index) || 0, answers: s.answers, lines: s.lines && typeof s.lines === "object" ? s.lines : {} };
  } catch {
    /* start afresh */
  }
}

function save() {
  try {
    localStorage.setItem(STORE, JSON.stringify(state));
  } catch {
    /* storage disabled: the score lasts for this visit */
  }
}

function announce(text) {
  live.textContent = "";
  setTimeout(() => {
    live.textContent = text;
  }, 50);
}

function code(group, value) {
  const table = STRINGS[lang()].code[group];
  return table && value in table ? table[value] : String(value);
}

function askKind(s) {
  return s.ask.startsWith("check:") ? "check" : s.ask;
}

function choiceLabel(s, value) {
  switch (askKind(s)) {
    case "exit": return code("verdict", value);
    case "category": return code("category", value);
    case "elimination": return code("elimination", value);
    default: return code("status", value);
  }
}

function question(s) {
  switch (askKind(s)) {
    case "exit": return t("askExit");
    case "category": return t("askCategory");
    case "elimination": return t("askElimination");
    default: return t("askCheck", { check: code("check", s.ask.slice(6)) });
  }
}

/** What the engine says, as one of the choices. */
function engineAnswer(s, report) {
  switch (askKind(s)) {
    case "exit": return report.exit?.verdict ?? "none";
    case "category": return report.monitoring?.category ?? "none";
    case "elimination": return report.riskElimination?.verdict ?? "none";
    default: return report.checks.find((c) => c.id === s.ask.slice(6))?.status ?? "unknown";
  }
}

/** The options of a scenario, with the line the trainee typed when the scenario needs one. */
function optionsOf(s) {
  const options = { ...s.options, lang: lang() };
  if (s.lineInput && state.lines[s.id] !== undefined) {
    options.policy = { ...(s.options.policy ?? {}), [s.lineInput.key]: state.lines[s.id] };
  }
  return options;
}

function run(s) {
  return assess(s.household, optionsOf(s));
}

/** A typed amount of yuan: "19560", "19,560", "19560元", "１９５６０" (full-width digits); NaN otherwise. */
export function parseYuan(raw) {
  let x = String(raw).replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/\s+/g, "");
  x = x.replace(/元$/, "");
  if (/^\d{1,3}([,，]\d{3})+(\.\d+)?$/.test(x)) x = x.replace(/[,，]/g, "");
  return /^\d+(\.\d{1,2})?$/.test(x) ? Number(x) : NaN;
}

/**
 * Step 1 of a scenario whose line is not built in (issue 10 §1): what the line is, why it is
 * asked, where an official finds it, the local notice, and a field for the amount. The trainee's
 * amount must be the notice's (the lesson is how to read it); the engine then runs with it.
 */
function lineSection(s) {
  const li = s.lineInput;
  const l = lang();
  const accepted = state.lines[s.id];
  const year = s.options.asOf.slice(0, 4);
  // Once the prediction is submitted the line is part of the answer and no longer changes.
  const locked = !!state.answers[s.id];
  const input = h("input", { type: "text", id: "line-input", inputmode: "decimal", autocomplete: "off", disabled: locked,
    "aria-describedby": "line-hint line-error", value: accepted !== undefined ? String(accepted) : "" });
  const error = h("p", { class: "error", id: "line-error", hidden: true });
  const status = h("p", { class: "status", id: "line-status", hidden: accepted === undefined,
    text: accepted !== undefined ? t("lineAccepted", { value: accepted, monthly: li.dibaoMonthly, factor: li.factor }) : "" });
  const use = (e) => {
    e.preventDefault();
    const value = parseYuan(input.value);
    const problem = Number.isNaN(value) ? t("lineNotNumber") : value !== li.value ? t("lineWrong", { value }) : null;
    if (problem) {
      error.textContent = problem;
      error.hidden = false;
      input.setAttribute("aria-invalid", "true");
      input.focus();
      announce(problem);
      return;
    }
    state.lines[s.id] = value;
    save();
    render();
    document.getElementById("line-status").focus();
    announce(t("lineAccepted", { value, monthly: li.dibaoMonthly, factor: li.factor }));
  };
  const form = h("form", { id: "line-form", novalidate: true },
    h("div", { class: "field" },
      h("label", { for: "line-input", text: t("lineLabel") }),
      h("span", { class: "hint", id: "line-hint", text: t("lineHint") }),
      error,
      input),
    h("button", { type: "submit", disabled: locked, text: t("lineUse") }));
  form.addEventListener("submit", use);
  status.tabIndex = -1;
  return h("section", { class: "panel line-step", "aria-labelledby": "line-title" },
    h("h3", { id: "line-title", text: t("lineStepTitle") }),
    h("p", { text: t("lineWhat") }),
    h("p", { text: t("lineWhy", { province: provinceName(s.household.province, l), year }) }),
    h("p", { text: t("lineWhere") }),
    h("h4", { text: t("lineNotice") }),
    h("blockquote", { class: "notice", text: li.notice[l] }),
    form,
    status);
}

function age(birth, asOf) {
  let a = Number(asOf.slice(0, 4)) - Number(birth.slice(0, 4));
  if (asOf.slice(5) < birth.slice(5)) a -= 1;
  return a;
}

function memberLabel(s, index) {
  const m = s.household.members?.[index];
  return m ? `${code("relation", m.relation)} ${m.name ?? ""}`.trim() : `#${index + 1}`;
}

function renderScore() {
  const answered = Object.keys(state.answers).filter((id) => scenarios.some((s) => s.id === id));
  const right = answered.filter((id) => state.answers[id].correct).length;
  document.getElementById("score").textContent = t("score", { right, answered: answered.length, total: scenarios.length });
}

function renderIndex() {
  const ol = document.getElementById("scenario-index");
  setChildren(ol, ...scenarios.map((s, i) => {
    const a = state.answers[s.id];
    const mark = a ? (a.correct ? " ✓" : " ✗") : "";
    const title = t("labelled", { label: t("question", { n: i + 1, total: scenarios.length }), text: s.title[lang()] });
    const label = a ? t("paren", { text: title, note: t("labelled", { label: t("answered"), text: a.correct ? t("correct") : t("wrong") }) }) : title;
    return h("li", null, h("button", {
      type: "button", "aria-current": i === state.index ? "true" : undefined,
      "aria-label": label,
      text: `${i + 1}${mark}`, onclick: () => go(i, { focus: true }),
    }));
  }));
}

function factsList(s) {
  const hh = s.household;
  const asOf = s.options.asOf;
  const l = lang();
  const rows = [
    [t("asOf"), asOf],
    [t("province"), t("paren", { text: provinceName(hh.province, l), note: hh.province })],
    [t("registration"), hh.registration ? code("registration", hh.registration) : "—"],
  ];
  const members = (hh.members ?? []).map((m) => t("memberLine", {
    relation: code("relation", m.relation),
    age: age(m.birthDate, asOf),
    health: [code("health", m.health ?? "—"), m.disabilityGrade ? code("disabilityGrade", m.disabilityGrade) : ""].filter(Boolean).join(" "),
    labour: code("labour", m.labour ?? "—"),
    schooling: code("schooling", m.schooling ?? "—") + (m.completedCompulsory ? ` · ${STRINGS[l].field.completedCompulsory[0]}` : ""),
  }));
  return h("dl", { class: "facts" },
    rows.map(([k, v]) => [h("dt", { text: k }), h("dd", { text: v })]),
    h("dt", { text: t("membersFact") }),
    h("dd", null, h("ul", null, members.map((m) => h("li", { text: m })))));
}

/** "义务教育有保障：理由（依据）" for a check. */
function checkReason(c) {
  const text = c.basis ? t("paren", { text: c.reason, note: c.basis }) : c.reason;
  return t("labelled", { label: code("check", c.id), text });
}

function feedbackNodes(s, answer) {
  let report;
  try {
    report = run(s);
  } catch (e) {
    const msgs = Array.isArray(e?.problems) ? e.problems.map((p) => t("labelled", { label: p.path, text: p.message })) : [String(e?.message ?? e)];
    return [h("p", { text: msgs.join(t("listSep")) })];
  }
  const actual = engineAnswer(s, report);
  const right = answer.choice === actual;
  const nodes = [
    h("p", { class: "verdict-line" }, h("span", { "aria-hidden": "true", text: right ? "✓ " : "✗ " }), right ? t("correct") : t("wrong")),
    h("p", { text: t("yourChoice", { answer: choiceLabel(s, answer.choice) }) }),
    h("p", { class: "engine-answer", dataset: { answer: actual }, text: t("engineSays", { answer: choiceLabel(s, actual) }) }),
    h("h3", { text: t("ruleTitle") }),
    h("p", { class: "rule", text: s.rule[lang()] }),
    h("h3", { text: t("sourceTitle") }),
    h("p", { class: "source", text: s.source }),
  ];
  const reasons = [];
  const kind = askKind(s);
  if (kind === "check") {
    const c = report.checks.find((x) => x.id === s.ask.slice(6));
    if (c) {
      reasons.push(checkReason(c));
      for (const m of c.members ?? []) {
        if (m && typeof m === "object" && m.reason) reasons.push(t("labelled", { label: memberLabel(s, m.index), text: m.reason }));
      }
    }
  } else if (kind === "exit" && report.exit) {
    for (const b of report.exit.blocking) {
      const c = report.checks.find((x) => x.id === b);
      reasons.push(c ? checkReason(c) : code("blocker", b));
    }
    if (!report.exit.blocking.length) {
      for (const c of report.checks.filter((x) => x.veto)) reasons.push(t("labelled", { label: code("check", c.id), text: code("status", c.status) }));
    }
  } else if (kind === "category" && report.monitoring) {
    for (const r of report.monitoring.reasons ?? []) reasons.push(typeof r === "string" ? r : r.message);
  } else if (kind === "elimination" && report.riskElimination) {
    for (const b of report.riskElimination.blocking) {
      const c = report.checks.find((x) => x.id === b);
      reasons.push(c ? t("labelled", { label: code("check", c.id), text: c.reason }) : code("blocker", b));
    }
  }
  for (const w of report.warnings ?? []) reasons.push(w.message);
  if (reasons.length) nodes.push(h("h3", { text: t("checkReasons") }), h("ul", null, reasons.map((r) => h("li", { text: r }))));
  return nodes;
}

function render({ focus } = {}) {
  const s = scenarios[state.index];
  const art = document.getElementById("scenario");
  if (!s) return;
  const l = lang();
  const answer = state.answers[s.id];
  const kind = askKind(s);
  const errId = "choice-error";
  const radios = CHOICES[kind].map((value, i) => {
    const id = `choice-${i}`;
    return h("label", { class: "choice", for: id },
      h("input", { type: "radio", name: "answer", id, value, checked: answer?.choice === value, disabled: !!answer }),
      choiceLabel(s, value));
  });
  const feedback = h("section", { class: `feedback${answer ? (answer.correct ? " right" : " wrong") : ""}`, id: "feedback", tabindex: "-1", "aria-labelledby": "feedback-title", hidden: !answer });
  const form = h("form", { id: "answer-form", novalidate: true },
    h("fieldset", { class: "choices", id: "choices" },
      h("legend", { text: question(s) }),
      h("p", { class: "error", id: errId, hidden: true, text: t("chooseFirst") }),
      radios),
    h("button", { type: "submit", class: "primary", disabled: !!answer || !engineReady, text: t("submitAnswer") }));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    submit(s, form);
  });
  setChildren(art,
    h("p", { class: "hint", text: t("question", { n: state.index + 1, total: scenarios.length }) }),
    h("h2", { id: "scenario-title", tabindex: "-1", text: s.title[l] }),
    h("p", { class: "story", text: s.story[l] }),
    h("h3", { text: t("facts") }),
    factsList(s),
    h("details", null, h("summary", { text: t("showData") }),
      h("pre", { class: "json", tabindex: "0", role: "region", "aria-label": t("showData"), text: JSON.stringify({ household: s.household, options: s.options }, null, 2) })),
    s.lineInput ? lineSection(s) : null,
    form,
    feedback,
    h("div", { class: "nav-buttons" },
      h("button", { type: "button", id: "prev", disabled: state.index === 0, text: t("prev"), onclick: () => go(state.index - 1, { focus: true }) }),
      h("button", { type: "button", id: "next", disabled: state.index === scenarios.length - 1, text: t("next"), onclick: () => go(state.index + 1, { focus: true }) })));
  if (answer && engineReady) {
    setChildren(feedback, h("h3", { id: "feedback-title", class: "visually-hidden", text: t("yourAnswer") }), ...feedbackNodes(s, answer));
  }
  art.hidden = false;
  renderIndex();
  renderScore();
  if (focus) document.getElementById("scenario-title").focus();
}

function submit(s, form) {
  const chosen = form.querySelector("input[name=answer]:checked");
  const err = form.querySelector("#choice-error");
  const radios = [...form.querySelectorAll("input[name=answer]")];
  if (s.lineInput && state.lines[s.id] === undefined) {
    // The engine cannot answer without the line: send the trainee back to step 1.
    err.textContent = t("lineFirst");
    err.hidden = false;
    document.getElementById("line-input").focus();
    announce(t("lineFirst"));
    return;
  }
  err.textContent = t("chooseFirst");
  if (!chosen) {
    err.hidden = false;
    for (const r of radios) {
      r.setAttribute("aria-invalid", "true");
      r.setAttribute("aria-describedby", "choice-error");
    }
    radios[0].focus();
    return;
  }
  let report;
  try {
    report = run(s);
  } catch {
    return;
  }
  const actual = engineAnswer(s, report);
  state.answers[s.id] = { choice: chosen.value, correct: chosen.value === actual };
  save();
  render();
  const fb = document.getElementById("feedback");
  fb.focus();
  announce(t("sentences", { a: state.answers[s.id].correct ? t("correct") : t("wrong"), b: t("engineSays", { answer: choiceLabel(s, actual) }) }));
}

function go(i, { focus } = {}) {
  if (i < 0 || i >= scenarios.length) return;
  state.index = i;
  save();
  render({ focus });
}

document.getElementById("reset-score").addEventListener("click", () => {
  state = { index: 0, answers: {}, lines: {} };
  save();
  render();
  announce(t("scoreReset"));
});

document.addEventListener("site-lang", () => render());

async function start() {
  load();
  const res = await fetch("training/scenarios.json");
  scenarios = await res.json();
  if (state.index >= scenarios.length) state.index = 0;
  render();
  await init();
  engineReady = true;
  document.getElementById("engine-status").hidden = true;
  render();
}

start();
