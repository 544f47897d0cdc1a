// The request builder's page glue. It moves the form's values to Python (running in
// a worker) and puts Python's answers into the page, always as text. Validation,
// coaching, drafting and the link format all live in the `builder` package.
//
// This file wires the components in builder/ (form values, steps, saved draft, start
// values, checklist, editable drafts, send step, outputs, announcements, and after the
// ask: the kept requests, replies, meeting log and calendar) to the Python worker client.

import { Announcer, CoachNews } from "./builder/announcer.js";
import { Arrangement, warmUpZone } from "./builder/arrangement.js";
import { clicked } from "./builder/buttons.js";
import { showChecklist } from "./builder/checklist.js";
import { clearStatus, keepFocusInView, showFocusWhole } from "./builder/dom.js";
import { EditLoop } from "./builder/loop.js";
import { DraftPanes } from "./builder/drafts.js";
import { notReady, showFeedback } from "./builder/feedback.js";
import { FormValues } from "./builder/form.js";
import { AskInPerson } from "./builder/in-person.js";
import { Notices } from "./builder/notices.js";
import { Outputs } from "./builder/outputs.js";
import { showSend } from "./builder/send.js";
import { restoreForm } from "./builder/opening.js";
import { readLink } from "./builder/start.js";
import { ReviewDraft } from "./builder/review-draft.js";
import { StartStatus } from "./builder/status.js";
import { Steps } from "./builder/steps.js";
import { DraftStore, PREVIOUS_KEY, STORAGE_KEY } from "./builder/storage.js";
import { PythonWorker } from "./python.js";
import { t } from "./texts.js";


class Builder {
  constructor(root) {
    this.root = root;
    this.data = JSON.parse(root.querySelector("[data-sh-builder-data]").textContent);
    this.form = root.querySelector("[data-sh-form]");
    this.notices = new Notices(root);
    this.status = new StartStatus(root);
    this.fields = new FormValues(root, this.form, this.data.fields);
    this.reviewDraft = new ReviewDraft(root);
    this.steps = new Steps(root, this.data.steps, (step) => this.reviewDraft.update({ step }));
    this.store = new DraftStore((text) => this.notices.add(text, "warning"));
    this.announcer = new Announcer(root);
    this.news = new CoachNews(this.announcer);
    this.python = new PythonWorker(root, {
      onProgress: (step, of, label) => this.status.progress(step, label),
      onReady: () => this.started(),
      onFailed: (reason) => this.failed(reason),
      onAnswer: (message, latest) => this.answered(message, latest),
    });
    this.drafts = new DraftPanes(root, () => this.draftEdited());
    this.inPerson = new AskInPerson(root, this.drafts);
    this.outputs = new Outputs({
      root,
      drafts: this.drafts,
      result: () => this.result,
      attempt: () => this.attempt(),
      say: (text, from) => showFeedback(root, this.announcer, text, from),
      notReady: (what) => notReady(what, this.failedToStart),
    });
    this.arrangement = new Arrangement({
      root,
      python: this.python,
      store: this.store,
      fields: this.fields,
      drafts: this.drafts,
      changed: () => this.changed(),
      save: () => this.save(),
      reopened: (saved, step) => this.reopened(saved, step),
      announce: (text) => this.announcer.say(text),
      notice: (key, text, kind) => this.notices.set(key, text, kind),
    });
    this.loop = new EditLoop(this.python, {
      message: () => ({ type: "evaluate", ...this.state() }),
      save: () => this.save(),
    });
    this.result = null;
    this.touched = false; // any edit at all since the page loaded
  }

  mount() {
    this.startWorker(); // first: Python's start-up is the long pole
    this.root.classList.add("sh-builder--enhanced");
    this.form.addEventListener("input", (event) => this.edited(event));
    this.form.addEventListener("change", (event) => this.edited(event));
    this.form.addEventListener("focusout", (event) => this.loop.left(event.target?.name));
    this.form.addEventListener("submit", (event) => event.preventDefault());
    showFocusWhole(this.root);
    this.root.addEventListener("click", (event) => clicked(this, event));
    addEventListener("pagehide", () => this.save());
    // A link pasted into the address bar of this page changes only its fragment: read it
    // as a link opened fresh (the same keep-or-offer-back rules), by opening it fresh.
    addEventListener("hashchange", () => {
      if (!readLink(this.fields)) return;
      this.save();
      history.scrollRestoration = "manual"; // opened fresh: at the top, where its notices are
      location.reload();
    });
    this.restore();
    // Back to the browser's own scroll restoring once this load has not used it.
    if (history.scrollRestoration === "manual") {
      addEventListener("load", () => setTimeout(() => { history.scrollRestoration = "auto"; }), { once: true });
    }
    this.steps.show(this.steps.fromHash(location.hash), false);
    this.fields.updateCounts();
    warmUpZone();
  }

  // --- the saved draft and pre-filled links ----------------------------------

  restore() {
    const { link } = restoreForm(this);
    this.linkQuery = link?.query;
  }

  // Another request in the form (switched, new, imported, changed in another tab, or the
  // saved one offered back). What the buttons said was about the one before: it goes. A
  // new request starts at the `step` it needs first.
  reopened(saved, step = "") {
    this.fields.fill({ ...this.fieldDefaults(), ...(saved?.values ?? {}) });
    this.drafts.clear();
    this.drafts.restore(saved?.edits);
    this.arrangement.fillAfter(saved?.after);
    this.loop.forget();
    clearStatus(this.root);
    if (step) this.steps.show(step);
    this.edited();
  }

  fieldDefaults() {
    return Object.fromEntries(this.data.fields.map((field) => [field.name, field.default]));
  }

  save() {
    this.loop.cancelSave();
    this.arrangement.save(this.fields.values(), this.drafts.saved());
  }

  // --- talking to Python -------------------------------------------------------

  startWorker() {
    this.failedToStart = false;
    this.status.starting();
    this.python.start();
  }

  failed(reason) {
    this.failedToStart = true;
    this.news.failed(t("The coach could not start. Your answers are kept; the coaching panel has a template to copy."));
    this.status.failed(reason);
  }

  edited(event) {
    this.touched = true;
    this.news.typing();
    this.fields.updateCounts();
    this.loop.edited(event?.target?.name);
  }

  draftEdited() {
    this.touched = true;
    this.changed();
  }

  changed() {
    this.loop.changed();
  }

  // What Python needs besides the values: which messages to show, the reader's edits.
  state() {
    return {
      values: this.fields.values(),
      touched: [...this.loop.touched],
      attempted: this.loop.attempted,
      edits: this.drafts.asked(),
      ...this.arrangement.state(),
    };
  }

  async started() {
    this.news.ready();
    // Python reads the kept requests first, migrating older drafts into them; the page
    // says it is ready (data-sh-ready) once they are in place.
    const opened = await this.arrangement.opened().catch(() => null);
    this.status.ready();
    if (opened) this.root.dataset.shOpened = "true"; // the kept requests are in place
    for (const text of opened?.notices ?? []) this.notices.add(text, "warning");
    this.save(); // what was typed while it read them goes into the document
    // A link's values are read by Python as well, so it can say what it had to fix,
    // unless the reader has already changed them.
    if (this.linkQuery && !this.touched) {
      this.loop.send({ type: "open-link", query: this.linkQuery, ...this.state() });
    } else {
      this.loop.ask();
    }
  }

  answered(message, latest) {
    if (message.type === "result" && latest) {
      this.show(message.result);
    } else if (message.type === "error") {
      this.notices.add(t("Something went wrong while checking your request. Your text is safe in the form."), "warning");
    }
    this.loop.flush();
  }

  // --- showing Python's answer -----------------------------------------------

  show(result) {
    if (result.failed) {
      // The builder itself hit a bug: say so once, keep the last good drafts.
      if (!this.failedOnce) {
        this.failedOnce = true;
        this.notices.add(t("Something went wrong while checking your request. Your text is safe in the form."), "warning");
      }
      return;
    }
    this.result = result;
    if (result.notices?.length) {
      this.fields.fill(result.values);
      for (const notice of result.notices) this.notices.add(notice.text, "info");
      this.save();
    }
    this.fields.showMessages(result.messages);
    this.fields.placeholder("mentor_call", result.call_name);
    showChecklist(this.root, result.checklist);
    this.news.checklist(result.checklist);
    this.drafts.show(result.drafts, result.edits);
    this.reviewDraft.update({ primary: result.primary });
    this.inPerson.show(result.primary);
    showSend(this.root, this.data.fields, result, this.loop.attempted, this.inPerson.spoken);
    this.arrangement.show(result);
    keepFocusInView();
    this.root.dataset.shRevision = String(this.python.seq);
  }

  attempt() {
    this.loop.attempt();
  }

  reset() {
    this.loop.cancelSave();
    this.root.querySelector("[data-sh-reset-dialog]").close();
    this.form.reset();
    this.drafts.clear();
    this.store.remove(STORAGE_KEY, PREVIOUS_KEY);
    this.notices.clear();
    this.steps.show(this.data.steps[0]);
    this.fields.updateCounts();
    this.arrangement.fillAfter({});
    this.save(); // this request, blank; the others are kept
    // Said where it is seen: the notices above the form, scrolled into view above the
    // first step's heading, which has focus and wins when both do not fit (a phone, with
    // the list of requests between them).
    this.notices.add(t("Cleared. The form is blank again."), "info").scrollIntoView({ block: "nearest" });
    const title = this.root.querySelector(`#step-${this.data.steps[0]}-title`);
    if (title.getBoundingClientRect().bottom > innerHeight) title.scrollIntoView({ block: "nearest" });
    this.news.quiet();
    this.touched = false;
    this.loop.forget();
    this.loop.ask();
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
