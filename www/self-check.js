// The self-check page: the <tuopin-assessment> element, sample households to load, import and
// export of a household as a JSON file (read and written on this device only), and custom policy
// values passed through the element's `policy` property.

import "../pkg/tuopin-assessment.js";
import { t, h, lang, refreshElements, setChildren } from "./site.js";
import { verdictText } from "./host-note.js";

const el = document.getElementById("self-check");
const live = document.getElementById("page-live");
const hostNote = document.getElementById("host-note");
let samples = [];

function announce(text) {
  live.textContent = "";
  setTimeout(() => {
    live.textContent = text;
  }, 50);
}

function renderSamples() {
  const list = document.getElementById("samples");
  const l = lang();
  setChildren(list, ...samples.map((s, i) => {
    const titleId = `sample-${i}-title`;
    return h("li", { class: "card" },
      h("h3", { id: titleId, text: s.title[l] }),
      h("p", { text: s.description[l] }),
      h("button", { type: "button", dataset: { sample: s.file }, "aria-describedby": titleId, text: t("loadSample"),
        onclick: () => loadSample(s) }));
  }));
}

async function loadSample(s) {
  const res = await fetch(`samples/${encodeURIComponent(s.file)}`);
  if (!res.ok) throw new Error(`${s.file}: ${res.status}`);
  el.load(await res.json());
  announce(t("sampleLoaded", { title: s.title[lang()] }));
}

async function init() {
  const res = await fetch("samples/index.json");
  samples = await res.json();
  renderSamples();
}

// ---- import / export (FileReader and a Blob download: nothing leaves the device) -------------

document.getElementById("import-file").addEventListener("change", async (e) => {
  const file = e.target.files?.[0];
  if (!file) return;
  try {
    const data = JSON.parse(await file.text());
    if (!data || typeof data !== "object") throw new Error("not a JSON object");
    el.load(data);
    announce(t("importDone", { name: file.name }));
  } catch (err) {
    announce(t("importFailed", { reason: err instanceof Error ? err.message : String(err) }));
  } finally {
    e.target.value = "";
  }
});

document.getElementById("export").addEventListener("click", () => {
  const data = { household: el.household, options: { asOf: el.asOf } };
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: `${data.household?.id || "household"}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

// ---- custom policy values -------------------------------------------------------------------

function numberOrNull(id) {
  const raw = document.getElementById(id).value.trim();
  if (raw === "") return null;
  const n = Number(raw.replace(/[,\uFF0C]/g, ""));
  return Number.isFinite(n) ? n : raw;
}

document.getElementById("policy-apply").addEventListener("click", () => {
  const policy = {};
  const monitoring = numberOrNull("policy-monitoring");
  const poverty = numberOrNull("policy-poverty");
  const boundary = document.getElementById("policy-boundary").value;
  if (monitoring !== null) policy.monitoringLine = monitoring;
  if (poverty !== null) policy.povertyLine = poverty;
  if (boundary) policy.boundary = boundary;
  const keys = Object.keys(policy);
  el.policy = keys.length ? policy : undefined;
  const text = keys.length ? t("policyApplied", { list: keys.map((k) => `${k} = ${policy[k]}`).join(", ") }) : t("policyCleared");
  document.getElementById("policy-status").textContent = text;
  announce(text);
});

// ---- the host reacting to the element's events ----------------------------------------------

el.addEventListener("tuopin-result", (e) => {
  const r = e.detail.report;
  const verdict = r.exit?.verdict ?? r.monitoring?.category ?? "";
  hostNote.textContent = t("hostNote", { verdict: verdictText(r) });
  hostNote.dataset.verdict = verdict;
});
el.addEventListener("tuopin-invalid", (e) => {
  hostNote.textContent = t("hostInvalid", { n: e.detail.problems.length });
  hostNote.dataset.verdict = "invalid";
});

document.addEventListener("site-lang", () => {
  renderSamples();
  hostNote.textContent = "";
});

refreshElements();
init();
