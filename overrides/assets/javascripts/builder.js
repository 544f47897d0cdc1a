// The request builder's page glue. It moves the form's values to Python (running in
// a worker) and puts Python's answers into the page, always as text. Validation,
// coaching, drafting and the link format all live in the `builder` package.
//
// This file wires the components in builder/ (form values, steps, saved draft, start
// values, checklist, editable drafts, send step, outputs) to the Python worker client.

import { showChecklist } from "./builder/checklist.js";
import { DraftPanes } from "./builder/drafts.js";
import { FormValues } from "./builder/form.js";
import { Notices } from "./builder/notices.js";
import { Outputs } from "./builder/outputs.js";
import { showSend } from "./builder/send.js";
import { OFFER_TEXT, startValues } from "./builder/start.js";
import { StartStatus } from "./builder/status.js";
import { Steps } from "./builder/steps.js";
import { DraftStore, PREVIOUS_KEY, STORAGE_KEY } from "./builder/storage.js";
import { PythonWorker } from "./python.js";

const SAVE_DELAY_MS = 300;

class Builder {
  constructor(root) {
    this.root = root;
    this.data = JSON.parse(root.querySelector("[data-sh-builder-data]").textContent);
    this.form = root.querySelector("[data-sh-form]");
    this.notices = new Notices(root);
    this.status = new StartStatus(root);
    this.fields = new FormValues(root, this.form, this.data.fields);
    this.steps = new Steps(root, this.data.steps);
    this.store = new DraftStore((text) => this.notices.add(text, "warning"));
    this.python = new PythonWorker(root, {
      onProgress: (step, of, label) => this.status.progress(step, label),
      onReady: () => this.started(),
      onFailed: (reason) => this.status.failed(reason),
      onAnswer: (message, latest) => this.answered(message, latest),
    });
    this.drafts = new DraftPanes(root, () => this.draftEdited());
    this.outputs = new Outputs({
      root,
      notices: this.notices,
      drafts: this.drafts,
      result: () => this.result,
      attempt: () => this.attempt(),
    });
    this.result = null;
    this.dirty = false;
    this.touched = false; // any edit at all since the page loaded
    this.touchedFields = new Set(); // fields typed in or left: their messages show
    this.attempted = false; // tried to send: every message shows
    this.saveTimer = 0;
  }

  mount() {
    this.startWorker(); // first: Python's start-up is the long pole
    this.root.classList.add("sh-builder--enhanced");
    this.form.addEventListener("input", (event) => this.edited(event));
    this.form.addEventListener("change", (event) => this.edited(event));
    this.form.addEventListener("focusout", (event) => this.left(event));
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
    const own = this.store.read(STORAGE_KEY);
    const start = startValues({
      linked: link?.values ?? null,
      typed: { values: this.fields.values(), changed: this.fields.changed() },
      saved: own?.saved ?? null,
    });
    if (start.values) this.fields.fill(start.values);
    if (start.edits) this.drafts.restore(start.edits);
    if (start.offer) {
      // The reader's own draft is kept and offered back, never dropped.
      this.store.write(PREVIOUS_KEY, own.raw);
      this.offerPrevious(own.saved, OFFER_TEXT[start.offer]);
    }
    if (link) {
      this.linkQuery = link.query;
      // Drop the answers from the address, so a reload shows the reader's edits;
      // anything else in it (such as `embed`) stays.
      const params = new URLSearchParams(location.search);
      for (const key of this.fields.urlKeys()) params.delete(key);
      params.delete("v");
      const rest = params.toString();
      history.replaceState(history.state, "", location.pathname + (rest ? `?${rest}` : ""));
    }
    if (link || start.offer) this.save();
    if (own && !own.saved) {
      this.notices.add("The draft saved in this browser could not be read, so the form starts blank.", "warning");
    }
  }

  offerPrevious(saved, text) {
    this.notices.offer(text, "Use my saved draft instead", () => {
      this.fields.fill(saved.values);
      this.drafts.clear();
      this.drafts.restore(saved.edits);
      this.edited();
    });
  }

  save() {
    clearTimeout(this.saveTimer);
    const saved = {
      version: this.data.version,
      saved_at: new Date().toISOString(),
      values: this.fields.values(),
      edits: this.drafts.saved(),
    };
    this.store.write(STORAGE_KEY, JSON.stringify(saved));
  }

  // --- talking to Python -------------------------------------------------------

  startWorker() {
    this.status.starting();
    this.python.start();
  }

  edited(event) {
    const name = event?.target?.name;
    if (name) this.touchedFields.add(name);
    this.touched = true;
    this.fields.updateCounts();
    this.changed();
  }

  // Leaving a field counts as touching it: its messages show from then on.
  left(event) {
    const name = event.target?.name;
    if (!name || this.touchedFields.has(name)) return;
    this.touchedFields.add(name);
    this.dirty = true;
    this.flush();
  }

  draftEdited() {
    this.touched = true;
    this.changed();
  }

  changed() {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), SAVE_DELAY_MS);
    this.dirty = true;
    this.flush();
  }

  flush() {
    if (!this.python.ready || this.python.busy || !this.dirty) return;
    this.dirty = false;
    this.python.send({ type: "evaluate", ...this.state() });
  }

  // What Python needs besides the values: which messages to show, the reader's edits.
  state() {
    return {
      values: this.fields.values(),
      touched: [...this.touchedFields],
      attempted: this.attempted,
      edits: this.drafts.saved(),
    };
  }

  started() {
    this.status.ready();
    // A link's values are read by Python as well, so it can say what it had to fix,
    // unless the reader has already changed them.
    if (this.linkQuery && !this.touched) {
      this.dirty = false;
      this.python.send({ type: "open-link", query: this.linkQuery, ...this.state() });
    } else {
      this.dirty = true;
      this.flush();
    }
  }

  answered(message, latest) {
    if (message.type === "result" && latest) {
      this.show(message.result);
    } else if (message.type === "error") {
      this.notices.add("Something went wrong while checking your request. Your text is safe in the form.", "warning");
    }
    this.flush();
  }

  // --- showing Python's answer -----------------------------------------------

  show(result) {
    if (result.failed) {
      // The builder itself hit a bug: say so once, keep the last good drafts.
      if (!this.failedOnce) {
        this.failedOnce = true;
        this.notices.add("Something went wrong while checking your request. Your text is safe in the form.", "warning");
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
    showChecklist(this.root, result.checklist);
    this.drafts.show(result.drafts, result.edits);
    showSend(this.root, this.data.fields, result, this.attempted);
    this.root.dataset.shRevision = String(this.python.seq);
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
      this.outputs.copy(data.shCopy);
    } else if ("shMailto" in data) {
      this.outputs.mail(event, target);
    } else if (data.shDraftKeep) {
      this.drafts.keep(data.shDraftKeep);
    } else if (data.shDraftTake) {
      this.drafts.take(data.shDraftTake);
    } else if (data.shDownload) {
      this.outputs.download(data.shDownload);
    } else if ("shShare" in data) {
      this.outputs.share(data.shShare);
    } else if ("shRetry" in data) {
      this.startWorker();
    } else if ("shReset" in data) {
      this.root.querySelector("[data-sh-reset-dialog]").showModal();
    } else if ("shResetCancel" in data) {
      this.root.querySelector("[data-sh-reset-dialog]").close();
    } else if ("shResetConfirm" in data) {
      this.reset();
    }
  }

  // The reader tried to send: from now on, everything still missing is listed.
  attempt() {
    if (this.attempted) return;
    this.attempted = true;
    this.dirty = true;
    this.flush();
  }

  reset() {
    clearTimeout(this.saveTimer);
    this.root.querySelector("[data-sh-reset-dialog]").close();
    this.form.reset();
    this.drafts.clear();
    this.store.remove(STORAGE_KEY, PREVIOUS_KEY);
    this.notices.clear();
    this.steps.show(this.data.steps[0]);
    this.fields.updateCounts();
    this.notices.feedback("Cleared. The form is blank again.");
    this.touched = false;
    this.touchedFields.clear();
    this.attempted = false;
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
