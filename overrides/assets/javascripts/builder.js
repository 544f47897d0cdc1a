// The request builder's page glue. It moves the form's values to Python (running in
// a worker) and puts Python's answers into the page, always as text. Validation,
// coaching, drafting and the link format all live in the `builder` package.
//
// This file wires the components in builder/ (form values, steps, saved draft,
// checklist, previews, send step, outputs, announcements) to the Python worker client.

import { Announcer, CoachNews } from "./builder/announcer.js";
import { showChecklist } from "./builder/checklist.js";
import { el } from "./builder/dom.js";
import { notReady, showFeedback } from "./builder/feedback.js";
import { FormValues } from "./builder/form.js";
import { copyText, DOWNLOADS, downloadText, shareUrl } from "./builder/outputs.js";
import { showDrafts } from "./builder/previews.js";
import { showSend } from "./builder/send.js";
import { Steps } from "./builder/steps.js";
import { DraftStore, PREVIOUS_KEY, STORAGE_KEY } from "./builder/storage.js";
import { PythonWorker } from "./python.js";

const SAVE_DELAY_MS = 300;

class Builder {
  constructor(root) {
    this.root = root;
    this.data = JSON.parse(root.querySelector("[data-sh-builder-data]").textContent);
    this.form = root.querySelector("[data-sh-form]");
    this.notices = root.querySelector("[data-sh-notices]");
    this.fields = new FormValues(root, this.form, this.data.fields);
    this.steps = new Steps(root, this.data.steps);
    this.store = new DraftStore((text) => this.notice(text, "warning"));
    this.announcer = new Announcer(root);
    this.news = new CoachNews(this.announcer);
    this.python = new PythonWorker(root, {
      onProgress: (step, of, label) => this.setProgress(step, label),
      onReady: () => this.started(),
      onFailed: (reason) => this.failed(reason),
      onAnswer: (message, latest) => this.answered(message, latest),
    });
    this.result = null;
    this.dirty = false;
    this.touched = false;
    this.saveTimer = 0;
  }

  mount() {
    this.startWorker(); // first: Python's start-up is the long pole
    this.root.classList.add("sh-builder--enhanced");
    this.form.addEventListener("input", () => this.edited());
    this.form.addEventListener("change", () => this.edited());
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.root.addEventListener("click", (event) => this.clicked(event));
    addEventListener("pagehide", () => this.save());
    this.restore();
    this.steps.show(this.steps.fromHash(location.hash), false);
    this.fields.updateCounts();
  }

  // --- the saved draft and pre-filled links ----------------------------------

  linkState() {
    // Pre-filled links carry the answers in the query (?f=…) or, for share links,
    // in the fragment (#v=1&f=…), which the browser never sends to the server.
    for (const part of [location.search.slice(1), location.hash.slice(1)]) {
      const values = part ? this.fields.fromQuery(part) : null;
      if (values) return { query: part, values };
    }
    return null;
  }

  restore() {
    const link = this.linkState();
    const linked = link?.values;
    const own = this.store.read(STORAGE_KEY);
    if (linked) {
      this.linkQuery = link.query;
      this.fields.fill(linked);
      // A link's answers win, but the reader's own draft is kept and offered back.
      if (own?.saved && JSON.stringify(own.saved.values) !== JSON.stringify(linked)) {
        this.store.write(PREVIOUS_KEY, own.raw);
        this.offerPrevious(own.saved);
      }
      // Drop the answers from the address, so a reload shows the reader's edits;
      // anything else in it (such as `embed`) stays.
      const params = new URLSearchParams(location.search);
      for (const key of this.fields.urlKeys()) params.delete(key);
      params.delete("v");
      const rest = params.toString();
      history.replaceState(history.state, "", location.pathname + (rest ? `?${rest}` : ""));
      this.save();
    } else if (own?.saved) {
      this.fields.fill(own.saved.values);
    } else if (own && !own.saved) {
      this.notice("The draft saved in this browser could not be read, so the form starts blank.", "warning");
    }
  }

  offerPrevious(saved) {
    const note = this.notice("This page was opened from a link that fills in the form. Your own saved draft is kept.", "info");
    const use = el("button", "md-button sh-notice__action", "Use my saved draft instead");
    use.type = "button";
    use.addEventListener("click", () => {
      this.fields.fill(saved.values);
      // The button goes; focus goes to the step in view, the note says what happened.
      note.replaceChildren("Your own saved draft is back in the form.");
      this.root.querySelector("[data-sh-step]:not([hidden]) .sh-step__title").focus();
      this.edited();
    });
    note.append(" ", use);
  }

  save() {
    clearTimeout(this.saveTimer);
    const saved = { version: this.data.version, saved_at: new Date().toISOString(), values: this.fields.values() };
    this.store.write(STORAGE_KEY, JSON.stringify(saved));
  }

  // --- notices ---------------------------------------------------------------

  notice(text, kind) {
    const note = el("p", `sh-notice sh-notice--${kind}`, text);
    this.notices.append(note);
    return note;
  }

  feedback(text, from) {
    showFeedback(this.root, this.announcer, text, from);
  }

  // --- talking to Python -------------------------------------------------------

  startWorker() {
    this.failedToStart = false;
    this.root.querySelector("[data-sh-failure]").hidden = true;
    this.root.querySelector("[data-sh-loading]").hidden = false;
    this.setProgress(0, "Starting the coach…");
    this.python.start();
  }

  setProgress(step, label) {
    this.root.querySelector("[data-sh-loading-bar]").value = step;
    this.root.querySelector("[data-sh-loading-label]").textContent = label;
  }

  failed(reason) {
    this.failedToStart = true;
    this.news.failed("The coach could not start. Your answers are kept; the coaching panel has a template to copy.");
    this.root.querySelector("[data-sh-loading]").hidden = true;
    const box = this.root.querySelector("[data-sh-failure]");
    box.querySelector("[data-sh-failure-reason]").textContent =
      `${reason} (If you are offline, or your browser blocks WebAssembly, the coach cannot run.)`;
    box.hidden = false;
    this.root.querySelector("[data-sh-send-state]").textContent =
      "The coach is not running, so there are no drafts yet. The template in the panel works without it.";
  }

  edited() {
    this.touched = true;
    this.news.typing();
    this.fields.updateCounts();
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), SAVE_DELAY_MS);
    this.dirty = true;
    this.flush();
  }

  flush() {
    if (!this.python.ready || this.python.busy || !this.dirty) return;
    this.dirty = false;
    this.python.send({ type: "evaluate", values: this.fields.values() });
  }

  started() {
    this.news.ready();
    this.root.querySelector("[data-sh-loading]").hidden = true;
    this.root.dataset.shReady = "true";
    // A link's values are read by Python as well, so it can say what it had to fix,
    // unless the reader has already changed them.
    if (this.linkQuery && !this.touched) {
      this.dirty = false;
      this.python.send({ type: "open-link", query: this.linkQuery });
    } else {
      this.dirty = true;
      this.flush();
    }
  }

  answered(message, latest) {
    if (message.type === "result" && latest) {
      this.show(message.result);
    } else if (message.type === "error") {
      this.notice("Something went wrong while checking your request. Your text is safe in the form.", "warning");
    }
    this.flush();
  }

  // --- showing Python's answer -----------------------------------------------

  show(result) {
    this.result = result;
    if (result.notices?.length) {
      this.fields.fill(result.values);
      for (const notice of result.notices) this.notice(notice.text, "info");
      this.save();
    }
    this.showMessages(result.messages);
    showChecklist(this.root, result.checklist);
    this.news.checklist(result.checklist);
    showDrafts(this.root, result.drafts);
    showSend(this.root, this.data.fields, result);
    this.root.dataset.shRevision = String(this.python.seq);
  }

  showMessages(messages) {
    for (const { name } of this.data.fields) {
      const out = this.root.querySelector(`[data-sh-message="${CSS.escape(name)}"]`);
      const list = messages[name] || [];
      out.textContent = list.map((m) => m.text).join(" ");
      const error = list.some((m) => m.severity === "error");
      out.classList.toggle("sh-field__message--error", error);
      const item = this.fields.item(name);
      if (item && !(item instanceof RadioNodeList)) {
        if (error) item.setAttribute("aria-invalid", "true");
        else item.removeAttribute("aria-invalid");
      }
    }
  }

  // --- buttons ---------------------------------------------------------------

  clicked(event) {
    const target = event.target.closest("a, button");
    if (!target || !this.root.contains(target)) return;
    const data = target.dataset;
    if (data.shGoto) {
      event.preventDefault();
      this.steps.show(data.shGoto);
    } else if (data.shField) {
      event.preventDefault();
      if (this.steps.showField(this.form, data.shField)) this.fields.focus(data.shField);
    } else if (data.shCopy) {
      this.copy(data.shCopy, target);
    } else if ("shMailto" in data && target.getAttribute("aria-disabled") === "true") {
      event.preventDefault();
      this.feedback(notReady("The message is not ready yet", this.failedToStart), target);
    } else if (data.shDownload) {
      this.download(data.shDownload, target);
    } else if ("shShare" in data) {
      this.share(target);
    } else if ("shRetry" in data) {
      this.startWorker();
      // "Try again" hides with its panel: focus goes to the panel's title, above the progress.
      this.root.querySelector("[data-sh-live-title]").focus();
    } else if ("shReset" in data) {
      this.root.querySelector("[data-sh-reset-dialog]").showModal();
    } else if ("shResetCancel" in data) {
      this.root.querySelector("[data-sh-reset-dialog]").close();
    } else if ("shResetConfirm" in data) {
      this.reset();
    }
  }

  draftText(name) {
    if (name === "fallback") return this.root.querySelector("[data-sh-fallback]").textContent;
    const drafts = this.result?.drafts;
    if (!drafts) return null;
    const draft = drafts[name === "primary" ? this.result.primary : name];
    if (!draft) return null;
    return draft.subject ? `Subject: ${draft.subject}\n\n${draft.text}` : draft.text;
  }

  async copy(name, from) {
    const text = this.draftText(name);
    if (text === null) {
      this.feedback(notReady("There is nothing to copy yet", this.failedToStart), from);
      return;
    }
    try {
      await copyText(text);
      this.feedback("Copied. Paste it wherever you write to your mentor.", from);
    } catch (error) {
      this.feedback("Your browser did not allow copying. Select the text in the preview and copy it by hand.", from);
    }
  }

  download(format, from) {
    const text = this.result?.downloads?.[format];
    const kind = DOWNLOADS[format];
    if (!text || !kind) {
      this.feedback(notReady("There is nothing to download yet", this.failedToStart), from);
      return;
    }
    this.feedback(`Downloaded ${downloadText(text, kind.fileName, kind.type)}.`, from);
  }

  async share(from) {
    if (!this.result) {
      this.feedback(notReady("The link is not ready yet", this.failedToStart), from);
      return;
    }
    const href = shareUrl(this.result.query);
    try {
      await copyText(href);
      this.feedback("Copied a link that fills in this form. Anyone who opens it sees your answers.", from);
    } catch (error) {
      this.feedback(`Your browser did not allow copying. The link is: ${href}`, from);
    }
  }

  reset() {
    clearTimeout(this.saveTimer);
    this.root.querySelector("[data-sh-reset-dialog]").close();
    this.form.reset();
    this.store.remove(STORAGE_KEY, PREVIOUS_KEY);
    this.notices.replaceChildren();
    this.steps.show(this.data.steps[0]);
    this.fields.updateCounts();
    // Said where it is seen: the notices above the form, scrolled into view above the
    // first step's heading, which has focus.
    this.notice("Cleared. The form is blank again.", "info").scrollIntoView({ block: "nearest" });
    this.news.quiet();
    this.touched = false;
    this.dirty = true;
    this.flush();
  }
}

function mount() {
  for (const root of document.querySelectorAll("[data-sh-builder]:not([data-sh-mounted])")) {
    root.dataset.shMounted = "true";
    new Builder(root).mount();
  }
}

// This module runs as soon as it has loaded (async), often before Material's bundle
// has defined document$; mount() skips a builder that is already mounted.
mount();
if (window.document$) window.document$.subscribe(mount);
