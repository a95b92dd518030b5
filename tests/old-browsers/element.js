// Records what the element tells the page, for tests/old-browsers/run.mjs.
window.tuopinEvents = [];
for (const type of ["tuopin-ready", "tuopin-result", "tuopin-invalid", "tuopin-error"]) {
  document.addEventListener(type, (e) => window.tuopinEvents.push({ type, detail: e.detail }));
}
import("../../pkg/tuopin-assessment.js").catch((e) => {
  window.tuopinEvents.push({ type: "import-error", detail: { message: e && e.message ? e.message : String(e) } });
});
