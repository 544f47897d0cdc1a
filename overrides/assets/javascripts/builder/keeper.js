// Everything kept in this browser: one versioned document of requests (builder/keeping/store.py
// says what is in it and reads it; this only moves it to and from localStorage).
//
// Several tabs may have the builder open: each write merges this tab's requests into
// what is stored now (merge.js), and a write from another tab (the `storage` event) is
// merged in here too, so that no tab deletes another's work. Which request a tab is
// working on is its own (sessionStorage), so a reload keeps it.
//
// Until Python has opened the document (at start-up), the form may hold something that
// is not in it yet: a draft of before the upgrade, a pre-filled link, text typed while
// the page loaded. That goes into the old single-draft key as a working copy, exactly
// as before, and Python adopts it into the document ("open-store"). Nothing is lost
// on the way: the old keys are removed only after the document holding them is saved.
import { canonical, merge, snapshot } from "./merge.js";
import { PREVIOUS_KEY, STORAGE_KEY } from "./storage.js";

export const DOCUMENT_KEY = "shorthaul.builder.requests";
const UNREADABLE_KEY = "shorthaul.builder.requests.unreadable";
const TAB_CURRENT_KEY = "shorthaul.builder.current"; // sessionStorage: this tab's request
const FORMAT = "shorthaul-requests";
// A request's name changes as the reader types: written once they pause (and at
// the next save of the form, which writes the whole document anyway).
const WRITE_DELAY_MS = 300;

function readRaw(key) {
  try {
    return localStorage.getItem(key);
  } catch (error) {
    return null; // DraftStore reports blocked storage
  }
}

function tabCurrent(id) {
  try {
    if (id === undefined) return sessionStorage.getItem(TAB_CURRENT_KEY);
    sessionStorage.setItem(TAB_CURRENT_KEY, id);
  } catch (error) {
    // a tab without session storage works on the stored document's current request
  }
  return null;
}

export class Keeper {
  // store: the DraftStore (writes, and reports storage problems once); merged(news) is
  // called when another tab's change came in: news is merge()'s { theirs, copies, gone }
  // and `was`, the request this tab was on before.
  constructor(store, merged = () => {}) {
    this.store = store;
    this.merged = merged;
    this.raw = readRaw(DOCUMENT_KEY);
    this.document = this.parse(this.raw);
    this.mine(this.document);
    this.base = snapshot(this.document);
    this.working = !this.document; // the form's working copy goes to the old key
    this.opened = false; // Python has read (and migrated into) the document
  }

  // This tab's own request, where it has one in the document.
  mine(document) {
    const id = tabCurrent();
    if (document && id && document.requests.some((record) => record.id === id)) document.current = id;
  }

  parse(raw) {
    try {
      const data = raw && JSON.parse(raw);
      return data && data.format === FORMAT && Array.isArray(data.requests) ? data : null;
    } catch (error) {
      return null;
    }
  }

  current() {
    const requests = this.document?.requests ?? [];
    return requests.find((r) => r.id === this.document.current) ?? null;
  }

  // The saved request the form would start from: { values, edits, after } or null.
  saved() {
    const record = this.current();
    return record ? { values: record.values, edits: record.edits, after: record.after } : null;
  }

  // The form now holds something of its own (a link, early typing): keep it apart.
  diverge() {
    this.working = true;
  }

  // Back to the saved request ("Use my saved draft instead" before Python started).
  converge() {
    this.working = !this.document;
  }

  save(form) {
    const savedAt = new Date().toISOString();
    if (!this.take(form)) {
      const { values, edits, after } = form;
      const copy = { version: 1, saved_at: savedAt, values, edits, after };
      this.store.write(STORAGE_KEY, JSON.stringify(copy));
      return;
    }
    this.write(savedAt);
  }

  // The form's state into the current request, not yet stored; false when there is no
  // request for it (before Python has opened the document, or while the form holds a
  // link's values or early typing).
  take({ values, edits, after, zone }) {
    const record = this.working ? null : this.current();
    if (!record) return false;
    Object.assign(record, { values, edits, after });
    if (!record.zone && zone) record.zone = zone;
    return true;
  }

  // Merges what is stored into this tab's document and stores the result, unless it is
  // what is stored already: a write only for this tab's current request (`quiet`, when
  // another tab's write is heard) would make that tab hear this one, and so on.
  write(savedAt = new Date().toISOString(), quiet = false) {
    clearTimeout(this.writeTimer);
    if (!this.document) return false;
    const stored = this.opened ? this.parse(readRaw(DOCUMENT_KEY)) : null;
    let news = null;
    if (stored) {
      const was = this.document.current;
      const result = merge(stored, this.document, this.base);
      this.document = result.document;
      const { theirs, copies, gone } = result;
      if (theirs.length || copies.length || gone.length) news = { theirs, copies, gone, was };
    }
    tabCurrent(this.document.current);
    let written = true;
    const same = stored && canonical(stored.requests) === canonical(this.document.requests);
    if (!same || (!quiet && stored.current !== this.document.current)) {
      this.document.saved_at = savedAt;
      written = this.store.write(DOCUMENT_KEY, JSON.stringify(this.document));
    }
    if (written) this.base = snapshot(this.document);
    if (news) this.merged(news);
    return written;
  }

  // Another tab wrote the document (the `storage` event). What it changed (its old value
  // against its new) is merged into this tab's document, with this tab's unsaved edits
  // (`take`: the form into the current request) as this tab's side; then the result is
  // stored if it differs from what is stored (quietly: not for this tab's current
  // request alone, or each tab would answer the other's write with one of its own).
  heard(event, take) {
    const next = this.parse(event.newValue);
    if (!this.opened || !next) return;
    take();
    const was = this.document.current;
    const result = merge(next, this.document, snapshot(this.parse(event.oldValue)));
    this.document = result.document;
    this.base = snapshot(next);
    const { theirs, copies, gone } = result;
    if (theirs.length || copies.length || gone.length) this.merged({ theirs, copies, gone, was });
    this.write(new Date().toISOString(), true);
  }

  writeSoon() {
    clearTimeout(this.writeTimer);
    this.writeTimer = setTimeout(() => this.write(), WRITE_DELAY_MS);
  }

  // Python reads what is stored, migrates the old drafts into it, adopts the working
  // copy. Returns { previous, notices } (previous: the request to offer back).
  async open(python, today) {
    this.raw = readRaw(DOCUMENT_KEY); // another tab may have written since this one loaded
    this.base = snapshot(this.parse(this.raw));
    const adopting = this.working; // the form holds a link or early typing: Python adopts it
    const answer = await python.ask({
      type: "open-store",
      stored: this.raw,
      draft: this.working ? readRaw(STORAGE_KEY) : null,
      previous: readRaw(PREVIOUS_KEY),
      today,
    });
    if (answer.type !== "result") return null;
    const { document, previous, notices, unreadable } = answer.result;
    if (unreadable && this.raw !== null) this.store.write(UNREADABLE_KEY, this.raw); // kept aside
    this.document = document;
    if (!adopting) this.mine(this.document);
    this.working = false;
    this.opened = true;
    if (this.write()) this.store.remove(STORAGE_KEY, PREVIOUS_KEY);
    return { previous, notices };
  }

  replace(document) {
    this.document = document;
    this.write();
  }
}
