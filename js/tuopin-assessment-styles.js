// The element's style sheet. It is a constructable stylesheet (adoptedStyleSheets), which a strict
// Content-Security-Policy without 'unsafe-inline' allows, and which needs no network request.
//
// Theming: every colour, the font and the sizes are CSS custom properties (--tuopin-*), set on the
// host page; parts are exposed with ::part (form, field, input, button, result, verdict, check,
// error-summary, print, ...). theme="high-contrast" on the element, or the user's
// prefers-contrast: more / forced-colors settings, switch to the high-contrast palette.

export const CSS = String.raw`
:host {
  all: initial;
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
  --_radius: var(--tuopin-radius, 0.375em);
  --_font: var(--tuopin-font, system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Segoe UI", Roboto, Arial, sans-serif);
  display: block;
  background: var(--_bg);
  container-type: inline-size;
  /* Inherited properties do cross the shadow boundary: a portal's *{font-size:12px;line-height:1},
     html{font-size:62.5%} or body{text-align:center;letter-spacing:2px;white-space:nowrap} would
     reach every label. Important declarations of the shadow tree win over the page's (CSS Scoping,
     cascade by context), so these hold whatever the page says; theming goes through --tuopin-*.
     The size starts from "medium", the reader's own default text size (never the page's rem), so
     a larger text setting still enlarges the form. */
  font-family: var(--_font) !important;
  font-size: var(--tuopin-font-size, medium) !important;
  font-style: normal !important;
  font-weight: 400 !important;
  font-variant: normal !important;
  font-stretch: normal !important;
  line-height: 1.6 !important;
  letter-spacing: normal !important;
  word-spacing: normal !important;
  text-align: start !important;
  text-indent: 0 !important;
  text-transform: none !important;
  text-shadow: none !important;
  white-space: normal !important;
  word-break: normal !important;
  overflow-wrap: anywhere !important;
  font-kerning: auto !important;
  hyphens: manual !important;
  tab-size: 8 !important;
  cursor: auto !important;
  visibility: visible;
  color: var(--_fg) !important;
  list-style: disc outside none !important;
  quotes: auto !important;
  caret-color: auto !important;
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
.wrap { display: grid; gap: 1em; font-size: 1em; }
@container (min-width: 64em) {
  .wrap.has-result { grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr); align-items: start; }
  .wrap.has-result .result { position: sticky; top: 0.5em; max-height: calc(100vh - 1em); overflow: auto; }
}
.main { display: grid; gap: 1em; min-width: 0; }
.result h2 { scroll-margin-top: 0.75em; }
.toolbar { display: flex; flex-wrap: wrap; gap: 0.5em 0.75em; align-items: center; }
.status-line { color: var(--_muted); font-size: 0.9em; margin: 0; }
.note { color: var(--_muted); font-size: 0.9em; }

button, .button {
  font: inherit; font-size: 1em; line-height: 1.3;
  min-height: 2.75em; min-width: 2.75em; padding: 0.45em 1em;
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

form { display: grid; gap: 0.9em; }
fieldset {
  margin: 0; padding: 0.75em 1em 1em; min-width: 0;
  border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_bg);
}
legend { font-weight: 700; font-size: 1.15em; padding: 0 0.35em; }
fieldset fieldset legend { font-size: 1em; }
.section-hint { color: var(--_muted); font-size: 0.9em; margin: 0 0 0.75em; }
/* Phone first: two fields a row on a 360 px phone, more on wider hosts (issue 10 §2). */
.grid { display: grid; gap: 0.6em 0.75em; grid-template-columns: repeat(auto-fill, minmax(min(100%, 7.2em), 1fr)); }
@container (min-width: 40em) {
  .grid { gap: 0.75em 1em; grid-template-columns: repeat(auto-fill, minmax(min(100%, 13em), 1fr)); }
}
.field > input, .field > select { margin-top: auto; }
details.member-card, details.section-details {
  border: 2px solid var(--_border); border-radius: var(--_radius); background: var(--_bg);
}
details.section-details { border-width: 1px; }
details.member-card > summary, details.section-details > summary { padding: 0.35em 0.75em; }
details.member-card > summary { display: block; }
details.member-card > fieldset, details.section-details > fieldset { border: 0; padding-top: 0; }
.member-title { font-weight: 700; }
.member-brief { font-weight: 400; }
.members-list { display: grid; gap: 0.6em; }
.id-status.id-bad { color: var(--_fail); font-weight: 700; }
.engine-alert { border: 4px solid var(--_fail); border-radius: var(--_radius); padding: 0.75em 1em; background: var(--_fail-bg); color: var(--_fg); }
.engine-alert:focus { outline: 3px solid var(--_focus); }
.engine-alert-title { font-weight: 700; color: var(--_fail); }
.engine-alert details { margin: 0.5em 0; }
.line-prompt { border: 3px solid var(--_accent); background: var(--_surface); }
.line-prompt > p { max-width: 40em; }
.line-in-use p { margin: 0; }
.field { display: flex; flex-direction: column; gap: 0.2em; min-width: 0; }
.field.wide { grid-column: 1 / -1; }
.field[data-field="asOf"] > input { max-width: 12em; }
label, .label { font-weight: 600; }
.req { font-weight: 700; color: var(--_fail); }
.hint { color: var(--_muted); font-size: 0.85em; }
.hint.empty { display: none; }
@container (min-width: 34em) {
  .grid > .field:not(.wide) > .hint.empty { display: block; min-height: 1.6em; }
}
input[type="text"], input[type="number"], select {
  font: inherit; font-size: 1em; width: 100%; min-height: 2.75em; padding: 0.35em 0.5em;
  color: var(--_fg); background: var(--_bg);
  border: 2px solid var(--_border); border-radius: var(--_radius);
}
input[aria-invalid="true"], select[aria-invalid="true"] { border-color: var(--_fail); border-width: 3px; }
input[type="checkbox"] { width: 1.4em; height: 1.4em; margin: 0.15em 0 0; flex: none; accent-color: var(--_accent); }
.check-row { display: flex; gap: 0.5em; align-items: flex-start; font-weight: 400; }
.check-list { display: grid; gap: 0.25em 1em; grid-template-columns: repeat(auto-fill, minmax(min(100%, 8em), 1fr)); }
.field-warning {
  color: var(--_unknown); background: var(--_unknown-bg); font-weight: 600; margin: 0.15em 0 0;
  border-inline-start: 4px solid var(--_unknown); padding: 0.1em 0.5em;
}
.error {
  color: var(--_fail); font-weight: 700; margin: 0.15em 0 0;
  border-inline-start: 4px solid var(--_fail); padding-inline-start: 0.5em;
}
.member-actions { display: flex; justify-content: flex-end; margin-top: 0.75em; }
.members-list + .actions { margin-top: 1em; }
.wrap.print-mode { display: block; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75em; align-items: center; }

.error-summary {
  border: 4px solid var(--_fail); border-radius: var(--_radius); padding: 1em; background: var(--_bg);
}
.error-summary:focus { outline: 3px solid var(--_focus); }
.error-summary h3 { color: var(--_fail); }
.error-summary li { margin-bottom: 0.35em; }

.result { border: 2px solid var(--_border); border-radius: var(--_radius); padding: 1em; background: var(--_bg); }
.result section { margin-top: 1.25em; }
.stale { border: 3px dashed var(--_unknown); padding: 0.5em 0.75em; font-weight: 700; }
.verdict {
  display: block; padding: 0.6em 0.9em; margin: 0 0 0.75em;
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
dl.facts { display: grid; grid-template-columns: fit-content(45%) minmax(0, 1fr); gap: 0.25em 1em; margin: 0 0 0.75em; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
@container (max-width: 20em) {
  dl.facts { grid-template-columns: minmax(0, 1fr); }
  dl.facts dd { margin-bottom: 0.4em; }
}
.checks { list-style: none; padding: 0; display: grid; gap: 0.75em; }
.check { border: 1px solid var(--_border); border-inline-start-width: 6px; border-radius: var(--_radius); padding: 0.6em 0.8em; }
.check.tone-pass, .check.tone-fail, .check.tone-unknown, .check.tone-na { background: var(--_bg); }
.check.tone-pass { border-inline-start-color: var(--_pass); }
.check.tone-fail { border-inline-start-color: var(--_fail); }
.check.tone-unknown { border-inline-start-color: var(--_unknown); }
.check-head { display: flex; flex-wrap: wrap; gap: 0.25em 0.75em; align-items: center; }
.check-head h4 { margin: 0; color: var(--_fg); }
.check p, .check ul { color: var(--_fg); }
.check .meta { color: var(--_muted); font-size: 0.85em; margin: 0.25em 0 0; }
.check ul { margin: 0.25em 0 0; }
.whatif { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.75em 1em; background: var(--_surface); }
.whatif input[type="range"] { width: 100%; min-height: 2.75em; accent-color: var(--_accent); }
.whatif .row { display: grid; gap: 0.5em 1em; grid-template-columns: repeat(auto-fit, minmax(min(100%, 12em), 1fr)); align-items: end; }
.whatif output { display: block; font-weight: 600; margin-top: 0.5em; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border: 1px solid var(--_border); padding: 0.3em 0.5em; text-align: start; vertical-align: top; }
th { background: var(--_surface); }
details > summary { cursor: pointer; font-weight: 700; min-height: 2.75em; display: flex; align-items: center; list-style: none; }
details > summary::-webkit-details-marker { display: none; }
details > summary::before { content: "▸"; display: inline-block; width: 1.2em; flex: none; }
details[open] > summary::before { content: "▾"; }
.table-scroll { overflow-x: auto; max-width: 100%; }

.print-view { max-width: 210mm; margin: 0 auto; padding: 1em; background: #ffffff; color: #000000; border: 1px solid #999999; }
.print-view h2 { font-size: 1.35em; }
.print-view h3 { font-size: 1.1em; margin-top: 0.9em; }
.print-view table { font-size: 0.85em; }
.print-view th { background: #eeeeee; color: #000000; }
.print-view th, .print-view td { border-color: #666666; }
.print-view .checks { gap: 0.3em; }
.print-view .check { padding: 0.3em 0.5em; border-color: #666666; break-inside: avoid; }
.print-view .check p, .print-view .check ul { color: #000000; }
.print-view .check .meta { color: #333333; }
.print-view .print-actions { display: flex; flex-wrap: wrap; gap: 0.75em; margin-bottom: 1em; }
.print-view button { color: #0b4f8a; border-color: #0b4f8a; background: #ffffff; }
.print-view button.primary { color: #ffffff; background: #0b4f8a; }
.print-view .tone-pass { color: #17622c; background: #ffffff; }
.print-view .tone-fail { color: #9b1c1f; background: #ffffff; }
.print-view .tone-unknown { color: #6e4500; background: #ffffff; }
.print-view .tone-na { color: #333333; background: #ffffff; }
.print-view .note { color: #333333; }
.signoff { display: flex; flex-wrap: wrap; gap: 0.5em 2em; margin-top: 1.5em; }
.signoff p { margin: 0; }
.signoff .blank { display: inline-block; min-width: 8em; border-bottom: 1px solid #000000; margin-inline-start: 0.5em; height: 1.2em; vertical-align: bottom; }

/* Narrow hosts (phones, or large text): less padding, so text keeps its width. */
@container (max-width: 30em) {
  .verdict { padding: 0.4em 0.5em; }
  fieldset { padding: 0.5em 0.6em 0.75em; }
  legend { padding: 0 0.2em; }
  .result { padding: 0.75em; }
  .whatif { padding: 0.6em 0.75em; }
}

@media print {
  :host { font-size: 10.5pt !important; color: #000000 !important; background: #ffffff; container-type: normal; line-height: 1.4 !important; }
  .wrap { font-size: 1em; }
  .screen-only, form, .result, .toolbar, .status-line, .print-actions { display: none !important; }
  .print-view { display: block !important; max-width: none; border: 0; padding: 0; }
  .print-view h2 { font-size: 15pt; }
  .print-view h3 { font-size: 12pt; break-after: avoid; }
  .print-view table, .print-view .check, .print-view dl { break-inside: avoid; }
  .badge { border-width: 1px; }
  .verdict { border-width: 2px; padding: 0.3em 0.6em; font-size: 12pt; }
}
`;

let sheet = null;

/**
 * Gives a shadow root the element's styles: one shared constructable stylesheet where the browser
 * has them (no 'unsafe-inline' needed), else a <style> element (older engines; a strict style-src
 * there needs 'unsafe-inline' or the style's hash).
 */
export function adoptStyles(root) {
  try {
    if (!sheet) {
      const s = new CSSStyleSheet();
      s.replaceSync(CSS);
      sheet = s;
    }
    if (!("adoptedStyleSheets" in root)) throw new Error("no adoptedStyleSheets");
    root.adoptedStyleSheets = [sheet];
    return "constructed";
  } catch {
    const style = document.createElement("style");
    style.textContent = CSS;
    root.appendChild(style);
    return "style";
  }
}
