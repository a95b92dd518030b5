// The browser floor as a lint (issue 11 §3): the JavaScript we ship (js/, the element) and serve
// (www/, the demo site and its Worker) uses only what Chromium 80 and Firefox ESR 91 have.
//
//   npx eslint -c tests/old-browsers/eslint.config.mjs js www
//
// * Syntax: parsed as ES2020, so `??=`, `||=`, `&&=`, class fields, top-level await and the like
//   (ES2021+) are parse errors.
// * Web and ES APIs: eslint-plugin-compat with the browserslist `chrome >= 80, firefox >= 91`
//   (MDN compatibility data; it sees globals and `new X`, e.g. structuredClone, Object.hasOwn).
// * Methods on arbitrary objects cannot be typed by a linter, so the ones known to be missing in
//   that range are listed by name (no-restricted-properties), each with the first version that
//   has it. (adoptedStyleSheets, Firefox 101, is left out: used behind a feature test with a
//   <style> fallback it is fine; the Firefox check in tests/old-browsers/ sees the result.)
import compat from "eslint-plugin-compat";

const BROWSERS = ["chrome >= 80", "firefox >= 91"];

/** [property, first Chromium / Firefox with it, what to use instead]. */
const MISSING_METHODS = [
  ["replaceChildren", "Chromium 86", "remove the children, then append (or textContent = '')"],
  ["replaceAll", "Chromium 85", "replace() with a global RegExp"],
  ["at", "Chromium 92, Firefox 90", "index with [i] / [length - 1]"],
  ["findLast", "Chromium 97, Firefox 104", "a loop from the end"],
  ["findLastIndex", "Chromium 97, Firefox 104", "a loop from the end"],
  ["hasOwn", "Chromium 93, Firefox 92", "Object.prototype.hasOwnProperty.call"],
  ["toSorted", "Chromium 110, Firefox 115", "slice().sort()"],
  ["toReversed", "Chromium 110, Firefox 115", "slice().reverse()"],
  ["groupBy", "Chromium 117, Firefox 119", "a loop"],
  ["showPicker", "Chromium 99, Firefox 101", "let the user open the control"],
];

export default [
  {
    files: ["js/**/*.js", "www/**/*.js"],
    languageOptions: { ecmaVersion: 2020, sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "off" },
    plugins: { compat },
    settings: { browsers: BROWSERS, lintAllEsApis: true },
    rules: {
      "compat/compat": "error",
      "no-restricted-properties": [
        "error",
        ...MISSING_METHODS.map(([property, since, instead]) => ({
          property,
          message: `not in the browser floor (Chromium 80 / Firefox ESR 91): ${property} needs ${since}; use ${instead}.`,
        })),
      ],
      "no-restricted-globals": [
        "error",
        { name: "structuredClone", message: "not in the browser floor: needs Chromium 98 / Firefox 94." },
      ],
    },
  },
];
