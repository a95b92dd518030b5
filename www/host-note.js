// What the self-check page says when the element hands it a result (the host side of the
// tuopin-result event): the regime and the verdict in words, in the page's language, never the
// raw codes (issue 10 §5: "页面收到评估结果:exit_2016 · ready" showed English in zh-CN).

import { STRINGS } from "../pkg/tuopin-assessment-i18n.js";
import { lang } from "./site.js";

function label(group, value) {
  const table = STRINGS[lang()].code[group] ?? {};
  return value in table ? table[value] : String(value);
}

/** "防止返贫监测（2021 年起规则）· 边缘易致贫户；可以标注风险消除" for a report. */
export function verdictText(report) {
  const parts = [label("regime", report.regime)];
  if (report.exit?.verdict) parts.push(label("verdict", report.exit.verdict));
  else if (report.monitoring?.category) parts.push(label("category", report.monitoring.category));
  let text = parts.join(" · ");
  if (report.riskElimination?.verdict) text += `${lang() === "en" ? "; " : "；"}${label("elimination", report.riskElimination.verdict)}`;
  return text;
}
