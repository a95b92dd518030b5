// <tuopin-assessment>: the engine status line and, when the engine cannot load, the role="alert"
// message that says why and what the site owner must do (issue 11 §2); submit is disabled then.
//
// Methods mixed into the element class (this is the element); see tuopin-assessment.js.

import { h, setChildren } from "./tuopin-assessment-dom.js";
import { loadEngine, failureKind, FAILURE_TEXT } from "./tuopin-assessment-loader.js";

export const EngineStatusMethods = {
  _startEngine() {
    loadEngine()
      .then((v) => {
        this._engine = "ready";
        this._version = v;
        this._renderEngineStatus();
        this._emit("tuopin-ready", { version: v });
      })
      .catch((e) => this._engineFailed(e));
  },

  _engineFailed(e) {
    const already = this._engine === "failed";
    this._engine = "failed";
    this._engineError = e instanceof Error ? e.message : String(e);
    this._engineFailure = failureKind(e);
    this._renderEngineStatus();
    if (!already) this._emit("tuopin-error", { message: this._engineError, kind: this._engineFailure });
  },

  _renderEngineStatus() {
    if (!this._engineLine) return;
    const submit = this._form ? this._form.querySelector("button[type=submit]") : null;
    if (submit) submit.disabled = this._engine === "failed";
    // Once ready, the status line is for assistive technology only (a phone screen has no room to spare).
    this._engineLine.classList.toggle("visually-hidden", this._engine === "ready");
    if (this._engine === "ready") {
      const v = this._version;
      this._engineLine.textContent = `${this._t("engineReady")}${v && v.crate ? this._paren(`tuopin ${v.crate}`) : ""}`;
      this._engineAlert.hidden = true;
    } else if (this._engine === "failed") {
      // A visible, announced explanation, in the element's language and the other one (the site
      // owner who reads it may not read the page's language), with what to change.
      this._engineLine.textContent = this._t("engineFailed");
      const kind = this._engineFailure || "other";
      const block = (lang) => {
        const t = FAILURE_TEXT[lang];
        const [what, todo] = t[kind];
        return h("div", { lang, class: "engine-alert-lang" },
          h("p", { class: "engine-alert-title", text: t.title }),
          h("p", { text: what }),
          h("p", { text: todo }));
      };
      const other = this._lang === "en" ? "zh-CN" : "en";
      setChildren(this._engineAlert,
        block(this._lang),
        h("details", null, h("summary", { lang: other, text: other === "en" ? "In English" : "中文说明" }), block(other)),
        h("p", { class: "note", text: `${FAILURE_TEXT[this._lang].detail}${this._engineError || ""}` }));
      this._engineAlert.hidden = false;
    } else {
      this._engineLine.textContent = this._t("loading");
      this._engineAlert.hidden = true;
    }
  },

  _focusEngineAlert() {
    if (!this._engineAlert || this._engineAlert.hidden) return;
    this._engineAlert.focus();
    this._engineAlert.scrollIntoView?.({ block: "start" });
  },
};
