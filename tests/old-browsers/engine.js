// The core package as a portal page uses it: `init()` then `assess()` (tests/old-browsers/run.mjs
// calls window.tuopinRun with households and options and compares the reports).
import init, { assess } from "../../pkg/tuopin.js";

const ready = init().then(
  () => { document.getElementById("status").textContent = "ready"; },
  (e) => { document.getElementById("status").textContent = "error: " + (e && e.message ? e.message : String(e)); throw e; },
);

window.tuopinRun = async (cases) => {
  await ready;
  return cases.map(({ household, options }) => {
    try {
      return { report: assess(household, options) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e), problems: e && e.problems };
    }
  });
};
