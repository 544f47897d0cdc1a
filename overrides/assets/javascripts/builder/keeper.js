// Everything kept in this browser: one versioned document of requests (builder/store.py
// says what is in it and reads it; this only moves it to and from localStorage).
//
// Until Python has opened the document (at start-up), the form may hold something that
// is not in it yet: a draft of before the upgrade, a pre-filled link, text typed while
// the page loaded. That goes into the old single-draft key as a working copy, exactly
// as before, and Python adopts it into the document ("open-store"). Nothing is lost
// on the way: the old keys are removed only after the document holding them is saved.
import { PREVIOUS_KEY, STORAGE_KEY } from "./storage.js";

export const DOCUMENT_KEY = "shorthaul.builder.requests";
const UNREADABLE_KEY = "shorthaul.builder.requests.unreadable";
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

export class Keeper {
  // store: the DraftStore (writes, and reports storage problems once).
  constructor(store) {
    this.store = store;
    this.raw = readRaw(DOCUMENT_KEY);
    this.document = this.parse(this.raw);
    this.working = !this.document; // the form's working copy goes to the old key
    this.opened = false; // Python has read (and migrated into) the document
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

  save({ values, edits, after, zone }) {
    const savedAt = new Date().toISOString();
    const record = this.working ? null : this.current();
    if (!record) {
      const copy = { version: 1, saved_at: savedAt, values, edits, after };
      this.store.write(STORAGE_KEY, JSON.stringify(copy));
      return;
    }
    Object.assign(record, { values, edits, after });
    if (!record.zone && zone) record.zone = zone;
    this.write(savedAt);
  }

  write(savedAt = new Date().toISOString()) {
    clearTimeout(this.writeTimer);
    if (!this.document) return false;
    this.document.saved_at = savedAt;
    return this.store.write(DOCUMENT_KEY, JSON.stringify(this.document));
  }

  writeSoon() {
    clearTimeout(this.writeTimer);
    this.writeTimer = setTimeout(() => this.write(), WRITE_DELAY_MS);
  }

  // Python reads what is stored, migrates the old drafts into it, adopts the working
  // copy. Returns { previous, notices } (previous: the request to offer back).
  async open(python, today) {
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
