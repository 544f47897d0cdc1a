// The mentors' reply helper's page glue. It moves the form's values (and the protégé's
// link, if the page was opened from one) to Python in the worker, and puts Python's
// answers into the page as text. Reading, coaching and drafting the reply all live in
// the `builder.mentor` package.
//
// It reuses the request builder's components (form values, notices, start-up status,
// editable drafts, saved-draft storage) and the worker client; reply/ holds its own.

import { Announcer } from "./builder/announcer.js";
import { keepFocusInView } from "./builder/dom.js";
import { DraftPanes } from "./builder/drafts.js";
import { showFeedback } from "./builder/feedback.js";
import { FormValues } from "./builder/form.js";
import { EditLoop } from "./builder/loop.js";
import { Notices } from "./builder/notices.js";
import { StartStatus } from "./builder/status.js";
import { DraftStore } from "./builder/storage.js";
import { today } from "./builder/today.js";
import { PythonWorker } from "./python.js";
import { showCoaching } from "./reply/coaching.js";
import { showDetails } from "./reply/details.js";
import { ReplyOutputs } from "./reply/outputs.js";
import { LinkedRequest, forgetLink, linkedQuery } from "./reply/request.js";
import { showSend } from "./reply/send.js";
import { mark, t } from "./texts.js";

const STORAGE_KEY = "shorthaul.reply.draft";
const PREVIOUS_KEY = "shorthaul.reply.previous";
const FAILED = mark("Something went wrong while drafting your reply. Your text is safe in the form.");
const INSTALLING = "Installing the request builder…"; // the worker's progress, said of this helper

class ReplyHelper {
  constructor(root) {
    this.root = root;
    this.data = JSON.parse(root.querySelector("[data-sh-reply-data]").textContent);
    this.form = root.querySelector("[data-sh-form]");
    this.notices = new Notices(root);
    this.announcer = new Announcer(root);
    this.status = new StartStatus(root);
    this.fields = new FormValues(root, this.form, this.data.fields);
    this.linked = new LinkedRequest(root);
    this.store = new DraftStore((text) => this.notices.add(text, "warning"));
    this.drafts = new DraftPanes(root, () => this.changed());
    this.outputs = new ReplyOutputs({
      say: (text, from) => showFeedback(root, this.announcer, text, from),
      drafts: this.drafts,
      result: () => this.result,
      attempt: () => this.attempt(),
    });
    this.python = new PythonWorker(root, {
      onProgress: (step, of, label) => this.status.progress(step, label === INSTALLING ? mark("Installing the reply helper…") : label),
      onReady: () => this.started(),
      onFailed: (reason) => this.failed(reason),
      onAnswer: (message, latest) => this.answered(message, latest),
    });
    this.request = ""; // the protégé's link, or "" for a request the mentor sums up
    this.opened = false; // the first answer after a link fills in names, tone, channel
    this.relevant = null; // the fields Python's latest answer says belong to the reply
    this.loop = new EditLoop(this.python, { message: () => this.question(), save: () => this.save() });
    this.result = null;
  }

  mount() {
    this.status.starting();
    this.python.start(); // first: Python's start-up is the long pole
    this.root.classList.add("sh-builder--enhanced");
    this.form.addEventListener("input", (event) => this.edited(event));
    this.form.addEventListener("change", (event) => this.edited(event));
    this.form.addEventListener("focusout", (event) => this.loop.left(event.target?.name));
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.root.addEventListener("click", (event) => this.clicked(event));
    addEventListener("pagehide", () => this.save());
    addEventListener("hashchange", () => this.linkChanged());
    this.restore();
    showDetails(this.root, this.form);
    this.fields.updateCounts();
  }

  // --- the link and the saved reply ---------------------------------------------

  restore() {
    const link = linkedQuery(this.data.link_keys);
    const own = this.store.read(STORAGE_KEY);
    const saved = own?.saved ?? null;
    if (link) {
      forgetLink(this.data.link_keys);
      if (saved && saved.request === link) {
        this.fill(saved);
      } else {
        this.request = link;
        this.opened = true;
        if (saved && Object.keys(saved.values || {}).length) {
          this.store.write(PREVIOUS_KEY, own.raw);
          this.notices.offer(
            t("This page was opened from a request link. Your earlier reply is kept."),
            t("Go back to my earlier reply"),
            t("Your earlier reply is back."),
            () => {
              this.form.reset();
              this.fill(saved);
              this.changed();
            },
          );
        }
        this.save();
      }
    } else if (saved) {
      this.fill(saved);
    }
    if (own && !saved) this.notices.add(t("The reply saved in this browser could not be read, so the form starts blank."), "warning");
    this.linked.mark(Boolean(this.request));
  }

  // Another request's link opened in this same page: a fresh reply, the last one kept.
  linkChanged() {
    if (!linkedQuery(this.data.link_keys)) return;
    this.save();
    this.form.reset();
    this.drafts.clear();
    this.notices.clear();
    this.loop.forget();
    this.relevant = null;
    this.restore();
    showDetails(this.root, this.form);
    this.changed();
  }

  fill(saved) {
    this.request = typeof saved.request === "string" ? saved.request : "";
    this.relevant = null;
    this.fields.fill(saved.values || {});
    this.drafts.clear();
    this.drafts.restore(saved.edits);
    this.linked.mark(Boolean(this.request));
    showDetails(this.root, this.form);
  }

  save() {
    this.loop.cancelSave();
    const saved = {
      version: this.data.version,
      saved_at: new Date().toISOString(),
      request: this.request,
      values: this.fields.values(),
      edits: this.drafts.saved(),
    };
    this.store.write(STORAGE_KEY, JSON.stringify(saved));
  }

  // --- talking to Python -------------------------------------------------------

  edited(event) {
    const name = event?.target?.name;
    if (name === "response") showDetails(this.root, this.form, this.relevant);
    this.fields.updateCounts();
    this.loop.edited(name);
  }

  changed() {
    this.loop.changed();
  }

  question() {
    return {
      type: "reply",
      values: this.fields.values(),
      request: this.request,
      opened: this.opened,
      touched: [...this.loop.touched],
      attempted: this.loop.attempted,
      edits: this.drafts.asked(),
      today: today(), // the request's dates are placed and named by the mentor's today
    };
  }

  started() {
    this.status.ready();
    this.loop.ask();
  }

  answered(message, latest) {
    if (message.type === "result" && latest) {
      this.show(message.result);
    } else if (message.type === "error" && !this.failedOnce) {
      this.failedOnce = true;
      this.notices.add(t(FAILED), "warning");
    }
    this.loop.flush();
  }

  show(result) {
    this.result = result;
    this.relevant = result.relevant;
    if (this.opened) {
      // The link's request, and the names, email, tone and channel it suggests, into the form,
      // except where the mentor has already typed or chosen (then Python drafts again).
      this.opened = false;
      const { touched } = this.loop;
      const untouched = Object.entries(result.values).filter(([name]) => !touched.has(name));
      this.fields.fill(Object.fromEntries(untouched));
      for (const notice of result.request?.notices || []) this.notices.add(notice.text, "info");
      this.save();
      if (touched.size > 0) this.loop.askLater(); // again, with what the mentor typed
    }
    if (result.request) this.linked.show(result.request.rows);
    showDetails(this.root, this.form, this.relevant);
    this.fields.showMessages(result.messages);
    showCoaching(this.root, result.findings, new URL(this.root.dataset.shSiteRoot, location.href));
    this.drafts.show(result.drafts, result.edits);
    showSend(this.root, result, this.loop.attempted);
    keepFocusInView();
    this.root.dataset.shRevision = String(this.python.seq);
  }

  // --- buttons ---------------------------------------------------------------

  clicked(event) {
    const target = event.target.closest("a, button");
    if (!target || !this.root.contains(target)) return;
    const data = target.dataset;
    if (data.shField) {
      event.preventDefault();
      this.fields.focus(data.shField);
    } else if (data.shCopy) {
      this.outputs.copy(data.shCopy, target);
    } else if ("shMailto" in data) {
      this.outputs.mail(event, target);
    } else if (data.shDraftKeep) {
      this.drafts.keep(data.shDraftKeep);
    } else if (data.shDraftTake) {
      this.drafts.take(data.shDraftTake);
    } else if (data.shDownload) {
      this.outputs.download(data.shDownload, target);
    } else if ("shUnlink" in data) {
      this.request = "";
      this.linked.mark(false);
      this.fields.focus("protege_name");
      this.changed();
    } else if ("shRetry" in data) {
      this.status.starting();
      this.python.start();
    } else if ("shReset" in data) {
      this.root.querySelector("[data-sh-reset-dialog]").showModal();
    } else if ("shResetCancel" in data) {
      this.root.querySelector("[data-sh-reset-dialog]").close();
    } else if ("shResetConfirm" in data) {
      this.reset();
    }
  }

  failed(reason) {
    this.announcer.alert(t("The helper could not start. Your answers are kept."));
    this.status.failed(reason);
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
    this.request = "";
    this.relevant = null;
    this.linked.mark(false);
    showDetails(this.root, this.form);
    this.fields.updateCounts();
    this.announcer.say(t("Cleared. The form is blank again."));
    this.loop.forget();
    this.changed();
    this.fields.focus("protege_name");
  }
}

function mount() {
  for (const root of document.querySelectorAll("[data-sh-reply]:not([data-sh-mounted])")) {
    root.dataset.shMounted = "true";
    new ReplyHelper(root).mount();
  }
}

mount();
if (window.document$) window.document$.subscribe(mount);
