// The element's style sheet. It is a constructable stylesheet (adoptedStyleSheets), which a strict
// Content-Security-Policy without 'unsafe-inline' allows, and which needs no network request.
//
// Theming: every colour, the font and the sizes are CSS custom properties (--tuopin-*), set on the
// host page; parts are exposed with ::part (form, field, input, button, result, verdict, check,
// error-summary, print, ...). theme="high-contrast" on the element, or the user's
// prefers-contrast: more / forced-colors settings, switch to the high-contrast palette.

export const CSS = String.raw`
:host {
  --_fg: var(--tuopin-fg, #1b1b1b);
  --_bg: var(--tuopin-bg, #ffffff);
  --_muted: var(--tuopin-muted, #4a4a4a);
  --_surface: var(--tuopin-surface, #f3f5f8);
  --_border: var(--tuopin-border, #6b6b6b);
  --_accent: var(--tuopin-accent, #0b4f8a);
  --_accent-fg: var(--tuopin-accent-fg, #ffffff);
  --_focus: var(--tuopin-focus, #ffbf47);
  --_pass: var(--tuopin-pass, #17622c);
  --_pass-bg: var(--tuopin-pass-bg, #e4f2e7);
  --_fail: var(--tuopin-fail, #9b1c1f);
  --_fail-bg: var(--tuopin-fail-bg, #fbe7e7);
  --_unknown: var(--tuopin-unknown, #6e4500);
  --_unknown-bg: var(--tuopin-unknown-bg, #fff3d6);
  --_na: var(--tuopin-na, #4a4a4a);
  --_na-bg: var(--tuopin-na-bg, #eeeeee);
  --_radius: var(--tuopin-radius, 0.375rem);
  --_font: var(--tuopin-font, system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Segoe UI", Roboto, Arial, sans-serif);
  --_size: var(--tuopin-font-size, 1.125rem);
  display: block;
  color: var(--_fg);
  background: var(--_bg);
  font-family: var(--_font);
  font-size: var(--_size);
  line-height: 1.6;
  overflow-wrap: anywhere;
  container-type: inline-size;
}
:host([theme="high-contrast"]) {
  --_fg: #ffffff; --_bg: #000000; --_muted: #ffffff; --_surface: #000000; --_border: #ffffff;
  --_accent: #ffd500; --_accent-fg: #000000; --_focus: #00e5ff;
  --_pass: #8cff8c; --_pass-bg: #000000; --_fail: #ff9e9e; --_fail-bg: #000000;
  --_unknown: #ffd500; --_unknown-bg: #000000; --_na: #ffffff; --_na-bg: #000000;
}
@media (prefers-contrast: more) {
  :host(:not([theme="default"])) {
    --_fg: #000000; --_muted: #000000; --_border: #000000; --_bg: #ffffff; --_surface: #ffffff;
  }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
h2, h3, h4 { line-height: 1.3; margin: 0 0 0.5em; }
h2 { font-size: 1.5em; }
h3 { font-size: 1.25em; }
h4 { font-size: 1.05em; }
p { margin: 0 0 0.75em; }
ul, ol { margin: 0 0 0.75em; padding-inline-start: 1.5em; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.wrap { display: grid; gap: 1.25rem; }
@container (min-width: 64rem) {
  .wrap.has-result { grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr); align-items: start; }
  .wrap.has-result .result { position: sticky; top: 0.5rem; max-height: calc(100vh - 1rem); overflow: auto; }
}
.main { display: grid; gap: 1rem; min-width: 0; }
.result h2 { scroll-margin-top: 0.75rem; }
.toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: center; }
.status-line { color: var(--_muted); font-size: 0.9em; margin: 0; }
.note { color: var(--_muted); font-size: 0.9em; }

button, .button {
  font: inherit; font-size: 1em; line-height: 1.3;
  min-height: 2.75rem; min-width: 2.75rem; padding: 0.45em 1em;
  border: 2px solid var(--_accent); border-radius: var(--_radius);
  background: var(--_bg); color: var(--_accent); cursor: pointer; font-weight: 600;
}
button.primary { background: var(--_accent); color: var(--_accent-fg); }
button.danger { border-color: var(--_fail); color: var(--_fail); }
button.link {
  min-height: 0; min-width: 0; padding: 0; border: 0; background: none; color: var(--_accent);
  text-decoration: underline; font-weight: 600; text-align: start;
}
button:hover { text-decoration: underline; }
button:disabled { opacity: 0.6; cursor: not-allowed; }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--_fg); }
button.link:focus-visible { box-shadow: none; background: var(--_focus); color: #000000; }

form { display: grid; gap: 1.25rem; }
fieldset {
  margin: 0; padding: 0.75rem 1rem 1rem; min-width: 0;
  border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_bg);
}
legend { font-weight: 700; font-size: 1.15em; padding: 0 0.35em; }
fieldset fieldset legend { font-size: 1em; }
.section-hint { color: var(--_muted); font-size: 0.9em; margin: 0 0 0.75rem; }
.grid { display: grid; gap: 0.75rem 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr)); }
.field { display: flex; flex-direction: column; gap: 0.2rem; min-width: 0; }
.field.wide { grid-column: 1 / -1; }
label, .label { font-weight: 600; }
.req { font-weight: 400; color: var(--_muted); font-size: 0.85em; }
.hint { color: var(--_muted); font-size: 0.85em; }
.hint.empty { display: none; }
@container (min-width: 34rem) {
  .grid > .field:not(.wide) > .hint.empty { display: block; min-height: 1.6em; }
}
input[type="text"], input[type="number"], select {
  font: inherit; font-size: 1em; width: 100%; min-height: 2.75rem; padding: 0.35em 0.5em;
  color: var(--_fg); background: var(--_bg);
  border: 2px solid var(--_border); border-radius: var(--_radius);
}
input[aria-invalid="true"], select[aria-invalid="true"] { border-color: var(--_fail); border-width: 3px; }
input[type="checkbox"] { width: 1.4em; height: 1.4em; margin: 0.15em 0 0; flex: none; accent-color: var(--_accent); }
.check-row { display: flex; gap: 0.5em; align-items: flex-start; font-weight: 400; }
.check-list { display: grid; gap: 0.25rem 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr)); }
.error {
  color: var(--_fail); font-weight: 700; margin: 0.15rem 0 0;
  border-inline-start: 4px solid var(--_fail); padding-inline-start: 0.5em;
}
.member { border-width: 2px; }
.member-actions { display: flex; justify-content: flex-end; margin-top: 0.75rem; }
.members-list { display: grid; gap: 1rem; }
.members-list + .actions { margin-top: 1rem; }
.wrap.print-mode { display: block; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }

.error-summary {
  border: 4px solid var(--_fail); border-radius: var(--_radius); padding: 1rem; background: var(--_bg);
}
.error-summary:focus { outline: 3px solid var(--_focus); }
.error-summary h3 { color: var(--_fail); }
.error-summary li { margin-bottom: 0.35rem; }

.result { border: 2px solid var(--_border); border-radius: var(--_radius); padding: 1rem; background: var(--_bg); }
.result section { margin-top: 1.25rem; }
.stale { border: 3px dashed var(--_unknown); padding: 0.5rem 0.75rem; font-weight: 700; }
.verdict {
  display: block; padding: 0.6rem 0.9rem; margin: 0 0 0.75rem;
  border-radius: var(--_radius); border: 3px solid currentColor; font-size: 1.2em; font-weight: 700;
}
.verdict .symbol { font-size: 1.2em; line-height: 1; margin-inline-end: 0.4em; }
.tone-pass { color: var(--_pass); background: var(--_pass-bg); }
.tone-fail { color: var(--_fail); background: var(--_fail-bg); }
.tone-unknown { color: var(--_unknown); background: var(--_unknown-bg); }
.tone-na { color: var(--_na); background: var(--_na-bg); }
.badge {
  display: inline-flex; gap: 0.3em; align-items: center; padding: 0.05em 0.5em;
  border: 2px solid currentColor; border-radius: 999px; font-weight: 700; font-size: 0.9em; white-space: nowrap;
}
dl.facts { display: grid; grid-template-columns: fit-content(45%) minmax(0, 1fr); gap: 0.25rem 1rem; margin: 0 0 0.75rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
@container (max-width: 20rem) {
  dl.facts { grid-template-columns: minmax(0, 1fr); }
  dl.facts dd { margin-bottom: 0.4rem; }
}
.checks { list-style: none; padding: 0; display: grid; gap: 0.75rem; }
.check { border: 1px solid var(--_border); border-inline-start-width: 6px; border-radius: var(--_radius); padding: 0.6rem 0.8rem; }
.check.tone-pass, .check.tone-fail, .check.tone-unknown, .check.tone-na { background: var(--_bg); }
.check.tone-pass { border-inline-start-color: var(--_pass); }
.check.tone-fail { border-inline-start-color: var(--_fail); }
.check.tone-unknown { border-inline-start-color: var(--_unknown); }
.check-head { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: center; }
.check-head h4 { margin: 0; color: var(--_fg); }
.check p, .check ul { color: var(--_fg); }
.check .meta { color: var(--_muted); font-size: 0.85em; margin: 0.25rem 0 0; }
.check ul { margin: 0.25rem 0 0; }
.whatif { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.75rem 1rem; background: var(--_surface); }
.whatif input[type="range"] { width: 100%; min-height: 2.75rem; accent-color: var(--_accent); }
.whatif .row { display: grid; gap: 0.5rem 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr)); align-items: end; }
.whatif output { display: block; font-weight: 600; margin-top: 0.5rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border: 1px solid var(--_border); padding: 0.3em 0.5em; text-align: start; vertical-align: top; }
th { background: var(--_surface); }
details > summary { cursor: pointer; font-weight: 700; min-height: 2.75rem; display: flex; align-items: center; list-style: none; }
details > summary::-webkit-details-marker { display: none; }
details > summary::before { content: "▸"; display: inline-block; width: 1.2em; flex: none; }
details[open] > summary::before { content: "▾"; }
.table-scroll { overflow-x: auto; max-width: 100%; }

.print-view { max-width: 210mm; margin: 0 auto; padding: 1rem; background: #ffffff; color: #000000; border: 1px solid #999999; }
.print-view h2 { font-size: 1.35em; }
.print-view h3 { font-size: 1.1em; margin-top: 0.9em; }
.print-view table { font-size: 0.85em; }
.print-view th { background: #eeeeee; color: #000000; }
.print-view th, .print-view td { border-color: #666666; }
.print-view .checks { gap: 0.3rem; }
.print-view .check { padding: 0.3rem 0.5rem; border-color: #666666; break-inside: avoid; }
.print-view .check p, .print-view .check ul { color: #000000; }
.print-view .check .meta { color: #333333; }
.print-view .print-actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-bottom: 1rem; }
.print-view button { color: #0b4f8a; border-color: #0b4f8a; background: #ffffff; }
.print-view button.primary { color: #ffffff; background: #0b4f8a; }
.print-view .tone-pass { color: #17622c; background: #ffffff; }
.print-view .tone-fail { color: #9b1c1f; background: #ffffff; }
.print-view .tone-unknown { color: #6e4500; background: #ffffff; }
.print-view .tone-na { color: #333333; background: #ffffff; }
.print-view .note { color: #333333; }
.signoff { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; margin-top: 1.5rem; }
.signoff p { margin: 0; }
.signoff .blank { display: inline-block; min-width: 8em; border-bottom: 1px solid #000000; margin-inline-start: 0.5em; height: 1.2em; vertical-align: bottom; }

/* Narrow hosts (phones, or large text): less padding, so text keeps its width. */
@container (max-width: 30rem) {
  .verdict { padding: 0.4rem 0.5rem; }
  fieldset { padding: 0.5rem 0.6rem 0.75rem; }
  legend { padding: 0 0.2em; }
  .result { padding: 0.75rem; }
  .whatif { padding: 0.6rem 0.75rem; }
}

@media print {
  :host { font-size: 10.5pt; color: #000000; background: #ffffff; container-type: normal; line-height: 1.4; }
  .screen-only, form, .result, .toolbar, .status-line, .print-actions { display: none !important; }
  .print-view { display: block !important; max-width: none; border: 0; padding: 0; }
  .print-view h2 { font-size: 15pt; }
  .print-view h3 { font-size: 12pt; break-after: avoid; }
  .print-view table, .print-view .check, .print-view dl { break-inside: avoid; }
  .badge { border-width: 1px; }
  .verdict { border-width: 2px; padding: 0.3rem 0.6rem; font-size: 12pt; }
}
`;

let sheet = null;

/** One shared CSSStyleSheet for every instance of the element. */
export function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
