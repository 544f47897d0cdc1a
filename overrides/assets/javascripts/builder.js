// The request builder's page glue. It moves the form's values to Python (running in
// a worker) and puts Python's answers into the page, always as text. Validation,
// coaching, drafting and the link format all live in the `builder` package.
//
// What it owns: showing one step at a time, autosaving the draft in this browser,
// filling the form from a pre-filled link, and the copy/mail/download/share buttons.

import { updateCounts } from "./field-counts.js";
import { PythonWorker } from "./python.js";

const STORAGE_KEY = "shorthaul.builder.draft";
const PREVIOUS_KEY = "shorthaul.builder.previous-draft";
const SAVE_DELAY_MS = 300;

const STATUS_TEXT = {
  pending: "Not checked yet",
  ok: "Done",
  advice: "Worth a look",
  warning: "Needs work",
};

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

class Builder {
  constructor(root) {
    this.root = root;
    this.data = JSON.parse(root.querySelector("[data-sh-builder-data]").textContent);
    this.form = root.querySelector("[data-sh-form]");
    this.notices = root.querySelector("[data-sh-notices]");
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
    this.storageProblem = "";
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
    const hashStep = location.hash.replace(/^#step-/, "");
    this.showStep(this.data.steps.includes(hashStep) ? hashStep : this.data.steps[0], false);
    this.updateCounts();
  }

  // --- values ----------------------------------------------------------------

  values() {
    const values = {};
    for (const { name } of this.data.fields) {
      const item = this.form.elements.namedItem(name);
      values[name] = item ? item.value : "";
    }
    return values;
  }

  fill(values) {
    for (const { name } of this.data.fields) {
      if (typeof values[name] !== "string") continue;
      const item = this.form.elements.namedItem(name);
      if (item instanceof RadioNodeList) {
        for (const radio of item) radio.checked = radio.value === values[name];
      } else if (item) {
        item.value = values[name];
      }
    }
    this.updateCounts();
  }

  fromQuery(search) {
    const params = new URLSearchParams(search);
    const values = {};
    let found = false;
    for (const { name, url_key: key } of this.data.fields) {
      if (params.has(key)) {
        values[name] = params.get(key);
        found = true;
      }
    }
    return found ? values : null;
  }

  // --- the saved draft ---------------------------------------------------------

  readSaved(key) {
    let raw;
    try {
      raw = localStorage.getItem(key);
    } catch (error) {
      this.storageProblem = "This browser does not let the page store anything, so your draft will not be kept when you leave. Copy or download it first.";
      return null;
    }
    if (raw === null) return null;
    try {
      const saved = JSON.parse(raw);
      if (saved && typeof saved.values === "object" && saved.values) return { raw, saved };
    } catch (error) {
      // fall through: reported below
    }
    return { raw, saved: null };
  }

  linkState() {
    // Pre-filled links carry the answers in the query (?f=…) or, for share links,
    // in the fragment (#v=1&f=…), which the browser never sends to the server.
    for (const part of [location.search.slice(1), location.hash.slice(1)]) {
      const values = part ? this.fromQuery(part) : null;
      if (values) return { query: part, values };
    }
    return null;
  }

  restore() {
    const link = this.linkState();
    const linked = link?.values;
    const own = this.readSaved(STORAGE_KEY);
    if (linked) {
      this.linkQuery = link.query;
      this.fill(linked);
      // A link's answers win, but the reader's own draft is kept and offered back.
      if (own?.saved && JSON.stringify(own.saved.values) !== JSON.stringify(linked)) {
        this.writeStorage(PREVIOUS_KEY, own.raw);
        this.offerPrevious(own.saved);
      }
      // Drop the answers from the address, so a reload shows the reader's edits;
      // anything else in it (such as `embed`) stays.
      const params = new URLSearchParams(location.search);
      for (const { url_key: key } of this.data.fields) params.delete(key);
      params.delete("v");
      const rest = params.toString();
      history.replaceState(history.state, "", location.pathname + (rest ? `?${rest}` : ""));
      this.save();
    } else if (own?.saved) {
      this.fill(own.saved.values);
    } else if (own && !own.saved) {
      this.notice("The draft saved in this browser could not be read, so the form starts blank.", "warning");
    }
    if (this.storageProblem) this.notice(this.storageProblem, "warning");
  }

  offerPrevious(saved) {
    const note = this.notice("This page was opened from a link that fills in the form. Your own saved draft is kept.", "info");
    const use = el("button", "md-button sh-notice__action", "Use my saved draft instead");
    use.type = "button";
    use.addEventListener("click", () => {
      this.fill(saved.values);
      note.remove();
      this.edited();
    });
    note.append(" ", use);
  }

  writeStorage(key, text) {
    try {
      localStorage.setItem(key, text);
      return true;
    } catch (error) {
      const full = error && error.name === "QuotaExceededError";
      const message = full
        ? "Your browser's storage is full, so this draft is not being saved. Copy or download it before you leave."
        : "This browser does not let the page store anything, so your draft will not be kept when you leave. Copy or download it first.";
      if (this.storageProblem !== message) {
        this.storageProblem = message;
        this.notice(message, "warning");
      }
      return false;
    }
  }

  save() {
    clearTimeout(this.saveTimer);
    const saved = { version: this.data.version, saved_at: new Date().toISOString(), values: this.values() };
    this.writeStorage(STORAGE_KEY, JSON.stringify(saved));
  }

  // --- notices ---------------------------------------------------------------

  notice(text, kind) {
    const note = el("p", `sh-notice sh-notice--${kind}`, text);
    this.notices.append(note);
    return note;
  }

  feedback(text) {
    const out = this.root.querySelector("[data-sh-feedback]");
    out.textContent = "";
    requestAnimationFrame(() => { out.textContent = text; });
  }

  // --- steps -----------------------------------------------------------------

  showStep(id, focus = true) {
    for (const section of this.root.querySelectorAll("[data-sh-step]")) {
      section.hidden = section.dataset.shStep !== id;
    }
    for (const link of this.root.querySelectorAll(".sh-progress__link")) {
      if (link.dataset.shGoto === id) link.setAttribute("aria-current", "step");
      else link.removeAttribute("aria-current");
    }
    if (focus) {
      history.replaceState(history.state, "", `${location.pathname}${location.search}#step-${id}`);
      this.root.querySelector(`#step-${id}-title`).focus();
    }
  }

  goToField(name) {
    const section = this.form.querySelector(`[data-sh-field="${CSS.escape(name)}"]`)?.closest("[data-sh-step]");
    if (!section) return;
    this.showStep(section.dataset.shStep, false);
    const item = this.form.elements.namedItem(name);
    (item instanceof RadioNodeList ? item[0] : item)?.focus();
  }

  // --- talking to Python -------------------------------------------------------

  startWorker() {
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
    this.updateCounts();
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), SAVE_DELAY_MS);
    this.dirty = true;
    this.flush();
  }

  flush() {
    if (!this.python.ready || this.python.busy || !this.dirty) return;
    this.dirty = false;
    this.python.send({ type: "evaluate", values: this.values() });
  }

  started() {
    this.root.querySelector("[data-sh-loading]").hidden = true;
    this.root.dataset.shReady = "true";
    this.first();
  }

  answered(message, latest) {
    if (message.type === "result" && latest) {
      this.show(message.result);
    } else if (message.type === "error") {
      this.notice("Something went wrong while checking your request. Your text is safe in the form.", "warning");
    }
    this.flush();
  }

  first() {
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

  // --- showing Python's answer -----------------------------------------------

  show(result) {
    this.result = result;
    if (result.notices?.length) {
      this.fill(result.values);
      for (const notice of result.notices) this.notice(notice.text, "info");
      this.save();
    }
    this.showMessages(result.messages);
    this.showChecklist(result.checklist);
    this.showDrafts(result.drafts);
    this.showSend(result);
    this.root.dataset.shRevision = String(this.python.seq);
  }

  showMessages(messages) {
    for (const { name } of this.data.fields) {
      const out = this.root.querySelector(`[data-sh-message="${CSS.escape(name)}"]`);
      const list = messages[name] || [];
      out.textContent = list.map((m) => m.text).join(" ");
      const error = list.some((m) => m.severity === "error");
      out.classList.toggle("sh-field__message--error", error);
      const item = this.form.elements.namedItem(name);
      if (item && !(item instanceof RadioNodeList)) {
        if (error) item.setAttribute("aria-invalid", "true");
        else item.removeAttribute("aria-invalid");
      }
    }
  }

  showChecklist(checklist) {
    for (const check of checklist) {
      const item = this.root.querySelector(`[data-sh-tip="${check.tip.number}"]`);
      if (!item) continue;
      item.dataset.shStatus = check.status;
      item.querySelector("[data-sh-tip-status]").textContent = STATUS_TEXT[check.status] || check.status;
      const list = item.querySelector("[data-sh-tip-findings]");
      list.replaceChildren(...check.findings.map((finding) => {
        const li = el("li", `sh-finding sh-finding--${finding.severity}`);
        li.append(el("strong", "sh-finding__title", finding.title), " ", el("span", "", finding.explanation));
        if (finding.suggestion) li.append(" ", el("span", "sh-finding__suggestion", finding.suggestion));
        if (finding.field) {
          const fix = el("a", "sh-finding__fix", "Change this");
          fix.href = `#sh-field-${finding.field}`;
          fix.dataset.shField = finding.field;
          li.append(" ", fix);
        }
        return li;
      }));
    }
  }

  showDrafts(drafts) {
    for (const pane of this.root.querySelectorAll("[data-sh-draft]")) {
      const draft = drafts[pane.dataset.shDraft];
      if (!draft) continue;
      const subject = pane.querySelector("[data-sh-draft-subject]");
      subject.textContent = draft.subject ? `Subject: ${draft.subject}` : "";
      subject.hidden = !draft.subject;
      pane.querySelector("[data-sh-draft-text]").textContent = draft.text;
    }
  }

  showSend(result) {
    const mailto = this.root.querySelector("[data-sh-mailto]");
    if (typeof result.mailto === "string" && result.mailto.startsWith("mailto:")) {
      mailto.href = result.mailto;
      mailto.removeAttribute("aria-disabled");
    }
    const problems = this.root.querySelector("[data-sh-problems]");
    const errors = [];
    for (const { name } of this.data.fields) {
      for (const message of result.messages[name] || []) {
        if (message.severity === "error") errors.push([name, message.text]);
      }
    }
    problems.replaceChildren(...errors.map(([name, text]) => {
      const li = el("li");
      const link = el("a", "", text);
      link.href = `#sh-field-${name}`;
      link.dataset.shField = name;
      li.append(link);
      return li;
    }));
    const open = result.checklist.filter((check) => check.status !== "ok").length;
    let state = `Fix ${errors.length === 1 ? "this" : `these ${errors.length} things`} before you send it:`;
    if (result.ready && open) {
      state = `Your request can be sent, but ${open === 1 ? "one tip" : `${open} tips`} in the checklist ${open === 1 ? "is" : "are"} worth a look first.`;
    } else if (result.ready) {
      state = "Your request is ready and meets all five tips. Read it through once more, then send it.";
    }
    this.root.querySelector("[data-sh-send-state]").textContent = state;
  }

  updateCounts() {
    updateCounts(this.root, this.form);
  }

  // --- buttons ---------------------------------------------------------------

  clicked(event) {
    const target = event.target.closest("a, button");
    if (!target || !this.root.contains(target)) return;
    const data = target.dataset;
    if (data.shGoto) {
      event.preventDefault();
      this.showStep(data.shGoto);
    } else if (data.shField) {
      event.preventDefault();
      this.goToField(data.shField);
    } else if (data.shCopy) {
      this.copy(data.shCopy);
    } else if ("shMailto" in data && target.getAttribute("aria-disabled") === "true") {
      event.preventDefault();
      this.feedback("The message is not ready yet: the coach is still loading.");
    } else if (data.shDownload) {
      this.download(data.shDownload);
    } else if ("shShare" in data) {
      this.share();
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

  draftText(name) {
    if (name === "fallback") return this.root.querySelector("[data-sh-fallback]").textContent;
    const drafts = this.result?.drafts;
    if (!drafts) return null;
    const draft = drafts[name === "primary" ? this.result.primary : name];
    if (!draft) return null;
    return draft.subject ? `Subject: ${draft.subject}\n\n${draft.text}` : draft.text;
  }

  async copy(name) {
    const text = this.draftText(name);
    if (text === null) {
      this.feedback("There is nothing to copy yet: the coach is still loading.");
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      this.feedback("Copied. Paste it wherever you write to your mentor.");
    } catch (error) {
      this.feedback("Your browser did not allow copying. Select the text in the preview and copy it by hand.");
    }
  }

  download(format) {
    const text = this.result?.downloads?.[format];
    if (!text) {
      this.feedback("There is nothing to download yet: the coach is still loading.");
      return;
    }
    const type = format === "markdown" ? "text/markdown" : "text/plain";
    const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
    const link = el("a");
    link.href = url;
    link.download = format === "markdown" ? "mentoring-request.md" : "mentoring-request.txt";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.feedback(`Downloaded ${link.download}.`);
  }

  async share() {
    if (!this.result) {
      this.feedback("The link is not ready yet: the coach is still loading.");
      return;
    }
    const url = new URL(location.pathname, location.origin);
    url.hash = this.result.query;
    try {
      await navigator.clipboard.writeText(url.href);
      this.feedback("Copied a link that fills in this form. Anyone who opens it sees your answers.");
    } catch (error) {
      this.feedback(`Your browser did not allow copying. The link is: ${url.href}`);
    }
  }

  reset() {
    clearTimeout(this.saveTimer);
    this.root.querySelector("[data-sh-reset-dialog]").close();
    this.form.reset();
    try {
      localStorage.removeItem(STORAGE_KEY);
      localStorage.removeItem(PREVIOUS_KEY);
    } catch (error) {
      // nothing was stored
    }
    this.notices.replaceChildren();
    this.showStep(this.data.steps[0]);
    this.updateCounts();
    this.feedback("Cleared. The form is blank again.");
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
