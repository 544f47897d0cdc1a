// The edit loop the builder and the reply helper share. Every change marks the form
// dirty and schedules a save; at most one question is with Python at a time, and the
// next one carries the form as it is when it goes, so a fast typist's keystrokes fold
// into one question instead of queueing.
const SAVE_DELAY_MS = 300;

export class EditLoop {
  // python: the PythonWorker; message() -> the question for the form as it is now;
  // save() -> stores the form.
  constructor(python, { message, save }) {
    this.python = python;
    this.message = message;
    this.save = save;
    this.dirty = false;
    this.touched = new Set(); // fields typed in or left: their messages show
    this.attempted = false; // tried to send: every message shows
    this.saveTimer = 0;
  }

  // A field changed (`name`), or the form as a whole (no name).
  edited(name) {
    if (name) this.touched.add(name);
    this.changed();
  }

  // Leaving a field counts as touching it: its messages show from then on.
  left(name) {
    if (!name || this.touched.has(name)) return;
    this.touched.add(name);
    this.ask();
  }

  changed() {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), SAVE_DELAY_MS);
    this.ask();
  }

  // Ask Python again about the form (nothing to save: the reader's text is the same).
  ask() {
    this.dirty = true;
    this.flush();
  }

  // Ask again once the answer being shown is in place (the next flush sends it).
  askLater() {
    this.dirty = true;
  }

  // The reader tried to send: from now on, everything still missing is listed.
  attempt() {
    if (this.attempted) return;
    this.attempted = true;
    this.ask();
  }

  // A fresh form: nothing touched or tried yet.
  forget() {
    this.touched.clear();
    this.attempted = false;
  }

  cancelSave() {
    clearTimeout(this.saveTimer);
  }

  // Sends `message` in place of the usual question (the form's state goes with it).
  send(message) {
    this.dirty = false;
    this.python.send(message);
  }

  // Called after every answer too: the question that waited goes now.
  flush() {
    if (!this.python.ready || this.python.busy || !this.dirty) return;
    this.dirty = false;
    this.python.send(this.message());
  }
}
