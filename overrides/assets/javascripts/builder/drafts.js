// The draft panes. Each shows the builder's draft in an editable text area: the reader
// has the last word. An edit is kept, with the builder's draft it started from (its
// base), until the reader takes a new draft; Python says when the builder has drafted
// something new since (stale), and this offers the choice. Text goes in as .value and
// .textContent only.
import { setHidden, setText } from "./dom.js";
import { draftText } from "./save.js";

export class DraftPanes {
  // onEdit() is called whenever the reader's edits change (to save and re-check them).
  constructor(root, onEdit) {
    this.root = root;
    this.onEdit = onEdit;
    this.fresh = {}; // the builder's latest drafts, by name
    this.edits = {}; // the reader's versions: { text, subject, base, base_subject }
    this.askedAbout = {}; // the edits the question being answered carried (see asked())
    this.panes = {};
    for (const pane of root.querySelectorAll("[data-sh-draft]")) {
      const name = pane.dataset.shDraft;
      const parts = {
        pane,
        text: pane.querySelector("[data-sh-draft-text]"),
        subject: pane.querySelector("[data-sh-draft-subject]"),
        print: pane.querySelector("[data-sh-draft-print]"),
        stale: pane.querySelector("[data-sh-draft-stale]"),
        edited: pane.querySelector("[data-sh-draft-edited]"),
        undo: pane.querySelector("[data-sh-draft-undo]"),
      };
      this.panes[name] = parts;
      for (const input of [parts.text, parts.subject]) {
        input?.addEventListener("input", () => this.edited(name));
      }
    }
  }

  edited(name) {
    const parts = this.panes[name];
    const fresh = this.fresh[name];
    if (!fresh) return; // nothing drafted yet: there is nothing to edit
    const previous = this.edits[name];
    this.edits[name] = {
      text: parts.text.value,
      subject: parts.subject ? parts.subject.value : "",
      base: previous ? previous.base : fresh.text,
      base_subject: previous ? previous.base_subject : fresh.subject,
    };
    this.mirror(name);
    this.mark(name, false);
    this.onEdit();
  }

  // The builder's drafts, and Python's view of the reader's edits ({ name: { stale } }).
  show(drafts, edits = {}) {
    this.fresh = drafts;
    for (const [name, parts] of Object.entries(this.panes)) {
      const draft = drafts[name];
      // A draft for after the ask shows only at its stage (builder/after/drafts.py).
      if (parts.pane.hasAttribute("data-sh-draft-optional")) setHidden(parts.pane, !draft);
      if (!draft) continue;
      const mine = this.edits[name];
      // Python says whether the reader's text is its draft again, for the edit it was
      // asked about. An edit made while the answer was on its way (a slow phone: the
      // reader edits the text, then the subject) is not that edit, and stays.
      const answered = mine !== undefined && this.askedAbout[name] === mine;
      if (answered && !edits[name] && document.activeElement !== parts.text) {
        delete this.edits[name]; // the reader's text is the builder's draft again
      }
      if (!this.edits[name]) {
        setValue(parts.text, draft.text);
        if (parts.subject) setValue(parts.subject, draft.subject);
      }
      this.mirror(name);
      this.mark(name, Boolean(edits[name]?.stale));
    }
  }

  mirror(name) {
    const parts = this.panes[name];
    const subject = parts.subject?.value;
    setText(parts.print, draftText({ subject, text: parts.text.value }));
  }

  mark(name, stale) {
    const parts = this.panes[name];
    const edited = Boolean(this.edits[name]);
    setHidden(parts.edited, !edited);
    setHidden(parts.undo, !edited || stale);
    setHidden(parts.stale, !stale);
    const state = edited ? (stale ? "stale" : "true") : "false";
    if (parts.pane.dataset.shEdited !== state) parts.pane.dataset.shEdited = state;
  }

  // "Keep my version": the reader has seen the new draft and kept theirs.
  keep(name) {
    const edit = this.edits[name];
    const fresh = this.fresh[name];
    if (!edit || !fresh) return;
    edit.base = fresh.text;
    edit.base_subject = fresh.subject;
    this.mark(name, false);
    this.onEdit();
  }

  // "Use the new draft" / "Undo my changes": back to the builder's draft.
  take(name) {
    delete this.edits[name];
    const fresh = this.fresh[name];
    const parts = this.panes[name];
    if (fresh) {
      parts.text.value = fresh.text;
      if (parts.subject) parts.subject.value = fresh.subject;
    }
    this.mirror(name);
    this.mark(name, false);
    parts.text.focus();
    this.onEdit();
  }

  // The reader's version of a draft if they edited it, else the builder's.
  current(name) {
    const edit = this.edits[name];
    if (edit) return { text: edit.text, subject: edit.subject };
    return this.fresh[name] || null;
  }

  // For the saved draft in this browser, and back.
  saved() {
    return { ...this.edits };
  }

  // The edits for a question to Python: noted, so that its answer is read as being
  // about these (every edit is a new object: one made since is told apart).
  asked() {
    this.askedAbout = { ...this.edits };
    return { ...this.edits };
  }

  restore(edits) {
    if (!edits || typeof edits !== "object") return;
    for (const [name, edit] of Object.entries(edits)) {
      const parts = this.panes[name];
      if (!parts || !edit || typeof edit.text !== "string" || typeof edit.base !== "string") continue;
      this.edits[name] = {
        text: edit.text,
        subject: typeof edit.subject === "string" ? edit.subject : "",
        base: edit.base,
        base_subject: typeof edit.base_subject === "string" ? edit.base_subject : "",
      };
      parts.text.value = edit.text;
      if (parts.subject) parts.subject.value = this.edits[name].subject;
      this.mirror(name);
      this.mark(name, false);
    }
  }

  clear() {
    this.edits = {};
    for (const name of Object.keys(this.panes)) this.mark(name, false);
  }
}

// Sets a field's value only when it differs, so the caret does not jump for nothing.
function setValue(input, value) {
  if (input.value !== value) input.value = value;
}
