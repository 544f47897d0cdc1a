// What screen-reader users hear besides what they read: one polite live region for the
// coach's news and the answers to buttons, one assertive region for failures, both in
// the page from the start (partials/builder/live.html), visually hidden.
//
// Coaching news is said once per meaningful change: "ready" once per start, and changes
// in the five-tip checklist only after typing pauses, comparing with what was last
// said, so a status that flips while someone types and flips back is never mentioned.
import { STATUS_TEXT } from "./checklist.js";

export const PAUSE_MS = 1500;

// How each checklist status is said: singular and plural, after "Tip 2 now …" or a count.
const SAID = {
  ok: ["done", "done"],
  advice: ["worth a look", "worth a look"],
  warning: ["needs work", "need work"],
  pending: ["not started", "not started"],
};
const ORDER = ["ok", "advice", "warning", "pending"];

function said(status, count = 1) {
  const forms = SAID[status] || [(STATUS_TEXT[status] || status).toLowerCase()];
  return count === 1 ? forms[0] : forms[forms.length - 1];
}

export class Announcer {
  constructor(root) {
    this.polite = root.querySelector('[data-sh-announce="polite"]');
    this.assertive = root.querySelector('[data-sh-announce="assertive"]');
  }

  say(text) {
    this.put(this.polite, text);
  }

  alert(text) {
    this.put(this.assertive, text);
  }

  // Emptied first and filled a moment later, so the same words said twice are heard twice.
  put(region, text) {
    if (!region) return;
    clearTimeout(region.shTimer);
    region.textContent = "";
    region.shTimer = setTimeout(() => { region.textContent = text; }, 50);
  }
}

// "Checklist: 2 tips done, 3 need work." (tips not started are not counted).
export function summary(statuses) {
  const counts = {};
  for (const status of Object.values(statuses)) counts[status] = (counts[status] || 0) + 1;
  const order = [...ORDER, ...Object.keys(counts).filter((status) => !ORDER.includes(status))];
  const parts = order
    .filter((status) => status !== "pending" && counts[status])
    .map((status, i) => {
      const n = counts[status];
      const noun = i > 0 ? "" : n === 1 ? " tip" : " tips";
      return `${n}${noun} ${said(status, n)}`;
    });
  return parts.length ? `Checklist: ${parts.join(", ")}.` : "";
}

// "Tip 2 now done. Tip 3 now needs work." for the tips whose status changed.
export function changes(before, after) {
  return Object.keys(after)
    .filter((tip) => before[tip] !== after[tip])
    .map((tip) => `Tip ${tip} now ${said(after[tip])}.`)
    .join(" ");
}

const allPending = (statuses) => Object.values(statuses).every((s) => s === "pending");

export class CoachNews {
  constructor(announcer, pause = PAUSE_MS) {
    this.announcer = announcer;
    this.pause = pause;
    this.heard = null; // the statuses last said (or taken as known)
    this.latest = null;
    this.readySaid = true;
    this.timer = 0;
  }

  // Python started: the next checklist is said with "ready".
  ready() {
    this.readySaid = false;
  }

  // The form was cleared: the next checklist is taken as known, not said.
  quiet() {
    clearTimeout(this.timer);
    this.heard = null;
  }

  failed(text) {
    clearTimeout(this.timer);
    this.readySaid = true;
    this.announcer.alert(text);
  }

  // The reader typed: news waits until the typing pauses.
  typing() {
    if (this.timer) this.wait();
  }

  checklist(checklist) {
    this.latest = Object.fromEntries(checklist.map((check) => [check.tip.number, check.status]));
    if (!this.readySaid) {
      this.readySaid = true;
      this.heard = this.latest;
      this.announcer.say(`The coach is ready. ${summary(this.latest)}`.trim());
    } else if (!this.heard) {
      this.heard = this.latest;
    } else {
      this.wait();
    }
  }

  wait() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tell(), this.pause);
  }

  tell() {
    this.timer = 0;
    const before = this.heard;
    const after = this.latest;
    this.heard = after;
    if (!before || allPending(after)) return;
    const text = allPending(before) ? summary(after) : changes(before, after);
    if (text) this.announcer.say(text);
  }
}
